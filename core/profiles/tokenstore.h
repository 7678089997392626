#pragma once

#include "result.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace wa {

// API tokens of profiles, in the OS keychain (QtKeychain). Where the keychain fails for any
// reason other than "no such entry" (no secret service running: QtKeychain then answers
// OtherError at once), tokens go to a private file instead (mode 0600, in the app-data folder)
// and usingFallback() turns true: callers must announce fallbackWarning() to the user.
//
// Asynchronous like the keychain itself: results arrive through futures, fulfilled in the
// store's thread (an event loop must run). Never logs a token.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    struct Options
    {
        QString service = QStringLiteral("webhook-admin"); // keychain service name
        QString fallbackPath; // empty: <AppDataLocation>/tokens.json
        bool useKeychain = true;
    };

    explicit TokenStore(QObject *parent = nullptr);
    explicit TokenStore(Options options, QObject *parent = nullptr);
    ~TokenStore() override;

    // The token of a profile; an empty string when none is stored.
    QFuture<Result<QString>> read(const QString &profile);
    QFuture<Result<Done>> write(const QString &profile, const QString &token);
    // Succeeds when there was nothing to remove.
    QFuture<Result<Done>> remove(const QString &profile);

    bool usingFallback() const;
    QString fallbackPath() const;
    // One sentence for the user: why the keychain is not used and where tokens are kept; in
    // English (the CLI, logs) and in the user's language (the console).
    QString fallbackWarning() const;
    QString localizedFallbackWarning() const;

Q_SIGNALS:
    // Emitted once, when the store first falls back to the file.
    void fallbackActivated(const QString &warning);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wa
