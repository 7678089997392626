#include "configfilter.h"

namespace wa {

bool ConfigFilter::acceptsState(ConfigState state) const
{
    if (states.isEmpty())
        return state != ConfigState::Deactivated;
    return states.contains(state);
}

bool ConfigFilter::acceptsDate(const QDateTime &created) const
{
    if (createdAt && created != *createdAt)
        return false;
    if (createdAfter && !(created > *createdAfter))
        return false;
    if (createdFrom && created < *createdFrom)
        return false;
    if (createdBefore && !(created < *createdBefore))
        return false;
    if (createdUntil && created > *createdUntil)
        return false;
    return true;
}

bool ConfigFilter::matches(const WebhookConfig &config) const
{
    if (!acceptsState(config.state) || !acceptsDate(config.dateCreated))
        return false;
    if (text.isEmpty())
        return true;
    return config.url.contains(text, Qt::CaseInsensitive)
        || config.id.contains(text, Qt::CaseInsensitive);
}

bool ConfigFilter::sameApiPart(const ConfigFilter &other) const
{
    return states == other.states && createdAt == other.createdAt
        && createdAfter == other.createdAfter && createdFrom == other.createdFrom
        && createdBefore == other.createdBefore && createdUntil == other.createdUntil;
}

} // namespace wa
