#pragma once

#include "deliveryattempt.h"
#include "fairqueue.h"
#include "targetpolicy.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace wa {

// Delivers signed events over HTTP for the local service, with one QNetworkAccessManager in the
// service's thread. At most `maxConcurrent` deliveries are in flight, and at most `perHost` to
// one receiver (scheme, host and port); the others wait, served host by host in turns, so that
// receivers that stall hold up only their own tests. It owns the transport only; what a task is
// and what its outcome changes is the service's.
class Deliverer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Deliverer)

public:
    // What to send: the event body as stored, to the config's URL, signed with its secret.
    struct Request
    {
        QString configId;
        QString taskId; // empty for a resend
        QString eventId;
        QString configUrl; // the event id is appended to its path
        QString secret;
        QByteArray body;
    };

    // A job is prepared only when a slot is free (the service marks its task processing then,
    // and builds the event); nullopt skips it. `finished` gets the recorded attempt.
    struct Job
    {
        QString host; // hostKey() of where it goes, known before it is prepared
        std::function<std::optional<Request>()> prepare;
        std::function<void(const DeliveryAttempt &)> finished;
    };

    // `clock` dates attempts and signatures (the system clock when empty; tests move time).
    // `policy`: whether receivers on private addresses may be sent to (targetpolicy.h).
    Deliverer(int timeoutMs, int maxConcurrent, int perHost, TargetPolicy policy = TargetPolicy(),
              std::function<QDateTime()> clock = {}, QObject *parent = nullptr);
    ~Deliverer() override;

    void enqueue(Job job);
    // Aborts what is in flight and drops the queue; no callback runs afterwards.
    void stop();

    int inFlight() const { return int(m_inFlight.size()) + m_resolving; }
    int queued() const { return m_queue.size(); }

    // Where deliveries to `url` are counted: "http://host:port".
    static QString hostKey(const QString &url);

    // `url` with "/<eventId>" appended to its path (exactly one slash), query kept.
    static QUrl eventUrl(const QString &configUrl, const QString &eventId);
    static QByteArray userAgent();

private:
    struct Flight;
    void pump();
    void start(Job job, Request request);
    void send(const std::shared_ptr<Flight> &flight, const QNetworkRequest &request,
              const QByteArray &body);
    void refuse(const std::shared_ptr<Flight> &flight, const QString &host,
                const QHostAddress &address);
    void finish(QNetworkReply *reply);

    QNetworkAccessManager *m_network = nullptr;
    std::function<QDateTime()> m_clock;
    int m_timeoutMs;
    int m_maxConcurrent;
    int m_perHost;
    TargetPolicy m_policy;
    int m_resolving = 0; // deliveries waiting for their host's addresses
    bool m_stopped = false;
    FairQueue<Job> m_queue;
    QHash<QNetworkReply *, std::shared_ptr<Flight>> m_inFlight;
    QHash<QString, int> m_inFlightPerHost;
};

} // namespace wa
