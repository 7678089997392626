#include "requestframing.h"

#include "apierror.h"

#include <algorithm>

namespace wa {

using namespace Qt::StringLiterals;

namespace {

RequestFraming refused(int status, const QString &code, const QString &message)
{
    return {HttpReply::refusal(status, code, message), 0};
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

RequestFraming RequestFraming::check(const HttpRequest &head, QByteArrayView version,
                                     int maxHeaderFields)
{
    if (head.headers.size() > maxHeaderFields) {
        return refused(
            431, u"header-fields-too-large"_s,
            u"The request has %1 header fields; at most %2 are read."_s.arg(head.headers.size())
                .arg(maxHeaderFields));
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return refused(505, u"http-version-not-supported"_s,
                       u"Only HTTP/1.0 and HTTP/1.1 are served."_s);

    QList<QByteArray> lengths;
    QList<QByteArray> codings;
    for (const auto &[name, value] : head.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            lengths << value.trimmed();
        else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            codings << value.trimmed();
    }
    for (const QByteArray &length : std::as_const(lengths)) {
        bool ok = false;
        if (!isDigits(length) || (length.toLongLong(&ok), !ok)) {
            return refused(
                400, u"bad-request"_s,
                u"Content-Length is not a number: %1."_s.arg(QString::fromLatin1(length)));
        }
        if (length != lengths.constFirst())
            return refused(400, u"bad-request"_s,
                           u"The request has two different Content-Length headers."_s);
    }
    if (!codings.isEmpty() && !lengths.isEmpty())
        return refused(400, u"bad-request"_s,
                       u"The request has both Content-Length and Transfer-Encoding."_s);
    if (codings.size() > 1
        || (codings.size() == 1
            && codings.constFirst().compare("chunked", Qt::CaseInsensitive) != 0)) {
        return refused(400, u"bad-request"_s,
                       u"Only the chunked Transfer-Encoding is understood."_s);
    }
    if (!codings.isEmpty())
        return {std::nullopt, -1};
    return {std::nullopt, lengths.isEmpty() ? 0 : lengths.constFirst().toLongLong()};
}

} // namespace wa
