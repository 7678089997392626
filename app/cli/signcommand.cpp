#include "signcommand.h"

#include "servicecommand.h"

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
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sign the exact bytes read from stdin as a ricloud webhook sender does and print the "
        "Ricloud-Signature header value (t=<unix seconds>,s=<base64 HMAC-SHA256>)."_s);
    parser.addHelpOption();
    const QCommandLineOption secretOption(u"secret"_s, u"The config's secret (required)."_s,
                                          u"S"_s);
    const QCommandLineOption timestampOption(
        u"timestamp"_s, u"Unix seconds to sign with (default: now)."_s, u"T"_s);
    parser.addOptions({secretOption, timestampOption});

    if (!parser.parse(arguments)) {
        err << "sign: " << parser.errorText() << "\n\n" << helpText(parser, name());
        return ExitCode::Usage;
    }
    if (parser.isSet(u"help"_s)) {
        out << helpText(parser, name());
        return ExitCode::Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "sign: unexpected argument '" << parser.positionalArguments().constFirst()
            << "' (the body is read from stdin)\n";
        return ExitCode::Usage;
    }
    const QString secret = parser.value(secretOption);
    if (secret.isEmpty()) {
        err << "sign: --secret is required\n";
        return ExitCode::Usage;
    }
    qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(timestampOption)) {
        bool ok = false;
        timestamp = parser.value(timestampOption).toLongLong(&ok);
        if (!ok || timestamp < 0) {
            err << "sign: --timestamp must be a number of seconds since 1970 (Unix time)\n";
            return ExitCode::Usage;
        }
    }

    // Exact bytes: no text decoding, no re-serialised JSON.
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        err << "sign: cannot read stdin: " << input.errorString() << '\n';
        return ExitCode::Usage;
    }
    const QByteArray body = input.readAll();

    out << Signature::header(secret.toUtf8(), timestamp, body) << '\n';
    return ExitCode::Ok;
}

} // namespace wa::cli
