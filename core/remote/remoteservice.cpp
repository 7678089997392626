#include "remoteservice.h"

#include "jsoncodec.h"
#include "remoteerrors.h"
#include "requestcodec.h"

#include <QJsonDocument>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QSslError>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <vector>

namespace wa {

namespace {

using Answer = Result<QJsonObject>;
using Handler = std::function<void(const Answer &)>;

struct Request
{
    QByteArray verb;
    QString path; // percent-encoded, below the base URL's path
    QUrlQuery query;
    std::optional<QByteArray> body;
    int awaitSeconds = 0;

    bool idempotent() const { return verb == "GET"; }

    static Request get(QString path, QUrlQuery query = {})
    {
        return {"GET", std::move(path), std::move(query), std::nullopt, 0};
    }
    static Request post(QString path, const QJsonValue &body, int awaitSeconds = 0)
    {
        const QByteArray bytes = body.isNull()
            ? QByteArrayLiteral("null") // what ricloud-py sends for actions without parameters
            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        return {"POST", std::move(path), {}, bytes, awaitSeconds};
    }
    static Request remove(QString path) { return {"DELETE", std::move(path), {}, std::nullopt, 0}; }
};

struct Pending
{
    Request request;
    Handler handler;
    int attempt = 0; // retries made so far
    QPointer<QNetworkReply> reply;
    QStringList sslErrors;
    bool timedOut = false;
};

// A promise that is kept in a shared_ptr, so that handlers can copy it.
template<typename T> class SharedPromise
{
public:
    SharedPromise()
        : m_promise(std::make_shared<QPromise<Result<T>>>())
    {
        m_promise->start();
    }
    QFuture<Result<T>> future() const { return m_promise->future(); }
    void finish(Result<T> result) const
    {
        m_promise->addResult(std::move(result));
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<Result<T>>> m_promise;
};

template<typename T> QFuture<Result<T>> ready(Result<T> result)
{
    return QtFuture::makeReadyFuture(std::move(result));
}

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

ApiError emptyId(const char *field)
{
    return ApiError::invalidParameter(
        QString::fromLatin1(field),
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteService", "must not be empty")));
}

} // namespace

struct RemoteService::Private
{
    RemoteService *q = nullptr;
    Options options;
    QNetworkAccessManager *network = nullptr;
    std::vector<std::shared_ptr<Pending>> pending;
    bool shuttingDown = false;

    void send(Request request, Handler handler);
    void start(const std::shared_ptr<Pending> &call);
    void finished(const std::shared_ptr<Pending> &call, QNetworkReply *reply);
    void complete(const std::shared_ptr<Pending> &call, const Answer &answer);
    void shutdown();
    QUrl urlFor(const Request &request) const;
    int retryDelayMs(int attempt) const;

    template<typename T>
    QFuture<Result<T>> call(Request request, Result<T> (*decode)(const QJsonObject &))
    {
        SharedPromise<T> promise;
        send(std::move(request), [promise, decode](const Answer &answer) {
            promise.finish(answer.ok() ? decode(answer.value()) : Result<T>(answer.error()));
        });
        return promise.future();
    }

    // The extension routes of `serve` (attempts, resend). Decision: a 404 or 405 there means
    // "this backend does not offer the call" only if the resource it is about exists (probed
    // with a GET the hosted API knows); a 404 for a missing config or event passes through as
    // not-found, which is what `serve` itself answers for those.
    template<typename T>
    QFuture<Result<T>> extensionCall(Request request, Result<T> (*decode)(const QJsonObject &),
                                     QString probePath, Phrase what)
    {
        SharedPromise<T> promise;
        send(std::move(request), [this, promise, decode, probePath, what](const Answer &answer) {
            if (answer.ok()) {
                promise.finish(decode(answer.value()));
                return;
            }
            const ApiError error = answer.error();
            if (error.kind != ApiError::Kind::NotFound
                && error.kind != ApiError::Kind::MethodNotAllowed) {
                promise.finish(error);
                return;
            }
            if (error.kind == ApiError::Kind::MethodNotAllowed) {
                promise.finish(ApiError::unsupported(what));
                return;
            }
            send(Request::get(probePath), [promise, error, what](const Answer &probe) {
                promise.finish(probe.ok() ? ApiError::unsupported(what) : error);
            });
        });
        return promise.future();
    }

    struct Walk
    {
        ConfigFilter filter;
        QList<WebhookConfig> all;
        SharedPromise<QList<WebhookConfig>> promise;
    };
    void walk(const std::shared_ptr<Walk> &state, const QString &afterId);
};

RemoteService::RemoteService(Options options, QObject *parent)
    : WebhookService(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
    d->options.maxRetries = std::max(0, d->options.maxRetries);
    d->options.listAllPageSize = std::clamp(d->options.listAllPageSize, 1, PageRequest::MaxLimit);
    d->network = new QNetworkAccessManager(this);
    // Redirects are reported, never followed: the token must only go where the user pointed it.
    d->network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

RemoteService::~RemoteService()
{
    d->shutdown();
}

QByteArray RemoteService::userAgent()
{
    return QByteArrayLiteral("webhook-admin/" WA_VERSION
                             " (+https://github.com/webhook-admin/webhook-admin)");
}

QUrl RemoteService::baseUrl() const
{
    return d->options.baseUrl;
}

QString RemoteService::describe() const
{
    return d->options.baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

void RemoteService::Private::send(Request request, Handler handler)
{
    if (shuttingDown) {
        handler(RemoteErrors::cancelled());
        return;
    }
    // The network manager lives in the service's thread: hop there when called from another.
    if (QThread::currentThread() != q->thread()) {
        QMetaObject::invokeMethod(
            q,
            [this, request = std::move(request), handler = std::move(handler)]() mutable {
                send(std::move(request), std::move(handler));
            },
            Qt::QueuedConnection);
        return;
    }
    auto call = std::make_shared<Pending>();
    call->request = std::move(request);
    call->handler = std::move(handler);
    pending.push_back(call);
    start(call);
}

QUrl RemoteService::Private::urlFor(const Request &request) const
{
    QUrl url = options.baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + request.path, QUrl::TolerantMode);
    url.setQuery(request.query);
    return url;
}

int RemoteService::Private::retryDelayMs(int attempt) const
{
    // Exponential backoff (base, 2 x base, 4 x base...) with jitter in [50 %, 100 %] of it, so
    // that many clients failing together do not come back together.
    const double full = double(options.retryBaseDelayMs) * double(1 << std::min(attempt, 16));
    return int(full * (0.5 + QRandomGenerator::global()->bounded(0.5)));
}

void RemoteService::Private::start(const std::shared_ptr<Pending> &call)
{
    const Request &request = call->request;
    QNetworkRequest networkRequest(urlFor(request));
    networkRequest.setRawHeader("Authorization", "Token " + options.token.toUtf8());
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    networkRequest.setRawHeader("Accept", "application/json");
    const int await = std::clamp(request.awaitSeconds, 0, MaxAwaitSeconds);
    if (await > 0)
        networkRequest.setRawHeader("Ricloud-Await", QByteArray::number(await));
    if (request.body)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArrayLiteral("application/json"));

    QNetworkReply *reply = nullptr;
    if (request.verb == "GET")
        reply = network->get(networkRequest);
    else if (request.verb == "DELETE")
        reply = network->deleteResource(networkRequest);
    else
        reply = network->sendCustomRequest(networkRequest, request.verb,
                                           request.body.value_or(QByteArray()));
    call->reply = reply;
    call->sslErrors.clear();
    call->timedOut = false;

    // Our own timer rather than the transfer timeout: a server that trickles bytes must not
    // hold the caller forever. The server may hold the answer for the awaited seconds.
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    timer->start(options.timeoutMs + await * 1000);
    QObject::connect(timer, &QTimer::timeout, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
    // Never ignored: the handshake fails and we say why.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [call](const QList<QSslError> &errors) {
                         for (const QSslError &error : errors)
                             call->sslErrors << error.errorString();
                     });
    QObject::connect(reply, &QNetworkReply::finished, q,
                     [this, call, reply] { finished(call, reply); });
}

void RemoteService::Private::finished(const std::shared_ptr<Pending> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->reply != reply)
        return;
    call->reply = nullptr;

    RemoteErrors::ReplyFacts facts;
    facts.url = reply->url();
    facts.error = reply->error();
    facts.errorString = reply->errorString();
    facts.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.contentType = reply->rawHeader("Content-Type");
    facts.location = reply->rawHeader("Location");
    facts.body = reply->isOpen() ? reply->readAll() : QByteArray();
    facts.sslErrors = call->sslErrors;
    facts.timedOut = call->timedOut;
    facts.timeoutMs
        = options.timeoutMs + std::clamp(call->request.awaitSeconds, 0, MaxAwaitSeconds) * 1000;

    const RemoteErrors::Outcome outcome = RemoteErrors::classify(facts);
    if (outcome.retryable && call->request.idempotent() && call->attempt < options.maxRetries) {
        const int delay = retryDelayMs(call->attempt);
        ++call->attempt;
        QTimer::singleShot(delay, q, [this, call] {
            if (std::find(pending.begin(), pending.end(), call) != pending.end())
                start(call);
        });
        return;
    }
    complete(call, outcome.result);
}

void RemoteService::Private::complete(const std::shared_ptr<Pending> &call, const Answer &answer)
{
    pending.erase(std::remove(pending.begin(), pending.end(), call), pending.end());
    call->handler(answer);
}

void RemoteService::Private::shutdown()
{
    shuttingDown = true;
    const auto calls = std::move(pending);
    pending.clear();
    for (const auto &call : calls) {
        if (QNetworkReply *reply = call->reply) {
            reply->disconnect();
            reply->abort();
            reply->deleteLater();
        }
        call->handler(RemoteErrors::cancelled());
    }
}

void RemoteService::Private::walk(const std::shared_ptr<Walk> &state, const QString &afterId)
{
    PageRequest page;
    page.limit = options.listAllPageSize;
    page.afterId = afterId;
    send(Request::get(QStringLiteral("/configs/webhook"),
                      RequestCodec::encodeConfigQuery(state->filter, page)),
         [this, state](const Answer &answer) {
             if (!answer.ok()) {
                 state->promise.finish(answer.error());
                 return;
             }
             auto page = JsonCodec::configPageFromJson(answer.value());
             if (!page.ok()) {
                 state->promise.finish(page.error());
                 return;
             }
             state->all += page.value().data;
             // An empty page that claims more would loop forever: stop there.
             if (page.value().hasMore && !page.value().data.isEmpty())
                 walk(state, page.value().data.constLast().id);
             else
                 state->promise.finish(state->all);
         });
}

QFuture<Result<ListPage<WebhookConfig>>> RemoteService::listConfigs(const ConfigFilter &filter,
                                                                    const PageRequest &page)
{
    return d->call(Request::get(QStringLiteral("/configs/webhook"),
                                RequestCodec::encodeConfigQuery(filter, page)),
                   &JsonCodec::configPageFromJson);
}

QFuture<Result<QList<WebhookConfig>>> RemoteService::listAllConfigs(const ConfigFilter &filter)
{
    auto state = std::make_shared<Private::Walk>();
    state->filter = filter;
    auto future = state->promise.future();
    d->walk(state, {});
    return future;
}

QFuture<Result<WebhookConfig>> RemoteService::config(const QString &id)
{
    if (id.isEmpty())
        return ready<WebhookConfig>(emptyId("id"));
    return d->call(Request::get(QStringLiteral("/configs/webhook/") + segment(id)),
                   &JsonCodec::configFromJson);
}

QFuture<Result<WebhookConfig>> RemoteService::createConfig(const QString &url, int awaitSeconds)
{
    return d->call(Request::post(QStringLiteral("/configs/webhook"),
                                 RequestCodec::encodeCreate(url), awaitSeconds),
                   &JsonCodec::configFromJson);
}

QFuture<Result<WebhookConfig>>
RemoteService::updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds)
{
    if (id.isEmpty())
        return ready<WebhookConfig>(emptyId("id"));
    return d->call(Request::post(QStringLiteral("/configs/webhook/") + segment(id),
                                 RequestCodec::encodeUpdate(changes), awaitSeconds),
                   &JsonCodec::configFromJson);
}

QFuture<Result<WebhookConfig>> RemoteService::deactivateConfig(const QString &id)
{
    if (id.isEmpty())
        return ready<WebhookConfig>(emptyId("id"));
    return d->call(Request::remove(QStringLiteral("/configs/webhook/") + segment(id)),
                   &JsonCodec::configFromJson);
}

QFuture<Result<Task>> RemoteService::testConfig(const QString &id, int awaitSeconds)
{
    if (id.isEmpty())
        return ready<Task>(emptyId("id"));
    return d->call(
        Request::post(QStringLiteral("/configs/webhook/") + segment(id) + QStringLiteral("/test"),
                      QJsonValue(), awaitSeconds),
        &JsonCodec::taskFromJson);
}

QFuture<Result<Task>> RemoteService::task(const QString &id)
{
    if (id.isEmpty())
        return ready<Task>(emptyId("id"));
    return d->call(Request::get(QStringLiteral("/tasks/") + segment(id)), &JsonCodec::taskFromJson);
}

QFuture<Result<ListPage<Task>>> RemoteService::listTasks(const TaskFilter &filter,
                                                         const PageRequest &page)
{
    return d->call(
        Request::get(QStringLiteral("/tasks"), RequestCodec::encodeTaskQuery(filter, page)),
        &JsonCodec::taskPageFromJson);
}

QFuture<Result<Event>> RemoteService::event(const QString &id)
{
    if (id.isEmpty())
        return ready<Event>(emptyId("id"));
    return d->call(Request::get(QStringLiteral("/events/") + segment(id)),
                   &JsonCodec::eventFromJson);
}

QFuture<Result<ListPage<Event>>> RemoteService::listEvents(const PageRequest &page)
{
    return d->call(Request::get(QStringLiteral("/events"), RequestCodec::encodePageQuery(page)),
                   &JsonCodec::eventPageFromJson);
}

QFuture<Result<Organisation>> RemoteService::organisation()
{
    return d->call(Request::get(QStringLiteral("/organisation")), &JsonCodec::organisationFromJson);
}

QFuture<Result<Organisation>> RemoteService::setDefaultConfig(const QString &configId)
{
    return d->call(Request::post(QStringLiteral("/organisation"),
                                 RequestCodec::encodeIdOrNull(
                                     QStringLiteral("webhook_config_default"), configId)),
                   &JsonCodec::organisationFromJson);
}

QFuture<Result<Key>> RemoteService::key()
{
    return d->call(Request::get(QStringLiteral("/key")), &JsonCodec::keyFromJson);
}

QFuture<Result<Key>> RemoteService::setKeyConfig(const QString &keyId, const QString &configId)
{
    if (keyId.isEmpty())
        return ready<Key>(emptyId("key"));
    return d->call(
        Request::post(QStringLiteral("/keys/") + segment(keyId),
                      RequestCodec::encodeIdOrNull(QStringLiteral("webhook_config"), configId)),
        &JsonCodec::keyFromJson);
}

QFuture<Result<ListPage<DeliveryAttempt>>> RemoteService::listAttempts(const QString &configId,
                                                                       const PageRequest &page)
{
    if (configId.isEmpty())
        return ready<ListPage<DeliveryAttempt>>(emptyId("id"));
    const QString config = QStringLiteral("/configs/webhook/") + segment(configId);
    return d->extensionCall(
        Request::get(config + QStringLiteral("/attempts"), RequestCodec::encodePageQuery(page)),
        &JsonCodec::attemptPageFromJson, config,
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteService", "the delivery log (attempts)")));
}

QFuture<Result<DeliveryAttempt>> RemoteService::resendEvent(const QString &eventId)
{
    if (eventId.isEmpty())
        return ready<DeliveryAttempt>(emptyId("id"));
    const QString event = QStringLiteral("/events/") + segment(eventId);
    return d->extensionCall(Request::post(event + QStringLiteral("/resend"), QJsonValue()),
                            &JsonCodec::attemptFromJson, event,
                            WA_PHRASE(QT_TRANSLATE_NOOP("wa::RemoteService", "resending events")));
}

} // namespace wa
