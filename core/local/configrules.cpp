#include "configrules.h"

#include "secretgenerator.h"
#include "urlrule.h"

#include <QMap>
#include <QUuid>

namespace wa::ConfigRules {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ApiError noConfig(const QString &id)
{
    return ApiError::notFound(
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules", "No webhook config with id %1.")).arg(id));
}

Result<Store::ConfigRow> newConfig(const QString &organisationId, const QString &url,
                                   const QDateTime &now, const TargetPolicy &targets)
{
    if (const auto problem = UrlRule::problem(url))
        return ApiError::invalidParameter(QStringLiteral("url"), *problem);
    if (const auto problem = targets.urlProblem(url))
        return ApiError::invalidParameter(QStringLiteral("url"), *problem);
    Store::ConfigRow row;
    row.config.id = newId();
    row.config.organisation = organisationId;
    row.config.url = url;
    row.config.secret = SecretGenerator::generate(SecretGenerator::DefaultBytes);
    row.config.state = ConfigState::New;
    row.config.dateCreated = now;
    row.revision = 1;
    return row;
}

Result<Update> update(const Store::ConfigRow &current, const ConfigChanges &changes,
                      const TargetPolicy &targets)
{
    // Check every field before changing anything, and name each one at fault.
    QMap<QString, Phrase> problems;
    if (changes.state && *changes.state != ConfigState::New
        && *changes.state != ConfigState::Deactivated) {
        problems.insert(QStringLiteral("state"),
                        WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules",
                                                    "can only be set to new or deactivated")));
    }
    if (changes.url) {
        if (const auto problem = UrlRule::problem(*changes.url))
            problems.insert(QStringLiteral("url"), *problem);
        else if (const auto refused = targets.urlProblem(*changes.url))
            problems.insert(QStringLiteral("url"), *refused);
    }
    if (!problems.isEmpty())
        return ApiError::invalidParameters(problems);

    Update result;
    Store::ConfigRow &row = result.row;
    row = current;
    const bool urlChanged = changes.url && *changes.url != row.config.url;
    if (urlChanged)
        row.config.url = *changes.url;
    if (changes.state == ConfigState::Deactivated) {
        row.config.state = ConfigState::Deactivated;
    } else if (changes.state == ConfigState::New) {
        row.config.state = ConfigState::New;
        result.startsTest = true;
    } else if (urlChanged && row.config.state != ConfigState::Deactivated) {
        // A deactivated config keeps its state when only its URL changes (API.md, decided).
        row.config.state = ConfigState::New;
        result.startsTest = true;
    }
    result.changed = urlChanged || row.config.state != current.config.state || result.startsTest;
    if (!result.changed)
        return result;
    // A new revision makes any test still running for the old one stale.
    ++row.revision;
    result.deactivates = row.config.state == ConfigState::Deactivated
        && current.config.state != ConfigState::Deactivated;
    return result;
}

Update deactivate(const Store::ConfigRow &current)
{
    ConfigChanges changes;
    changes.state = ConfigState::Deactivated;
    return update(current, changes).value();
}

std::optional<ApiError> testProblem(const Store::ConfigRow &current)
{
    if (current.config.state != ConfigState::Deactivated)
        return std::nullopt;
    return ApiError::invalidParameter(
        QStringLiteral("state"),
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules",
                                    "the webhook config is deactivated: set "
                                    "its state to new to test it")));
}

std::optional<Phrase> assignableProblem(const QString &configId,
                                        const std::optional<Store::ConfigRow> &row)
{
    if (!row) {
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules", "no webhook config with id %1"))
            .arg(configId);
    }
    if (row->config.state == ConfigState::Deactivated) {
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigRules", "webhook config %1 is deactivated"))
            .arg(configId);
    }
    return std::nullopt;
}

std::optional<ConfigState> stateAfterTest(const Store::ConfigRow &current, qint64 testedRevision,
                                          bool succeeded)
{
    if (current.revision != testedRevision || current.config.state == ConfigState::Deactivated)
        return std::nullopt;
    return succeeded ? ConfigState::Valid : ConfigState::Invalid;
}

Store::TaskRow newTestTask(const Store::ConfigRow &config, const QString &keyId,
                           const QDateTime &now)
{
    Store::TaskRow row;
    row.task.id = newId();
    row.task.organisation = config.config.organisation;
    row.task.key = keyId;
    row.task.type = QString::fromLatin1(WebhookConfigTestTask);
    row.task.target = config.config.id;
    row.task.state = TaskState::Pending;
    row.task.dateCreated = now;
    row.configRevision = config.revision;
    return row;
}

} // namespace wa::ConfigRules
