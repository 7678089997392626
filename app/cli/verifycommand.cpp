#include "verifycommand.h"

#include "commandline.h"
#include "eventverifier.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <limits>
#include <optional>

namespace wa::cli {

using namespace Qt::StringLiterals;

QString VerifyCommand::name() const
{
    return u"verify"_s;
}

QString VerifyCommand::summary() const
{
    return u"Check a Ricloud-Signature header against a body read from stdin."_s;
}

int VerifyCommand::run(QCoreApplication &, const QStringList &arguments)
{
    QTextStream out(stdout);

    CommandLine commandLine(
        name(),
        u"Verify a Ricloud-Signature header against the exact bytes read from stdin, as a "
        "receiver does, and print the verdict: valid, or why not (missing-header, "
        "malformed-header, mismatch, body-altered, too-old, too-new, not-json).\n"
        "Exit status: 0 valid, 1 invalid, 2 usage."_s);
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption secretOption(u"secret"_s, u"The config's secret (required)."_s,
                                          u"S"_s);
    const QCommandLineOption headerOption(
        u"header"_s, u"The Ricloud-Signature header value (absent or empty: no header)."_s, u"H"_s);
    const QCommandLineOption windowOption(
        u"window"_s,
        u"Oldest accepted signature, in seconds (default %1)."_s.arg(
            Signature::DefaultWindowSeconds),
        u"SECONDS"_s, QString::number(Signature::DefaultWindowSeconds));
    const QCommandLineOption skewOption(
        u"future-skew"_s,
        u"Seconds a timestamp may be ahead of this clock (default %1)."_s.arg(
            Signature::DefaultFutureSkewSeconds),
        u"SECONDS"_s, QString::number(Signature::DefaultFutureSkewSeconds));
    const QCommandLineOption jsonOption(u"json"_s, u"Print the verdict as one JSON object."_s);
    parser.addOptions({secretOption, headerOption, windowOption, skewOption, jsonOption});

    if (const auto done = commandLine.parse(arguments))
        return *done;
    const QString secret = parser.value(secretOption);
    if (secret.isEmpty())
        return commandLine.usage(u"--secret S is required."_s);
    QString problem;
    const auto window
        = commandLine.intValue(windowOption, 0, std::numeric_limits<int>::max(), &problem);
    if (!window)
        return commandLine.usage(problem);
    const auto skew
        = commandLine.intValue(skewOption, 0, std::numeric_limits<int>::max(), &problem);
    if (!skew)
        return commandLine.usage(problem);

    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return commandLine.usage(u"cannot read stdin: "_s + input.errorString());
    const QByteArray body = input.readAll();

    // A script passing "$HEADER" for a request that had none gives an empty value: no header.
    std::optional<QByteArray> header;
    if (parser.isSet(headerOption) && !parser.value(headerOption).isEmpty())
        header = parser.value(headerOption).toUtf8();

    const EventVerifier verifier(*window, *skew);
    const EventVerdict verdict = verifier.verify(secret.toUtf8(), header, body);

    if (parser.isSet(jsonOption)) {
        QJsonObject object {{u"valid"_s, verdict.valid()},
                            {u"verdict"_s, verdict.name()},
                            {u"detail"_s, verdict.detail}};
        if (verdict.timestamp) {
            object.insert(u"timestamp"_s, *verdict.timestamp);
            object.insert(u"age_seconds"_s, verdict.ageSeconds);
        }
        out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    } else if (verdict.valid()) {
        out << "valid: " << verdict.detail << '\n';
    } else {
        out << "invalid: " << verdict.name() << ": " << verdict.detail << '\n';
    }
    return verdict.valid() ? ExitCode::Ok : ExitCode::ApiRefused;
}

} // namespace wa::cli
