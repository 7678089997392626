#include "profile.h"

namespace wa {

QString Profile::kindName(Kind kind)
{
    return kind == Kind::Local ? QStringLiteral("local") : QStringLiteral("remote");
}

std::optional<Profile::Kind> Profile::kindFromString(QStringView text)
{
    if (text == u"local")
        return Kind::Local;
    if (text == u"remote")
        return Kind::Remote;
    return std::nullopt;
}

std::optional<std::pair<QString, Phrase>> Profile::fieldProblem() const
{
    const QString nameField = QStringLiteral("name");
    if (name.trimmed().isEmpty())
        return {{nameField, WA_PHRASE(QT_TRANSLATE_NOOP("wa::Profile", "must not be empty"))}};
    if (name != name.trimmed()) {
        return {
            {nameField,
             WA_PHRASE(QT_TRANSLATE_NOOP("wa::Profile", "must not start or end with a space"))}};
    }
    if (name.size() > 64)
        return {{nameField, WA_PHRASE(QT_TRANSLATE_NOOP("wa::Profile", "at most 64 characters"))}};
    // Names are QSettings group names: no separators.
    if (name.contains(u'/') || name.contains(u'\\')) {
        return {{nameField,
                 WA_PHRASE(QT_TRANSLATE_NOOP("wa::Profile", "must not contain '/' or '\\'"))}};
    }
    if (kind == Kind::Remote) {
        const QString urlField = QStringLiteral("url");
        if (!url.isValid() || url.host().isEmpty()) {
            return {{urlField,
                     WA_PHRASE(
                         QT_TRANSLATE_NOOP("wa::Profile", "must be an absolute URL with a host"))}};
        }
        if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            return {
                {urlField, WA_PHRASE(QT_TRANSLATE_NOOP("wa::Profile", "must use http or https"))}};
    }
    return std::nullopt;
}

std::optional<Phrase> Profile::problem() const
{
    const auto problem = fieldProblem();
    if (!problem)
        return std::nullopt;
    return Phrase::plain(QStringLiteral("%1: %2")).arg(problem->first).arg(problem->second);
}

} // namespace wa
