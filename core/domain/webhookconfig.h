#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

enum class ConfigState
{
    New,
    Valid,
    Invalid,
    Deactivated
};

QString toString(ConfigState state);
std::optional<ConfigState> configStateFromString(QStringView text);

struct WebhookConfig
{
    QString id;
    QString organisation;
    QString url;
    QString secret;
    ConfigState state = ConfigState::New;
    QDateTime dateCreated; // UTC

    friend bool operator==(const WebhookConfig &, const WebhookConfig &) = default;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::WebhookConfig)
