// The one file that speaks QHttpServer for the receiver (keep those calls together: moving to a
// newer Qt touches one place).
#include "receiver.h"

#include "receiverclock.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace wa {

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    const char *key
        = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

} // namespace

struct Receiver::Private
{
    explicit Private(Receiver *owner)
        : q(owner)
    { }

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    EventVerdict check(const ReceivedRequest &request, const QByteArray &fullBody) const;
    void answer(int sequence, int status, QHttpServerResponder &responder);
    ReceivedRequest *find(int sequence);

    Receiver *q;
    std::unique_ptr<QHttpServer> server;
    QPointer<QTcpServer> tcp;
    QString basePath = QString::fromLatin1(DefaultBasePath);
    QString secret;
    SecretResolver resolver;
    EventVerifier verifier;
    ReceiverClock *clock = &ReceiverClock::system();
    Behaviour behaviour;
    QList<ReceivedRequest> requests;
    int nextSequence = 1;
};

Receiver::Receiver(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<wa::ReceivedRequest>();
}

Receiver::~Receiver() = default;

Result<Done> Receiver::start(quint16 port)
{
    stop();
    auto server = std::make_unique<QHttpServer>();
    auto *tcp = new QTcpServer(server.get());
    // Loopback only: the receiver is for this machine (never QHttpServer::listen's Any).
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        return ApiError::coded(
            ApiError::Kind::Network, QStringLiteral("receiver-listen"),
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::Receiver", "Cannot listen on 127.0.0.1:%1: %2."))
                .arg(port)
                .arg(tcp->errorString()));
    }
    server->bind(tcp);
    server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            d->handle(request, std::move(responder));
        });
    d->server = std::move(server);
    d->tcp = tcp;
    Q_EMIT listeningChanged(true);
    return Done {};
}

void Receiver::stop()
{
    if (!d->server)
        return;
    // Closes the listening socket and every connection (they are its children); answers held
    // back by a delay find their socket gone and are dropped.
    d->server.reset();
    Q_EMIT listeningChanged(false);
}

bool Receiver::isListening() const
{
    return d->tcp && d->tcp->isListening();
}

quint16 Receiver::port() const
{
    return isListening() ? d->tcp->serverPort() : 0;
}

QUrl Receiver::url() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(d->basePath);
    return url;
}

QUrl Receiver::freshConfigUrl() const
{
    QUrl fresh = url();
    if (fresh.isEmpty())
        return fresh;
    const QString tag = QString::number(QRandomGenerator::global()->generate(), 36);
    fresh.setPath(fresh.path() + u'/' + tag);
    return fresh;
}

QString Receiver::basePath() const
{
    return d->basePath;
}

void Receiver::setBasePath(const QString &path)
{
    QString normalised = path;
    while (normalised.endsWith(u'/'))
        normalised.chop(1);
    if (!normalised.isEmpty() && !normalised.startsWith(u'/'))
        normalised.prepend(u'/');
    d->basePath = normalised;
}

void Receiver::setSecret(const QString &secret)
{
    d->secret = secret;
    d->resolver = nullptr;
}

void Receiver::setSecretResolver(SecretResolver resolver)
{
    d->resolver = std::move(resolver);
    d->secret.clear();
}

QString Receiver::secretFor(const QString &basePath) const
{
    return d->resolver ? d->resolver(basePath) : d->secret;
}

EventVerifier Receiver::verifier() const
{
    return d->verifier;
}

void Receiver::setWindowSeconds(int seconds)
{
    d->verifier.setWindowSeconds(seconds);
}

void Receiver::setFutureSkewSeconds(int seconds)
{
    d->verifier.setFutureSkewSeconds(seconds);
}

Receiver::Behaviour Receiver::behaviour() const
{
    return d->behaviour;
}

void Receiver::setBehaviour(const Behaviour &behaviour)
{
    d->behaviour = behaviour;
}

void Receiver::setClock(ReceiverClock *clock)
{
    d->clock = clock ? clock : &ReceiverClock::system();
}

QList<ReceivedRequest> Receiver::requests() const
{
    return d->requests;
}

void Receiver::clear()
{
    d->requests.clear();
    Q_EMIT cleared();
}

void Receiver::recheck()
{
    for (ReceivedRequest &request : d->requests) {
        if (request.bodyTruncated)
            continue; // the bytes that were signed are no longer all here
        const EventVerdict verdict = d->check(request, request.body);
        if (verdict.code != request.verdict.code || verdict.detail != request.verdict.detail) {
            request.verdict = verdict;
            Q_EMIT requestUpdated(request);
        }
    }
}

ReceivedRequest *Receiver::Private::find(int sequence)
{
    auto it = std::find_if(requests.begin(), requests.end(),
                           [sequence](const ReceivedRequest &r) { return r.sequence == sequence; });
    return it == requests.end() ? nullptr : &*it;
}

EventVerdict Receiver::Private::check(const ReceivedRequest &request,
                                      const QByteArray &fullBody) const
{
    const std::optional<QByteArray> header = request.header(Signature::HeaderName);
    // An earlier valid request with the same signature tells which bytes were signed.
    const QByteArray *signedBody = nullptr;
    if (header) {
        for (const ReceivedRequest &earlier : requests) {
            if (earlier.sequence != request.sequence && earlier.verdict.valid()
                && earlier.header(Signature::HeaderName) == header) {
                signedBody = &earlier.body;
                break;
            }
        }
    }
    const QByteArray secretBytes = q->secretFor(request.basePath).toUtf8();
    return verifier.verify(secretBytes, header, fullBody, request.receivedAt, signedBody);
}

void Receiver::Private::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    ReceivedRequest received;
    received.sequence = nextSequence++;
    received.receivedAt = clock->now();
    received.method = methodName(request.method());
    received.path = request.url().path();
    received.query = request.url().query();
    const qsizetype slash = received.path.lastIndexOf(u'/');
    received.basePath = slash >= 0 ? received.path.left(slash) : QString();
    received.eventId = received.path.mid(slash + 1);
    received.headers = request.headers();
    // Qt 6.4 hands headers over from a hash: sort them so that every view shows the same order.
    std::stable_sort(
        received.headers.begin(), received.headers.end(),
        [](const auto &a, const auto &b) { return a.first.toLower() < b.first.toLower(); });
    const QByteArray body = request.body();
    received.body = body.left(BodyLimit);
    received.bodyTruncated = body.size() > BodyLimit;
    received.verdict = check(received, body);

    int status = received.verdict.valid() ? 200 : 400;
    if (received.method != QLatin1String("POST"))
        status = 405;
    else if (behaviour.status != 0)
        status = behaviour.status;

    received.responseStatus = status;
    received.delayMs = std::max(0, behaviour.delayMs);
    requests.append(received);
    Q_EMIT q->requestReceived(received);

    const int sequence = received.sequence;
    if (received.delayMs == 0) {
        answer(sequence, status, responder);
        return;
    }
    // Held back: keep the responder, and answer only if its connection is still there.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = held->socket();
    clock->after(received.delayMs, q, [this, held, socket, sequence, status] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            answer(sequence, status, *held);
    });
}

void Receiver::Private::answer(int sequence, int status, QHttpServerResponder &responder)
{
    ReceivedRequest *request = find(sequence); // null when cleared meanwhile
    QJsonObject body;
    if (request) {
        body.insert(QStringLiteral("verdict"), request->verdict.name());
        body.insert(QStringLiteral("detail"), request->verdict.detail);
        body.insert(QStringLiteral("event_id"), request->eventId);
    }
    if (status == 405)
        // The answer's words are the wire's: English, whatever the console's language.
        body.insert(QStringLiteral("error"),
                    QStringLiteral("Only POST <path>/<event id> is accepted."));

    const auto code = static_cast<QHttpServerResponder::StatusCode>(status);
    if (status >= 300 && status < 400) {
        QUrl location = behaviour.redirectTo;
        if (location.isEmpty()) {
            location = q->url();
            location.setPath(location.path() + QStringLiteral("/redirected"));
        }
        responder.write(QJsonDocument(body), {{"Location", location.toEncoded()}}, code);
    } else {
        responder.write(QJsonDocument(body), code);
    }
    if (request) {
        request->answered = true;
        Q_EMIT q->requestUpdated(*request);
    }
}

} // namespace wa
