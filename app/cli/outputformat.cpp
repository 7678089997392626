#include "outputformat.h"

#include "command.h"
#include "jsoncodec.h"

#include <QJsonDocument>
#include <QStringDecoder>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace wa::cli {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString printable(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return decoder.hasError() ? QStringLiteral("<%1 bytes of binary data>").arg(bytes.size())
                              : text;
}

} // namespace

OutputFormat::OutputFormat(bool json)
    : m_json(json)
{ }

int OutputFormat::exitCodeFor(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::BadResponse:
        return ExitCode::Network;
    case ApiError::Kind::Api:
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::Unsupported:
        break;
    }
    if (error.code == QLatin1String("service-unavailable"))
        return ExitCode::Network; // the service's database cannot be reached: try again
    return error.code == QLatin1String("usage") ? ExitCode::Usage : ExitCode::ApiRefused;
}

QString OutputFormat::time(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QStringLiteral("-");
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(" UTC");
}

QString OutputFormat::taskErrorMeaning(const QString &code)
{
    if (code == QLatin1String(TaskError::Refused))
        return QStringLiteral("the receiver refused the connection, or its host was not found");
    if (code == QLatin1String(TaskError::Timeout))
        return QStringLiteral("the receiver did not answer in time");
    if (code == QLatin1String(TaskError::Tls))
        return QStringLiteral("the receiver's TLS certificate or handshake failed");
    if (code == QLatin1String(TaskError::Redirect))
        return QStringLiteral("the receiver answered with a redirect, which is not followed");
    if (code == QLatin1String(TaskError::Rejected))
        return QStringLiteral("the receiver answered with a status other than 2xx");
    return {};
}

void OutputFormat::printJson(const QJsonObject &object) const
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void OutputFormat::printTable(const QStringList &headers, const QList<QStringList> &rows) const
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QTextStream out(stdout);
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += last ? row.at(i) : row.at(i).leftJustified(widths.value(i) + 2);
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const QStringList &row : rows)
        printRow(row);
}

void OutputFormat::printFields(const QList<QPair<QString, QString>> &fields) const
{
    qsizetype width = 0;
    for (const auto &field : fields)
        width = std::max(width, field.first.size() + 1);
    QTextStream out(stdout);
    for (const auto &field : fields)
        out << QString(field.first + u':').leftJustified(width + 1) << field.second << '\n';
}

void OutputFormat::printLine(const QString &line) const
{
    QTextStream(stdout) << line << '\n';
}

void OutputFormat::printError(const ApiError &error) const
{
    QTextStream err(stderr);
    err << "webhook-admin-cli: error: "
        << (error.code == QLatin1String("usage") ? error.message : error.describe()) << '\n';
    for (auto it = error.params.cbegin(); it != error.params.cend(); ++it)
        err << "  " << it.key() << ": " << it.value() << '\n';
}

void OutputFormat::printWarning(const QString &warning) const
{
    QTextStream(stderr) << "webhook-admin-cli: warning: " << warning << '\n';
}

void OutputFormat::print(const WebhookConfig &config) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(config));
        return;
    }
    printFields({{QStringLiteral("ID"), config.id},
                 {QStringLiteral("URL"), config.url},
                 {QStringLiteral("State"), toString(config.state)},
                 {QStringLiteral("Secret"), orDash(config.secret)},
                 {QStringLiteral("Organisation"), orDash(config.organisation)},
                 {QStringLiteral("Created"), time(config.dateCreated)}});
}

void OutputFormat::printConfigRows(const QList<WebhookConfig> &configs) const
{
    QList<QStringList> rows;
    for (const WebhookConfig &config : configs)
        rows.append({config.id, toString(config.state), time(config.dateCreated), config.url});
    printTable({QStringLiteral("ID"), QStringLiteral("STATE"), QStringLiteral("CREATED"),
                QStringLiteral("URL")},
               rows);
}

void OutputFormat::print(const ListPage<WebhookConfig> &page) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(page));
        return;
    }
    printConfigRows(page.data);
    QString footer
        = QStringLiteral("%1 of %2 config(s).").arg(page.data.size()).arg(page.totalCount);
    if (page.hasMore && !page.data.isEmpty())
        footer += QStringLiteral(" More: --after %1, or --all.").arg(page.data.constLast().id);
    printLine(footer);
}

void OutputFormat::print(const Task &task) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(task));
        return;
    }
    QString error = orDash(task.error);
    if (const QString meaning = taskErrorMeaning(task.error); !meaning.isEmpty())
        error += QStringLiteral(" (") + meaning + u')';
    printFields({{QStringLiteral("ID"), task.id},
                 {QStringLiteral("Type"), task.type},
                 {QStringLiteral("Target"), orDash(task.target)},
                 {QStringLiteral("State"), toString(task.state)},
                 {QStringLiteral("Error"), error},
                 {QStringLiteral("Created"), time(task.dateCreated)},
                 {QStringLiteral("Started"), time(task.dateStarted)},
                 {QStringLiteral("Completed"), time(task.dateCompleted)}});
}

void OutputFormat::printOutcome(const Task &task) const
{
    if (m_json)
        return;
    if (task.state == TaskState::Succeeded) {
        printLine(QStringLiteral("Test succeeded: the receiver accepted the event."));
        return;
    }
    QString line = QStringLiteral("Test failed: ") + orDash(task.error);
    if (const QString meaning = taskErrorMeaning(task.error); !meaning.isEmpty())
        line += QStringLiteral(" (") + meaning + u')';
    printLine(line + u'.');
}

void OutputFormat::print(const Organisation &organisation) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(organisation));
        return;
    }
    printFields(
        {{QStringLiteral("ID"), organisation.id},
         {QStringLiteral("Name"), orDash(organisation.name)},
         {QStringLiteral("State"), organisation.state},
         {QStringLiteral("Default config"),
          organisation.webhookConfigDefault.isEmpty() ? QStringLiteral("(none)")
                                                      : organisation.webhookConfigDefault},
         {QStringLiteral("Configs"), QString::number(organisation.webhookConfigs.totalCount)},
         {QStringLiteral("Created"), time(organisation.dateCreated)}});
    if (!organisation.webhookConfigs.data.isEmpty()) {
        printLine({});
        printConfigRows(organisation.webhookConfigs.data);
    }
}

void OutputFormat::print(const Key &key) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(key));
        return;
    }
    printFields({{QStringLiteral("ID"), key.id},
                 {QStringLiteral("Organisation"), orDash(key.organisation)},
                 {QStringLiteral("Config"),
                  key.webhookConfig.isEmpty() ? QStringLiteral("(the organisation's default)")
                                              : key.webhookConfig},
                 {QStringLiteral("State"), key.state},
                 {QStringLiteral("Created"), time(key.dateCreated)}});
}

void OutputFormat::print(const ListPage<DeliveryAttempt> &page, bool verbose) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(page));
        return;
    }
    QList<QStringList> rows;
    for (const DeliveryAttempt &attempt : page.data) {
        QString error = attempt.error;
        if (!attempt.errorDetail.isEmpty())
            error += QStringLiteral(" (") + attempt.errorDetail + u')';
        rows.append(
            {time(attempt.dateStarted),
             attempt.succeeded() ? QStringLiteral("ok") : QStringLiteral("failed"),
             attempt.responseStatus ? QString::number(attempt.responseStatus) : QStringLiteral("-"),
             QStringLiteral("%1 ms").arg(attempt.latencyMs), orDash(error)});
    }
    if (!verbose) {
        printTable({QStringLiteral("TIME"), QStringLiteral("OUTCOME"), QStringLiteral("STATUS"),
                    QStringLiteral("LATENCY"), QStringLiteral("ERROR")},
                   rows);
    } else {
        for (qsizetype i = 0; i < page.data.size(); ++i) {
            printLine(rows.at(i).join(QStringLiteral("  ")));
            printAttemptDetail(page.data.at(i));
            printLine({});
        }
    }
    printLine(QStringLiteral("%1 of %2 attempt(s).").arg(page.data.size()).arg(page.totalCount));
}

void OutputFormat::print(const DeliveryAttempt &attempt, bool verbose) const
{
    if (m_json) {
        printJson(JsonCodec::toJson(attempt));
        return;
    }
    QString error = orDash(attempt.error);
    if (!attempt.errorDetail.isEmpty())
        error += QStringLiteral(" (") + attempt.errorDetail + u')';
    printFields(
        {{QStringLiteral("Event"), attempt.eventId},
         {QStringLiteral("Config"), orDash(attempt.configId)},
         {QStringLiteral("Time"), time(attempt.dateStarted)},
         {QStringLiteral("Outcome"),
          attempt.succeeded() ? QStringLiteral("ok") : QStringLiteral("failed")},
         {QStringLiteral("Status"),
          attempt.responseStatus ? QString::number(attempt.responseStatus) : QStringLiteral("-")},
         {QStringLiteral("Latency"), QStringLiteral("%1 ms").arg(attempt.latencyMs)},
         {QStringLiteral("Error"), error}});
    if (verbose)
        printAttemptDetail(attempt);
}

void OutputFormat::printAttemptDetail(const DeliveryAttempt &attempt) const
{
    QTextStream out(stdout);
    out << "  POST " << attempt.requestUrl << '\n';
    for (const auto &header : attempt.requestHeaders)
        out << "  > " << QString::fromUtf8(header.first) << ": " << QString::fromUtf8(header.second)
            << '\n';
    out << "  >\n";
    for (const QString &line : printable(attempt.requestBody).split(u'\n'))
        out << "  > " << line << '\n';
    if (attempt.responseStatus) {
        out << "  < HTTP " << attempt.responseStatus << '\n';
        for (const QString &line : printable(attempt.responseBodyStart).split(u'\n'))
            out << "  < " << line << '\n';
    } else {
        out << "  < (no HTTP answer)\n";
    }
}

} // namespace wa::cli
