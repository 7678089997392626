#pragma once

// Helpers for the GUI tests of issue 12 (bulk actions, the attempt view, export, import and
// copy to profile), over WindowFixture's real window: configs made through the service (many,
// quickly), rows picked with the mouse (Ctrl and Shift clicks), the end of a bulk run awaited
// through what the window shows.

#include "bulkcontroller.h"
#include "bulksummarybar.h"
#include "windowfixture.h"

#include <QStatusBar>

namespace wa::test {

class BulkFixture : public WindowFixture
{
protected:
    // Config ids top to bottom, as the table shows them.
    QStringList shownIds() const
    {
        QStringList ids;
        auto *proxy = m_window->proxy();
        for (int row = 0; row < proxy->rowCount(); ++row)
            ids << proxy->index(row, 0).data(ConfigTableModel::IdRole).toString();
        return ids;
    }

    QStringList selectedIds() const
    {
        QStringList ids;
        for (const WebhookConfig &config : m_window->selectedConfigs())
            ids << config.id;
        return ids;
    }

    // Creates configs through the current service, waits until the table has them and their
    // first test is over (each state valid or invalid).
    QStringList createConfigs(const QStringList &urls)
    {
        QList<QFuture<Result<WebhookConfig>>> futures;
        for (const QString &url : urls)
            futures << m_window->service()->createConfig(url);
        QStringList ids;
        for (auto &future : futures) {
            [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), TestTimeoutMs); }();
            if (!future.isFinished() || !future.result().ok())
                return {};
            ids << future.result().value().id;
        }
        waitTested(ids);
        return ids;
    }

    void waitTested(const QStringList &ids)
    {
        for (const QString &id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(stateOf(id) == u"valid"_s || stateOf(id) == u"invalid"_s,
                                     TestTimeoutMs);
            // The row has said its last word (no test shown running).
            QTRY_VERIFY_WITH_TIMEOUT(!model()->testStatus(id).running(), TestTimeoutMs);
        }
    }

    void clickWith(const QString &id, Qt::KeyboardModifiers modifiers)
    {
        const QModelIndex index = shownIndex(id, ConfigTableModel::Url);
        QVERIFY(index.isValid());
        table()->scrollTo(index);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, modifiers,
                          table()->visualRect(index).center());
    }

    // Click the first, Ctrl+click the others.
    void selectByMouse(const QStringList &ids)
    {
        QVERIFY(!ids.isEmpty());
        clickRow(ids.first());
        for (qsizetype i = 1; i < ids.size(); ++i)
            clickWith(ids.at(i), Qt::ControlModifier);
        QCOMPARE(selectedIds().size(), ids.size());
    }

    // The status bar's short note, if one shows.
    QString statusBarText() const { return m_window->statusBar()->currentMessage(); }

    BulkSummaryBar *summaryBar() const { return child<BulkSummaryBar>(u"bulkSummary"_s); }

    // Waits for the bulk run under way (or about to start) to end; its report.
    BulkReport waitForRun(int timeoutMs = 60000)
    {
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(!m_window->bulk()->isRunning() && summaryBar()->isVisible(),
                                     timeoutMs);
        }();
        return summaryBar()->report();
    }

    // `serve` as a remote: the embedded server on port 0, over its own database or this
    // window's, saved as the profile "Staging".
    void startStaging(std::unique_ptr<TestServer> &server, bool sameDatabase)
    {
        server = std::make_unique<TestServer>();
        LocalService::Options options;
        if (sameDatabase)
            options.databasePath = localDatabase();
        options.deliveryTimeoutMs = 5000;
        QVERIFY2(server->start(options), qPrintable(server->error));
        saveRemoteProfile(u"Staging"_s, server->url, server->token);
    }

    // Every config of a service, by id (read straight from it: what the database says).
    static QHash<QString, WebhookConfig> configsOf(WebhookService *service)
    {
        ConfigFilter all;
        all.states = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid,
                      ConfigState::Deactivated};
        auto future = service->listAllConfigs(all);
        QHash<QString, WebhookConfig> byId;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), TestTimeoutMs); }();
        if (!future.isFinished() || !future.result().ok())
            return byId;
        for (const WebhookConfig &config : future.result().value())
            byId.insert(config.id, config);
        return byId;
    }
};

} // namespace wa::test
