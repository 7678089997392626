#pragma once

// Helpers shared by the bulk tests (this folder only): a local service on a temporary file, a
// receiver that accepts every event, and waits that keep the event loop turning.

#include "await.h"
#include "bulkrunner.h"
#include "localservice.h"
#include "receiver.h"

#include <QFuture>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wa::test {

// Runs the event loop until the runner's finished() and returns its report.
inline BulkReport awaitReport(BulkRunner &runner, int timeoutMs = 60000)
{
    QSignalSpy finished(&runner, &BulkRunner::finished);
    if (runner.isRunning() && !finished.wait(timeoutMs))
        return {};
    return runner.report();
}

struct LocalFixture
{
    explicit LocalFixture(int deliveryTimeoutMs = 5000)
    {
        LocalService::Options options;
        options.databasePath = dir.filePath(QStringLiteral("service.sqlite"));
        options.deliveryTimeoutMs = deliveryTimeoutMs;
        service = std::make_unique<LocalService>(options);
        opened = service->open();
    }

    // A config that is valid (its URL answers 200) or invalid (nothing listens on port 1).
    QString create(const QString &url)
    {
        const auto created = await(service->createConfig(url, WebhookService::MaxAwaitSeconds));
        return created.ok() ? created.value().id : QString();
    }

    QTemporaryDir dir;
    std::unique_ptr<LocalService> service;
    Result<Done> opened = ApiError::serverError(QStringLiteral("not opened"));
};

// An accepting receiver: 200 for every event, whatever its signature.
struct AcceptingReceiver
{
    AcceptingReceiver()
    {
        Receiver::Behaviour behaviour;
        behaviour.status = 200;
        receiver.setBehaviour(behaviour);
        started = receiver.start().ok();
    }
    QString url(int n) const { return receiver.url().toString() + QStringLiteral("/c%1").arg(n); }

    Receiver receiver;
    bool started = false;
};

inline const QString RefusingUrl = QStringLiteral("http://127.0.0.1:1/down");

} // namespace wa::test
