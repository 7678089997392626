// Fuzz target for the JSON reading of request bodies: Qt's parser, the ambiguity check (lone
// surrogates, duplicate keys, bytes that are not UTF-8) and JsonReader's typed field access.
// What is accepted must read back the same after a round trip through Qt's writer.

#include "fuzzcheck.h"
#include "jsonambiguity.h"
#include "jsonreader.h"
#include "requestcodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>

using namespace wa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto body = RequestCodec::parseBody(bytes);
    if (!body) {
        fuzzCheck(body.error().code == QLatin1String("invalid-body"), "error code");
        fuzzCheck(!body.error().message.isEmpty(), "error message");
        return 0;
    }
    // Accepted: nothing ambiguous is left, and it survives a round trip unchanged.
    const QByteArray written = QJsonDocument(body.value()).toJson(QJsonDocument::Compact);
    fuzzCheck(!JsonAmbiguity::find(written), "Qt's own output is unambiguous");
    const auto again = RequestCodec::parseBody(written);
    fuzzCheck(again && again.value() == body.value(), "round trip");

    JsonReader reader(body.value(), QStringLiteral("fuzz"));
    (void)reader.id("id");
    (void)reader.string("url");
    (void)reader.date("date_created");
    (void)reader.integer("retries");
    (void)reader.boolean("has_more");
    (void)reader.object("data");
    (void)reader.bytes("body");
    fuzzCheck(!reader.failed() || !reader.error().message.isEmpty(), "reader error message");
    return 0;
}

#include "replaymain.h"
