#include "localqueries.h"

namespace wa::LocalQueries {

namespace {

// The anchor of an after_id / before_id page, looked up by `dateOf` (nullopt: no such item,
// `noSuch` says so with %1 the ID).
template<typename DateOf>
Result<Store::Cursor> cursorFor(const PageRequest &page, DateOf dateOf, const Phrase &noSuch)
{
    Store::Cursor cursor;
    cursor.limit = page.limit;
    const bool after = !page.afterId.isEmpty();
    const QString anchor = after ? page.afterId : page.beforeId;
    if (anchor.isEmpty())
        return cursor;
    Result<std::optional<QDateTime>> date = dateOf(anchor);
    if (!date)
        return date.error();
    if (!date.value()) {
        return ApiError::invalidParameter(
            after ? QStringLiteral("after_id") : QStringLiteral("before_id"), noSuch.arg(anchor));
    }
    cursor.direction = after ? Store::Cursor::Direction::After : Store::Cursor::Direction::Before;
    cursor.anchorMs = Store::toMs(*date.value());
    cursor.anchorId = anchor;
    return cursor;
}

} // namespace

std::optional<ApiError> pageProblem(const PageRequest &page)
{
    if (page.limit < 1 || page.limit > PageRequest::MaxLimit) {
        return ApiError::invalidParameter(
            QStringLiteral("limit"),
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "must be between 1 and %1"))
                .arg(PageRequest::MaxLimit));
    }
    if (!page.afterId.isEmpty() && !page.beforeId.isEmpty()) {
        return ApiError::invalidParameter(
            QStringLiteral("before_id"),
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "cannot be combined with after_id")));
    }
    return std::nullopt;
}

Result<Task> task(Store &store, const QString &organisationId, const QString &id)
{
    auto row = store.task(id);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->task.organisation != organisationId)
        return ApiError::notFound(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "No task with id %1.")).arg(id));
    return row.value()->task;
}

Result<ListPage<Task>> tasks(Store &store, const QString &organisationId, const TaskFilter &filter,
                             const PageRequest &page)
{
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [&](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store.task(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->task.organisation != organisationId)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->task.dateCreated);
        },
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "no task with id %1")));
    if (!cursor)
        return cursor.error();
    auto result = store.tasks(organisationId, filter, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/tasks");
    return result;
}

Result<Store::EventRow> event(Store &store, const QString &organisationId, const QString &id)
{
    auto row = store.event(id);
    if (!row)
        return row.error();
    if (!row.value() || row.value()->event.organisation != organisationId)
        return ApiError::notFound(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "No event with id %1.")).arg(id));
    return *row.value();
}

Result<ListPage<Event>> events(Store &store, const QString &organisationId, const PageRequest &page)
{
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [&](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store.event(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->event.organisation != organisationId)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->event.dateCreated);
        },
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "no event with id %1")));
    if (!cursor)
        return cursor.error();
    auto result = store.events(organisationId, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/events");
    return result;
}

Result<ListPage<DeliveryAttempt>> attempts(Store &store, const QString &configId,
                                           const PageRequest &page)
{
    if (auto e = pageProblem(page))
        return *e;
    auto cursor = cursorFor(
        page,
        [&](const QString &id) -> Result<std::optional<QDateTime>> {
            auto row = store.attempt(id);
            if (!row)
                return row.error();
            if (!row.value() || row.value()->configId != configId)
                return std::optional<QDateTime>();
            return std::optional<QDateTime>(row.value()->dateStarted);
        },
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::LocalQueries", "no delivery attempt with id %1")));
    if (!cursor)
        return cursor.error();
    auto result = store.attempts(configId, cursor.value());
    if (result)
        result.value().url = QStringLiteral("/configs/webhook/%1/attempts").arg(configId);
    return result;
}

} // namespace wa::LocalQueries
