#include "jsonambiguity.h"

#include <QList>
#include <QSet>
#include <QStringDecoder>

namespace wa {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at `at` (the grammar is already checked: they are there).
char16_t unit(const QByteArray &json, qsizetype at)
{
    char16_t value = 0;
    for (qsizetype i = at; i < at + 4 && i < json.size(); ++i)
        value = char16_t(value * 16 + std::max(0, hexValue(json.at(i))));
    return value;
}

bool isHigh(char16_t c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}
bool isLow(char16_t c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

// One object being read: the keys seen, and whether the next string is a key.
struct Scope
{
    bool isObject = false;
    bool expectKey = false;
    QSet<QString> keys;
};

} // namespace

std::optional<JsonAmbiguity> JsonAmbiguity::find(const QByteArray &json)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(json);
    if (utf8.hasError()) {
        const qsizetype bad = decoded.indexOf(QChar::ReplacementCharacter);
        return JsonAmbiguity {bad < 0 ? 0 : QStringView(decoded).first(bad).toUtf8().size(),
                              QStringLiteral("bytes that are not UTF-8")};
    }

    QList<Scope> scopes;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '{' || c == '[') {
            scopes.append(Scope {c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            if (!scopes.isEmpty())
                scopes.removeLast();
        } else if (c == ',' && !scopes.isEmpty() && scopes.last().isObject) {
            scopes.last().expectKey = true;
        } else if (c == '"') {
            const qsizetype start = i;
            QString text;
            QByteArray raw;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) != '\\') {
                    raw += json.at(i);
                    continue;
                }
                text += QString::fromUtf8(raw);
                raw.clear();
                const char escape = json.at(++i);
                if (escape != 'u') {
                    static const QByteArray from = "\"\\/bfnrt";
                    static const QByteArray to = "\"\\/\b\f\n\r\t";
                    text += QLatin1Char(to.at(qMax<qsizetype>(0, from.indexOf(escape))));
                    continue;
                }
                const char16_t first = unit(json, i + 1);
                const qsizetype escapeAt = i - 1;
                i += 4;
                if (isHigh(first) && i + 6 < json.size() && json.at(i + 1) == '\\'
                    && json.at(i + 2) == 'u' && isLow(unit(json, i + 3))) {
                    text += QChar(first);
                    text += QChar(unit(json, i + 3));
                    i += 6;
                } else if (isHigh(first) || isLow(first)) {
                    return JsonAmbiguity {
                        escapeAt,
                        QStringLiteral("a lone UTF-16 surrogate \\u%1 in a string")
                            .arg(int(first), 4, 16, QLatin1Char('0'))};
                } else {
                    text += QChar(first);
                }
            }
            text += QString::fromUtf8(raw);
            if (!scopes.isEmpty() && scopes.last().isObject && scopes.last().expectKey) {
                scopes.last().expectKey = false;
                if (scopes.last().keys.contains(text))
                    return JsonAmbiguity {start,
                                          QStringLiteral("the key \"%1\" a second time").arg(text)};
                scopes.last().keys.insert(text);
            }
        }
    }
    return std::nullopt;
}

} // namespace wa
