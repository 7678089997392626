#pragma once

#include "jsoncodec.h"
#include "listpage.h"
#include "webhookconfig.h"

#include <QByteArray>

// Compact JSON text written directly, for the local server's hottest answers (a list page, a
// config). Building QJsonObjects and serialising them was two thirds of a list request's time;
// the text is the same JSON that JsonCodec::toJson gives (tst_jsontext checks that they parse
// to equal objects), in the same field names.
namespace wa::JsonText {

QByteArray config(const WebhookConfig &config,
                  JsonCodec::Secret secret = JsonCodec::Secret::Include);
QByteArray configPage(const ListPage<WebhookConfig> &page);

} // namespace wa::JsonText
