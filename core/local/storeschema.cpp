#include "storeschema.h"

namespace wa::StoreSchema {

namespace {

Step sqliteOnly(const char *sql)
{
    return {QString::fromLatin1(sql), Step::Only::Sqlite};
}

Step postgresOnly(const char *sql)
{
    return {QString::fromLatin1(sql), Step::Only::Postgres};
}

Step both(const char *sql)
{
    return {QString::fromLatin1(sql), Step::Only::Both};
}

} // namespace

// Migration N brings the schema from version N-1 to N; each runs in one transaction.
const QList<QList<Step>> &migrations()
{
    static const QList<QList<Step>> list = {
        // 1: the initial schema. (SQLite takes the organisations' reference to configs before
        // configs exists; PostgreSQL adds it once both tables are there.)
        {
            sqliteOnly("CREATE TABLE organisations ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " state TEXT NOT NULL,"
                       " webhook_config_default TEXT REFERENCES configs(id),"
                       " date_created %INT64% NOT NULL)"),
            postgresOnly("CREATE TABLE organisations ("
                         " id TEXT PRIMARY KEY,"
                         " name TEXT NOT NULL,"
                         " state TEXT NOT NULL,"
                         " webhook_config_default TEXT,"
                         " date_created %INT64% NOT NULL)"),
            both("CREATE TABLE configs ("
                 " id TEXT PRIMARY KEY,"
                 " organisation TEXT NOT NULL REFERENCES organisations(id),"
                 " url TEXT NOT NULL,"
                 " secret TEXT NOT NULL,"
                 " state TEXT NOT NULL,"
                 " revision %INT64% NOT NULL,"
                 " date_created %INT64% NOT NULL)"),
            postgresOnly("ALTER TABLE organisations ADD CONSTRAINT organisations_default_fk"
                         " FOREIGN KEY (webhook_config_default) REFERENCES configs(id)"),
            both("CREATE INDEX configs_list ON configs"
                 " (organisation, date_created DESC, id DESC)"),
            both("CREATE TABLE keys ("
                 " id TEXT PRIMARY KEY,"
                 " organisation TEXT NOT NULL REFERENCES organisations(id),"
                 " token TEXT NOT NULL,"
                 " webhook_config TEXT REFERENCES configs(id),"
                 " state TEXT NOT NULL,"
                 " date_created %INT64% NOT NULL)"),
            both("CREATE TABLE tasks ("
                 " id TEXT PRIMARY KEY,"
                 " organisation TEXT NOT NULL REFERENCES organisations(id),"
                 " key TEXT,"
                 " type TEXT NOT NULL,"
                 " target TEXT NOT NULL REFERENCES configs(id),"
                 " state TEXT NOT NULL,"
                 " error TEXT,"
                 " config_revision %INT64% NOT NULL,"
                 " date_created %INT64% NOT NULL,"
                 " date_started %INT64%,"
                 " date_completed %INT64%)"),
            both("CREATE INDEX tasks_list ON tasks"
                 " (organisation, date_created DESC, id DESC)"),
            both("CREATE INDEX tasks_target ON tasks (target, date_created DESC, id DESC)"),
            both("CREATE INDEX tasks_state ON tasks (state)"),
            both("CREATE TABLE events ("
                 " id TEXT PRIMARY KEY,"
                 " organisation TEXT NOT NULL REFERENCES organisations(id),"
                 " config TEXT NOT NULL REFERENCES configs(id),"
                 " task TEXT REFERENCES tasks(id),"
                 " type TEXT NOT NULL,"
                 " action TEXT NOT NULL,"
                 " data TEXT NOT NULL,"
                 " body %BLOB% NOT NULL,"
                 " state TEXT NOT NULL,"
                 " retries INTEGER NOT NULL DEFAULT 0,"
                 " date_created %INT64% NOT NULL,"
                 " date_delivered %INT64%)"),
            both("CREATE INDEX events_list ON events"
                 " (organisation, date_created DESC, id DESC)"),
            both("CREATE INDEX events_state ON events (state)"),
            both("CREATE TABLE attempts ("
                 " id TEXT PRIMARY KEY,"
                 " config TEXT NOT NULL REFERENCES configs(id),"
                 " task TEXT REFERENCES tasks(id),"
                 " event TEXT NOT NULL REFERENCES events(id),"
                 " date_started %INT64% NOT NULL,"
                 " request_url TEXT NOT NULL,"
                 " request_headers TEXT NOT NULL,"
                 " request_body %BLOB% NOT NULL,"
                 " response_status INTEGER NOT NULL,"
                 " response_body %BLOB% NOT NULL,"
                 " latency_ms %INT64% NOT NULL,"
                 " error TEXT,"
                 " error_detail TEXT)"),
            both("CREATE INDEX attempts_list ON attempts"
                 " (config, date_started DESC, id DESC)"),
            both("CREATE INDEX attempts_event ON attempts (event)"),
        },
        // 2: one truth for several processes. A change sequence per organisation (raised in
        // commit order by every write a cache must see) stamped on each changed config; test
        // tasks claimed by a worker until a lease runs out.
        {
            both("ALTER TABLE organisations ADD COLUMN change_seq %INT64% NOT NULL DEFAULT 0"),
            both("ALTER TABLE configs ADD COLUMN change_seq %INT64% NOT NULL DEFAULT 0"),
            // What a database of version 1 holds counts as the first change.
            both("UPDATE organisations SET change_seq = 1"),
            both("UPDATE configs SET change_seq = 1"),
            both("CREATE INDEX configs_changes ON configs (organisation, change_seq)"),
            both("ALTER TABLE tasks ADD COLUMN claimed_by TEXT"),
            both("ALTER TABLE tasks ADD COLUMN lease_until %INT64%"),
            both("CREATE INDEX events_task ON events (task)"),
            both("CREATE INDEX attempts_task ON attempts (task)"),
        },
    };
    return list;
}

} // namespace wa::StoreSchema
