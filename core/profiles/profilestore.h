#pragma once

#include "profile.h"
#include "result.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace wa {

// Saved profiles in QSettings (group "profiles/<name>"), shared by the GUI and the CLI. Tokens
// are not stored here: see TokenStore. Not thread-safe; use it from one thread.
class ProfileStore final
{
public:
    // The application's settings (organisation/application names of QCoreApplication).
    ProfileStore();
    // An INI file of its own (tests, portable setups).
    explicit ProfileStore(const QString &iniPath);
    ~ProfileStore();
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    QList<Profile> profiles() const; // sorted by name
    std::optional<Profile> profile(const QString &name) const;
    // Adds or replaces the profile of that name; an invalid profile is invalid-parameter.
    Result<Done> save(const Profile &profile);
    // False when there was no such profile.
    bool remove(const QString &name);

    // The profile the GUI opened last (empty: none).
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // Where the settings live, for messages.
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace wa
