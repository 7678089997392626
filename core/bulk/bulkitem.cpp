#include "bulkitem.h"

namespace wa {

Phrase BulkItem::label() const
{
    if (index >= 0) {
        return url.isEmpty()
            ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkItem", "entry %1")).arg(index)
            : WA_PHRASE(QT_TRANSLATE_NOOP("wa::BulkItem", "entry %1 (%2)")).arg(index).arg(url);
    }
    if (!url.isEmpty())
        return Phrase::plain(QStringLiteral("%1 (%2)")).arg(id).arg(url);
    return Phrase::plain(id);
}

} // namespace wa
