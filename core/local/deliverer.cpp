#include "deliverer.h"

#include "signature.h"
#include "task.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace wa {

namespace {

// QNAM buffers at most this much of an answer we do not read yet.
constexpr qint64 ReadBufferBytes = 64 * 1024;

// The socket could not be made here (Qt says "Out of resources" for EMFILE and ENOMEM): the
// receiver has seen nothing, so nothing may be concluded about it.
bool isOurs(const QString &errorString)
{
    return errorString.contains(QLatin1String("Out of resources"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1String("Too many open files"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1String("Cannot allocate memory"), Qt::CaseInsensitive);
}

} // namespace

struct Deliverer::Flight
{
    QString host;
    std::function<void(const DeliveryAttempt &)> finished;
    DeliveryAttempt attempt;
    QElapsedTimer clock;
    bool timedOut = false;
    bool capped = false; // we stopped reading a long answer on purpose
};

Deliverer::Deliverer(int timeoutMs, int maxConcurrent, int perHost, TargetPolicy policy,
                     std::function<QDateTime()> clock, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
    , m_timeoutMs(qMax(1, timeoutMs))
    , m_maxConcurrent(qMax(1, maxConcurrent))
    , m_perHost(qMax(1, perHost))
    , m_policy(policy)
{ }

QString Deliverer::hostKey(const QString &url)
{
    const QUrl parsed(url);
    return QStringLiteral("%1://%2:%3")
        .arg(parsed.scheme(), parsed.host())
        .arg(parsed.port(parsed.scheme() == QLatin1String("https") ? 443 : 80));
}

Deliverer::~Deliverer()
{
    stop();
}

QByteArray Deliverer::userAgent()
{
    return QByteArrayLiteral("webhook-admin/" WA_VERSION);
}

QUrl Deliverer::eventUrl(const QString &configUrl, const QString &eventId)
{
    QUrl url(configUrl);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + eventId, QUrl::TolerantMode);
    return url;
}

void Deliverer::enqueue(Job job)
{
    if (m_stopped)
        return;
    const QString host = job.host;
    m_queue.push(host, std::move(job));
    pump();
}

void Deliverer::stop()
{
    m_stopped = true;
    m_queue.clear();
    const auto flights = m_inFlight;
    m_inFlight.clear();
    m_inFlightPerHost.clear();
    for (auto it = flights.cbegin(); it != flights.cend(); ++it) {
        QNetworkReply *reply = it.key();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void Deliverer::pump()
{
    while (!m_stopped && !m_queue.isEmpty() && inFlight() < m_maxConcurrent) {
        auto next = m_queue.takeNext(
            [this](const QString &host) { return m_inFlightPerHost.value(host) < m_perHost; });
        if (!next)
            return; // every waiting host has its share in flight
        Job job = std::move(next->second);
        std::optional<Request> request = job.prepare ? job.prepare() : std::nullopt;
        if (request)
            start(std::move(job), std::move(*request));
    }
}

void Deliverer::start(Job job, Request request)
{
    auto flight = std::make_shared<Flight>();
    flight->host = job.host;
    ++m_inFlightPerHost[flight->host];
    flight->finished = std::move(job.finished);
    DeliveryAttempt &attempt = flight->attempt;
    attempt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attempt.configId = request.configId;
    attempt.taskId = request.taskId;
    attempt.eventId = request.eventId;
    attempt.dateStarted = m_clock();
    attempt.requestBody = request.body;

    const QUrl url = eventUrl(request.configUrl, request.eventId);
    attempt.requestUrl = url.toString(QUrl::FullyEncoded);
    const qint64 timestamp = attempt.dateStarted.toSecsSinceEpoch();
    attempt.requestHeaders = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
        {QByteArray(Signature::HeaderName),
         Signature::header(request.secret.toUtf8(), timestamp, request.body)},
        {QByteArrayLiteral("User-Agent"), userAgent()},
    };

    QNetworkRequest networkRequest(url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(m_timeoutMs);
    for (const auto &[name, value] : std::as_const(attempt.requestHeaders))
        networkRequest.setRawHeader(name, value);

    if (m_policy.allowsPrivate()) {
        send(flight, networkRequest, request.body);
        return;
    }
    // Bound beyond loopback: where the name leads now is checked before anything is sent.
    const QHostAddress literal(url.host());
    if (!literal.isNull()) {
        if (TargetPolicy::isPrivate(literal))
            return refuse(flight, url.host(), literal);
        send(flight, networkRequest, request.body);
        return;
    }
    ++m_resolving;
    QHostInfo::lookupHost(
        url.host(), this,
        [this, flight, networkRequest, body = request.body](const QHostInfo &info) {
            --m_resolving;
            if (m_stopped)
                return;
            for (const QHostAddress &address : info.addresses()) {
                if (TargetPolicy::isPrivate(address))
                    return refuse(flight, info.hostName(), address);
            }
            send(flight, networkRequest, body);
        });
}

void Deliverer::refuse(const std::shared_ptr<Flight> &flight, const QString &host,
                       const QHostAddress &address)
{
    DeliveryAttempt &attempt = flight->attempt;
    attempt.error = QString::fromLatin1(TaskError::Refused);
    attempt.errorDetail = QStringLiteral("%1 is %2, a loopback, link-local or private address: "
                                         "not sent (the service is reachable beyond loopback).")
                              .arg(host, address.toString());
    if (--m_inFlightPerHost[flight->host] <= 0)
        m_inFlightPerHost.remove(flight->host);
    if (flight->finished)
        flight->finished(attempt);
    pump();
}

void Deliverer::send(const std::shared_ptr<Flight> &flight, const QNetworkRequest &networkRequest,
                     const QByteArray &body)
{
    flight->clock.start();
    QNetworkReply *reply = m_network->post(networkRequest, body);
    reply->setReadBufferSize(ReadBufferBytes);
    m_inFlight.insert(reply, flight);

    connect(reply, &QNetworkReply::readyRead, this, [reply, flight] {
        QByteArray &body = flight->attempt.responseBodyStart;
        const qint64 room = DeliveryAttempt::ResponseBodyLimit - body.size();
        if (room > 0)
            body += reply->read(room);
        // The status is all the outcome needs: stop a long answer once the start is kept.
        if (body.size() >= DeliveryAttempt::ResponseBodyLimit && !flight->capped
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
            flight->capped = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    // The whole exchange has a deadline too: a receiver trickling bytes does not hold a test.
    QTimer::singleShot(m_timeoutMs, reply, [reply, flight] {
        if (reply->isRunning()) {
            flight->timedOut = true;
            reply->abort();
        }
    });
}

void Deliverer::finish(QNetworkReply *reply)
{
    const auto flight = m_inFlight.take(reply);
    if (!flight)
        return;
    if (--m_inFlightPerHost[flight->host] <= 0)
        m_inFlightPerHost.remove(flight->host);
    reply->disconnect(this);
    reply->deleteLater();

    DeliveryAttempt &attempt = flight->attempt;
    attempt.latencyMs = flight->clock.elapsed();
    const qint64 room = DeliveryAttempt::ResponseBodyLimit - attempt.responseBodyStart.size();
    if (room > 0 && !flight->capped && reply->isOpen())
        attempt.responseBodyStart += reply->read(room);

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    if (status.isValid() && status.toInt() > 0) {
        attempt.responseStatus = status.toInt();
        if (attempt.responseStatus >= 200 && attempt.responseStatus < 300) {
            // success: no error
        } else if (attempt.responseStatus >= 300 && attempt.responseStatus < 400) {
            attempt.error = QString::fromLatin1(TaskError::Redirect);
            const QString location
                = reply->header(QNetworkRequest::LocationHeader).toUrl().toString();
            attempt.errorDetail = location.isEmpty()
                ? QStringLiteral("Redirect (HTTP %1) not followed.").arg(attempt.responseStatus)
                : QStringLiteral("Redirect (HTTP %1) to %2 not followed.")
                      .arg(attempt.responseStatus)
                      .arg(location);
        } else {
            attempt.error = QString::fromLatin1(TaskError::Rejected);
            const QString reason
                = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            attempt.errorDetail
                = QStringLiteral("HTTP %1 %2").arg(attempt.responseStatus).arg(reason).trimmed();
        }
    } else if (flight->timedOut || error == QNetworkReply::OperationCanceledError
               || error == QNetworkReply::TimeoutError) {
        // We abort only on our deadline; QNAM's transfer timeout also ends as "canceled".
        attempt.error = QString::fromLatin1(TaskError::Timeout);
        attempt.errorDetail = QStringLiteral("No answer within %1 ms (%2).")
                                  .arg(m_timeoutMs)
                                  .arg(reply->errorString());
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        attempt.error = QString::fromLatin1(TaskError::Tls);
        attempt.errorDetail = reply->errorString();
    } else if (isOurs(reply->errorString())) {
        attempt.error = QString::fromLatin1(TaskError::LocalFailure);
        attempt.errorDetail = reply->errorString();
    } else {
        attempt.error = QString::fromLatin1(TaskError::Refused);
        attempt.errorDetail = reply->errorString();
    }

    if (flight->finished)
        flight->finished(attempt);
    pump();
}

} // namespace wa
