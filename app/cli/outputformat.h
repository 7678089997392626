#pragma once

#include "apierror.h"
#include "deliveryattempt.h"
#include "key.h"
#include "listpage.h"
#include "organisation.h"
#include "task.h"
#include "webhookconfig.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wa::cli {

// What the CLI prints: a readable table or field list on stdout by default, or with --json the
// API's JSON (through the shared codec, so --local and a remote print the same); errors and
// warnings on stderr. Never prints a token.
class OutputFormat final
{
public:
    explicit OutputFormat(bool json);

    bool json() const { return m_json; }

    static int exitCodeFor(const ApiError &error);
    // "2026-11-28 10:25:05 UTC", or "-" for a null time.
    static QString time(const QDateTime &dateTime);
    // What a test task's error code means, for a person.
    static QString taskErrorMeaning(const QString &code);

    void printJson(const QJsonObject &object) const;
    void printTable(const QStringList &headers, const QList<QStringList> &rows) const;
    void printFields(const QList<QPair<QString, QString>> &fields) const;
    void printLine(const QString &line) const;

    void printError(const ApiError &error) const;
    void printWarning(const QString &warning) const;

    void print(const WebhookConfig &config) const;
    void print(const ListPage<WebhookConfig> &page) const;
    void print(const Task &task) const;
    void print(const Organisation &organisation) const;
    void print(const Key &key) const;
    void print(const ListPage<DeliveryAttempt> &page, bool verbose) const;
    void print(const DeliveryAttempt &attempt, bool verbose) const;
    // The last line of a --wait: "Test succeeded." / "Test failed: webhook-refused (...)".
    void printOutcome(const Task &task) const;

private:
    void printConfigRows(const QList<WebhookConfig> &configs) const;
    void printAttemptDetail(const DeliveryAttempt &attempt) const;

    bool m_json = false;
};

} // namespace wa::cli
