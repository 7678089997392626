#pragma once

#include "phrase.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace wa {

// A named way to reach a backend, shared by the GUI and the CLI: a remote API (URL; its token
// lives in the TokenStore, never here) or the embedded local service (database path).
struct Profile
{
    enum class Kind
    {
        Local,
        Remote
    };

    QString name;
    Kind kind = Kind::Remote;
    QUrl url; // Remote: the API's base URL
    QString databasePath; // Local: empty means LocalService::defaultDatabasePath()

    static QString kindName(Kind kind); // "local" or "remote"
    static std::optional<Kind> kindFromString(QStringView text);

    // nullopt when the profile can be saved; else the field at fault and why ("name", "must not
    // be empty").
    std::optional<std::pair<QString, Phrase>> fieldProblem() const;
    // The same in one line, for a person: "name: must not be empty".
    std::optional<Phrase> problem() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::Profile)
