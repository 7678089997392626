#include "configsecretindex.h"

#include "webhookservice.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrl>

namespace wa {

namespace {

QString normalisedPath(QString path)
{
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
        || host == QLatin1String("::1");
}

} // namespace

ConfigSecretIndex::ConfigSecretIndex(WebhookService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    if (service)
        connect(service, &WebhookService::configChanged, this, &ConfigSecretIndex::addConfig);
}

void ConfigSecretIndex::setPort(quint16 port)
{
    m_port = port;
}

void ConfigSecretIndex::refresh()
{
    if (!m_service)
        return;
    // The application, not `this`, is the continuation's context: Qt 6.4 asserts when the
    // context dies first (a profile switch replaces this index); the guard drops the answer.
    m_service->listAllConfigs(ConfigFilter {})
        .then(QCoreApplication::instance(),
              [this, guard = QPointer<ConfigSecretIndex>(this)](
                  const Result<QList<WebhookConfig>> &result) {
                  if (!guard || !result.ok())
                      return;
                  for (const WebhookConfig &config : result.value()) {
                      // Keep what configChanged told us meanwhile: it is newer than this list.
                      if (!m_configs.contains(config.id))
                          m_configs.insert(config.id, {config, m_nextOrder++});
                  }
                  Q_EMIT changed();
              });
}

void ConfigSecretIndex::addConfig(const WebhookConfig &config)
{
    Entry &entry = m_configs[config.id];
    // Some change notices may carry no secret: keep the one we know.
    const QString knownSecret = entry.config.secret;
    entry.config = config;
    if (entry.config.secret.isEmpty())
        entry.config.secret = knownSecret;
    entry.order = m_nextOrder++;
    Q_EMIT changed();
}

QString ConfigSecretIndex::secretFor(const QString &path) const
{
    const QString wanted = normalisedPath(path);
    const Entry *best = nullptr;
    for (const Entry &entry : m_configs) {
        if (entry.config.state == ConfigState::Deactivated || entry.config.secret.isEmpty())
            continue;
        const QUrl url(entry.config.url);
        if (!isLoopback(url.host()) || (m_port != 0 && url.port(80) != m_port))
            continue;
        if (normalisedPath(url.path()) != wanted)
            continue;
        if (!best || entry.order > best->order)
            best = &entry;
    }
    return best ? best->config.secret : QString();
}

Receiver::SecretResolver ConfigSecretIndex::resolver() const
{
    QPointer<const ConfigSecretIndex> self(this);
    return [self](const QString &path) { return self ? self->secretFor(path) : QString(); };
}

} // namespace wa
