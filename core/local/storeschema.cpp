#include "storeschema.h"

namespace wa::StoreSchema {

// Migration N brings the schema from version N-1 to N; each runs in one transaction.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list = {
        // 1: the initial schema.
        {
            QStringLiteral("CREATE TABLE organisations ("
                           " id TEXT PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " webhook_config_default TEXT REFERENCES configs(id),"
                           " date_created INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE configs ("
                           " id TEXT PRIMARY KEY,"
                           " organisation TEXT NOT NULL REFERENCES organisations(id),"
                           " url TEXT NOT NULL,"
                           " secret TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " revision INTEGER NOT NULL,"
                           " date_created INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX configs_list ON configs"
                           " (organisation, date_created DESC, id DESC)"),
            QStringLiteral("CREATE TABLE keys ("
                           " id TEXT PRIMARY KEY,"
                           " organisation TEXT NOT NULL REFERENCES organisations(id),"
                           " token TEXT NOT NULL,"
                           " webhook_config TEXT REFERENCES configs(id),"
                           " state TEXT NOT NULL,"
                           " date_created INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE tasks ("
                           " id TEXT PRIMARY KEY,"
                           " organisation TEXT NOT NULL REFERENCES organisations(id),"
                           " key TEXT,"
                           " type TEXT NOT NULL,"
                           " target TEXT NOT NULL REFERENCES configs(id),"
                           " state TEXT NOT NULL,"
                           " error TEXT,"
                           " config_revision INTEGER NOT NULL,"
                           " date_created INTEGER NOT NULL,"
                           " date_started INTEGER,"
                           " date_completed INTEGER)"),
            QStringLiteral("CREATE INDEX tasks_list ON tasks"
                           " (organisation, date_created DESC, id DESC)"),
            QStringLiteral(
                "CREATE INDEX tasks_target ON tasks (target, date_created DESC, id DESC)"),
            QStringLiteral("CREATE INDEX tasks_state ON tasks (state)"),
            QStringLiteral("CREATE TABLE events ("
                           " id TEXT PRIMARY KEY,"
                           " organisation TEXT NOT NULL REFERENCES organisations(id),"
                           " config TEXT NOT NULL REFERENCES configs(id),"
                           " task TEXT REFERENCES tasks(id),"
                           " type TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " data TEXT NOT NULL,"
                           " body BLOB NOT NULL,"
                           " state TEXT NOT NULL,"
                           " retries INTEGER NOT NULL DEFAULT 0,"
                           " date_created INTEGER NOT NULL,"
                           " date_delivered INTEGER)"),
            QStringLiteral("CREATE INDEX events_list ON events"
                           " (organisation, date_created DESC, id DESC)"),
            QStringLiteral("CREATE INDEX events_state ON events (state)"),
            QStringLiteral("CREATE TABLE attempts ("
                           " id TEXT PRIMARY KEY,"
                           " config TEXT NOT NULL REFERENCES configs(id),"
                           " task TEXT REFERENCES tasks(id),"
                           " event TEXT NOT NULL REFERENCES events(id),"
                           " date_started INTEGER NOT NULL,"
                           " request_url TEXT NOT NULL,"
                           " request_headers TEXT NOT NULL,"
                           " request_body BLOB NOT NULL,"
                           " response_status INTEGER NOT NULL,"
                           " response_body BLOB NOT NULL,"
                           " latency_ms INTEGER NOT NULL,"
                           " error TEXT,"
                           " error_detail TEXT)"),
            QStringLiteral("CREATE INDEX attempts_list ON attempts"
                           " (config, date_started DESC, id DESC)"),
            QStringLiteral("CREATE INDEX attempts_event ON attempts (event)"),
        },
    };
    return list;
}

} // namespace wa::StoreSchema
