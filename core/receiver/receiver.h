#pragma once

#include "eventverifier.h"
#include "receivedrequest.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace wa {

class ReceiverClock;

// The offline end of the loop: an HTTP listener on 127.0.0.1 that accepts events
// (POST <path>/<event id>), keeps every request with its exact bytes, verifies its
// Ricloud-Signature against the secret of the config the path belongs to, and answers 200 on a
// valid event, 400 otherwise, or whatever Behaviour says (to rehearse a failing receiver).
//
// The secret comes from setSecret() (one for every path) or from a resolver (path -> secret),
// set by whoever knows configs. Lives in the thread that created it; never blocks it.
class Receiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Receiver)

public:
    // Gets the path without its event id ("/webhooks" for POST /webhooks/<id>); answers the
    // secret of the config whose URL has that path, or an empty string when none is known.
    using SecretResolver = std::function<QString(const QString &path)>;

    // How to answer. status 0: by verdict (200 valid, 400 otherwise). A 3xx status sends a
    // Location header (redirectTo, or the receiver's own URL). delayMs holds the answer back.
    struct Behaviour
    {
        int status = 0;
        int delayMs = 0;
        QUrl redirectTo;

        friend bool operator==(const Behaviour &, const Behaviour &) = default;
    };

    static constexpr qsizetype BodyLimit
        = qsizetype(1024) * 1024; // bytes kept (API.md: 1 MiB bodies)
    static constexpr auto DefaultBasePath = "/webhooks";

    explicit Receiver(QObject *parent = nullptr);
    ~Receiver() override;

    // Listens on 127.0.0.1 (never another interface); port 0 picks a free one.
    Result<Done> start(quint16 port = 0);
    void stop();
    bool isListening() const;
    quint16 port() const;
    // The URL to give a config: http://127.0.0.1:<port><basePath>. Empty when not listening.
    QUrl url() const;
    // A URL for one new config: url() plus a short random segment, so that each config gets a
    // path of its own and its events are verified with its own secret. Empty when not listening.
    QUrl freshConfigUrl() const;
    QString basePath() const;
    void setBasePath(const QString &path); // "/webhooks" by default

    // One secret for every path (clears the resolver), or a resolver (clears the secret).
    void setSecret(const QString &secret);
    void setSecretResolver(SecretResolver resolver);
    // The secret that applies to a path now (empty when none is known).
    QString secretFor(const QString &basePath) const;

    EventVerifier verifier() const;
    void setWindowSeconds(int seconds);
    void setFutureSkewSeconds(int seconds);

    Behaviour behaviour() const;
    void setBehaviour(const Behaviour &behaviour);
    // The clock for arrival times and held answers (not owned; null: the system clock).
    void setClock(ReceiverClock *clock);

    QList<ReceivedRequest> requests() const;
    void clear();
    // Checks every kept request again with the secrets known now (a config created after its
    // event arrived, a secret set late); emits requestUpdated for each verdict that changed.
    void recheck();

Q_SIGNALS:
    void listeningChanged(bool listening);
    // A request arrived and was checked (its answer may still be held back: see requestUpdated).
    void requestReceived(const wa::ReceivedRequest &request);
    // A kept request changed: its answer went out, or recheck() changed its verdict.
    void requestUpdated(const wa::ReceivedRequest &request);
    void cleared();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wa
