#pragma once

#include "httpreply.h"
#include "httprequest.h"

#include <QFuture>

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

private:
    LocalService *m_service;
};

} // namespace wa
