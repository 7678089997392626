#pragma once

#include "configcache.h"
#include "key.h"
#include "organisation.h"
#include "result.h"
#include "store.h"

#include <QByteArrayView>
#include <QMutex>

#include <limits>

namespace wa {

// What this process knows of the database: the configs (a ConfigCache), the organisation and
// its key. Only a copy: before it answers, the service calls refresh(), which checks cheaply
// whether anything was committed since (by another process, or by this one's own writes) and
// reloads just what changed, in the order it was committed.
//
// Lives in the service's thread, except token() and acceptsToken(), which any thread may call.
class LocalView final
{
    Q_DISABLE_COPY_MOVE(LocalView)

public:
    struct Changes
    {
        QList<WebhookConfig> configs; // configs that are new or changed
        bool organisation = false; // the default config or the key's own config changed
        bool any() const { return organisation || !configs.isEmpty(); }
    };

    explicit LocalView(Store &store);

    // A refresh that answers no numbered read: it always asks the database.
    static constexpr quint64 Unnumbered = std::numeric_limits<quint64>::max();

    // The first load (reports no changes), then every reload. `readNumber` is the number the
    // read being answered got when it was called, `readsSoFar` the highest number given out
    // now: a check asked after a read was called sees every commit that read may expect, so
    // reads that queued up while one check ran share it instead of each asking the database
    // again (on PostgreSQL each check is a round trip).
    Result<Changes> refresh(quint64 readNumber = Unnumbered, quint64 readsSoFar = 0);
    // This process has committed: the next refresh() reloads (SQLite does not tell a connection
    // about its own commits).
    void markStale() { m_stale = true; }

    bool isLoaded() const { return m_loaded; }
    const ConfigCache &configs() const { return m_configs; }
    const Organisation &organisation() const { return m_organisation; } // without its configs
    const Key &key() const { return m_key; }
    qint64 changeSeq() const { return m_changeSeq; }

    QString token() const;
    // Constant-time comparison with the key's token.
    bool acceptsToken(QByteArrayView token) const;

private:
    Result<bool> reloadOrganisation();

    Store &m_store;
    ConfigCache m_configs;
    Organisation m_organisation;
    Key m_key;
    qint64 m_changeSeq = -1; // the first load reads every row
    quint64 m_checkedForReads = 0; // reads numbered up to this were called before the last check
    bool m_loaded = false;
    bool m_stale = true;
    mutable QMutex m_tokenMutex;
    QByteArray m_token;
};

} // namespace wa
