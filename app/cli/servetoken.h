#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <variant>

class QCommandLineParser;

namespace wa::cli {

// The token `serve` accepts, from one of: --token (visible to every user in `ps`, so it warns),
// --token-file PATH, or WEBHOOK_ADMIN_SERVE_TOKEN. None of them: the token stored in the
// database (generated on first run). A token shorter than MinimumLength is refused: it could be
// guessed. WEBHOOK_ADMIN_TOKEN is the *client* token of the other commands and is never read
// here, so that a shell that exported it for `list` cannot silently re-key a server.
class ServeToken final
{
public:
    static constexpr auto Variable = "WEBHOOK_ADMIN_SERVE_TOKEN";
    static constexpr int MinimumLength = 16;
    // The longest token file read: a token is a line, not a document.
    static constexpr qint64 MaximumFileSize = 4096;

    ServeToken();

    QList<QCommandLineOption> options() const { return {m_token, m_tokenFile}; }

    struct Chosen
    {
        QString token; // empty: the stored one
        QStringList warnings;
    };
    // The token to use, or the usage problem (exit 2).
    std::variant<Chosen, QString> choose(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_token;
    QCommandLineOption m_tokenFile;
};

} // namespace wa::cli
