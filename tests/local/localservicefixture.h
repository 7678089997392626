#pragma once

// What the LocalService suites share: a fresh folder and a receiver (TestHttpServer, answering
// 200) for every test function, and short ways to create, look up and wait. A test class derives
// from it and calls setUp()/tearDown() from its init()/cleanup() slots.

#include "futurewait.h"
#include "localservice.h"
#include "testhttpserver.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class LocalServiceFixture : public QObject
{
public:
    std::unique_ptr<wa::LocalService> openService(const QString &token = {})
    {
        wa::LocalService::Options options;
        options.databasePath = m_dir->filePath(QStringLiteral("local.sqlite"));
        options.token = token;
        options.deliveryTimeoutMs = 10000;
        auto service = std::make_unique<wa::LocalService>(options);
        const auto opened = service->open();
        if (!opened.ok())
            qWarning("open failed: %s", qPrintable(opened.error().message));
        return opened.ok() ? std::move(service) : nullptr;
    }

    wa::WebhookConfig create(wa::LocalService &service, const QString &url)
    {
        const auto created = waitFor(service.createConfig(url, 0));
        if (!created.ok())
            qWarning("create failed: %s", qPrintable(created.error().describe()));
        return created.ok() ? created.value() : wa::WebhookConfig {};
    }

    wa::ConfigState stateOf(wa::LocalService &service, const QString &id)
    {
        return waitFor(service.config(id)).value().state;
    }

    QList<wa::Task> tasksFor(wa::LocalService &service, const QString &configId)
    {
        wa::TaskFilter filter;
        filter.target = configId;
        wa::PageRequest page;
        page.limit = 1000;
        return waitFor(service.listTasks(filter, page)).value().data;
    }

    bool allTasksDone(wa::LocalService &service, const QString &configId)
    {
        const auto tasks = tasksFor(service, configId);
        return std::all_of(tasks.cbegin(), tasks.cend(),
                           [](const wa::Task &t) { return t.finished(); });
    }

    int totalConfigs(wa::LocalService &service, wa::ConfigFilter filter = {})
    {
        return waitFor(service.listConfigs(filter, wa::PageRequest {})).value().totalCount;
    }

protected:
    void setUp()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dir = std::make_unique<QTemporaryDir>();
        m_receiver = std::make_unique<wa::test::TestHttpServer>();
        QVERIFY(m_receiver->start());
    }

    void tearDown()
    {
        m_receiver.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wa::test::TestHttpServer> m_receiver;
};
