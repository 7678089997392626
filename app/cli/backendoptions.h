#pragma once

#include "result.h"
#include "webhookservice.h"

#include <QCommandLineOption>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace wa::cli {

// The backend options every service subcommand takes, and the backend they open:
//   --url URL --token TOKEN   a remote API or any running `serve` (token also from
//                             WEBHOOK_ADMIN_TOKEN; a token without a URL means the hosted API).
//                             `--api-url` is the same option; `create` and `update` take `--url`
//                             for the webhook's URL, so there only `--api-url` names the API.
//   --local [--database PATH] the embedded LocalService, in-process, no server
//   --profile NAME            a saved profile (shared with the GUI; token from the keychain)
//   --timeout SECONDS         per request, remote only
class BackendOptions final
{
public:
    static constexpr auto TokenVariable = "WEBHOOK_ADMIN_TOKEN";

    // `urlAlias`: also accept --url for the API's URL (every command but create and update).
    explicit BackendOptions(bool urlAlias = true);

    void addTo(QCommandLineParser &parser) const;

    // For options given before the command (`webhook-admin-cli --local list`): how many
    // arguments `argument` takes up when it is a backend option (1, or 2 for "--token T"), or 0
    // when it is not one. "--token=T" takes up 1.
    static int leadingArity(const QString &argument);
    // A usage problem (conflicting or missing options), or nullopt.
    std::optional<QString> check(const QCommandLineParser &parser) const;

    // True when the options name the embedded service (--local, or a local profile): bulk
    // actions may then run more at once than a shared remote API should see.
    bool isLocal(const QCommandLineParser &parser) const;

    using Service = std::unique_ptr<WebhookService>;
    using Opened = std::function<void(Result<Service>)>;
    // Asynchronous because a profile's token comes from the keychain. `warn` receives warnings
    // to show (the keychain fallback). Failures: ApiError with code "usage" for a missing
    // profile or token, else the backend's own error. Callbacks run in `context`'s thread.
    void open(const QCommandLineParser &parser, QObject *context, Opened opened,
              std::function<void(const QString &)> warn) const;

private:
    QCommandLineOption m_url;
    QCommandLineOption m_token;
    QCommandLineOption m_local;
    QCommandLineOption m_database;
    QCommandLineOption m_profile;
    QCommandLineOption m_timeout;
};

// An ApiError with code "usage": the CLI exits with ExitCode::Usage.
ApiError usageError(const QString &message);

} // namespace wa::cli
