#pragma once

#include "deliveryattempt.h"

#include <QByteArray>
#include <QString>

namespace wa {

// "Copy as curl": a shell command that repeats a recorded delivery byte for byte, signature
// included, so that a developer can replay it against their receiver:
//
//   printf '{"id": "…", …}' | curl --silent --show-error --request POST --data-binary @-
//       --header 'Content-Type: application/json' --header 'Ricloud-Signature: t=…,s=…'
//       --header 'User-Agent: …' --header 'Expect:' 'http://127.0.0.1:8000/webhooks/<event>'
//
// (one line).
//
// The body travels through printf's format, which POSIX shells all have and which can carry
// any byte: printable ASCII stays as it is (so the JSON is readable), `%` and `\` are doubled,
// every other byte is an octal escape (\012), a NUL included, which neither a here-doc (it adds
// a newline) nor bash's $'...' (it stops at NUL) could carry. curl's own Expect header is
// turned off: the original request had none. The URL and headers are single-quoted.
//
// The signature is the one recorded: a receiver refuses it once it is older than its window
// (600 s by default), as it should a replay.
namespace CurlCommand {

QString fromAttempt(const DeliveryAttempt &attempt);

// One argument for a POSIX shell, single-quoted ('it'\''s').
QString shellQuoted(const QString &text);
// The printf format that prints exactly `bytes`, single-quoted.
QString printfFormat(const QByteArray &bytes);

} // namespace CurlCommand

} // namespace wa
