#pragma once

// One request as TestHttpServer received it: the bytes as sent, parsed independently of the
// code under test.

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPair>

namespace wa::test {

struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers; // in the order sent, names as sent
    QByteArray body;

    // The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[headerName, value] : headers) {
            if (headerName.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }

    // Whether Ricloud-Signature signs this body with `secret`, checked independently of the
    // code under test: HMAC-SHA256 over "<t>." + body, base64. `timestamp` gets t.
    bool signedWith(const QByteArray &secret, qint64 *timestamp = nullptr) const
    {
        QByteArray t;
        QByteArray s;
        for (const QByteArray &part : header("Ricloud-Signature").split(',')) {
            if (part.startsWith("t="))
                t = part.mid(2);
            else if (part.startsWith("s="))
                s = part.mid(2);
        }
        if (t.isEmpty() || s.isEmpty())
            return false;
        if (timestamp)
            *timestamp = t.toLongLong();
        const QByteArray expected
            = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
                  .toBase64();
        return expected == s;
    }
};

} // namespace wa::test
