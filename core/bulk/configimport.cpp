#include "configimport.h"

#include "bulkactions.h"
#include "onceloaded.h"
#include "webhookservice.h"
#include "whenfinished.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <memory>

namespace wa::ConfigImport {

namespace {

// Who holds a URL already: a config of the target, or an earlier item of this run.
struct Holder
{
    Phrase what; // "<config id> (<state>)", or the earlier item's label
    bool earlierItem = false;
};
using Urls = QHash<QString, Holder>;

ConfigFilter everyState()
{
    ConfigFilter filter;
    filter.states
        = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};
    return filter;
}

// What the jobs of one run share: the target's URLs, read once, and grown as entries claim them.
struct ImportState
{
    QPointer<WebhookService> target;
    bool waitForTests = false;
    std::unique_ptr<OnceLoaded<Urls>> urls;
};

std::shared_ptr<ImportState> makeState(WebhookService *target, bool waitForTests)
{
    auto state = std::make_shared<ImportState>();
    state->target = target;
    state->waitForTests = waitForTests;
    return state;
}

void ensureUrlLoader(const std::shared_ptr<ImportState> &state, BulkRunner &runner)
{
    if (state->urls)
        return;
    std::weak_ptr<ImportState> weak = state;
    state->urls
        = std::make_unique<OnceLoaded<Urls>>([weak, &runner](OnceLoaded<Urls>::Loaded loaded) {
              const auto shared = weak.lock();
              if (!shared || !shared->target) {
                  ApiError error;
                  error.kind = ApiError::Kind::Network;
                  error.code = QStringLiteral("backend-closed");
                  error.setMessage(WA_PHRASE(
                      QT_TRANSLATE_NOOP("wa::ConfigImport", "The target backend was closed.")));
                  loaded(error);
                  return;
              }
              whenFinished(shared->target->listAllConfigs(everyState()), &runner,
                           [loaded](const Result<QList<WebhookConfig>> &configs) {
                               if (!configs.ok()) {
                                   loaded(configs.error());
                                   return;
                               }
                               Urls urls;
                               for (const WebhookConfig &config : configs.value())
                                   urls.insert(config.url,
                                               {Phrase::plain(QStringLiteral("%1 (%2)"))
                                                    .arg(config.id)
                                                    .arg(toString(config.state)),
                                                false});
                               loaded(urls);
                           });
          });
}

BulkItemResult skipped(const BulkItem &item, const QString &reason, const Phrase &detail)
{
    BulkItemResult result;
    result.item = item;
    result.outcome = BulkItemResult::Outcome::Skipped;
    result.reason = reason;
    result.setDetail(detail);
    return result;
}

// After the create: deactivate it when the entry was, or await its test when asked.
void finishCreated(const std::shared_ptr<ImportState> &state, BulkRunner &runner,
                   const BulkItem &item, const WebhookConfig &created, const BulkRunner::Done &done)
{
    BulkItemResult result;
    result.item = item;
    result.config = created;
    result.outcome = BulkItemResult::Outcome::Done;
    result.reason = QStringLiteral("created");
    if (!state->target) {
        result.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP(
            "wa::ConfigImport", "created; the backend was closed before the rest")));
        done(result);
        return;
    }
    if (item.state == ConfigState::Deactivated) {
        whenFinished(state->target->deactivateConfig(created.id), &runner,
                     [item, result, done](const Result<WebhookConfig> &deactivated) mutable {
                         if (!deactivated.ok()) {
                             // Created, but not in the file's state: say both.
                             BulkItemResult failed
                                 = BulkItemResult::fromError(item, deactivated.error());
                             failed.config = result.config;
                             failed.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImport",
                                                                          "created as %1, but not "
                                                                          "deactivated: %2"))
                                                  .arg(result.config->id)
                                                  .arg(failed.detailWords()));
                             done(failed);
                             return;
                         }
                         result.config = deactivated.value();
                         result.reason = QStringLiteral("deactivated");
                         result.setDetail(WA_PHRASE(QT_TRANSLATE_NOOP(
                             "wa::ConfigImport", "created and deactivated, as in the file")));
                         done(result);
                     });
        return;
    }
    if (created.state == ConfigState::Valid) {
        result.reason = QStringLiteral("valid");
        done(result);
        return;
    }
    // An invalid config's reason is its test's error; a test still running is awaited if asked.
    const bool lookUpTest = created.state == ConfigState::Invalid
        || (state->waitForTests && created.state == ConfigState::New);
    if (!lookUpTest) {
        done(result);
        return;
    }
    TaskFilter filter;
    filter.type = QString::fromLatin1(WebhookConfigTestTask);
    filter.target = created.id;
    PageRequest page;
    page.limit = 1;
    QPointer<WebhookService> target = state->target;
    whenFinished(
        target->listTasks(filter, page), &runner,
        [&runner, target, item, created, result, done](const Result<ListPage<Task>> &tasks) {
            if (!tasks.ok() || tasks.value().data.isEmpty()) {
                done(result);
                return;
            }
            BulkActions::awaitTest(runner, target, item, tasks.value().data.constFirst(),
                                   QDateTime::currentMSecsSinceEpoch() + BulkActions::MaxTestWaitMs,
                                   [created, result, done](BulkItemResult tested) {
                                       if (tested.outcome == BulkItemResult::Outcome::Unknown) {
                                           // Created for sure; only its test's outcome is not
                                           // known.
                                           BulkItemResult createdOnly = result;
                                           createdOnly.task = tested.task;
                                           createdOnly.detail = tested.detail;
                                           createdOnly.detailPhrase = tested.detailPhrase;
                                           done(createdOnly);
                                           return;
                                       }
                                       tested.config = created;
                                       tested.config->state
                                           = tested.outcome == BulkItemResult::Outcome::Done
                                           ? ConfigState::Valid
                                           : ConfigState::Invalid;
                                       done(tested);
                                   });
        });
}

void importOne(const std::shared_ptr<ImportState> &state, BulkRunner &runner, const BulkItem &item,
               const BulkRunner::Done &done)
{
    ensureUrlLoader(state, runner);
    state->urls->get([state, &runner, item, done](const Result<Urls> &urls) {
        if (!urls.ok()) {
            done(BulkItemResult::fromError(item, urls.error()));
            return;
        }
        if (const auto holder = urls.value().constFind(item.url); holder != urls.value().cend()) {
            if (holder->earlierItem)
                done(skipped(item, QStringLiteral("duplicate"),
                             WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImport", "same URL as %1"))
                                 .arg(holder->what)));
            else
                done(skipped(
                    item, QStringLiteral("already-exists"),
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImport", "the URL is already config %1"))
                        .arg(holder->what)));
            return;
        }
        if (!state->target) {
            done(BulkActions::serviceClosed(item));
            return;
        }
        // Claimed now, so that a later entry with the same URL is skipped, not created twice.
        state->urls->value()->value().insert(item.url, {item.label(), true});
        const int await = state->waitForTests && item.state != ConfigState::Deactivated
            ? WebhookService::MaxAwaitSeconds
            : 0;
        whenFinished(state->target->createConfig(item.url, await), &runner,
                     [state, &runner, item, done](const Result<WebhookConfig> &created) {
                         if (!created.ok()) {
                             done(BulkItemResult::fromError(item, created.error()));
                             return;
                         }
                         finishCreated(state, runner, item, created.value(), done);
                     });
    });
}

} // namespace

BulkRunner::Job importJob(WebhookService *target, bool waitForTests)
{
    auto state = makeState(target, waitForTests);
    return [state](const BulkItem &item, BulkRunner &runner, BulkRunner::Done done) {
        importOne(state, runner, item, done);
    };
}

BulkRunner::Job promoteJob(WebhookService *source, WebhookService *target, bool waitForTests)
{
    auto state = makeState(target, waitForTests);
    QPointer<WebhookService> from(source);
    using Configs = QHash<QString, WebhookConfig>;
    auto sourceConfigs = std::make_shared<std::unique_ptr<OnceLoaded<Configs>>>();
    return [state, from, sourceConfigs](const BulkItem &item, BulkRunner &runner,
                                        BulkRunner::Done done) {
        if (!*sourceConfigs) {
            *sourceConfigs = std::make_unique<OnceLoaded<Configs>>(
                [from, &runner](OnceLoaded<Configs>::Loaded loaded) {
                    if (!from) {
                        loaded(BulkActions::serviceClosed({}).error.value());
                        return;
                    }
                    whenFinished(from->listAllConfigs(everyState()), &runner,
                                 [loaded](const Result<QList<WebhookConfig>> &configs) {
                                     if (!configs.ok()) {
                                         loaded(configs.error());
                                         return;
                                     }
                                     Configs byId;
                                     for (const WebhookConfig &config : configs.value())
                                         byId.insert(config.id, config);
                                     loaded(byId);
                                 });
                });
        }
        (*sourceConfigs)->get([state, &runner, item, done](const Result<Configs> &configs) {
            if (!configs.ok()) {
                done(BulkItemResult::fromError(item, configs.error()));
                return;
            }
            const auto found = configs.value().constFind(item.id);
            if (found == configs.value().cend()) {
                done(BulkItemResult::fromError(
                    item,
                    ApiError::notFound(
                        QStringLiteral("The source has no config %1.").arg(item.id))));
                return;
            }
            BulkItem copy = item;
            copy.url = found->url;
            if (found->state == ConfigState::Deactivated)
                copy.state = ConfigState::Deactivated;
            importOne(state, runner, copy, done);
        });
    };
}

void start(BulkRunner &runner, WebhookService *target, const QList<BulkItem> &entries,
           bool waitForTests)
{
    runner.start(BulkAction::Import, entries, importJob(target, waitForTests), waitForTests);
}

void promote(BulkRunner &runner, WebhookService *source, WebhookService *target,
             const QStringList &ids, bool waitForTests)
{
    runner.start(BulkAction::Promote, BulkActions::itemsFor(ids),
                 promoteJob(source, target, waitForTests), waitForTests);
}

} // namespace wa::ConfigImport
