#pragma once

#include "apierror.h"

namespace wa {

// The HTTP status the REST API answers an error of each kind with (API.md, "Errors"): the one
// place where the service's failures become HTTP.
int httpStatus(const ApiError &error);

} // namespace wa
