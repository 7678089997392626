#pragma once

#include "receiver.h"
#include "webhookconfig.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace wa {

class WebhookService;

// Knows which config a receiver path belongs to, so that a Receiver (or the receiver panel) can
// verify events with the right secret. Fed with every config the console sees (addConfigs(),
// from any profile) and following one service's configChanged at a time (setService()).
//
// Only configs whose URL points at this machine (127.0.0.1, localhost, ::1) count. Nothing is
// ever forgotten: a config that moved, was deactivated, or belongs to a profile no longer shown
// still answers for the paths it pointed at, so re-verifying an event gives the verdict it got
// when it arrived. When several configs claim a path, one on the receiver's port (setPort)
// comes first, then the newest claim.
class ConfigSecretIndex final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigSecretIndex)

public:
    explicit ConfigSecretIndex(WebhookService *service = nullptr, QObject *parent = nullptr);

    // Follows this service's configChanged from now on (null: none); what is known stays known.
    void setService(WebhookService *service);
    void setPort(quint16 port); // 0: any port
    // Loads every config of the service (asynchronous; emits changed() when a path was new).
    void refresh();
    void addConfig(const WebhookConfig &config);
    void addConfigs(const QList<WebhookConfig> &configs);

    // The secret of the config whose URL has this path ("/webhooks"), or empty.
    QString secretFor(const QString &path) const;
    // A resolver for Receiver::setSecretResolver that stays safe after this index is deleted.
    Receiver::SecretResolver resolver() const;
    // How many (config, port, path) claims are known.
    int size() const { return int(m_claims.size()); }

Q_SIGNALS:
    // A path got a secret it did not have (a new config, or a config pointed somewhere new).
    void changed();

private:
    struct Claim
    {
        QString configId;
        quint16 port = 0;
        QString path; // without trailing slashes
        QString secret;
        quint64 order = 0;
    };

    bool add(const WebhookConfig &config); // true when a claim was added

    QPointer<WebhookService> m_service;
    QList<Claim> m_claims; // in the order they were learnt; never removed
    QHash<QString, QList<qsizetype>> m_byConfig; // config id -> its claims
    QHash<QString, QList<qsizetype>> m_byPath; // path -> claims on it
    quint64 m_nextOrder = 1;
    quint16 m_port = 0;
};

} // namespace wa
