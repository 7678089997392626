#pragma once

#include "configchanges.h"
#include "configrules.h"
#include "localview.h"
#include "result.h"
#include "store.h"

#include <QDateTime>

#include <functional>
#include <optional>
#include <vector>

namespace wa {

// The writes of the local service. Each is decided on the rows as they are in the database,
// read inside its own write transaction (never on the cache), follows ConfigRules, and is
// committed durably before it answers. A test it starts is claimed by this process's worker in
// the same commit, so that no other worker delivers it first.
//
// After a commit the view is marked stale: the service refreshes it, and the change reaches the
// cache and the signals from the database like anybody else's.
class LocalCommands final
{
    Q_DISABLE_COPY_MOVE(LocalCommands)

public:
    struct Context
    {
        QString workerId; // who claims the tests started here
        qint64 leaseMs = 30000;
        // Past this many tests waiting to start, another is refused (429, try again later).
        int maxWaitingTests = 10000;
        TargetPolicy targets;
        std::function<QDateTime()> now;
    };

    LocalCommands(Store &store, LocalView &view, Context context);

    // At open: the organisation and its key on first start; the key's token replaced when
    // `token` is given and differs.
    Result<Done> ensureOrganisation(const QString &token);

    struct Created
    {
        Store::ConfigRow config;
        Store::TaskRow task;
    };
    // Configs made by ConfigRules::newConfig, each with its test task, in one durable commit.
    Result<QList<Created>> create(const QList<Store::ConfigRow> &configs);

    struct Updated
    {
        WebhookConfig config;
        std::optional<Store::TaskRow> task; // the test it started
    };
    Result<Updated> update(const QString &id, const ConfigChanges &changes);
    Result<WebhookConfig> deactivate(const QString &id);
    Result<Store::TaskRow> test(const QString &id);
    // Test tasks of several configs (tests that arrived together) in one durable commit. Each
    // id gets its task or why not (unknown, deactivated, too many waiting), in order; a fault of
    // the database fails them all, as nothing was committed then.
    Result<std::vector<Result<Store::TaskRow>>> test(const QStringList &ids);
    Result<Done> setDefaultConfig(const QString &configId);
    Result<Done> setKeyConfig(const QString &keyId, const QString &configId);

private:
    // The config as it is now, if it is this organisation's.
    Result<Store::ConfigRow> currentConfig(const QString &id);
    Store::TaskRow claimedTestTask(const Store::ConfigRow &config) const;
    // Inside a write: refuses `adding` more waiting tests past the bound.
    std::optional<ApiError> backlogProblem(int adding);
    // Inside a write: the new test task of a config; older ones still waiting are superseded.
    Result<Done> insertTest(const Store::TaskRow &task);
    // Inside a write: what deactivating `configId` clears (the default, keys' own configs).
    Result<Done> clearReferences(const QString &configId);
    // Reads the config, asks `decide` what becomes of it, writes that: update and deactivate.
    using Decide = std::function<Result<ConfigRules::Update>(const Store::ConfigRow &)>;
    Result<Updated> change(const QString &id, const Decide &decide);

    Store &m_store;
    LocalView &m_view;
    Context m_context;
};

} // namespace wa
