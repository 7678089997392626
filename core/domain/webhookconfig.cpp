#include "webhookconfig.h"

namespace wa {

QString toString(ConfigState state)
{
    switch (state) {
    case ConfigState::New:
        return QStringLiteral("new");
    case ConfigState::Valid:
        return QStringLiteral("valid");
    case ConfigState::Invalid:
        return QStringLiteral("invalid");
    case ConfigState::Deactivated:
        return QStringLiteral("deactivated");
    }
    return {};
}

std::optional<ConfigState> configStateFromString(QStringView text)
{
    for (auto state :
         {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated}) {
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

} // namespace wa
