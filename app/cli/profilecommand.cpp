#include "profilecommand.h"

#include "backendoptions.h"
#include "commandline.h"
#include "localservice.h"
#include "outputformat.h"
#include "profilestore.h"
#include "tokenstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaObject>
#include <QTextStream>

namespace wa::cli {

namespace {

void printProfiles(const OutputFormat &output)
{
    const QList<Profile> profiles = ProfileStore().profiles();
    if (output.json()) {
        QJsonArray data;
        for (const Profile &profile : profiles) {
            data.append(QJsonObject {
                {QStringLiteral("name"), profile.name},
                {QStringLiteral("kind"), Profile::kindName(profile.kind)},
                {QStringLiteral("url"),
                 profile.kind == Profile::Kind::Remote ? QJsonValue(profile.url.toString())
                                                       : QJsonValue()},
                {QStringLiteral("database"),
                 profile.kind == Profile::Kind::Local ? QJsonValue(profile.databasePath)
                                                      : QJsonValue()}});
        }
        output.printJson({{QStringLiteral("resource"), QStringLiteral("list")},
                          {QStringLiteral("data"), data},
                          {QStringLiteral("total_count"), data.size()}});
        return;
    }
    QList<QStringList> rows;
    for (const Profile &profile : profiles) {
        const QString where = profile.kind == Profile::Kind::Remote
            ? profile.url.toString()
            : (profile.databasePath.isEmpty() ? LocalService::defaultDatabasePath()
                                              : profile.databasePath);
        rows.append({profile.name, Profile::kindName(profile.kind), where});
    }
    output.printTable({QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("WHERE")},
                      rows);
}

} // namespace

QString ProfileCommand::summary() const
{
    return QStringLiteral("Manage saved profiles: profile add|list|remove.");
}

int ProfileCommand::run(QCoreApplication &app, const QStringList &arguments)
{
    CommandLine commandLine(
        name(),
        QStringLiteral("Manage the saved profiles shared with the desktop console.\n\n"
                       "  profile add NAME --url URL [--token TOKEN]   a remote API or 'serve'\n"
                       "  profile add NAME --local [--database PATH]   the embedded service\n"
                       "  profile list\n"
                       "  profile remove NAME\n\n"
                       "Tokens (from --token or %1) are kept in the OS keychain, or in a private "
                       "file where no keychain runs; they are never printed.")
            .arg(QString::fromLatin1(BackendOptions::TokenVariable)));
    QCommandLineParser &parser = commandLine.parser();
    const QCommandLineOption url({QStringLiteral("url"), QStringLiteral("api-url")},
                                 QStringLiteral("Base URL of the API."), QStringLiteral("URL"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("API token."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption local(QStringLiteral("local"),
                                   QStringLiteral("A profile of the embedded local service."));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("SQLite database of a local profile."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("List as JSON."));
    parser.addOptions({url, token, local, database, json});
    const QList<CommandLine::Positional> positionals {
        {QStringLiteral("ACTION"), QStringLiteral("add, list or remove.")},
        {QStringLiteral("NAME"), QStringLiteral("The profile's name."), false, true}};
    if (const auto done = commandLine.parse(arguments, positionals))
        return *done;
    const QStringList given = parser.positionalArguments();
    const QString action = given.value(0);
    const OutputFormat output(parser.isSet(json));

    if (action == QLatin1String("list")) {
        if (given.size() != 1)
            return usage(name(), QStringLiteral("'profile list' takes no name."));
        printProfiles(output);
        return ExitCode::Ok;
    }
    if (action != QLatin1String("add") && action != QLatin1String("remove"))
        return usage(name(), QStringLiteral("expects add, list or remove."));
    if (given.size() != 2 || given.at(1).isEmpty())
        return usage(name(), QStringLiteral("'profile %1' expects a NAME.").arg(action));
    const QString profileName = given.at(1);

    ProfileStore store;
    auto *tokens = new TokenStore(&app);
    QObject::connect(tokens, &TokenStore::fallbackActivated, tokens,
                     [&output](const QString &warning) { output.printWarning(warning); });
    int code = ExitCode::Ok;

    if (action == QLatin1String("remove")) {
        if (!store.remove(profileName)) {
            output.printError(
                usageError(QStringLiteral("There is no profile named '%1'.").arg(profileName)));
            return ExitCode::Usage;
        }
        // Started inside the event loop: a ready future's continuation runs at once, and
        // exit() before exec() would be lost.
        QMetaObject::invokeMethod(
            tokens,
            [tokens, &output, profileName] {
                tokens->remove(profileName)
                    .then(tokens, [&output, profileName](Result<Done> removed) {
                        if (!removed.ok())
                            output.printWarning(removed.error().message);
                        output.printLine(QStringLiteral("Profile '%1' removed.").arg(profileName));
                        QCoreApplication::exit(ExitCode::Ok);
                    });
            },
            Qt::QueuedConnection);
        code = app.exec();
        delete tokens;
        return code;
    }

    // add
    Profile profile;
    profile.name = profileName;
    QString secret;
    if (parser.isSet(local)) {
        if (parser.isSet(url) || parser.isSet(token))
            return usage(name(),
                         QStringLiteral("--local cannot be combined with --url or --token."));
        profile.kind = Profile::Kind::Local;
        profile.databasePath = parser.isSet(database)
            ? QDir::current().absoluteFilePath(parser.value(database))
            : QString();
    } else {
        if (parser.isSet(database))
            return usage(name(), QStringLiteral("--database needs --local."));
        if (!parser.isSet(url))
            return usage(name(), QStringLiteral("give --url URL (with a token) or --local."));
        profile.kind = Profile::Kind::Remote;
        profile.url = QUrl(parser.value(url));
        secret = parser.isSet(token) ? parser.value(token)
                                     : qEnvironmentVariable(BackendOptions::TokenVariable);
        if (secret.isEmpty())
            return usage(name(),
                         QStringLiteral("a remote profile needs a token: --token or %1.")
                             .arg(QString::fromLatin1(BackendOptions::TokenVariable)));
    }
    if (const auto problem = profile.problem())
        return usage(name(), problem->english());
    if (const auto saved = store.save(profile); !saved.ok()) {
        output.printError(saved.error());
        return ExitCode::ApiRefused;
    }
    const QString where = profile.kind == Profile::Kind::Remote
        ? profile.url.toString()
        : (profile.databasePath.isEmpty() ? LocalService::defaultDatabasePath()
                                          : profile.databasePath);
    const QString saved = QStringLiteral("Profile '%1' saved (%2, %3).")
                              .arg(profile.name, Profile::kindName(profile.kind), where);
    // A local profile has no token; one stored under that name before is dropped.
    const bool remote = profile.kind == Profile::Kind::Remote;
    QMetaObject::invokeMethod(
        tokens,
        [tokens, &output, saved, remote, profileName, secret] {
            auto future = remote ? tokens->write(profileName, secret) : tokens->remove(profileName);
            future.then(tokens, [&output, saved](Result<Done> written) {
                if (!written.ok()) {
                    output.printError(written.error());
                    QCoreApplication::exit(ExitCode::ApiRefused);
                    return;
                }
                output.printLine(saved);
                QCoreApplication::exit(ExitCode::Ok);
            });
        },
        Qt::QueuedConnection);
    code = app.exec();
    delete tokens;
    return code;
}

} // namespace wa::cli
