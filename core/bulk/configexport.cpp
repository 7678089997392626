#include "configexport.h"

#include "listpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace wa::ConfigExport {

QByteArray toJson(const QList<WebhookConfig> &configs, JsonCodec::Secret secret)
{
    QJsonArray data;
    for (const WebhookConfig &config : configs)
        data.append(JsonCodec::toJson(config, secret));
    const QJsonObject list {{QStringLiteral("resource"), QStringLiteral("list")},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("has_more"), false},
                            {QStringLiteral("total_count"), int(configs.size())},
                            {QStringLiteral("url"), QStringLiteral("/configs/webhook")}};
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

Result<Done> writeFile(const QString &path, const QByteArray &bytes, bool privateFile)
{
    const auto failed = [&path](const QString &why) {
        return ApiError::of(ApiError::Kind::File,
                            WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigExport", "Cannot write %1: %2."))
                                .arg(path)
                                .arg(why));
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // The temporary file gets the mode now, so no other user can open it while it fills.
    if (privateFile && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return Done {};
}

} // namespace wa::ConfigExport
