#pragma once

#include <QList>
#include <QString>

// The Store's SQL schema as migrations: entry N-1 brings a database from version N-1 to N. Append
// new migrations; never edit one that has shipped. The same migrations serve SQLite and
// PostgreSQL: `%INT64%` and `%BLOB%` stand for the engine's types, and the few statements only
// one engine needs say so.
namespace wa::StoreSchema {

struct Step
{
    enum class Only
    {
        Both,
        Sqlite,
        Postgres
    };
    QString sql;
    Only only = Only::Both;
};

const QList<QList<Step>> &migrations();

} // namespace wa::StoreSchema
