#pragma once

#include "store.h"

namespace wa {

// One write transaction on a Store: begun on construction, rolled back on destruction unless
// committed. Every write of the service goes through one, so that a failure half-way never
// leaves half a change in the database.
//
//     WriteTransaction tx(store, Store::Durability::Durable);
//     if (!tx.begun()) return tx.error();
//     ... read the current rows, decide, write ...
//     if (auto r = tx.commit(); !r) return r.error();
class WriteTransaction final
{
    Q_DISABLE_COPY_MOVE(WriteTransaction)

public:
    WriteTransaction(Store &store, Store::Durability durability, bool exclusive = true)
        : m_store(store)
        , m_begun(store.begin(durability, exclusive))
    { }

    ~WriteTransaction()
    {
        if (m_begun && !m_ended)
            m_store.rollback();
    }

    bool begun() const { return m_begun.ok(); }
    const ApiError &error() const { return m_begun.error(); }

    Result<Done> commit()
    {
        m_ended = true;
        return m_store.commit();
    }

private:
    Store &m_store;
    Result<Done> m_begun;
    bool m_ended = false;
};

} // namespace wa
