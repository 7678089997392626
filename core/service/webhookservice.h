#pragma once

#include "configchanges.h"
#include "configfilter.h"
#include "deliveryattempt.h"
#include "event.h"
#include "key.h"
#include "listpage.h"
#include "organisation.h"
#include "result.h"
#include "task.h"
#include "testoutcome.h"
#include "webhookconfig.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <atomic>

namespace wa {

// The one interface the UI and the CLI program against. Every call is asynchronous: it returns
// at once with a future that carries the value or an ApiError. The console continues with
// continueOnGui() (ui/guarded.h), guarded against both the widget and the backend going away;
// not with `future.then(context, ...)`, which on Qt 6.4 asserts or drops the result when the
// context dies first (docs/QT-AND-DEBIAN.md).
//
// Implementations: LocalService (in-process, the service itself) and RemoteService (HTTPS).
// Calls may be made from any thread; results arrive through the future.
class WebhookService : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookService)

public:
    // Ricloud-Await: hold the answer until the started test has finished, at most this long.
    static constexpr int MaxAwaitSeconds = 10;

    using QObject::QObject;
    ~WebhookService() override = default;

    // A short name for status bars: "Local (/path/to/db)" or "https://host".
    virtual QString describe() const = 0;

    virtual QFuture<Result<ListPage<WebhookConfig>>> listConfigs(const ConfigFilter &filter,
                                                                 const PageRequest &page)
        = 0;
    // Every config matching the filter, newest first (walks all pages on a remote).
    virtual QFuture<Result<QList<WebhookConfig>>> listAllConfigs(const ConfigFilter &filter) = 0;
    virtual QFuture<Result<WebhookConfig>> config(const QString &id) = 0;
    virtual QFuture<Result<WebhookConfig>> createConfig(const QString &url, int awaitSeconds = 0)
        = 0;
    virtual QFuture<Result<WebhookConfig>>
    updateConfig(const QString &id, const ConfigChanges &changes, int awaitSeconds = 0) = 0;
    virtual QFuture<Result<WebhookConfig>> deactivateConfig(const QString &id) = 0;
    virtual QFuture<Result<Task>> testConfig(const QString &id, int awaitSeconds = 0) = 0;

    virtual QFuture<Result<Task>> task(const QString &id) = 0;
    virtual QFuture<Result<ListPage<Task>>> listTasks(const TaskFilter &filter,
                                                      const PageRequest &page)
        = 0;
    virtual QFuture<Result<Event>> event(const QString &id) = 0;
    virtual QFuture<Result<ListPage<Event>>> listEvents(const PageRequest &page) = 0;

    virtual QFuture<Result<Organisation>> organisation() = 0;
    // Empty id clears the default.
    virtual QFuture<Result<Organisation>> setDefaultConfig(const QString &configId) = 0;
    virtual QFuture<Result<Key>> key() = 0;
    // Empty config id clears the key's own config.
    virtual QFuture<Result<Key>> setKeyConfig(const QString &keyId, const QString &configId) = 0;

    // Extensions of the local service (GET /configs/webhook/{id}/attempts and
    // POST /events/{id}/resend on `serve`); the hosted API answers these with not-found, which
    // RemoteService reports as ApiError::Kind::Unsupported.
    virtual QFuture<Result<ListPage<DeliveryAttempt>>> listAttempts(const QString &configId,
                                                                    const PageRequest &page)
        = 0;
    // Deliver the same event again (same id and body, freshly signed): a new attempt.
    virtual QFuture<Result<DeliveryAttempt>> resendEvent(const QString &eventId) = 0;

    // Finishes when the work this process started in the background is done: the local
    // service's deliveries of the tests it started (at most the delivery timeout). A one-shot
    // command waits for it before it exits, so that nothing it started is left undone.
    virtual QFuture<void> settle() { return QtFuture::makeReadyFuture(); }

    // The latest test of each of these configs (its newest webhook_config.test task, with the
    // attempt it made where the backend keeps them), by config id. A config never tested, or
    // whose test could not be looked up, is absent; the call fails only when no lookup
    // succeeded. Asked for the rows on screen, so a few dozen ids at a time.
    //
    // This implementation works on any backend through listTasks (target filter, limit 1) and
    // listAttempts (limit 1; once a backend answers Unsupported, attempts are no longer asked
    // for): two requests per config. A backend that can answer for many ids at once (one SQL
    // query) should override it.
    virtual QFuture<Result<QHash<QString, TestOutcome>>> lastTests(const QStringList &configIds);

Q_SIGNALS:
    // Emitted by backends that can see changes as they happen (the local service), once per
    // changed config or task, whoever made the change (a REST client, the deliverer, the UI).
    void configChanged(const wa::WebhookConfig &config);
    void taskChanged(const wa::Task &task);
    void attemptRecorded(const wa::DeliveryAttempt &attempt);
    void organisationChanged();

private:
    std::atomic_bool m_attemptsUnsupported = false; // learnt by lastTests()
};

} // namespace wa
