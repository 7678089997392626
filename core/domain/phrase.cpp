#include "phrase.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstring>
#include <map>

namespace wa {

namespace {

// The number of the placeholder at `at` ("%1" .. "%99"), and its length; 0 when there is none.
int placeholderAt(const QString &text, qsizetype at, qsizetype *length)
{
    if (text.at(at) != u'%' || at + 1 >= text.size() || !text.at(at + 1).isDigit())
        return 0;
    int number = text.at(at + 1).digitValue();
    *length = 2;
    if (at + 2 < text.size() && text.at(at + 2).isDigit()) {
        number = number * 10 + text.at(at + 2).digitValue();
        *length = 3;
    }
    return number;
}

// QString::arg(a1, a2, ...) over a list known only at run time.
QString substitute(const QString &pattern, const QStringList &values)
{
    if (values.isEmpty())
        return pattern;
    std::map<int, qsizetype> indexOf; // placeholder number -> value, lowest number first
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        qsizetype length = 0;
        if (const int number = placeholderAt(pattern, i, &length); number > 0)
            indexOf.emplace(number, 0);
    }
    qsizetype next = 0;
    for (auto &[number, index] : indexOf)
        index = next++;

    QString result;
    result.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        qsizetype length = 0;
        const int number = placeholderAt(pattern, i, &length);
        const auto found = number > 0 ? indexOf.find(number) : indexOf.end();
        if (found != indexOf.end() && found->second < values.size()) {
            result += values.at(found->second);
            i += length - 1;
        } else {
            result += pattern.at(i);
        }
    }
    return result;
}

QString fittedAfterColon(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    return text;
}

bool sameText(const char *a, const char *b)
{
    return a == b || (a && b && std::strcmp(a, b) == 0);
}

} // namespace

Phrase::Phrase(const char *context, const char *source)
    : m_kind(Kind::Ours)
    , m_context(context)
    , m_source(source)
{ }

Phrase::Phrase(const char *context, const char *source, NumerusTag)
    : m_kind(Kind::Ours)
    , m_context(context)
    , m_source(source)
    , m_numerus(true)
{ }

Phrase Phrase::plain(const QString &text)
{
    Phrase phrase;
    phrase.m_kind = Kind::Plain;
    phrase.m_text = text;
    return phrase;
}

Phrase Phrase::join(const std::vector<Phrase> &parts, const QString &separator)
{
    Phrase phrase;
    phrase.m_kind = Kind::Join;
    phrase.m_text = separator;
    phrase.m_args = parts;
    return phrase;
}

Phrase Phrase::arg(const QString &value) const
{
    return arg(plain(value));
}

Phrase Phrase::arg(const Phrase &value) const
{
    Phrase phrase = *this;
    phrase.m_args.push_back(value);
    return phrase;
}

Phrase Phrase::withCount(int n) const
{
    Phrase phrase = *this;
    phrase.m_count = n;
    return phrase;
}

Phrase Phrase::asClause() const
{
    Phrase phrase = *this;
    phrase.m_clause = true;
    return phrase;
}

bool Phrase::isEmpty() const
{
    switch (m_kind) {
    case Kind::Empty:
        return true;
    case Kind::Ours:
        return !m_source || !*m_source;
    case Kind::Plain:
        return m_text.isEmpty() && m_args.empty();
    case Kind::Join:
        return m_args.empty();
    }
    return true;
}

QString Phrase::english() const
{
    return render(false);
}

QString Phrase::translated() const
{
    return render(true);
}

QString Phrase::render(bool translate) const
{
    QStringList values;
    values.reserve(qsizetype(m_args.size()));
    for (const Phrase &value : m_args)
        values << value.render(translate);

    QString text;
    switch (m_kind) {
    case Kind::Empty:
        break;
    case Kind::Ours:
        if (translate) {
            text = QCoreApplication::translate(m_context, m_source, nullptr,
                                               m_numerus ? m_count : -1);
        } else {
            text = QString::fromUtf8(m_source);
            if (m_numerus)
                text.replace(QLatin1String("%n"), QString::number(m_count));
        }
        text = substitute(text, values);
        break;
    case Kind::Plain:
        text = substitute(m_text, values);
        break;
    case Kind::Join:
        text = values.join(m_text);
        break;
    }
    return m_clause ? fittedAfterColon(text) : text;
}

QString Phrase::localized(const Phrase &phrase, const QString &english)
{
    if (phrase.isEmpty() || phrase.english() != english)
        return english;
    return phrase.translated();
}

Phrase Phrase::matching(const Phrase &phrase, const QString &english)
{
    if (phrase.isEmpty() || phrase.english() != english)
        return plain(english);
    return phrase;
}

bool operator==(const Phrase &a, const Phrase &b)
{
    return a.m_kind == b.m_kind && sameText(a.m_context, b.m_context)
        && sameText(a.m_source, b.m_source) && a.m_numerus == b.m_numerus
        && a.m_clause == b.m_clause && a.m_count == b.m_count && a.m_text == b.m_text
        && a.m_args == b.m_args;
}

} // namespace wa
