#include "jsontext.h"

namespace wa::JsonText {

namespace {

// A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 otherwise.
void appendString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendField(QByteArray &out, const char *name, const QString &value, bool first = false)
{
    if (!first)
        out += ',';
    out += '"';
    out += name;
    out += "\":";
    appendString(out, value);
}

void appendConfig(QByteArray &out, const WebhookConfig &config, JsonCodec::Secret secret)
{
    // Keys in the order QJsonDocument writes them (sorted), so both encoders agree byte for byte.
    out += '{';
    const QString created = JsonCodec::formatDateTime(config.dateCreated);
    out += "\"date_created\":";
    if (created.isEmpty())
        out += "null";
    else
        appendString(out, created);
    appendField(out, "id", config.id);
    appendField(out, "organisation", config.organisation);
    appendField(out, "resource", QStringLiteral("webhook_config"));
    if (secret == JsonCodec::Secret::Include)
        appendField(out, "secret", config.secret);
    appendField(out, "state", toString(config.state));
    appendField(out, "url", config.url);
    out += '}';
}

} // namespace

QByteArray config(const WebhookConfig &config, JsonCodec::Secret secret)
{
    QByteArray out;
    out.reserve(256 + config.url.size());
    appendConfig(out, config, secret);
    return out;
}

QByteArray configPage(const ListPage<WebhookConfig> &page)
{
    QByteArray out;
    out.reserve(128 + page.data.size() * 300);
    out += "{\"data\":[";
    for (qsizetype i = 0; i < page.data.size(); ++i) {
        if (i > 0)
            out += ',';
        appendConfig(out, page.data.at(i), JsonCodec::Secret::Include);
    }
    out += "],\"has_more\":";
    out += page.hasMore ? "true" : "false";
    out += ",\"resource\":\"list\",\"total_count\":";
    out += QByteArray::number(page.totalCount);
    out += ',';
    out += "\"url\":";
    appendString(out, page.url);
    out += '}';
    return out;
}

} // namespace wa::JsonText
