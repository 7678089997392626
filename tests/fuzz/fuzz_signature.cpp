// Fuzz target for the Ricloud-Signature header parser and verifier: any header, any body.
// A header that parses names no problem; one that does not says what is wrong; a header made
// by Signature::header() for the body always verifies.

#include "fuzzcheck.h"
#include "signature.h"

#include <QDateTime>

#include <cstdint>

using namespace wa;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first line is the header, the rest the body.
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray header = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);

    QString problem;
    const auto parsed = Signature::parse(header, &problem);
    fuzzCheck(parsed.has_value() == problem.isEmpty(), "a problem exactly when malformed");

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1600000000, Qt::UTC);
    const auto verdict = Signature::verify("secret", header, body, now);
    fuzzCheck(!verdict.detail.isEmpty(), "verdict detail");
    fuzzCheck(!verdict.valid() || parsed, "valid only when parsed");

    const QByteArray made = Signature::header("secret", 1600000000, body);
    fuzzCheck(Signature::verify("secret", made, body, now).valid(), "own header verifies");
    fuzzCheck(header == made || !Signature::verify("other", made, body, now).valid(),
              "another secret never verifies");
    return 0;
}

#include "replaymain.h"
