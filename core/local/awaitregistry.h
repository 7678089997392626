#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace wa {

// Ricloud-Await: answers held until a test task has finished or the wait is over, whichever
// comes first; each answer is given exactly once. The task may finish here (the worker says so)
// or in another process (the service polls the database for the tasks still waited on).
class AwaitRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwaitRegistry)

public:
    using QObject::QObject;

    void add(const QString &taskId, int seconds, std::function<void()> answer);
    // Gives every answer waiting for the task.
    void finished(const QString &taskId);
    QStringList waitedTasks() const { return m_waiters.keys(); }
    bool isEmpty() const { return m_waiters.isEmpty(); }
    // Gives every answer now (the service is closing).
    void answerAll();

private:
    struct Waiter
    {
        quint64 id;
        std::function<void()> answer;
    };
    QHash<QString, QList<Waiter>> m_waiters;
    quint64 m_nextId = 0;
};

} // namespace wa
