#pragma once

#include <QString>

#include <type_traits>
#include <vector>

// Marks words of ours for lupdate and makes a Phrase of them, the context spelt once:
//   WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules", "No webhook config with id %1.")).arg(id)
// lupdate reads the QT_TRANSLATE_NOOP as written; the preprocessor pastes it onto a Phrase
// constructor (## keeps Qt's macro from expanding first). QT_TRANSLATE_N_NOOP makes a numerus
// phrase: give it its count with withCount().
#define WA_PHRASE(noop) WA_PHRASE_##noop
#define WA_PHRASE_QT_TRANSLATE_NOOP(context, source) ::wa::Phrase(context, source)
#define WA_PHRASE_QT_TRANSLATE_N_NOOP(context, source)                                             \
    ::wa::Phrase(context, source, ::wa::Phrase::Numerus)

namespace wa {

// Words for a person, kept untranslated until someone shows them. Core makes Phrases; the wire,
// the logs and the CLI take english(), the console takes translated(). A tr() where the words are
// made cannot serve both: the console's embedded server and receiver answer over HTTP from the
// same process that installed the user's translator.
class Phrase final
{
public:
    enum NumerusTag
    {
        Numerus
    };

    Phrase() = default;
    // `context` and `source` are string literals (they are kept as pointers): use WA_PHRASE.
    Phrase(const char *context, const char *source);
    Phrase(const char *context, const char *source, NumerusTag);

    // Words that are not ours to translate (a remote's message, the system's error string), or,
    // with arguments, a pattern of ours that needs no words ("%1: %2").
    static Phrase plain(const QString &text);
    // The parts one after another, `separator` between them.
    static Phrase join(const std::vector<Phrase> &parts, const QString &separator);

    // As QString's multi-argument arg(): the lowest-numbered %N takes the first argument given,
    // the next the second, all in one pass (an argument's own "%1" stays as it is).
    Phrase arg(const QString &value) const;
    Phrase arg(const Phrase &value) const; // translated along with this phrase
    template<typename Integer>
    requires std::is_integral_v<Integer> Phrase arg(Integer value)
    const { return arg(QString::number(value)); }
    // The count of a numerus phrase: its %n, and which plural form the translation takes.
    Phrase withCount(int n) const;
    // To follow a colon: the first letter lower case (unless the word is an acronym), no final
    // stop. "The header is empty." -> "the header is empty".
    Phrase asClause() const;

    bool isEmpty() const;
    QString english() const;
    QString translated() const; // through the translators installed now

    // The words to show of a value that keeps them twice, as English text (a field, what the wire
    // carries) and as a phrase: the phrase translated while it still says `english`; otherwise
    // (words from elsewhere, or text changed without its phrase) `english` as it is.
    static QString localized(const Phrase &phrase, const QString &english);
    // The same choice as a Phrase, to build on: `phrase` while it says `english`, else
    // plain(english).
    static Phrase matching(const Phrase &phrase, const QString &english);

    friend bool operator==(const Phrase &a, const Phrase &b);

private:
    enum class Kind
    {
        Empty,
        Ours, // m_context, m_source
        Plain, // m_text
        Join, // m_args, m_text between them
    };

    QString render(bool translate) const;

    Kind m_kind = Kind::Empty;
    const char *m_context = nullptr;
    const char *m_source = nullptr;
    bool m_numerus = false;
    bool m_clause = false;
    int m_count = -1;
    QString m_text;
    std::vector<Phrase> m_args;
};

} // namespace wa
