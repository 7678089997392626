#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace wa {

// One HTTP delivery of an event to a receiver, as the deliverer recorded it.
struct DeliveryAttempt
{
    static constexpr qsizetype ResponseBodyLimit = 4096;

    QString id;
    QString configId;
    QString taskId; // empty for a resend
    QString eventId;
    QDateTime dateStarted;
    QString requestUrl;
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QByteArray requestBody;
    int responseStatus = 0; // 0: no HTTP answer
    QByteArray responseBodyStart; // at most ResponseBodyLimit bytes
    qint64 latencyMs = 0;
    QString error; // empty on success; else a TaskError code
    QString errorDetail; // the transport's own words ("Connection refused"), for people

    bool succeeded() const { return error.isEmpty(); }
};

} // namespace wa

Q_DECLARE_METATYPE(wa::DeliveryAttempt)
