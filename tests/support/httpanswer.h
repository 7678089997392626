#pragma once

// An answer of the REST API, as ServeProcess::request() received it.

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

namespace wa::test {

struct HttpAnswer
{
    int status = 0; // 0: no answer
    QJsonObject json;

    QString string(const char *field) const { return json.value(QLatin1String(field)).toString(); }
};

} // namespace wa::test
