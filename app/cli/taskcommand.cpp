#include "taskcommand.h"

#include "invocation.h"

namespace wa::cli {

QString TaskCommand::summary() const
{
    return QStringLiteral("Show a task (a config's test): its state and error.");
}

QString TaskCommand::description() const
{
    return summary();
}

QList<ServiceCommand::Argument> TaskCommand::positionals() const
{
    return {{QStringLiteral("ID"), QStringLiteral("The task's ID.")}};
}

void TaskCommand::execute(Invocation &invocation) const
{
    const QString id = invocation.parser().positionalArguments().constFirst();
    invocation.on(invocation.service().task(id), [&invocation](const Task &task) {
        invocation.out().print(task);
        invocation.finish(ExitCode::Ok);
    });
}

} // namespace wa::cli
