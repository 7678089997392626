#pragma once

#include "configchanges.h"
#include "result.h"
#include "store.h"
#include "targetpolicy.h"

#include <QDateTime>

#include <optional>

// The rules of API.md for configs, as plain functions over rows: no SQL, no threads, no cache.
// The service reads the current rows inside a write transaction, asks these what follows, and
// writes it.
namespace wa::ConfigRules {

QString newId();
ApiError noConfig(const QString &id);

// A new config in state `new` with a fresh secret, or the error that names the bad field.
Result<Store::ConfigRow> newConfig(const QString &organisationId, const QString &url,
                                   const QDateTime &now,
                                   const TargetPolicy &targets = TargetPolicy());

// What an update makes of a config as it is now.
struct Update
{
    Store::ConfigRow row; // the config after the change (a new revision when changed)
    bool changed = false;
    bool startsTest = false; // a new url or state `new` on an active config
    bool deactivates = false; // it was active and is deactivated now
};
Result<Update> update(const Store::ConfigRow &current, const ConfigChanges &changes,
                      const TargetPolicy &targets = TargetPolicy());
Update deactivate(const Store::ConfigRow &current);

// Why the config cannot be tested now, if it cannot.
std::optional<ApiError> testProblem(const Store::ConfigRow &current);

// Why `configId` cannot be an organisation's default or a key's own config (`row` is the config
// as it is now, nullopt when there is none); reasons are for the field at fault.
std::optional<Phrase> assignableProblem(const QString &configId,
                                        const std::optional<Store::ConfigRow> &row);

// The state a finished test gives the config, or nullopt when the config has changed since the
// test was started (its newer state stands) or is deactivated.
std::optional<ConfigState> stateAfterTest(const Store::ConfigRow &current, qint64 testedRevision,
                                          bool succeeded);

// A webhook_config.test task for the config as it is.
Store::TaskRow newTestTask(const Store::ConfigRow &config, const QString &keyId,
                           const QDateTime &now);

} // namespace wa::ConfigRules
