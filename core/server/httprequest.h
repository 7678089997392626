#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace wa {

// An HTTP request as RestApi sees it: a plain value, independent of the HTTP server library, so
// that the REST face can be driven (and the server changed) without touching the routing.
struct HttpRequest
{
    QByteArray method; // as sent, case-sensitive: "GET", "POST", ... ("get" is not GET)
    QString path; // as sent, percent-encoded, without the query: "/configs/webhook/abc"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first header of that name (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
};

} // namespace wa
