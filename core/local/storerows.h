#pragma once

#include "deliveryattempt.h"
#include "store.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

// How Store's rows map to SQL values and back: column lists, NULL rules, header and date
// encodings. Internal to Store.
namespace wa::StoreRows {

extern const QString ConfigColumns;
extern const QString TaskColumns;
extern const QString EventColumns;
extern const QString AttemptColumns;

QVariant textOrNull(const QString &text);
// A null QByteArray would be stored as NULL: bodies are never NULL, at worst empty.
QVariant blob(const QByteArray &bytes);
QVariant msOrNull(const QDateTime &dateTime);

Store::ConfigRow configFromQuery(const QSqlQuery &q);
Store::TaskRow taskFromQuery(const QSqlQuery &q);
Store::EventRow eventFromQuery(const QSqlQuery &q);
DeliveryAttempt attemptFromQuery(const QSqlQuery &q);

QByteArray headersToJson(const QList<QPair<QByteArray, QByteArray>> &headers);
QList<QPair<QByteArray, QByteArray>> headersFromJson(const QByteArray &json);

} // namespace wa::StoreRows
