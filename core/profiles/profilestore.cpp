#include "profilestore.h"

#include <QSettings>

#include <algorithm>

namespace wa {

namespace {

const QString Group = QStringLiteral("profiles");
const QString KindKey = QStringLiteral("kind");
const QString UrlKey = QStringLiteral("url");
const QString DatabaseKey = QStringLiteral("database");
const QString LastUsedKey = QStringLiteral("general/lastProfile");

} // namespace

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>())
{ }

ProfileStore::ProfileStore(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

ProfileStore::~ProfileStore() = default;

QList<Profile> ProfileStore::profiles() const
{
    m_settings->beginGroup(Group);
    const QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    QList<Profile> result;
    for (const QString &name : names) {
        if (auto found = profile(name))
            result.append(*found);
    }
    std::sort(result.begin(), result.end(), [](const Profile &a, const Profile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return result;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    if (name.isEmpty() || name.contains(u'/') || name.contains(u'\\'))
        return std::nullopt;
    m_settings->beginGroup(Group + u'/' + name);
    const auto kind = Profile::kindFromString(m_settings->value(KindKey).toString());
    Profile profile;
    profile.name = name;
    if (kind) {
        profile.kind = *kind;
        profile.url = QUrl(m_settings->value(UrlKey).toString());
        profile.databasePath = m_settings->value(DatabaseKey).toString();
    }
    m_settings->endGroup();
    if (!kind)
        return std::nullopt;
    return profile;
}

Result<Done> ProfileStore::save(const Profile &profile)
{
    if (auto problem = profile.fieldProblem())
        return ApiError::invalidParameter(problem->first, problem->second);
    m_settings->remove(Group + u'/' + profile.name);
    m_settings->beginGroup(Group + u'/' + profile.name);
    m_settings->setValue(KindKey, Profile::kindName(profile.kind));
    if (profile.kind == Profile::Kind::Remote)
        m_settings->setValue(UrlKey, profile.url.toString());
    else
        m_settings->setValue(DatabaseKey, profile.databasePath);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::ProfileStore", "Could not write the profiles to %1."))
                .arg(m_settings->fileName()));
    return Done {};
}

bool ProfileStore::remove(const QString &name)
{
    if (!profile(name))
        return false;
    m_settings->remove(Group + u'/' + name);
    if (lastUsed() == name)
        m_settings->remove(LastUsedKey);
    m_settings->sync();
    return true;
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(LastUsedKey).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(LastUsedKey, name);
    m_settings->sync();
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

} // namespace wa
