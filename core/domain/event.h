#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

enum class EventState
{
    Pending,
    Delivered,
    Failed
};

QString toString(EventState state);
std::optional<EventState> eventStateFromString(QStringView text);

// An event sent to a webhook receiver; `data` is the config without its secret.
struct Event
{
    QString id;
    QString organisation;
    QString type = QStringLiteral("webhook_config");
    QString action = QStringLiteral("test");
    QJsonObject data;
    QDateTime dateCreated;
    EventState state = EventState::Pending;
    int retries = 0;
    QDateTime dateDelivered; // null until delivered

    friend bool operator==(const Event &, const Event &) = default;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::Event)
