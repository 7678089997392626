#include "event.h"

namespace wa {

QString toString(EventState state)
{
    switch (state) {
    case EventState::Pending:
        return QStringLiteral("pending");
    case EventState::Delivered:
        return QStringLiteral("delivered");
    case EventState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<EventState> eventStateFromString(QStringView text)
{
    for (auto state : {EventState::Pending, EventState::Delivered, EventState::Failed}) {
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

} // namespace wa
