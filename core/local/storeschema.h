#pragma once

#include <QList>
#include <QStringList>

// The Store's SQL schema as migrations: entry N-1 brings a file from version N-1 to N. Append
// new migrations; never edit one that has shipped.
namespace wa::StoreSchema {

const QList<QStringList> &migrations();

} // namespace wa::StoreSchema
