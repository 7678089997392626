#pragma once

#include "apierror.h"
#include "bulkitem.h"
#include "result.h"

#include <QByteArray>
#include <QList>

namespace wa {

// Reads an import file: a list object in the API's own shape, as ConfigExport writes it and as
// `GET /configs/webhook` answers ({"resource": "list", "data": [{"url": ...}, ...]}). Each entry
// needs a string `url`; `state` is optional (only `deactivated` is carried over: the others come
// from the new config's test); other fields (`id`, `secret`, dates) are ignored, since the
// service makes them anew. The whole file is judged before anything is created: a file that is
// not JSON, not that shape, or has a bad entry is refused with a message naming the entry's
// index and field (ApiError code `invalid-body`, params {"data[3].url": "is missing"}).
namespace ConfigImportFile {

Result<QList<BulkItem>> parse(const QByteArray &bytes);

} // namespace ConfigImportFile

} // namespace wa
