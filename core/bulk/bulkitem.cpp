#include "bulkitem.h"

namespace wa {

QString BulkItem::label() const
{
    if (index >= 0)
        return url.isEmpty() ? QStringLiteral("entry %1").arg(index)
                             : QStringLiteral("entry %1 (%2)").arg(index).arg(url);
    if (!url.isEmpty())
        return QStringLiteral("%1 (%2)").arg(id, url);
    return id;
}

} // namespace wa
