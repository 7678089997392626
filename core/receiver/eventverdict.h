#pragma once

#include "phrase.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace wa {

// What a receiver concluded about one request: its Ricloud-Signature and its body.
struct EventVerdict
{
    enum class Code
    {
        Valid,
        NoSecret, // no secret known for the request's path: nothing to check against
        MissingHeader, // no Ricloud-Signature header
        MalformedHeader, // the header does not parse (detail says what is wrong)
        Mismatch, // wrong secret or altered body: cannot tell which
        BodyAltered, // the signature matches other bytes than those received (detail: which)
        TooOld, // signed longer ago than the window
        TooNew, // signed further in the future than the skew allowance
        NotJson, // the signature holds, but the body is not JSON
    };

    Code code = Code::MissingHeader;
    QString detail; // a sentence for a person: what is wrong, by how much (English: the wire's)
    Phrase detailPhrase; // the same sentence, to be translated where it is shown
    std::optional<qint64> timestamp; // t from the header, when it parsed
    qint64 ageSeconds = 0; // now - t (negative: from the future)
    bool bodyIsJson = false;

    bool valid() const { return code == Code::Valid; }
    QString name() const { return codeName(code); }
    // A few words for a person, in English and in the user's language.
    QString title() const { return codeTitle(code).english(); }
    QString localizedTitle() const { return codeTitle(code).translated(); }
    // Sets `detail` and `detailPhrase` together; the detail as the console shows it.
    void setDetail(const Phrase &phrase);
    QString localizedDetail() const;

    // Stable kebab-case name, for JSON output and scripts: "valid", "missing-header", ...
    static QString codeName(Code code);
    // A few words for a person: "Valid", "Signature does not match", ...
    static Phrase codeTitle(Code code);
};

} // namespace wa

Q_DECLARE_METATYPE(wa::EventVerdict)
