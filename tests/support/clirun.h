#pragma once

// What one run of webhook-admin-cli (or of a shell line) left: its exit code and its output.

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wa::test {

struct CliRun
{
    int code = -1; // -1: did not start or did not end in time; -2: crashed
    QString out;
    QString err;

    // --json output: one object (empty when the output is not one).
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }

    // --json output of a bulk command: one object per line.
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> lines;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            lines << QJsonDocument::fromJson(line.toUtf8()).object();
        return lines;
    }
};

} // namespace wa::test
