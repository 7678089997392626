#pragma once

// Small helpers shared by the receiver tests (this folder only).

#include "await.h"
#include "localservice.h"

#include <QFuture>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wa::test {

// The error of a result, for a failure message (empty when it succeeded).
template<typename T> QByteArray why(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().describe().toUtf8();
}

// A LocalService on a fresh SQLite file in a temporary folder.
struct LocalFixture
{
    explicit LocalFixture(int deliveryTimeoutMs = 10000)
    {
        LocalService::Options options;
        options.databasePath = dir.filePath(QStringLiteral("webhook-admin.sqlite"));
        options.token = QStringLiteral("test-token");
        options.deliveryTimeoutMs = deliveryTimeoutMs;
        service = std::make_unique<LocalService>(options);
        opened = service->open();
    }

    QTemporaryDir dir;
    std::unique_ptr<LocalService> service;
    Result<Done> opened = ApiError::serverError(QStringLiteral("not opened"));
};

} // namespace wa::test
