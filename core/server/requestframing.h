#pragma once

#include "httpreply.h"
#include "httprequest.h"

#include <QByteArrayView>

#include <optional>

namespace wa {

// Whether a request head leaves its framing beyond doubt. libmicrohttpd checks the syntax; this
// refuses what it lets through but a proxy in front could read another way (request smuggling):
// a Content-Length that is not a plain number, two different ones, Content-Length with
// Transfer-Encoding, a transfer coding other than chunked; also too many header fields and an
// HTTP version other than 1.0 and 1.1. A refused request's connection must be closed.
struct RequestFraming
{
    std::optional<HttpReply> refusal; // 400, 431 or 505 with the JSON error body
    qint64 declaredBytes = 0; // Content-Length; -1 for a chunked body; 0 without a body

    static RequestFraming check(const HttpRequest &head, QByteArrayView version,
                                int maxHeaderFields);
};

} // namespace wa
