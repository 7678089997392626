#include "urlrule.h"

#include <QUrl>

namespace wa {

std::optional<Phrase> UrlRule::problem(const QString &url)
{
    if (url.trimmed().isEmpty())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must not be empty"));
    if (url.size() > MaxLength)
        return WA_PHRASE(
                   QT_TRANSLATE_NOOP("wa::UrlRule", "must be at most %1 characters (it has %2)"))
            .arg(MaxLength)
            .arg(url.size());
    if (url != url.trimmed())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must not start or end with spaces"));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "is not a valid URL (%1)"))
            .arg(parsed.errorString());
    const QString scheme = parsed.scheme().toLower();
    if (scheme.isEmpty())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must start with http:// or https://"));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must use http or https, not %1"))
            .arg(scheme);
    if (parsed.host().isEmpty())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must name a host (http://host/path)"));
    // "http://@host/" has an empty user info that QUrl drops: look at what was written.
    QStringView authority = QStringView(url).sliced(url.indexOf(u"://") + 3);
    for (qsizetype i = 0; i < authority.size(); ++i) {
        if (authority.at(i) == u'/' || authority.at(i) == u'?' || authority.at(i) == u'#') {
            authority.truncate(i);
            break;
        }
    }
    if (!parsed.userInfo().isEmpty() || authority.contains(u'@'))
        return WA_PHRASE(
            QT_TRANSLATE_NOOP("wa::UrlRule", "must not carry a user name or password"));
    if (!parsed.fragment().isNull())
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::UrlRule", "must not have a #fragment"));
    return std::nullopt;
}

} // namespace wa
