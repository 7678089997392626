#pragma once

// A LocalService on a fresh database plus a LocalServer on 127.0.0.1 (free port), for tests.
// Header-only; link webhookadmin_core.
//
// The database is a SQLite file, or, when the environment says WA_TEST_ENGINE=postgres, a new
// database on the throwaway PostgreSQL cluster (wa_add_test(... ALSO_POSTGRES) runs a suite both
// ways): the REST API must behave the same on either engine.
//
//     TestServer server;
//     QVERIFY(server.start());            // or start({.deliveryTimeoutMs = 2000})
//     QNetworkRequest request(server.endpoint(u"/configs/webhook"_s));
//     request.setRawHeader("Authorization", server.authorization());
//
// Members are destroyed server first, then service, then the folder.

#include "localserver.h"
#include "localservice.h"
#include "testdatabase.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QtDebug>

#include <memory>

namespace wa::test {

struct TestServer
{
    QTemporaryDir dir;
    std::unique_ptr<TestDatabase> database; // PostgreSQL only; dropped after the service closes
    std::unique_ptr<LocalService> service;
    std::unique_ptr<LocalServer> server;
    QUrl url; // http://127.0.0.1:<port>
    QString token; // the local key's token
    QString error; // why start() failed
    wa::HttpLimits limits; // for the server, set before start()
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // where start() listens

    // Empty databasePath: <dir>/service.sqlite. Empty token: the service generates one.
    bool start(LocalService::Options options = {})
    {
        if (!dir.isValid()) {
            error = QStringLiteral("Cannot create a temporary folder.");
            qWarning("TestServer: %s", qPrintable(error));
            return false;
        }
        if (options.databasePath.isEmpty()
            && qEnvironmentVariable("WA_TEST_ENGINE") == u"postgres") {
            database = std::make_unique<TestDatabase>(TestDatabase::Engine::Postgres);
            if (database->location().isEmpty()) {
                // ctest takes this sentence as "skipped" (SKIP_REGULAR_EXPRESSION).
                error = QStringLiteral("no PostgreSQL cluster to test against");
                qWarning("TestServer: %s", qPrintable(error));
                return false;
            }
            options.databasePath = database->location();
        }
        if (options.databasePath.isEmpty())
            options.databasePath = dir.filePath(QStringLiteral("service.sqlite"));
        service = std::make_unique<LocalService>(options);
        if (const auto opened = service->open(); !opened.ok()) {
            error = opened.error().describe();
            qWarning("TestServer: open: %s", qPrintable(error));
            return false;
        }
        server = std::make_unique<LocalServer>(service.get());
        server->setLimits(limits);
        if (const auto listening = server->listen(address); !listening.ok()) {
            error = listening.error().describe();
            qWarning("TestServer: listen: %s", qPrintable(error));
            return false;
        }
        url = server->url();
        if (address != QHostAddress(QHostAddress::LocalHost))
            url.setHost(QStringLiteral("127.0.0.1")); // reached through loopback
        token = service->token();
        return true;
    }

    // url + path (and query, if any: "/configs/webhook?limit=5").
    QUrl endpoint(const QString &pathAndQuery) const { return url.resolved(QUrl(pathAndQuery)); }

    // The Authorization header value: "Token <token>".
    QByteArray authorization() const { return "Token " + token.toUtf8(); }
};

} // namespace wa::test
