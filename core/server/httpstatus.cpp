#include "httpstatus.h"

namespace wa {

int httpStatus(const ApiError &error)
{
    using Kind = ApiError::Kind;
    switch (error.kind) {
    case Kind::InvalidBody:
    case Kind::InvalidParameter:
    case Kind::BadRequest:
    case Kind::Usage:
        return 400;
    case Kind::Unauthorized:
        return 401;
    case Kind::NotFound:
        return 404;
    case Kind::MethodNotAllowed:
        return 405;
    case Kind::PayloadTooLarge:
        return 413;
    case Kind::LimitExceeded:
        return 429;
    case Kind::HeadersTooLarge:
        return 431;
    case Kind::Unavailable:
        return 503;
    case Kind::Refused:
        return error.remoteStatus >= 400 && error.remoteStatus <= 599 ? error.remoteStatus : 500;
    case Kind::Internal:
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::BadResponse:
    case Kind::Unsupported:
    case Kind::File:
        break;
    }
    return 500;
}

} // namespace wa
