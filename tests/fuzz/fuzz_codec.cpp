// Fuzz target for everything that parses bytes from the network: request bodies and their
// decoders, resource decoders, datetimes, query strings, the Await and signature headers.
// Built with libFuzzer under clang (WA_FUZZ_LIBFUZZER); otherwise a replay binary that runs
// the files or folders given on its command line, so the seed corpus is a plain ctest.

#include "jsoncodec.h"
#include "requestcodec.h"
#include "signature.h"

#include <QUrlQuery>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace wa;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_codec: property broken: %s\n", what);
        std::abort();
    }
}

void decodeResources(const QJsonObject &object)
{
    if (const auto config = JsonCodec::configFromJson(object)) {
        const auto again = JsonCodec::configFromJson(JsonCodec::toJson(config.value()));
        check(again && again.value() == config.value(), "config round trip");
    }
    if (const auto task = JsonCodec::taskFromJson(object)) {
        const auto again = JsonCodec::taskFromJson(JsonCodec::toJson(task.value()));
        check(again && again.value() == task.value(), "task round trip");
    }
    if (const auto event = JsonCodec::eventFromJson(object)) {
        const auto again = JsonCodec::eventFromJson(JsonCodec::toJson(event.value()));
        check(again && again.value() == event.value(), "event round trip");
    }
    if (const auto attempt = JsonCodec::attemptFromJson(object)) {
        const auto again = JsonCodec::attemptFromJson(JsonCodec::toJson(attempt.value()));
        check(again && again.value().requestBody == attempt.value().requestBody
                  && again.value().responseBodyStart == attempt.value().responseBodyStart
                  && again.value().requestHeaders == attempt.value().requestHeaders,
              "attempt round trip");
    }
    (void)JsonCodec::organisationFromJson(object);
    (void)JsonCodec::keyFromJson(object);
    (void)JsonCodec::configPageFromJson(object);
    (void)JsonCodec::taskPageFromJson(object);
    (void)JsonCodec::errorFromJson(object);
}

void fuzzOne(const QByteArray &bytes)
{
    const auto body = RequestCodec::parseBody(bytes);
    check(body || body.error().code == QLatin1String("invalid-body"), "parseBody error code");
    if (body) {
        if (const auto url = RequestCodec::decodeCreate(body.value()))
            check(RequestCodec::decodeCreate(RequestCodec::encodeCreate(url.value())).value()
                      == url.value(),
                  "create round trip");
        if (const auto changes = RequestCodec::decodeUpdate(body.value())) {
            const auto again
                = RequestCodec::decodeUpdate(RequestCodec::encodeUpdate(changes.value()));
            check(again && again.value().url == changes.value().url
                      && again.value().state == changes.value().state,
                  "update round trip");
        }
        (void)RequestCodec::decodeIdOrNull(body.value(), QStringLiteral("webhook_config"));
        decodeResources(body.value());
    }

    const QString text = QString::fromUtf8(bytes);
    if (const auto when = JsonCodec::parseDateTime(text)) {
        const auto again = JsonCodec::parseDateTime(JsonCodec::formatDateTime(*when));
        check(again && *again == *when, "datetime round trip");
    }

    const QUrlQuery query(text);
    if (const auto decoded = RequestCodec::decodeConfigQuery(query)) {
        QUrl url(QStringLiteral("http://127.0.0.1/configs/webhook"));
        url.setQuery(RequestCodec::encodeConfigQuery(decoded.value().filter, decoded.value().page));
        const auto again
            = RequestCodec::decodeConfigQuery(QUrlQuery(url.query(QUrl::FullyEncoded)));
        check(again && again.value().filter.sameApiPart(decoded.value().filter)
                  && again.value().page.limit == decoded.value().page.limit
                  && again.value().page.afterId == decoded.value().page.afterId
                  && again.value().page.beforeId == decoded.value().page.beforeId,
              "config query round trip");
    }
    (void)RequestCodec::decodeTaskQuery(query);
    (void)RequestCodec::decodePageQuery(query);

    const int await = RequestCodec::decodeAwait(bytes);
    check(await >= 0 && await <= 10, "await range");

    QString problem;
    const auto parsed = Signature::parse(bytes, &problem);
    check(parsed.has_value() == problem.isEmpty(), "signature problem reported");
    const auto verdict = Signature::verify("secret", bytes, bytes,
                                           QDateTime::fromSecsSinceEpoch(1600000000, Qt::UTC));
    check(!verdict.detail.isEmpty(), "verdict detail");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzOne(QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    return 0;
}

#include "replaymain.h"
