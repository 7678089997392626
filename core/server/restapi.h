#pragma once

#include "httpreply.h"
#include "httprequest.h"

#include <QFuture>

#include <optional>

namespace wa {

class LocalService;

// The REST face of a LocalService, independent of any HTTP server: it checks the token, routes,
// decodes the request with RequestCodec, calls the service and encodes the answer with
// JsonCodec. It holds no business rule: validation and state changes are the service's.
//
// Order of checks (API.md): token (401 whatever the path), route (404), method (405 with an
// Allow header), body size (413), body and query (400), then the service.
//
// handle() may be called from any thread that may call the service; the returned future
// finishes in the thread that fulfils the service's future (at once when the answer is
// ready). It never finishes canceled: a service that drops a call answers 500.
class RestApi final
{
public:
    explicit RestApi(LocalService *service);

    QFuture<HttpReply> handle(const HttpRequest &request) const;

    // The checks that need only the head, in the order above (token, route, method, declared
    // size), so that an HTTP server can refuse before it reads a body: the refusal, or nullopt
    // when the request may go on. `bodyBytes` is the declared Content-Length, or -1 when not
    // known yet (chunked; the server cuts such a body off at RequestCodec::MaxBodyBytes).
    std::optional<HttpReply> refuseHead(const HttpRequest &request, qint64 bodyBytes) const;

private:
    LocalService *m_service;
};

} // namespace wa
