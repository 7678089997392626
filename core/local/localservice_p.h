#pragma once

// LocalService's insides, shared by localservice.cpp (what each call does, in the service's
// thread) and localservicecalls.cpp (the public calls, which hand their work to that thread).
// Private to core/local.

#include "awaitregistry.h"
#include "configrules.h"
#include "housekeeping.h"
#include "localcommands.h"
#include "localqueries.h"
#include "localservice.h"
#include "localview.h"
#include "store.h"
#include "taskworker.h"
#include "threadhandoff.h"

#include <QCoreApplication>
#include <QList>
#include <QPromise>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace wa {

using namespace ThreadHandoff;

struct LocalService::Private
{
    Private(LocalService *service, Options opts)
        : q(service)
        , options(opts.resolved())
        , workerId(QStringLiteral("%1:%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(ConfigRules::newId()))
    { }

    LocalService *q;
    Options options;
    QString workerId;
    std::unique_ptr<Store> store;
    std::unique_ptr<LocalView> view;
    std::unique_ptr<LocalCommands> commands;
    std::unique_ptr<TaskWorker> worker; // after the store: stopped and gone first
    AwaitRegistry *awaits = nullptr;
    Housekeeping *housekeeping = nullptr;
    bool opened = false;

    struct PendingCreate
    {
        Store::ConfigRow config;
        int awaitSeconds = 0;
        PromisePtr<WebhookConfig> promise;
    };
    QList<PendingCreate> pendingCreates;
    struct PendingTest
    {
        QString configId;
        int awaitSeconds = 0;
        PromisePtr<Task> promise;
    };
    QList<PendingTest> pendingTests;
    QList<std::shared_ptr<QPromise<void>>> settling;

    // Reads are numbered as they are called, in the caller's thread: a freshness check that
    // began after a read was called answers for that read too (see LocalView::refresh).
    std::atomic<quint64> reads {0};
    quint64 readCalled() { return reads.fetch_add(1) + 1; }

    Result<Done> open();
    std::optional<ApiError> notOpen() const;
    // Makes the view current, announcing what others changed. Before every answer; a read
    // passes the number readCalled() gave it when it was called.
    Result<Done> refresh(quint64 readNumber = LocalView::Unnumbered);
    void settled();

    Result<WebhookConfig> config(const QString &id, quint64 readNumber = LocalView::Unnumbered);
    Result<ListPage<WebhookConfig>> listConfigs(const ConfigFilter &filter, const PageRequest &page,
                                                quint64 readNumber);
    void createConfig(const QString &url, int awaitSeconds, const PromisePtr<WebhookConfig> &p);
    void flushCreates();
    // Writes what is pending now, or (group commits) once, at the end of this event-loop pass:
    // `first` says that this call made the pending list non-empty.
    void flushSoon(bool first, void (Private::*flush)());
    void updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds,
                      const PromisePtr<WebhookConfig> &p);
    Result<WebhookConfig> deactivateConfig(const QString &id);
    void testConfig(const QString &id, int awaitSeconds, const PromisePtr<Task> &p);
    void flushTests();
    Result<Organisation> currentOrganisation(quint64 readNumber = LocalView::Unnumbered);
    Result<Organisation> setDefaultConfig(const QString &configId);
    Result<Key> setKeyConfig(const QString &keyId, const QString &configId);
    Result<ListPage<DeliveryAttempt>> listAttempts(const QString &configId,
                                                   const PageRequest &page);
    void resendEvent(const QString &eventId, const PromisePtr<DeliveryAttempt> &p);

    // A started test: delivered by this process's worker; an await answers when it is done.
    void startedTest(const Store::TaskRow &task, int awaitSeconds, std::function<void()> answer);
};

} // namespace wa
