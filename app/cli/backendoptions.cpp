#include "backendoptions.h"

#include "localservice.h"
#include "profilestore.h"
#include "remoteservice.h"
#include "tokenstore.h"

#include <QCommandLineParser>
#include <QTimer>

namespace wa::cli {

namespace {

std::unique_ptr<WebhookService> openLocal(const QString &databasePath, Result<Done> *opened)
{
    LocalService::Options options;
    options.databasePath = databasePath;
    // A one-shot command delivers the tests it starts (and settles before it exits), never
    // another process's.
    options.worker = LocalService::Worker::OwnTasks;
    // A bulk command's tests share durable commits (the CLI never waits on a future in place).
    options.groupCommits = true;
    auto service = std::make_unique<LocalService>(options);
    *opened = service->open();
    return service;
}

} // namespace

ApiError usageError(const QString &message)
{
    return ApiError::usage(message);
}

BackendOptions::BackendOptions(bool urlAlias)
    : m_url(urlAlias ? QStringList {QStringLiteral("url"), QStringLiteral("api-url")}
                     : QStringList {QStringLiteral("api-url")},
            QStringLiteral("Base URL of the API or of a running 'serve' (default: the hosted "
                           "API, %1).")
                .arg(QString::fromLatin1(RemoteService::DefaultBaseUrl)),
            QStringLiteral("URL"))
    , m_token(QStringLiteral("token"),
              QStringLiteral("API token (or set %1).").arg(QString::fromLatin1(TokenVariable)),
              QStringLiteral("TOKEN"))
    , m_local(QStringLiteral("local"),
              QStringLiteral("Use the embedded local service in-process, without a server."))
    , m_database(QStringLiteral("database"),
                 QStringLiteral("SQLite file or postgresql:// URL of --local (default: %1, "
                                "else %2).")
                     .arg(QString::fromLatin1(LocalService::DatabaseVariable),
                          LocalService::defaultDatabasePath()),
                 QStringLiteral("PATH"))
    , m_profile(QStringLiteral("profile"),
                QStringLiteral("Use a saved profile (see 'profile list')."), QStringLiteral("NAME"))
    , m_timeout(QStringLiteral("timeout"),
                QStringLiteral("Seconds to wait for each answer of a remote (default 30)."),
                QStringLiteral("SECONDS"))
{ }

int BackendOptions::leadingArity(const QString &argument)
{
    static const QStringList flags {QStringLiteral("local")};
    static const QStringList valued {QStringLiteral("url"),     QStringLiteral("api-url"),
                                     QStringLiteral("token"),   QStringLiteral("database"),
                                     QStringLiteral("profile"), QStringLiteral("timeout")};
    if (!argument.startsWith(QLatin1String("--")))
        return 0;
    const QString name = argument.mid(2).section(u'=', 0, 0);
    const bool inlineValue = argument.contains(u'=');
    if (flags.contains(name) && !inlineValue)
        return 1;
    if (valued.contains(name))
        return inlineValue ? 1 : 2;
    return 0;
}

void BackendOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_url, m_token, m_local, m_database, m_profile, m_timeout});
}

std::optional<QString> BackendOptions::check(const QCommandLineParser &parser) const
{
    const bool local = parser.isSet(m_local);
    if (local && (parser.isSet(m_url) || parser.isSet(m_token) || parser.isSet(m_profile)))
        return QStringLiteral("--local cannot be combined with --%1, --token or --profile.")
            .arg(m_url.names().constFirst());
    if (parser.isSet(m_database) && !local)
        return QStringLiteral("--database needs --local.");
    if (parser.isSet(m_profile) && parser.isSet(m_url))
        return QStringLiteral("--profile cannot be combined with --%1.")
            .arg(m_url.names().constFirst());
    if (parser.isSet(m_timeout)) {
        bool ok = false;
        const double seconds = parser.value(m_timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            return QStringLiteral("--timeout: a number of seconds between 0 and 3600 is needed.");
    }
    if (parser.isSet(m_url)) {
        const QUrl url(parser.value(m_url));
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return QStringLiteral("--%1: an http or https URL with a host is needed.")
                .arg(m_url.names().constFirst());
    }
    const bool token = parser.isSet(m_token) || !qEnvironmentVariableIsEmpty(TokenVariable);
    if (!local && !parser.isSet(m_profile) && !token) {
        if (parser.isSet(m_url))
            return QStringLiteral("A token is needed with --%1: give --token or set %2.")
                .arg(m_url.names().constFirst(), QString::fromLatin1(TokenVariable));
        return QStringLiteral("Choose a backend: --%1 URL with --token TOKEN (or %2), --local, "
                              "or --profile NAME.")
            .arg(m_url.names().constFirst(), QString::fromLatin1(TokenVariable));
    }
    return std::nullopt;
}

bool BackendOptions::isLocal(const QCommandLineParser &parser) const
{
    if (parser.isSet(m_local))
        return true;
    if (!parser.isSet(m_profile))
        return false;
    const auto profile = ProfileStore().profile(parser.value(m_profile));
    return profile && profile->kind == Profile::Kind::Local;
}

void BackendOptions::open(const QCommandLineParser &parser, QObject *context, Opened opened,
                          std::function<void(const QString &)> warn) const
{
    if (parser.isSet(m_local)) {
        Result<Done> result = Done {};
        auto service = openLocal(parser.value(m_database), &result);
        if (!result.ok())
            opened(result.error());
        else
            opened(Service(std::move(service)));
        return;
    }

    RemoteService::Options options;
    if (parser.isSet(m_timeout))
        options.timeoutMs = int(parser.value(m_timeout).toDouble() * 1000);
    QString token
        = parser.isSet(m_token) ? parser.value(m_token) : qEnvironmentVariable(TokenVariable);

    if (!parser.isSet(m_profile)) {
        if (parser.isSet(m_url))
            options.baseUrl = QUrl(parser.value(m_url));
        options.token = token;
        opened(Service(std::make_unique<RemoteService>(options)));
        return;
    }

    const QString name = parser.value(m_profile);
    const auto profile = ProfileStore().profile(name);
    if (!profile) {
        opened(usageError(QStringLiteral("There is no profile named '%1' (see "
                                         "'webhook-admin-cli profile list').")
                              .arg(name)));
        return;
    }
    if (profile->kind == Profile::Kind::Local) {
        Result<Done> result = Done {};
        auto service = openLocal(profile->databasePath, &result);
        if (!result.ok())
            opened(result.error());
        else
            opened(Service(std::move(service)));
        return;
    }
    options.baseUrl = profile->url;
    if (parser.isSet(m_token)) {
        options.token = token;
        opened(Service(std::make_unique<RemoteService>(options)));
        return;
    }
    // The store lives until its answer has been handled.
    auto *tokens = new TokenStore(context);
    QObject::connect(tokens, &TokenStore::fallbackActivated, context, warn);
    tokens->read(name).then(context, [tokens, options, name, opened](Result<QString> read) mutable {
        tokens->deleteLater();
        if (!read.ok()) {
            opened(read.error());
            return;
        }
        if (read.value().isEmpty()) {
            opened(usageError(QStringLiteral("No token is stored for profile '%1': add it again "
                                             "with --token, or give --token.")
                                  .arg(name)));
            return;
        }
        options.token = read.value();
        opened(Service(std::make_unique<RemoteService>(options)));
    });
}

} // namespace wa::cli
