#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace wa {

// What Qt's JSON parser accepts but changes silently: a string with a lone UTF-16 surrogate
// escape ("\ud800", which Qt turns into another character), an object with a key twice (Qt
// keeps the last) and bytes that are not UTF-8. A request body with any of them is refused
// rather than stored as something the client did not send.
struct JsonAmbiguity
{
    qsizetype offset = 0; // byte offset in the text where the problem starts
    QString what; // "a lone UTF-16 surrogate \ud800", "the key \"url\" a second time", ...

    // The first ambiguity in `json`, which must already be valid JSON (QJsonDocument said so).
    static std::optional<JsonAmbiguity> find(const QByteArray &json);
};

} // namespace wa
