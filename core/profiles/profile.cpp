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

std::optional<QString> Profile::problem() const
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("name: must not be empty");
    if (name != name.trimmed())
        return QStringLiteral("name: must not start or end with a space");
    if (name.size() > 64)
        return QStringLiteral("name: at most 64 characters");
    // Names are QSettings group names: no separators.
    if (name.contains(u'/') || name.contains(u'\\'))
        return QStringLiteral("name: must not contain '/' or '\\'");
    if (kind == Kind::Remote) {
        if (!url.isValid() || url.host().isEmpty())
            return QStringLiteral("url: must be an absolute URL with a host");
        if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            return QStringLiteral("url: must use http or https");
    }
    return std::nullopt;
}

} // namespace wa
