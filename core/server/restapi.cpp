#include "restapi.h"

#include "jsoncodec.h"
#include "localservice.h"
#include "requestcodec.h"

#include <QStringList>
#include <QUrl>

namespace wa {

using namespace Qt::StringLiterals;

namespace {

enum class Endpoint
{
    ListConfigs,
    CreateConfig,
    GetConfig,
    UpdateConfig,
    DeactivateConfig,
    TestConfig,
    ListAttempts,
    ListTasks,
    GetTask,
    ListEvents,
    GetEvent,
    ResendEvent,
    GetOrganisation,
    SetDefaultConfig,
    GetKey,
    SetKeyConfig,
};

// A path pattern ("*" stands for an ID) and the methods it takes.
struct Route
{
    QStringList pattern;
    QList<QPair<QByteArray, Endpoint>> methods;
};

const QList<Route> &routes()
{
    static const QList<Route> table = {
        {{u"configs"_s, u"webhook"_s},
         {{"GET", Endpoint::ListConfigs}, {"POST", Endpoint::CreateConfig}}},
        {{u"configs"_s, u"webhook"_s, u"*"_s},
         {{"GET", Endpoint::GetConfig},
          {"POST", Endpoint::UpdateConfig},
          {"DELETE", Endpoint::DeactivateConfig}}},
        // The documentation shows GET, ricloud-py 3.x sends POST: take both.
        {{u"configs"_s, u"webhook"_s, u"*"_s, u"test"_s},
         {{"GET", Endpoint::TestConfig}, {"POST", Endpoint::TestConfig}}},
        {{u"configs"_s, u"webhook"_s, u"*"_s, u"attempts"_s}, {{"GET", Endpoint::ListAttempts}}},
        {{u"tasks"_s}, {{"GET", Endpoint::ListTasks}}},
        {{u"tasks"_s, u"*"_s}, {{"GET", Endpoint::GetTask}}},
        {{u"events"_s}, {{"GET", Endpoint::ListEvents}}},
        {{u"events"_s, u"*"_s}, {{"GET", Endpoint::GetEvent}}},
        {{u"events"_s, u"*"_s, u"resend"_s}, {{"POST", Endpoint::ResendEvent}}},
        {{u"organisation"_s},
         {{"GET", Endpoint::GetOrganisation}, {"POST", Endpoint::SetDefaultConfig}}},
        {{u"key"_s}, {{"GET", Endpoint::GetKey}}},
        {{u"keys"_s, u"*"_s}, {{"POST", Endpoint::SetKeyConfig}}},
    };
    return table;
}

// "/configs/webhook/abc/" -> {"configs", "webhook", "abc"}; nullopt for "/", "//x" and the like.
std::optional<QStringList> splitPath(const QString &path)
{
    if (!path.startsWith(u'/'))
        return std::nullopt;
    QStringView rest = QStringView(path).sliced(1);
    if (rest.endsWith(u'/'))
        rest.chop(1); // one trailing slash is accepted
    QStringList segments;
    for (const QStringView segment : rest.split(u'/')) {
        if (segment.isEmpty())
            return std::nullopt;
        segments << QUrl::fromPercentEncoding(segment.toUtf8());
    }
    return segments;
}

const Route *matchRoute(const QStringList &segments, QStringList *ids)
{
    for (const Route &route : routes()) {
        if (route.pattern.size() != segments.size())
            continue;
        QStringList captured;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (route.pattern.at(i) == u"*"_s)
                captured << segments.at(i);
            else
                matches = route.pattern.at(i) == segments.at(i);
        }
        if (matches) {
            *ids = captured;
            return &route;
        }
    }
    return nullptr;
}

// "Authorization: Token <token>", scheme case-insensitive, compared in constant time by the
// service.
bool hasValidToken(const HttpRequest &request, const LocalService &service)
{
    const QByteArray value = request.header("Authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || QByteArrayView(value).first(space).compare("Token", Qt::CaseInsensitive) != 0)
        return false;
    const QByteArray token = value.mid(space + 1).trimmed();
    return !token.isEmpty() && service.acceptsToken(token);
}

QFuture<HttpReply> ready(HttpReply reply)
{
    return QtFuture::makeReadyFuture(std::move(reply));
}

QFuture<HttpReply> failed(const ApiError &error)
{
    return ready(HttpReply::fromError(error));
}

// Encoding is pure, so the continuation runs wherever the service fulfils its future (at once
// when it is already finished); LocalServer brings the reply back to its own thread.
template<typename T, typename Encode>
QFuture<HttpReply> answer(QFuture<Result<T>> future, int status, Encode encode)
{
    return future.then([status, encode](const Result<T> &result) {
        if (!result.ok())
            return HttpReply::fromError(result.error());
        return HttpReply {status, encode(result.value()), {}};
    });
}

template<typename T> QFuture<HttpReply> answer(QFuture<Result<T>> future, int status = 200)
{
    return answer(std::move(future), status,
                  [](const T &value) { return JsonCodec::toJson(value); });
}

template<typename T>
QFuture<HttpReply> answerList(QFuture<Result<ListPage<T>>> future, const QString &url)
{
    return answer(std::move(future), 200, [url](ListPage<T> page) {
        if (page.url.isEmpty())
            page.url = url;
        return JsonCodec::toJson(page);
    });
}

// Configs are the hottest answers (every list and get): their JSON text is kept with each
// cached row and joined, never encoded twice.
QFuture<HttpReply> answerText(QFuture<Result<QByteArray>> future)
{
    return future.then([](const Result<QByteArray> &result) {
        if (!result.ok())
            return HttpReply::fromError(result.error());
        HttpReply reply {200, {}, {}};
        reply.text = result.value();
        return reply;
    });
}

// Requests that take no query parameters refuse any, naming each.
std::optional<ApiError> refuseQuery(const QUrlQuery &query)
{
    QMap<QString, QString> params;
    for (const auto &[name, value] : query.queryItems())
        params.insert(name, u"is not a known parameter"_s);
    if (params.isEmpty())
        return std::nullopt;
    return ApiError::invalidParameters(params);
}

// Actions without parameters take an empty body, `null` or `{}` (ricloud-py sends `null`).
std::optional<ApiError> refuseBodyFields(const QByteArray &body)
{
    const Result<QJsonObject> parsed = RequestCodec::parseBody(body);
    if (!parsed.ok())
        return parsed.error();
    QMap<QString, QString> params;
    for (auto it = parsed.value().constBegin(); it != parsed.value().constEnd(); ++it)
        params.insert(it.key(), u"is not a known parameter"_s);
    if (params.isEmpty())
        return std::nullopt;
    return ApiError::invalidParameters(params);
}

std::optional<Endpoint> findEndpoint(const Route &route, const QByteArray &method)
{
    for (const auto &[routeMethod, endpoint] : route.methods) {
        if (routeMethod == method)
            return endpoint;
    }
    return std::nullopt;
}

QByteArray allowHeader(const Route &route)
{
    QList<QByteArray> methods;
    for (const auto &[method, endpoint] : route.methods) {
        if (!methods.contains(method))
            methods << method;
    }
    return methods.join(", ");
}

QFuture<HttpReply> dispatch(LocalService *service, Endpoint endpoint, const QStringList &ids,
                            const HttpRequest &request)
{
    const QString id = ids.value(0);
    const int await = RequestCodec::decodeAwait(request.header("Ricloud-Await"));

    // Endpoints with their own query decoder check it themselves; the others take none.
    switch (endpoint) {
    case Endpoint::ListConfigs:
    case Endpoint::ListAttempts:
    case Endpoint::ListTasks:
    case Endpoint::ListEvents:
        break;
    default:
        if (auto error = refuseQuery(request.query))
            return failed(*error);
    }

    switch (endpoint) {
    case Endpoint::ListConfigs: {
        const auto query = RequestCodec::decodeConfigQuery(request.query);
        if (!query.ok())
            return failed(query.error());
        return answerText(service->listConfigsText(query.value().filter, query.value().page));
    }
    case Endpoint::CreateConfig: {
        const auto body = RequestCodec::parseBody(request.body);
        if (!body.ok())
            return failed(body.error());
        const auto url = RequestCodec::decodeCreate(body.value());
        if (!url.ok())
            return failed(url.error());
        return answer(service->createConfig(url.value(), await), 201);
    }
    case Endpoint::GetConfig:
        return answerText(service->configText(id));
    case Endpoint::UpdateConfig: {
        const auto body = RequestCodec::parseBody(request.body);
        if (!body.ok())
            return failed(body.error());
        const auto changes = RequestCodec::decodeUpdate(body.value());
        if (!changes.ok())
            return failed(changes.error());
        return answer(service->updateConfig(id, changes.value(), await));
    }
    case Endpoint::DeactivateConfig:
        if (auto error = refuseBodyFields(request.body))
            return failed(*error);
        return answer(service->deactivateConfig(id));
    case Endpoint::TestConfig:
        if (request.method != "GET") {
            if (auto error = refuseBodyFields(request.body))
                return failed(*error);
        }
        return answer(service->testConfig(id, await), 201);
    case Endpoint::ListAttempts: {
        const auto page = RequestCodec::decodePageQuery(request.query);
        if (!page.ok())
            return failed(page.error());
        return answerList(service->listAttempts(id, page.value()),
                          u"/configs/webhook/%1/attempts"_s.arg(id));
    }
    case Endpoint::ListTasks: {
        const auto query = RequestCodec::decodeTaskQuery(request.query);
        if (!query.ok())
            return failed(query.error());
        return answerList(service->listTasks(query.value().filter, query.value().page),
                          u"/tasks"_s);
    }
    case Endpoint::GetTask:
        return answer(service->task(id));
    case Endpoint::ListEvents: {
        const auto page = RequestCodec::decodePageQuery(request.query);
        if (!page.ok())
            return failed(page.error());
        return answerList(service->listEvents(page.value()), u"/events"_s);
    }
    case Endpoint::GetEvent:
        return answer(service->event(id));
    case Endpoint::ResendEvent:
        if (auto error = refuseBodyFields(request.body))
            return failed(*error);
        return answer(service->resendEvent(id));
    case Endpoint::GetOrganisation:
        return answer(service->organisation());
    case Endpoint::SetDefaultConfig: {
        const auto body = RequestCodec::parseBody(request.body);
        if (!body.ok())
            return failed(body.error());
        const auto configId
            = RequestCodec::decodeIdOrNull(body.value(), u"webhook_config_default"_s);
        if (!configId.ok())
            return failed(configId.error());
        return answer(service->setDefaultConfig(configId.value()));
    }
    case Endpoint::GetKey:
        return answer(service->key());
    case Endpoint::SetKeyConfig: {
        const auto body = RequestCodec::parseBody(request.body);
        if (!body.ok())
            return failed(body.error());
        const auto configId = RequestCodec::decodeIdOrNull(body.value(), u"webhook_config"_s);
        if (!configId.ok())
            return failed(configId.error());
        return answer(service->setKeyConfig(id, configId.value()));
    }
    }
    return failed(ApiError::serverError(u"Unrouted endpoint."_s));
}

// GET /health, for load balancers: no token, and it says only whether the database answers.
bool isHealthCheck(const HttpRequest &request)
{
    return request.path == u"/health"_s && request.method == "GET";
}

} // namespace

RestApi::RestApi(LocalService *service)
    : m_service(service)
{
    Q_ASSERT(service);
}

std::optional<HttpReply> RestApi::refuseHead(const HttpRequest &request, qint64 bodyBytes) const
{
    if (isHealthCheck(request))
        return std::nullopt;
    if (!hasValidToken(request, *m_service))
        return HttpReply::fromError(ApiError::unauthorized());

    const std::optional<QStringList> segments = splitPath(request.path);
    QStringList ids;
    const Route *route = segments ? matchRoute(*segments, &ids) : nullptr;
    if (!route) {
        return HttpReply::fromError(ApiError::notFound(u"There is no such resource: %1."_s.arg(
            QUrl::fromPercentEncoding(request.path.toUtf8()))));
    }

    // Methods are case-sensitive (RFC 9110): "get" is not GET, and the answer names what was
    // sent.
    if (!findEndpoint(*route, request.method)) {
        HttpReply reply = HttpReply::fromError(ApiError::methodNotAllowed(
            QString::fromLatin1(request.method), u'/' + segments->join(u'/')));
        reply.headers.append({"Allow", allowHeader(*route)});
        return reply;
    }

    if (bodyBytes > RequestCodec::MaxBodyBytes)
        return HttpReply::fromError(ApiError::payloadTooLarge(RequestCodec::MaxBodyBytes));
    return std::nullopt;
}

QFuture<HttpReply> RestApi::handle(const HttpRequest &request) const
{
    // For load balancers: no token, and it says only whether the database answers.
    if (isHealthCheck(request)) {
        return m_service->health().then([](const Result<Done> &healthy) {
            if (!healthy.ok()) {
                HttpReply reply = HttpReply::fromError(healthy.error());
                reply.body.insert(u"status"_s, u"unavailable"_s);
                reply.status = 503;
                return reply;
            }
            return HttpReply {200, QJsonObject {{u"status"_s, u"ok"_s}}, {}};
        });
    }
    if (auto refusal = refuseHead(request, request.body.size()))
        return ready(std::move(*refusal));

    QStringList ids;
    const Route *route = matchRoute(*splitPath(request.path), &ids);
    return dispatch(m_service, *findEndpoint(*route, request.method), ids, request).onCanceled([] {
        return HttpReply::fromError(
            ApiError::serverError(u"The service stopped before it answered."_s));
    });
}

} // namespace wa
