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

// Cheap first look, so that 100,000 configs of a remote organisation cost no URL parsing.
bool mayBeLoopback(const QString &url)
{
    return url.contains(QLatin1String("127.0.0.1")) || url.contains(QLatin1String("localhost"))
        || url.contains(QLatin1String("::1"));
}

} // namespace

ConfigSecretIndex::ConfigSecretIndex(WebhookService *service, QObject *parent)
    : QObject(parent)
{
    setService(service);
}

void ConfigSecretIndex::setService(WebhookService *service)
{
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
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
    // context dies first; the guard drops the answer.
    m_service->listAllConfigs(ConfigFilter {})
        .then(QCoreApplication::instance(),
              [this, guard = QPointer<ConfigSecretIndex>(this)](
                  const Result<QList<WebhookConfig>> &result) {
                  if (guard && result.ok())
                      addConfigs(result.value());
              });
}

bool ConfigSecretIndex::add(const WebhookConfig &config)
{
    if (config.secret.isEmpty() || !mayBeLoopback(config.url))
        return false;
    const QUrl url(config.url);
    if (!isLoopback(url.host()))
        return false;
    const auto port = quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    const QString path = normalisedPath(url.path());
    for (const qsizetype index : m_byConfig.value(config.id)) {
        Claim &claim = m_claims[index];
        if (claim.port == port && claim.path == path) {
            claim.secret = config.secret; // the same claim: it keeps its place
            return false;
        }
    }
    m_byConfig[config.id].append(m_claims.size());
    m_byPath[path].append(m_claims.size());
    m_claims.append(Claim {config.id, port, path, config.secret, m_nextOrder++});
    return true;
}

void ConfigSecretIndex::addConfig(const WebhookConfig &config)
{
    if (add(config))
        Q_EMIT changed();
}

void ConfigSecretIndex::addConfigs(const QList<WebhookConfig> &configs)
{
    bool added = false;
    for (const WebhookConfig &config : configs)
        added = add(config) || added;
    if (added)
        Q_EMIT changed();
}

QString ConfigSecretIndex::secretFor(const QString &path) const
{
    const QString wanted = normalisedPath(path);
    const Claim *best = nullptr;
    auto rank = [this](const Claim &claim) { return m_port != 0 && claim.port == m_port; };
    for (const qsizetype index : m_byPath.value(wanted)) {
        const Claim &claim = m_claims.at(index);
        if (!best || rank(claim) > rank(*best)
            || (rank(claim) == rank(*best) && claim.order > best->order))
            best = &claim;
    }
    return best ? best->secret : QString();
}

Receiver::SecretResolver ConfigSecretIndex::resolver() const
{
    QPointer<const ConfigSecretIndex> self(this);
    return [self](const QString &path) { return self ? self->secretFor(path) : QString(); };
}

} // namespace wa
