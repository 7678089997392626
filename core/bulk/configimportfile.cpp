#include "configimportfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace wa::ConfigImportFile {

namespace {

ApiError refused(const QString &field, const QString &reason, const QString &message)
{
    ApiError error = ApiError::invalidParameter(field, reason);
    error.code = QStringLiteral("invalid-body");
    error.message = message;
    return error;
}

ApiError entryRefused(qsizetype index, const QString &field, const QString &reason)
{
    const QString path = field.isEmpty() ? QStringLiteral("data[%1]").arg(index)
                                         : QStringLiteral("data[%1].%2").arg(index).arg(field);
    const QString what = field.isEmpty()
        ? QStringLiteral("Entry %1 of the file").arg(index)
        : QStringLiteral("Entry %1 of the file: %2").arg(index).arg(field);
    return refused(path, reason, QStringLiteral("%1 %2; nothing was imported.").arg(what, reason));
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

} // namespace

Result<QList<BulkItem>> parse(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ApiError error = ApiError::invalidBody(
            QStringLiteral("The file is not JSON: %1 at character %2; nothing was imported.")
                .arg(parseError.errorString())
                .arg(parseError.offset));
        return error;
    }
    const QString shape = QStringLiteral(
        "a list object such as 'export' writes: {\"resource\": \"list\", \"data\": [...]}");
    if (!document.isObject())
        return refused(QStringLiteral("resource"), QStringLiteral("is not an object"),
                       QStringLiteral("The file is not %1; nothing was imported.").arg(shape));
    const QJsonObject list = document.object();
    const QJsonValue resource = list.value(QStringLiteral("resource"));
    if (!resource.isUndefined() && resource.toString() != QLatin1String("list"))
        return refused(QStringLiteral("resource"), QStringLiteral("is not \"list\""),
                       QStringLiteral("The file's resource is not \"list\": it is not %1; "
                                      "nothing was imported.")
                           .arg(shape));
    const QJsonValue data = list.value(QStringLiteral("data"));
    if (!data.isArray())
        return refused(QStringLiteral("data"),
                       data.isUndefined() ? QStringLiteral("is missing")
                                          : QStringLiteral("is %1, not a list").arg(typeName(data)),
                       QStringLiteral("The file has no \"data\" list: it is not %1; nothing was "
                                      "imported.")
                           .arg(shape));

    QList<BulkItem> items;
    const QJsonArray entries = data.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject())
            return entryRefused(i, {}, QStringLiteral("is %1, not an object").arg(typeName(entry)));
        const QJsonObject object = entry.toObject();
        const QJsonValue url = object.value(QStringLiteral("url"));
        if (!url.isString())
            return entryRefused(i, QStringLiteral("url"),
                                url.isUndefined()
                                    ? QStringLiteral("is missing")
                                    : QStringLiteral("is %1, not a string").arg(typeName(url)));
        BulkItem item;
        item.index = int(i);
        item.url = url.toString();
        const QJsonValue state = object.value(QStringLiteral("state"));
        if (!state.isUndefined() && !state.isNull()) {
            const auto parsed = configStateFromString(state.toString());
            if (!state.isString() || !parsed)
                return entryRefused(i, QStringLiteral("state"),
                                    QStringLiteral("is not one of new, valid, invalid, "
                                                   "deactivated"));
            item.state = parsed;
        }
        items.append(item);
    }
    return items;
}

} // namespace wa::ConfigImportFile
