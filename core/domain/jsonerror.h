#pragma once

#include "phrase.h"

#include <QJsonParseError>

namespace wa {

// What QJsonParseError::errorString() says, as a Phrase of Qt's own words: english() is Qt's
// source text, translated() Qt's translation (qtbase_<lang>). errorString() itself translates at
// once, and a console with Qt's German installed would put German into the REST API's answers.
Phrase jsonErrorWords(QJsonParseError::ParseError error);

} // namespace wa
