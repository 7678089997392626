#include "bulkcommandline.h"

#include "command.h"
#include "commandline.h"
#include "invocation.h"
#include "jsoncodec.h"
#include "stopsignals.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>

namespace wa::cli::BulkCommandLine {

namespace {

using Outcome = BulkItemResult::Outcome;

const QString ConcurrencyName = QStringLiteral("concurrency");

// One word for what happened to an item, the same in the table and in --json.
QString outcomeName(const BulkReport &report, const BulkItemResult &result)
{
    switch (result.outcome) {
    case Outcome::Done:
        switch (report.action) {
        case BulkAction::Test:
            return report.waitedForTests ? QStringLiteral("valid") : QStringLiteral("started");
        case BulkAction::Deactivate:
            return QStringLiteral("deactivated");
        case BulkAction::Reactivate:
            return QStringLiteral("reactivated");
        case BulkAction::Import:
        case BulkAction::Promote:
            return QStringLiteral("created");
        }
        break;
    case Outcome::Failed:
        return report.action == BulkAction::Test ? QStringLiteral("invalid")
                                                 : QStringLiteral("created-invalid");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Unknown:
        return QStringLiteral("unknown");
    case Outcome::NotDone:
        return QStringLiteral("not-done");
    }
    return {};
}

QJsonObject jsonOf(const BulkReport &report, const BulkItemResult &result)
{
    QJsonObject object;
    if (result.item.index >= 0) {
        object.insert(QStringLiteral("index"), result.item.index);
        object.insert(QStringLiteral("url"), result.item.url);
    } else {
        object.insert(QStringLiteral("id"), result.item.id);
    }
    object.insert(QStringLiteral("outcome"), outcomeName(report, result));
    const bool plainSuccess = result.outcome == Outcome::Done
        && (result.reason == QLatin1String("valid") || result.reason == QLatin1String("started")
            || result.reason == QLatin1String("deactivated")
            || result.reason == QLatin1String("reactivated")
            || result.reason == QLatin1String("created"));
    object.insert(QStringLiteral("reason"),
                  plainSuccess || result.reason.isEmpty() ? QJsonValue()
                                                          : QJsonValue(result.reason));
    object.insert(QStringLiteral("message"),
                  result.detail.isEmpty() ? QJsonValue() : QJsonValue(result.detail));
    if (result.error && !result.error->params.isEmpty()) {
        QJsonObject params;
        for (auto it = result.error->params.cbegin(); it != result.error->params.cend(); ++it)
            params.insert(it.key(), it.value());
        object.insert(QStringLiteral("params"), params);
    }
    if (result.config)
        object.insert(QStringLiteral("config"), JsonCodec::toJson(*result.config));
    if (result.task)
        object.insert(QStringLiteral("task"), JsonCodec::toJson(*result.task));
    return object;
}

QString lineOf(const BulkReport &report, const BulkItemResult &result)
{
    const bool entry = result.item.index >= 0;
    QString line = (entry ? result.item.label().english() : result.item.id) + QStringLiteral("  ")
        + outcomeName(report, result);
    const bool created = result.outcome == Outcome::Done || result.outcome == Outcome::Failed;
    if (entry && created && result.config)
        line += QStringLiteral("  ") + result.config->id;
    if (result.outcome == Outcome::Done && result.detail.isEmpty())
        return line;
    QString why = result.reason;
    if (const QString meaning = OutputFormat::taskErrorMeaning(result.reason); !meaning.isEmpty())
        why += QStringLiteral(" (") + meaning + u')';
    else if (!result.detail.isEmpty())
        why += QStringLiteral(": ") + result.detail;
    return why.isEmpty() ? line : line + QStringLiteral("  ") + why;
}

} // namespace

void addConcurrencyOption(QCommandLineParser &parser)
{
    parser.addOption({ConcurrencyName,
                      QStringLiteral("How many configs at once, 1 to %1 (default %2 on a remote, "
                                     "%3 with --local).")
                          .arg(BulkRunner::MaxConcurrency)
                          .arg(BulkRunner::RemoteConcurrency)
                          .arg(BulkRunner::LocalConcurrency),
                      QStringLiteral("N")});
}

std::optional<QString> checkConcurrency(const QCommandLineParser &parser)
{
    return checkInt(parser, ConcurrencyName, 1, BulkRunner::MaxConcurrency);
}

bool isSingle(const QStringList &positionals)
{
    return positionals.size() == 1 && positionals.constFirst() != QLatin1String("-");
}

std::variant<QStringList, QString> ids(const QStringList &positionals)
{
    if (!positionals.contains(QStringLiteral("-")))
        return positionals;
    if (positionals.size() != 1)
        return QStringLiteral("'-' (IDs from stdin) cannot be mixed with IDs as arguments.");
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return QStringLiteral("cannot read stdin: %1").arg(input.errorString());
    QStringList read;
    for (const QByteArray &line : input.readAll().split('\n')) {
        const QString id = QString::fromUtf8(line).trimmed();
        if (!id.isEmpty())
            read << id;
    }
    if (read.isEmpty())
        return QStringLiteral("no IDs on stdin (one a line was expected).");
    return read;
}

int exitCode(const BulkReport &report)
{
    if (report.ending == BulkReport::Ending::Cancelled)
        return ExitCode::Interrupted;
    if (report.ending == BulkReport::Ending::BackendGone && report.backendError)
        return OutputFormat::exitCodeFor(*report.backendError);
    if (report.count(Outcome::Refused) > 0)
        return ExitCode::ApiRefused;
    if (report.count(Outcome::Unknown) > 0)
        return ExitCode::Network;
    if (report.count(Outcome::Failed) > 0)
        return ExitCode::TestFailed;
    return ExitCode::Ok;
}

void run(Invocation &invocation, const std::function<void(BulkRunner &)> &start)
{
    auto *runner = new BulkRunner(&invocation);
    const QCommandLineParser &parser = invocation.parser();
    runner->setConcurrency(parser.isSet(ConcurrencyName)
                               ? parser.value(ConcurrencyName).toInt()
                               : (invocation.isLocal() ? BulkRunner::LocalConcurrency
                                                       : BulkRunner::RemoteConcurrency));
    // Ctrl+C (or SIGTERM) cancels: what is under way finishes, the report says what was done.
    QSocketNotifier *notifier = nullptr;
    if (StopSignals::install()) {
        notifier = new QSocketNotifier(StopSignals::readFd(), QSocketNotifier::Read, &invocation);
        QObject::connect(notifier, &QSocketNotifier::activated, runner, [runner, notifier] {
            StopSignals::acknowledge();
            notifier->setEnabled(false);
            runner->cancel();
        });
    }
    const bool json = invocation.out().json();
    QObject::connect(runner, &BulkRunner::itemFinished, &invocation,
                     [runner, json](const BulkItemResult &result) {
                         QTextStream out(stdout);
                         if (json)
                             out << QJsonDocument(jsonOf(runner->report(), result))
                                        .toJson(QJsonDocument::Compact);
                         else
                             out << lineOf(runner->report(), result);
                         out << '\n';
                     });
    QObject::connect(
        runner, &BulkRunner::finished, &invocation,
        [&invocation, json, notifier](const BulkReport &report) {
            QTextStream out(stdout);
            // Items that never started get their line too: every ID is answered.
            for (const BulkItemResult &result : report.results) {
                if (result.outcome != Outcome::NotDone || result.error)
                    continue;
                if (json)
                    out << QJsonDocument(jsonOf(report, result)).toJson(QJsonDocument::Compact);
                else
                    out << lineOf(report, result);
                out << '\n';
            }
            out.flush();
            // With --json stdout holds results only; the summary goes to stderr.
            QTextStream(json ? stderr : stdout) << report.summary() << '\n';
            if (notifier) {
                notifier->setEnabled(false);
                StopSignals::restore();
            }
            invocation.finish(exitCode(report));
        });
    start(*runner);
}

} // namespace wa::cli::BulkCommandLine
