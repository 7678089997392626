#include "eventverdict.h"

namespace wa {

QString EventVerdict::codeName(Code code)
{
    switch (code) {
    case Code::Valid:
        return QStringLiteral("valid");
    case Code::NoSecret:
        return QStringLiteral("no-secret");
    case Code::MissingHeader:
        return QStringLiteral("missing-header");
    case Code::MalformedHeader:
        return QStringLiteral("malformed-header");
    case Code::Mismatch:
        return QStringLiteral("mismatch");
    case Code::BodyAltered:
        return QStringLiteral("body-altered");
    case Code::TooOld:
        return QStringLiteral("too-old");
    case Code::TooNew:
        return QStringLiteral("too-new");
    case Code::NotJson:
        return QStringLiteral("not-json");
    }
    return {};
}

Phrase EventVerdict::codeTitle(Code code)
{
    const char *text = "";
    switch (code) {
    case Code::Valid:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Valid");
        break;
    case Code::NoSecret:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "No secret to check against");
        break;
    case Code::MissingHeader:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "No signature header");
        break;
    case Code::MalformedHeader:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Malformed signature header");
        break;
    case Code::Mismatch:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Signature does not match");
        break;
    case Code::BodyAltered:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Body altered after signing");
        break;
    case Code::TooOld:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Timestamp too old");
        break;
    case Code::TooNew:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Timestamp in the future");
        break;
    case Code::NotJson:
        text = QT_TRANSLATE_NOOP("wa::EventVerdict", "Body is not JSON");
        break;
    }
    return Phrase("wa::EventVerdict", text);
}

void EventVerdict::setDetail(const Phrase &phrase)
{
    detail = phrase.english();
    detailPhrase = phrase;
}

QString EventVerdict::localizedDetail() const
{
    return Phrase::localized(detailPhrase, detail);
}

} // namespace wa
