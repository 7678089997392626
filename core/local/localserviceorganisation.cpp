// LocalService: the organisation, its default config and the key's own config.

#include "localservice_p.h"

namespace wa {

// --- organisation and key

Result<Organisation> LocalService::Private::currentOrganisation() const
{
    if (auto e = notOpen())
        return *e;
    Organisation result = organisation;
    auto page = configs.page(ConfigFilter {}, PageRequest {});
    if (!page)
        return page.error();
    result.webhookConfigs = page.value();
    return result;
}

std::optional<QString> LocalService::Private::assignableProblem(const QString &configId) const
{
    const Store::ConfigRow *row = configs.find(configId);
    if (!row)
        return QStringLiteral("no webhook config with id %1").arg(configId);
    if (row->config.state == ConfigState::Deactivated)
        return QStringLiteral("webhook config %1 is deactivated").arg(configId);
    return std::nullopt;
}

Result<Organisation> LocalService::Private::setDefaultConfig(const QString &configId)
{
    if (auto e = notOpen())
        return *e;
    if (!configId.isEmpty()) {
        if (const auto problem = assignableProblem(configId))
            return ApiError::invalidParameter(QStringLiteral("webhook_config_default"), *problem);
    }
    if (configId != organisation.webhookConfigDefault) {
        if (auto r = store->setOrganisationDefault(organisation.id, configId); !r)
            return r.error();
        organisation.webhookConfigDefault = configId;
        Q_EMIT q->organisationChanged();
    }
    return currentOrganisation();
}

Result<Key> LocalService::Private::setKeyConfig(const QString &keyId, const QString &configId)
{
    if (auto e = notOpen())
        return *e;
    if (keyId != key.id)
        return ApiError::notFound(QStringLiteral("No key with id %1.").arg(keyId));
    if (!configId.isEmpty()) {
        if (const auto problem = assignableProblem(configId))
            return ApiError::invalidParameter(QStringLiteral("webhook_config"), *problem);
    }
    if (configId != key.webhookConfig) {
        if (auto r = store->setKeyConfig(key.id, configId); !r)
            return r.error();
        key.webhookConfig = configId;
        Q_EMIT q->organisationChanged();
    }
    return key;
}

} // namespace wa
