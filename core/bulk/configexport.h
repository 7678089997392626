#pragma once

#include "jsoncodec.h"
#include "result.h"
#include "webhookconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace wa {

// Writes configs as a list object in the API's own shape, so that jq, the official client and
// ConfigImportFile read it: {"resource": "list", "data": [...], "has_more": false,
// "total_count": N, "url": "/configs/webhook"}. Secrets are left out unless asked for.
namespace ConfigExport {

QByteArray toJson(const QList<WebhookConfig> &configs, JsonCodec::Secret secret);

// Writes `bytes` to `path` whole or not at all (a temporary file renamed over it). With
// `privateFile` (an export with secrets) the file is made readable by its owner only (0600)
// before a byte is written, whatever the umask or an earlier file's mode.
Result<Done> writeFile(const QString &path, const QByteArray &bytes, bool privateFile);

} // namespace ConfigExport

} // namespace wa
