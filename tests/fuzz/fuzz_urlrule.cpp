// Fuzz target for UrlRule, the check every config URL passes: it never crashes, and what it
// accepts is an http(s) URL with a host, no user info and no fragment, at most 2,048
// characters, that Qt reads back the same.

#include "fuzzcheck.h"
#include "urlrule.h"

#include <QUrl>

#include <cstdint>

using namespace wa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto problem = UrlRule::problem(text);
    if (problem) {
        fuzzCheck(!problem->english().isEmpty(), "a problem is described");
        return 0;
    }
    const QUrl url(text, QUrl::StrictMode);
    fuzzCheck(url.isValid(), "valid");
    fuzzCheck(url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0
                  || url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0,
              "http or https");
    fuzzCheck(!url.host().isEmpty(), "has a host");
    // The authority runs from "//" to the first '/', '?' or '#'; no '@' in it.
    QStringView authority = QStringView(text).sliced(text.indexOf(QLatin1String("//")) + 2);
    for (qsizetype i = 0; i < authority.size(); ++i) {
        if (authority.at(i) == u'/' || authority.at(i) == u'?' || authority.at(i) == u'#') {
            authority.truncate(i);
            break;
        }
    }
    fuzzCheck(url.userInfo().isEmpty() && !authority.contains(u'@'), "no user info");
    fuzzCheck(!url.hasFragment(), "no fragment");
    fuzzCheck(text.size() <= UrlRule::MaxLength, "length");
    return 0;
}

#include "replaymain.h"
