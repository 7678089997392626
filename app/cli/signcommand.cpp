#include "signcommand.h"

#include "commandline.h"
#include "signature.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace wa::cli {

using namespace Qt::StringLiterals;

QString SignCommand::name() const
{
    return u"sign"_s;
}

QString SignCommand::summary() const
{
    return u"Print the Ricloud-Signature header for a body read from stdin."_s;
}

int SignCommand::run(QCoreApplication &, const QStringList &arguments)
{
    QTextStream out(stdout);

    CommandLine commandLine(
        name(),
        u"Sign the exact bytes read from stdin as a ricloud webhook sender does and print the "
        "Ricloud-Signature header value (t=<unix seconds>,s=<base64 HMAC-SHA256>)."_s);
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption secretOption(u"secret"_s, u"The config's secret (required)."_s,
                                          u"S"_s);
    const QCommandLineOption timestampOption(
        u"timestamp"_s, u"Unix seconds to sign with (default: now)."_s, u"T"_s);
    parser.addOptions({secretOption, timestampOption});

    if (const auto done = commandLine.parse(arguments))
        return *done;
    const QString secret = parser.value(secretOption);
    if (secret.isEmpty())
        return commandLine.usage(u"--secret S is required."_s);
    qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(timestampOption)) {
        bool ok = false;
        timestamp = parser.value(timestampOption).toLongLong(&ok);
        if (!ok || timestamp < 0)
            return commandLine.usage(
                u"--timestamp: a number of seconds since 1970 (Unix time) is needed."_s);
    }

    // Exact bytes: no text decoding, no re-serialised JSON.
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return commandLine.usage(u"cannot read stdin: "_s + input.errorString());
    const QByteArray body = input.readAll();

    out << Signature::header(secret.toUtf8(), timestamp, body) << '\n';
    return ExitCode::Ok;
}

} // namespace wa::cli
