#include "configimportfile.h"

#include "jsonerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace wa::ConfigImportFile {

namespace {

ApiError refused(const QString &field, const Phrase &reason, const Phrase &message)
{
    ApiError error = ApiError::invalidParameter(field, reason);
    error.code = QStringLiteral("invalid-body");
    error.setMessage(message);
    return error;
}

ApiError entryRefused(qsizetype index, const QString &field, const Phrase &reason)
{
    const QString path = field.isEmpty() ? QStringLiteral("data[%1]").arg(index)
                                         : QStringLiteral("data[%1].%2").arg(index).arg(field);
    const Phrase what = field.isEmpty()
        ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "Entry %1 of the file")).arg(index)
        : WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "Entry %1 of the file: %2"))
              .arg(index)
              .arg(field);
    return refused(
        path, reason,
        WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "%1 %2; nothing was imported."))
            .arg(what)
            .arg(reason));
}

Phrase isMissing()
{
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "is missing"));
}

Phrase typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Phrase::plain(QStringLiteral("null"));
    case QJsonValue::Bool:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "a boolean"));
    case QJsonValue::Double:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "a number"));
    case QJsonValue::String:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "a string"));
    case QJsonValue::Array:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "a list"));
    case QJsonValue::Object:
        return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "an object"));
    case QJsonValue::Undefined:
        break;
    }
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "missing"));
}

} // namespace

Result<QList<BulkItem>> parse(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ApiError::invalidBody(
            WA_PHRASE(QT_TRANSLATE_NOOP(
                          "wa::ConfigImportFile",
                          "The file is not JSON: %1 at character %2; nothing was imported."))
                .arg(jsonErrorWords(parseError.error))
                .arg(parseError.offset));
    }
    const Phrase shape = WA_PHRASE(QT_TRANSLATE_NOOP(
        "wa::ConfigImportFile",
        "a list object such as 'export' writes: {\"resource\": \"list\", \"data\": [...]}"));
    if (!document.isObject())
        return refused(QStringLiteral("resource"),
                       WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "is not an object")),
                       WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile",
                                                   "The file is not %1; nothing was imported."))
                           .arg(shape));
    const QJsonObject list = document.object();
    const QJsonValue resource = list.value(QStringLiteral("resource"));
    if (!resource.isUndefined() && resource.toString() != QLatin1String("list"))
        return refused(QStringLiteral("resource"),
                       WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "is not \"list\"")),
                       WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile",
                                                   "The file's resource is not \"list\": it is "
                                                   "not %1; nothing was imported."))
                           .arg(shape));
    const QJsonValue data = list.value(QStringLiteral("data"));
    if (!data.isArray())
        return refused(QStringLiteral("data"),
                       data.isUndefined() ? isMissing()
                                          : WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile",
                                                                        "is %1, not a list"))
                                                .arg(typeName(data)),
                       WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile",
                                                   "The file has no \"data\" list: it is not "
                                                   "%1; nothing was imported."))
                           .arg(shape));

    QList<BulkItem> items;
    const QJsonArray entries = data.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject())
            return entryRefused(
                i, {},
                WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "is %1, not an object"))
                    .arg(typeName(entry)));
        const QJsonObject object = entry.toObject();
        const QJsonValue url = object.value(QStringLiteral("url"));
        if (!url.isString())
            return entryRefused(
                i, QStringLiteral("url"),
                url.isUndefined()
                    ? isMissing()
                    : WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile", "is %1, not a string"))
                          .arg(typeName(url)));
        BulkItem item;
        item.index = int(i);
        item.url = url.toString();
        const QJsonValue state = object.value(QStringLiteral("state"));
        if (!state.isUndefined() && !state.isNull()) {
            const auto parsed = configStateFromString(state.toString());
            if (!state.isString() || !parsed)
                return entryRefused(i, QStringLiteral("state"),
                                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::ConfigImportFile",
                                                                "is not one of new, valid, "
                                                                "invalid, deactivated")));
            item.state = parsed;
        }
        items.append(item);
    }
    return items;
}

} // namespace wa::ConfigImportFile
