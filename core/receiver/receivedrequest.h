#pragma once

#include "eventverdict.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace wa {

// One request as the Receiver got it, exact bytes kept, with its verdict and the answer it got.
struct ReceivedRequest
{
    int sequence = 0; // 1, 2, ... in order of arrival; identifies the request in a Receiver
    QDateTime receivedAt; // UTC
    QString method; // "POST", ...
    QString path; // as requested, without the query
    QString query; // without '?', empty when none
    QString basePath; // path without its last segment: the config URL's path
    QString eventId; // the last segment of the path
    QList<QPair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;
    bool bodyTruncated = false; // the body was over Receiver::BodyLimit and was cut there
    EventVerdict verdict;
    int responseStatus = 0; // the status chosen for the answer (by verdict or by Behaviour)
    int delayMs = 0; // how long the answer is held back
    bool answered = false; // the answer went out (stays false when the client left first)

    // The value of a header (case-insensitive name), nullopt when absent.
    std::optional<QByteArray> header(QByteArrayView name) const;
    // The body as text when it is valid UTF-8; otherwise nullopt.
    std::optional<QString> bodyText() const;
    // The body indented when it is JSON; otherwise empty.
    QString prettyJson() const;

    // One JSON object, as `listen --json` prints it: time, method, path, event_id, headers,
    // body (text, or body_base64 when not UTF-8), verdict, detail, status.
    QJsonObject toJson() const;
};

} // namespace wa

Q_DECLARE_METATYPE(wa::ReceivedRequest)
