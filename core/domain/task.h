#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

enum class TaskState
{
    Pending,
    Processing,
    Succeeded,
    Failed
};

QString toString(TaskState state);
std::optional<TaskState> taskStateFromString(QStringView text);

// Error codes a failed webhook_config.test task carries (API.md, "The test").
namespace TaskError {
inline constexpr auto Refused = "webhook-refused";
inline constexpr auto Timeout = "webhook-timeout";
inline constexpr auto Tls = "webhook-tls";
inline constexpr auto Redirect = "webhook-redirect";
inline constexpr auto Rejected = "webhook-rejected";
// Not the receiver's doing: this process could not even try (no descriptor or memory left).
// Never a task's outcome: the task waits and runs again.
inline constexpr auto LocalFailure = "local-failure";
} // namespace TaskError

inline constexpr auto WebhookConfigTestTask = "webhook_config.test";

struct Task
{
    QString id;
    QString organisation;
    QString key;
    QString type = QString::fromLatin1(WebhookConfigTestTask);
    QString target; // config id
    TaskState state = TaskState::Pending;
    QString error; // empty means null
    QDateTime dateCreated;
    QDateTime dateStarted; // null until started
    QDateTime dateCompleted; // null until finished

    bool finished() const { return state == TaskState::Succeeded || state == TaskState::Failed; }
    friend bool operator==(const Task &, const Task &) = default;
};

struct TaskFilter
{
    QString type; // empty: any
    QString target; // empty: any
    std::optional<TaskState> state;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::Task)
