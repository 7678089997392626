#include "jsonerror.h"

namespace wa {

Phrase jsonErrorWords(QJsonParseError::ParseError error)
{
    // Qt 6's own texts (qjsonparser.cpp), under its context: qtbase's .qm translates them, and
    // our lupdate does not collect them (no QT_TRANSLATE_NOOP here).
    const char *text = "unknown error";
    switch (error) {
    case QJsonParseError::NoError:
        text = "no error occurred";
        break;
    case QJsonParseError::UnterminatedObject:
        text = "unterminated object";
        break;
    case QJsonParseError::MissingNameSeparator:
        text = "missing name separator";
        break;
    case QJsonParseError::UnterminatedArray:
        text = "unterminated array";
        break;
    case QJsonParseError::MissingValueSeparator:
        text = "missing value separator";
        break;
    case QJsonParseError::IllegalValue:
        text = "illegal value";
        break;
    case QJsonParseError::TerminationByNumber:
        text = "invalid termination by number";
        break;
    case QJsonParseError::IllegalNumber:
        text = "illegal number";
        break;
    case QJsonParseError::IllegalEscapeSequence:
        text = "invalid escape sequence";
        break;
    case QJsonParseError::IllegalUTF8String:
        text = "invalid UTF8 string";
        break;
    case QJsonParseError::UnterminatedString:
        text = "unterminated string";
        break;
    case QJsonParseError::MissingObject:
        text = "object is missing after a comma";
        break;
    case QJsonParseError::DeepNesting:
        text = "too deeply nested document";
        break;
    case QJsonParseError::DocumentTooLarge:
        text = "too large document";
        break;
    case QJsonParseError::GarbageAtEnd:
        text = "garbage at the end of the document";
        break;
    }
    return Phrase("QJsonParseError", text);
}

} // namespace wa
