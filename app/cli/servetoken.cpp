#include "servetoken.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace wa::cli {

using namespace Qt::StringLiterals;

namespace {

// Where a token came from, for messages that say which one to fix.
QString checked(const QString &token, const QString &source, QString *problem)
{
    if (token.trimmed().isEmpty()) {
        *problem = u"%1 is empty."_s.arg(source);
        return {};
    }
    if (token.size() < ServeToken::MinimumLength) {
        *problem = u"the token from %1 is too short: at least %2 characters are needed so "
                   "that it cannot be guessed (generate one with 'openssl rand -base64 24', or "
                   "leave the token out to use the stored one)."_s.arg(source)
                       .arg(ServeToken::MinimumLength);
        return {};
    }
    return token;
}

} // namespace

ServeToken::ServeToken()
    : m_token(u"token"_s,
              u"API token to accept (at least %1 characters; default: the stored one, generated "
              "on first run). Visible to every user in 'ps': prefer --token-file or %2."_s
                  .arg(MinimumLength)
                  .arg(QString::fromLatin1(Variable)),
              u"TOKEN"_s)
    , m_tokenFile(u"token-file"_s,
                  u"Read the API token to accept from this file (its first line)."_s, u"PATH"_s)
{ }

std::variant<ServeToken::Chosen, QString> ServeToken::choose(const QCommandLineParser &parser) const
{
    Chosen chosen;
    QString problem;
    if (parser.isSet(m_token) && parser.isSet(m_tokenFile))
        return u"give --token or --token-file, not both."_s;

    if (parser.isSet(m_token)) {
        chosen.token = checked(parser.value(m_token), u"--token"_s, &problem);
        chosen.warnings << u"--token is visible to every user of this machine (in 'ps' and "
                           "/proc); use --token-file PATH or %1 instead."_s.arg(
                               QString::fromLatin1(Variable));
    } else if (parser.isSet(m_tokenFile)) {
        const QString path = parser.value(m_tokenFile);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return u"--token-file: cannot read %1: %2."_s.arg(path, file.errorString());
        if (file.size() > MaximumFileSize)
            return u"--token-file: %1 is larger than %2 bytes; it should hold one line."_s.arg(path)
                .arg(MaximumFileSize);
        const QString firstLine = QString::fromUtf8(file.readAll()).section(u'\n', 0, 0).trimmed();
        chosen.token = checked(firstLine, u"--token-file %1"_s.arg(path), &problem);
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (problem.isEmpty() && (QFileInfo(path).permissions() & others))
            chosen.warnings << u"the token file %1 can be read by other users; "
                               "'chmod 600 %1' keeps it yours."_s.arg(path);
    } else if (qEnvironmentVariableIsSet(Variable)) {
        chosen.token = checked(qEnvironmentVariable(Variable).trimmed(),
                               QString::fromLatin1(Variable), &problem);
    }
    if (!problem.isEmpty())
        return problem;
    return chosen;
}

} // namespace wa::cli
