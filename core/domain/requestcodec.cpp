#include "requestcodec.h"

#include "jsonambiguity.h"
#include "jsoncodec.h"
#include "jsonerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

namespace wa::RequestCodec {

namespace {

const QString UrlField = QStringLiteral("url");
const QString StateField = QStringLiteral("state");
const QString LimitParam = QStringLiteral("limit");
const QString AfterIdParam = QStringLiteral("after_id");
const QString BeforeIdParam = QStringLiteral("before_id");
const QString TypeParam = QStringLiteral("type");
const QString TargetParam = QStringLiteral("target");

QString required()
{
    return QStringLiteral("is required");
}
QString mustBeString()
{
    return QStringLiteral("must be a string");
}
QString unknownParameter()
{
    return QStringLiteral("is not a known parameter");
}
QString unknownFilter()
{
    return QStringLiteral("is not a known filter");
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    default:
        return QStringLiteral("a bare value");
    }
}

// Where parsing stopped, for a person: "character 12 (line 1, column 13)".
QString position(const QByteArray &body, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, body.size());
    const QByteArray before = body.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return QStringLiteral("character %1 (line %2, column %3)").arg(offset).arg(line).arg(column);
}

// Qt's parser stops just past the bracket that follows a trailing comma ("object is missing
// after a comma"); naming the comma tells people what to delete.
bool trailingCommaAt(const QByteArray &body, qsizetype offset)
{
    qsizetype i = qMin(offset, body.size()) - 1;
    while (i >= 0 && isJsonSpace(body.at(i)))
        --i;
    if (i < 0 || (body.at(i) != '}' && body.at(i) != ']'))
        return false;
    --i;
    while (i >= 0 && isJsonSpace(body.at(i)))
        --i;
    return i >= 0 && body.at(i) == ',';
}

// Query parameters with their values, one value each; a repeat is an offence of its own.
class QueryReader
{
public:
    explicit QueryReader(const QUrlQuery &query)
    {
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto &[name, value] : items) {
            if (m_values.contains(name))
                m_problems.insert(name, QStringLiteral("is given more than once"));
            m_values.insert(name, value);
        }
    }

    const QMap<QString, QString> &values() const { return m_values; }
    void problem(const QString &name, const QString &reason)
    {
        if (!m_problems.contains(name))
            m_problems.insert(name, reason);
    }
    bool hasProblems() const { return !m_problems.isEmpty(); }
    ApiError error() const { return ApiError::invalidParameters(m_problems); }

    // Reads limit, after_id and before_id; true if `name` was one of them.
    bool page(const QString &name, const QString &value, PageRequest *page)
    {
        if (name == LimitParam) {
            bool digitsOnly = !value.isEmpty() && value.size() <= 4;
            for (QChar c : value)
                digitsOnly = digitsOnly && c.unicode() >= '0' && c.unicode() <= '9';
            const int limit = digitsOnly ? value.toInt() : 0;
            if (limit < 1 || limit > PageRequest::MaxLimit)
                problem(
                    name,
                    QStringLiteral("must be an integer from 1 to %1").arg(PageRequest::MaxLimit));
            else
                page->limit = limit;
            return true;
        }
        if (name == AfterIdParam || name == BeforeIdParam) {
            if (value.isEmpty())
                problem(name, QStringLiteral("must not be empty"));
            else
                (name == AfterIdParam ? page->afterId : page->beforeId) = value;
            return true;
        }
        return false;
    }

private:
    QMap<QString, QString> m_values;
    QMap<QString, QString> m_problems;
};

void encodePage(QUrlQuery *query, const PageRequest &page)
{
    if (page.limit != PageRequest::DefaultLimit)
        query->addQueryItem(LimitParam, QString::number(page.limit));
    if (!page.afterId.isEmpty())
        query->addQueryItem(AfterIdParam,
                            QString::fromLatin1(QUrl::toPercentEncoding(page.afterId)));
    if (!page.beforeId.isEmpty())
        query->addQueryItem(BeforeIdParam,
                            QString::fromLatin1(QUrl::toPercentEncoding(page.beforeId)));
}

// A datetime in a query: a `+` of an offset that arrived as a form-encoded space is put back.
std::optional<QDateTime> queryDateTime(const QString &value)
{
    if (auto parsed = JsonCodec::parseDateTime(value))
        return parsed;
    if (value.size() > 6 && value.at(value.size() - 6) == u' ') {
        QString fixed = value;
        fixed[fixed.size() - 6] = u'+';
        return JsonCodec::parseDateTime(fixed);
    }
    return std::nullopt;
}

// The date_created filters: plain (exact), __op and [op] spellings.
std::optional<QDateTime> *dateBound(const QString &name, ConfigFilter *filter)
{
    static const QString base = QStringLiteral("date_created");
    if (name == base)
        return &filter->createdAt;
    QString op;
    if (name.startsWith(base + QStringLiteral("__")))
        op = name.mid(base.size() + 2);
    else if (name.startsWith(base + u'[') && name.endsWith(u']'))
        op = name.mid(base.size() + 1, name.size() - base.size() - 2);
    else
        return nullptr;
    if (op == u"gt")
        return &filter->createdAfter;
    if (op == u"gte")
        return &filter->createdFrom;
    if (op == u"lt")
        return &filter->createdBefore;
    if (op == u"lte")
        return &filter->createdUntil;
    return nullptr;
}

} // namespace

Result<QJsonObject> parseBody(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || trimmed == "null")
        return QJsonObject {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt only takes objects and arrays at the top; a bare value is valid JSON of the
        // wrong kind, and deserves that answer rather than a parse error.
        QJsonParseError wrappedError;
        const QJsonDocument wrapped
            = QJsonDocument::fromJson(QByteArray('[' + body + ']'), &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return ApiError::invalidBody(QStringLiteral("The body must be a JSON object, not %1.")
                                             .arg(jsonTypeName(wrapped.array().at(0))));
        QString message
            = QStringLiteral("The body is not valid JSON: %1 at %2")
                  .arg(jsonErrorWords(error.error).english(), position(body, error.offset));
        if (trailingCommaAt(body, error.offset))
            message += QStringLiteral("; a trailing comma before } or ] is not allowed");
        return ApiError::invalidBody(message + u'.');
    }
    if (!document.isObject())
        return ApiError::invalidBody(
            QStringLiteral("The body must be a JSON object, not an array."));
    // Valid JSON that Qt would read as something else than was sent: refused, never changed.
    if (const auto ambiguity = JsonAmbiguity::find(body))
        return ApiError::invalidBody(QStringLiteral("The body has %1 at %2.")
                                         .arg(ambiguity->what, position(body, ambiguity->offset)));
    return document.object();
}

Result<QString> decodeCreate(const QJsonObject &body)
{
    QMap<QString, QString> problems;
    QString url;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != UrlField)
            problems.insert(it.key(), unknownParameter());
    }
    const QJsonValue value = body.value(UrlField);
    if (value.isUndefined())
        problems.insert(UrlField, required());
    else if (!value.isString())
        problems.insert(UrlField, mustBeString());
    else
        url = value.toString();
    if (!problems.isEmpty())
        return ApiError::invalidParameters(problems);
    return url;
}

QJsonObject encodeCreate(const QString &url)
{
    return {{UrlField, url}};
}

Result<ConfigChanges> decodeUpdate(const QJsonObject &body)
{
    QMap<QString, QString> problems;
    ConfigChanges changes;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == UrlField) {
            if (it.value().isString())
                changes.url = it.value().toString();
            else
                problems.insert(UrlField, mustBeString());
        } else if (it.key() == StateField) {
            const auto state = it.value().isString() ? configStateFromString(it.value().toString())
                                                     : std::nullopt;
            if (state)
                changes.state = *state;
            else
                problems.insert(StateField, QStringLiteral("must be one of new, deactivated"));
        } else {
            problems.insert(it.key(), unknownParameter());
        }
    }
    if (!problems.isEmpty())
        return ApiError::invalidParameters(problems);
    return changes;
}

QJsonObject encodeUpdate(const ConfigChanges &changes)
{
    QJsonObject body;
    if (changes.url)
        body.insert(UrlField, *changes.url);
    if (changes.state)
        body.insert(StateField, toString(*changes.state));
    return body;
}

Result<QString> decodeIdOrNull(const QJsonObject &body, const QString &field)
{
    QMap<QString, QString> problems;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != field)
            problems.insert(it.key(), unknownParameter());
    }
    const QJsonValue value = body.value(field);
    QString id;
    if (value.isUndefined())
        problems.insert(field, required());
    else if (value.isString() || value.isDouble())
        id = JsonCodec::decodeId(value);
    else if (!value.isNull())
        problems.insert(field, QStringLiteral("must be an ID or null"));
    if (!problems.isEmpty())
        return ApiError::invalidParameters(problems);
    return id;
}

QJsonObject encodeIdOrNull(const QString &field, const QString &idOrEmpty)
{
    return {{field, idOrEmpty.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(idOrEmpty)}};
}

Result<ConfigQuery> decodeConfigQuery(const QUrlQuery &query)
{
    QueryReader reader(query);
    ConfigQuery result;
    const auto &values = reader.values();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString &name = it.key();
        const QString &value = it.value();
        if (reader.page(name, value, &result.page))
            continue;
        if (name == StateField) {
            const QStringList names = value.split(u',');
            for (const QString &stateName : names) {
                const auto state = configStateFromString(stateName.trimmed());
                if (!state) {
                    reader.problem(name,
                                   QStringLiteral("must be one or more of new, valid, "
                                                  "invalid, deactivated (comma-separated)"));
                    break;
                }
                if (!result.filter.states.contains(*state))
                    result.filter.states.append(*state);
            }
            continue;
        }
        if (auto *bound = dateBound(name, &result.filter)) {
            if (const auto parsed = queryDateTime(value))
                *bound = *parsed;
            else
                reader.problem(name, QStringLiteral("must be an ISO 8601 datetime"));
            continue;
        }
        reader.problem(name, unknownFilter());
    }
    if (reader.hasProblems())
        return reader.error();
    return result;
}

QUrlQuery encodeConfigQuery(const ConfigFilter &filter, const PageRequest &page)
{
    QUrlQuery query;
    if (!filter.states.isEmpty()) {
        QStringList names;
        for (const ConfigState state : filter.states)
            names << toString(state);
        query.addQueryItem(StateField, names.join(u','));
    }
    const auto addDate = [&query](const char *name, const std::optional<QDateTime> &value) {
        if (value)
            query.addQueryItem(QString::fromLatin1(name), JsonCodec::formatDateTime(*value));
    };
    addDate("date_created", filter.createdAt);
    addDate("date_created__gt", filter.createdAfter);
    addDate("date_created__gte", filter.createdFrom);
    addDate("date_created__lt", filter.createdBefore);
    addDate("date_created__lte", filter.createdUntil);
    encodePage(&query, page);
    return query;
}

Result<TaskQuery> decodeTaskQuery(const QUrlQuery &query)
{
    QueryReader reader(query);
    TaskQuery result;
    const auto &values = reader.values();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString &name = it.key();
        const QString &value = it.value();
        if (reader.page(name, value, &result.page))
            continue;
        if (name == TypeParam || name == TargetParam) {
            if (value.isEmpty())
                reader.problem(name, QStringLiteral("must not be empty"));
            else
                (name == TypeParam ? result.filter.type : result.filter.target) = value;
        } else if (name == StateField) {
            if (const auto state = taskStateFromString(value))
                result.filter.state = *state;
            else
                reader.problem(name,
                               QStringLiteral("must be one of pending, processing, "
                                              "succeeded, failed"));
        } else {
            reader.problem(name, unknownFilter());
        }
    }
    if (reader.hasProblems())
        return reader.error();
    return result;
}

QUrlQuery encodeTaskQuery(const TaskFilter &filter, const PageRequest &page)
{
    QUrlQuery query;
    if (!filter.type.isEmpty())
        query.addQueryItem(TypeParam, QString::fromLatin1(QUrl::toPercentEncoding(filter.type)));
    if (!filter.target.isEmpty())
        query.addQueryItem(TargetParam,
                           QString::fromLatin1(QUrl::toPercentEncoding(filter.target)));
    if (filter.state)
        query.addQueryItem(StateField, toString(*filter.state));
    encodePage(&query, page);
    return query;
}

Result<PageRequest> decodePageQuery(const QUrlQuery &query)
{
    QueryReader reader(query);
    PageRequest page;
    const auto &values = reader.values();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!reader.page(it.key(), it.value(), &page))
            reader.problem(it.key(), unknownFilter());
    }
    if (reader.hasProblems())
        return reader.error();
    return page;
}

QUrlQuery encodePageQuery(const PageRequest &page)
{
    QUrlQuery query;
    encodePage(&query, page);
    return query;
}

int decodeAwait(const QByteArray &headerValue)
{
    const QByteArray text = headerValue.trimmed();
    if (text.isEmpty())
        return 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return 0; // junk (negative, fractional, words): answer at once
    }
    if (text.size() > 4)
        return 10;
    return qMin(text.toInt(), 10);
}

} // namespace wa::RequestCodec
