#include "localview.h"

#include "signature.h"

#include <algorithm>

namespace wa {

LocalView::LocalView(Store &store)
    : m_store(store)
{ }

Result<LocalView::Changes> LocalView::refresh(quint64 readNumber, quint64 readsSoFar)
{
    if (m_loaded && !m_stale && readNumber <= m_checkedForReads)
        return Changes {};
    // Asked whenever we look, so that the engine's own bookkeeping (SQLite's data_version)
    // stays in step even when this process's writes already made the view stale.
    const bool othersCommitted = m_store.othersMayHaveCommitted();
    if (m_loaded && !m_stale && !othersCommitted) {
        m_checkedForReads = std::max(m_checkedForReads, readsSoFar);
        return Changes {};
    }

    Changes changes;
    if (!m_loaded) {
        auto found = reloadOrganisation();
        if (!found)
            return found.error();
    }
    auto seq = m_store.changeSeq(m_organisation.id);
    if (!seq)
        return seq.error();
    m_stale = false;
    if (m_loaded && seq.value() == m_changeSeq) {
        m_checkedForReads = std::max(m_checkedForReads, readsSoFar);
        return changes;
    }

    // Every change up to `seq` was committed before `seq` could be read (writers raise it in
    // commit order), so reloading what changed after the last one seen misses nothing. Rows
    // newer than `seq` may come along: the next refresh reads them again, harmlessly.
    auto rows = m_store.configsChangedSince(m_organisation.id, m_changeSeq);
    if (!rows)
        return rows.error();
    if (m_loaded) {
        auto organisationChanged = reloadOrganisation();
        if (!organisationChanged)
            return organisationChanged.error();
        changes.organisation = organisationChanged.value();
    }
    changes.configs = m_configs.apply(std::move(rows.value()), m_loaded);
    m_changeSeq = seq.value();
    m_loaded = true;
    m_checkedForReads = std::max(m_checkedForReads, readsSoFar);
    return changes;
}

Result<bool> LocalView::reloadOrganisation()
{
    auto organisation = m_store.firstOrganisation();
    if (!organisation)
        return organisation.error();
    if (!organisation.value())
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalView", "The database has no organisation.")));
    const Organisation &o = organisation.value()->organisation;
    auto keys = m_store.keys(o.id);
    if (!keys)
        return keys.error();
    if (keys.value().isEmpty())
        return ApiError::serverError(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalView", "The database has no key.")));
    const Store::KeyRow &keyRow = keys.value().constFirst();

    const bool changed = o.webhookConfigDefault != m_organisation.webhookConfigDefault
        || keyRow.key.webhookConfig != m_key.webhookConfig;
    m_organisation = o;
    m_key = keyRow.key;
    QMutexLocker locker(&m_tokenMutex);
    m_token = keyRow.token.toUtf8();
    return changed;
}

QString LocalView::token() const
{
    QMutexLocker locker(&m_tokenMutex);
    return QString::fromUtf8(m_token);
}

bool LocalView::acceptsToken(QByteArrayView token) const
{
    QMutexLocker locker(&m_tokenMutex);
    if (m_token.isEmpty())
        return false;
    return Signature::constantTimeEquals(m_token, token);
}

} // namespace wa
