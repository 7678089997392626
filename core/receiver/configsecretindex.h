#pragma once

#include "receiver.h"
#include "webhookconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace wa {

class WebhookService;

// Knows which config a receiver path belongs to, so that a Receiver (or the receiver panel) can
// verify events with the right secret: it follows a WebhookService's configChanged and can be
// seeded with refresh(). Only configs whose URL points at this machine (127.0.0.1, localhost,
// ::1) and, when set, at the receiver's port are considered; the one changed last wins a path.
class ConfigSecretIndex final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigSecretIndex)

public:
    explicit ConfigSecretIndex(WebhookService *service, QObject *parent = nullptr);

    void setPort(quint16 port); // 0: any port
    // Loads every active config of the service (asynchronous; emits changed()).
    void refresh();
    void addConfig(const WebhookConfig &config);

    // The secret of the config whose URL has this path ("/webhooks"), or empty.
    QString secretFor(const QString &path) const;
    // A resolver for Receiver::setSecretResolver that stays safe after this index is deleted.
    Receiver::SecretResolver resolver() const;

Q_SIGNALS:
    void changed();

private:
    struct Entry
    {
        WebhookConfig config;
        quint64 order = 0;
    };

    QPointer<WebhookService> m_service;
    QHash<QString, Entry> m_configs; // by config id
    quint64 m_nextOrder = 1;
    quint16 m_port = 0;
};

} // namespace wa
