#pragma once

#include "deliveryattempt.h"
#include "event.h"
#include "listpage.h"
#include "result.h"
#include "store.h"
#include "task.h"

// The reads of the local service that go to the database every time (tasks, events and the
// delivery log are not cached): paging by after_id / before_id, anchors checked, API urls set.
namespace wa::LocalQueries {

std::optional<ApiError> pageProblem(const PageRequest &page);

Result<Task> task(Store &store, const QString &organisationId, const QString &id);
Result<ListPage<Task>> tasks(Store &store, const QString &organisationId, const TaskFilter &filter,
                             const PageRequest &page);
Result<Store::EventRow> event(Store &store, const QString &organisationId, const QString &id);
Result<ListPage<Event>> events(Store &store, const QString &organisationId,
                               const PageRequest &page);
// The caller has checked that the config exists.
Result<ListPage<DeliveryAttempt>> attempts(Store &store, const QString &configId,
                                           const PageRequest &page);

} // namespace wa::LocalQueries
