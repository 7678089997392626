#include "task.h"

namespace wa {

QString toString(TaskState state)
{
    switch (state) {
    case TaskState::Pending:
        return QStringLiteral("pending");
    case TaskState::Processing:
        return QStringLiteral("processing");
    case TaskState::Succeeded:
        return QStringLiteral("succeeded");
    case TaskState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<TaskState> taskStateFromString(QStringView text)
{
    for (auto state :
         {TaskState::Pending, TaskState::Processing, TaskState::Succeeded, TaskState::Failed}) {
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

} // namespace wa
