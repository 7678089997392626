#include "localcommands.h"

#include "secretgenerator.h"
#include "writetransaction.h"

#include <algorithm>

namespace wa {

namespace {

constexpr auto Durable = Store::Durability::Durable;

} // namespace

LocalCommands::LocalCommands(Store &store, LocalView &view, Context context)
    : m_store(store)
    , m_view(view)
    , m_context(std::move(context))
{ }

Result<Done> LocalCommands::ensureOrganisation(const QString &token)
{
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    const QDateTime now = m_context.now();
    auto existing = m_store.firstOrganisation();
    if (!existing)
        return existing.error();
    Organisation organisation;
    if (existing.value()) {
        organisation = existing.value()->organisation;
    } else {
        organisation.id = ConfigRules::newId();
        organisation.name = QStringLiteral("Local organisation");
        organisation.dateCreated = now;
        if (auto r = m_store.insertOrganisation(organisation); !r)
            return r;
    }
    auto keys = m_store.keys(organisation.id);
    if (!keys)
        return keys.error();
    if (keys.value().isEmpty()) {
        Store::KeyRow row;
        row.key.id = ConfigRules::newId();
        row.key.organisation = organisation.id;
        row.key.dateCreated = now;
        row.token = token.isEmpty() ? SecretGenerator::generate() : token;
        if (auto r = m_store.insertKey(row); !r)
            return r;
    } else if (const Store::KeyRow &key = keys.value().constFirst();
               !token.isEmpty() && token != key.token) {
        if (auto r = m_store.setKeyToken(key.key.id, token); !r)
            return r;
        if (auto seq = m_store.nextChangeSeq(organisation.id); !seq)
            return seq.error();
    }
    if (auto r = tx.commit(); !r)
        return r;
    m_view.markStale();
    return Done {};
}

Store::TaskRow LocalCommands::claimedTestTask(const Store::ConfigRow &config) const
{
    const QDateTime now = m_context.now();
    Store::TaskRow task = ConfigRules::newTestTask(config, m_view.key().id, now);
    task.claimedBy = m_context.workerId;
    task.leaseUntilMs = now.toMSecsSinceEpoch() + m_context.leaseMs;
    return task;
}

std::optional<ApiError> LocalCommands::backlogProblem(int adding)
{
    auto waiting = m_store.waitingTests();
    if (!waiting)
        return waiting.error();
    if (waiting.value() + adding <= m_context.maxWaitingTests)
        return std::nullopt;
    return ApiError::limitExceeded(
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalCommands",
                                    "%1 tests are waiting to be delivered already; try again "
                                    "shortly."))
            .arg(waiting.value()),
        std::clamp(waiting.value() / 100, 1, 60));
}

Result<Done> LocalCommands::insertTest(const Store::TaskRow &task)
{
    // The newer test's outcome is what counts: an older one still waiting is not delivered.
    if (auto superseded = m_store.supersedeWaitingTests(task.task.target, task.task.id,
                                                        task.task.dateCreated.toMSecsSinceEpoch());
        !superseded)
        return superseded.error();
    return m_store.insertTask(task);
}

Result<QList<LocalCommands::Created>> LocalCommands::create(const QList<Store::ConfigRow> &configs)
{
    // Each config and its test task are in the same commit: a crash never leaves an untested
    // config. One durable commit serves them all.
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    if (auto problem = backlogProblem(int(configs.size())))
        return *problem;
    auto seq = m_store.nextChangeSeq(m_view.organisation().id);
    if (!seq)
        return seq.error();
    QList<Created> created;
    created.reserve(configs.size());
    for (Store::ConfigRow config : configs) {
        config.changeSeq = seq.value();
        Store::TaskRow task = claimedTestTask(config);
        if (auto r = m_store.insertConfig(config); !r)
            return r.error();
        if (auto r = m_store.insertTask(task); !r)
            return r.error();
        created.append({std::move(config), std::move(task)});
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    m_view.markStale();
    return created;
}

Result<Store::ConfigRow> LocalCommands::currentConfig(const QString &id)
{
    auto row = m_store.config(id);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->config.organisation != m_view.organisation().id)
        return ConfigRules::noConfig(id);
    return *row.value();
}

Result<Done> LocalCommands::clearReferences(const QString &configId)
{
    auto organisation = m_store.firstOrganisation();
    if (!organisation)
        return organisation.error();
    if (organisation.value()
        && organisation.value()->organisation.webhookConfigDefault == configId) {
        if (auto r = m_store.setOrganisationDefault(organisation.value()->organisation.id, {}); !r)
            return r;
    }
    if (auto keys = m_store.clearKeyConfigs(configId); !keys)
        return keys.error();
    return Done {};
}

Result<LocalCommands::Updated> LocalCommands::change(const QString &id, const Decide &decide)
{
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    auto current = currentConfig(id);
    if (!current)
        return current.error();
    auto decided = decide(current.value());
    if (!decided)
        return decided.error();
    ConfigRules::Update &update = decided.value();
    if (!update.changed)
        return Updated {current.value().config, std::nullopt};
    if (update.startsTest) {
        if (auto problem = backlogProblem(1))
            return *problem;
    }

    auto seq = m_store.nextChangeSeq(m_view.organisation().id);
    if (!seq)
        return seq.error();
    update.row.changeSeq = seq.value();
    if (auto r = m_store.updateConfig(update.row); !r)
        return r.error();
    Updated result {update.row.config, std::nullopt};
    if (update.startsTest) {
        result.task = claimedTestTask(update.row);
        if (auto r = insertTest(*result.task); !r)
            return r.error();
    }
    if (update.deactivates) {
        if (auto r = clearReferences(id); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    m_view.markStale();
    return result;
}

Result<LocalCommands::Updated> LocalCommands::update(const QString &id,
                                                     const ConfigChanges &changes)
{
    return change(id, [this, &changes](const Store::ConfigRow &current) {
        return ConfigRules::update(current, changes, m_context.targets);
    });
}

Result<WebhookConfig> LocalCommands::deactivate(const QString &id)
{
    auto updated = change(id, [](const Store::ConfigRow &current) {
        return Result<ConfigRules::Update>(ConfigRules::deactivate(current));
    });
    if (!updated)
        return updated.error();
    return updated.value().config;
}

Result<Store::TaskRow> LocalCommands::test(const QString &id)
{
    auto tested = test(QStringList {id});
    if (!tested)
        return tested.error();
    return tested.value().front();
}

Result<std::vector<Result<Store::TaskRow>>> LocalCommands::test(const QStringList &ids)
{
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    std::vector<Result<Store::TaskRow>> tasks;
    tasks.reserve(ids.size());
    for (const QString &id : ids) {
        // A config that cannot be tested is that test's answer, and nothing was written for it;
        // a database fault ends the transaction for all.
        auto current = m_store.config(id);
        if (!current)
            return current.error();
        if (!current.value() || current.value()->config.organisation != m_view.organisation().id) {
            tasks.push_back(ConfigRules::noConfig(id));
            continue;
        }
        if (auto problem = ConfigRules::testProblem(*current.value())) {
            tasks.push_back(*problem);
            continue;
        }
        if (auto problem = backlogProblem(1)) {
            if (problem->kind == ApiError::Kind::LimitExceeded) {
                tasks.push_back(*problem);
                continue;
            }
            return *problem;
        }
        Store::TaskRow task = claimedTestTask(*current.value());
        if (auto r = insertTest(task); !r)
            return r.error();
        tasks.push_back(std::move(task));
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return tasks;
}

Result<Done> LocalCommands::setDefaultConfig(const QString &configId)
{
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    if (!configId.isEmpty()) {
        auto row = m_store.config(configId);
        if (!row)
            return row.error();
        if (auto problem = ConfigRules::assignableProblem(configId, row.value()))
            return ApiError::invalidParameter(QStringLiteral("webhook_config_default"), *problem);
    }
    auto organisation = m_store.firstOrganisation();
    if (!organisation)
        return organisation.error();
    const Organisation &current = organisation.value()->organisation;
    if (current.webhookConfigDefault == configId)
        return Done {};
    if (auto seq = m_store.nextChangeSeq(current.id); !seq)
        return seq.error();
    if (auto r = m_store.setOrganisationDefault(current.id, configId); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return r;
    m_view.markStale();
    return Done {};
}

Result<Done> LocalCommands::setKeyConfig(const QString &keyId, const QString &configId)
{
    WriteTransaction tx(m_store, Durable);
    if (!tx.begun())
        return tx.error();
    // Only the key that makes the request: another key's id is not found (API.md).
    const QString organisationId = m_view.organisation().id;
    auto keys = m_store.keys(organisationId);
    if (!keys)
        return keys.error();
    const Store::KeyRow *key = nullptr;
    for (const Store::KeyRow &row : std::as_const(keys.value())) {
        if (row.key.id == keyId && keyId == m_view.key().id)
            key = &row;
    }
    if (!key)
        return ApiError::notFound(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalCommands", "No key with id %1.")).arg(keyId));
    if (!configId.isEmpty()) {
        auto row = m_store.config(configId);
        if (!row)
            return row.error();
        if (auto problem = ConfigRules::assignableProblem(configId, row.value()))
            return ApiError::invalidParameter(QStringLiteral("webhook_config"), *problem);
    }
    if (key->key.webhookConfig == configId)
        return Done {};
    if (auto seq = m_store.nextChangeSeq(organisationId); !seq)
        return seq.error();
    if (auto r = m_store.setKeyConfig(keyId, configId); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return r;
    m_view.markStale();
    return Done {};
}

} // namespace wa
