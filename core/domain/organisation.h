#pragma once

#include "listpage.h"
#include "webhookconfig.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace wa {

struct Organisation
{
    QString id;
    QString name;
    QString state = QStringLiteral("active");
    QString webhookConfigDefault; // empty means null
    ListPage<WebhookConfig> webhookConfigs; // its configs, deactivated ones left out
    QDateTime dateCreated;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::Organisation)
