#pragma once

#include "store.h"

#include <QDateTime>

#include <functional>

namespace wa {

// What the delivery log keeps: by default the newest 100 attempts of each config, none older
// than 30 days, and the events and finished tasks that only those still need. Pruned in small
// batches (one short transaction each), so that a large backlog never holds the database long.
class Retention final
{
public:
    struct Policy
    {
        int attemptsPerConfig = 100;
        int days = 30;
        int batch = 500;
    };

    Retention(Store &store, Policy policy, std::function<QDateTime()> now);

    // One round: a batch of attempts, events and tasks. Returns the rows removed (0: nothing
    // is due), or the database's error.
    Result<int> pruneOnce();

private:
    Store &m_store;
    Policy m_policy;
    std::function<QDateTime()> m_now;
};

} // namespace wa
