#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace wa {

// An API key as the API shows it: never its token.
struct Key
{
    QString id;
    QString organisation;
    QString webhookConfig; // empty means null: the organisation's default applies
    QString state = QStringLiteral("active");
    QDateTime dateCreated;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::Key)
