#include "curlcommand.h"

#include <QStringList>

namespace wa::CurlCommand {

namespace {

// Headers curl sets itself from the URL and the body: repeating them could only disagree.
bool curlSetsItself(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "content-length" || lower == "host" || lower == "transfer-encoding"
        || lower == "connection";
}

} // namespace

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString printfFormat(const QByteArray &bytes)
{
    QString format;
    format.reserve(bytes.size() + 2);
    format += u'\'';
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '%')
            format += QStringLiteral("%%");
        else if (byte == '\\')
            format += QStringLiteral("\\\\");
        else if (byte == '\'')
            format += QStringLiteral("\\047"); // inside single quotes, printf's escape is simplest
        else if (byte >= 0x20 && byte < 0x7f)
            format += QLatin1Char(c);
        else
            // Always three digits, so that a digit that follows is not read as part of it.
            format += u'\\' + QStringLiteral("%1").arg(byte, 3, 8, QLatin1Char('0'));
    }
    format += u'\'';
    return format;
}

QString fromAttempt(const DeliveryAttempt &attempt)
{
    QStringList parts {QStringLiteral("printf"),
                       printfFormat(attempt.requestBody),
                       QStringLiteral("|"),
                       QStringLiteral("curl"),
                       QStringLiteral("--silent"),
                       QStringLiteral("--show-error"),
                       QStringLiteral("--request POST"),
                       QStringLiteral("--data-binary @-")};
    for (const auto &[name, value] : attempt.requestHeaders) {
        if (curlSetsItself(name))
            continue;
        parts << QStringLiteral("--header")
              << shellQuoted(QString::fromUtf8(name) + QStringLiteral(": ")
                             + QString::fromUtf8(value));
    }
    parts << QStringLiteral("--header") << shellQuoted(QStringLiteral("Expect:"))
          << shellQuoted(attempt.requestUrl);
    return parts.join(u' ');
}

} // namespace wa::CurlCommand
