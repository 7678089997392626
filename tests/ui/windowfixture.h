#pragma once

// The real MainWindow for GUI tests, over a real LocalService in its own thread (as in the app,
// with "Serve on 127.0.0.1" through a real LocalServer) and, for remote profiles, the embedded
// server on port 0 behind a real RemoteService. Offscreen; a person's clicks and keys only.
//
// A test class derives from WindowFixture and calls setUpWindow() / tearDownWindow() from its
// own init() / cleanup() slots (QtTest finds slots in the test class's own meta-object).

#include "configeditordialog.h"
#include "configfilterproxy.h"
#include "configtablemodel.h"
#include "localserver.h"
#include "localservicethread.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "profileswitcher.h"
#include "remoteservice.h"
#include "testhttpserver.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <atomic>
#include <memory>

namespace wa::test {

using namespace Qt::StringLiterals;

inline constexpr int TestTimeoutMs = 15000;

template<typename T> std::shared_ptr<Backend> guiOwned(T *backend)
{
    return std::shared_ptr<Backend>(backend, [](Backend *b) {
        if (QThread::currentThread() == qApp->thread())
            delete b;
        else
            QMetaObject::invokeMethod(
                qApp, [b] { delete b; }, Qt::QueuedConnection);
    });
}

// The app's local backend, as app/gui/backends.cpp makes it.
class LocalTestBackend final : public Backend, public ServerControl
{
public:
    explicit LocalTestBackend(const QString &path, std::function<QDateTime()> clock = {})
        : thread([&] {
            LocalService::Options options;
            options.databasePath = path;
            options.deliveryTimeoutMs = 5000;
            options.clock = std::move(clock);
            return options;
        }())
    { }
    ~LocalTestBackend() override { localServer.reset(); }
    WebhookService *service() const override { return thread.service(); }
    bool isLocal() const override { return true; }
    ServerControl *server() const override { return const_cast<LocalTestBackend *>(this); }

    QFuture<Result<ServeEndpoint>> start(quint16 port) override
    {
        if (!localServer)
            localServer = std::make_unique<LocalServer>(thread.service());
        if (!localServer->isListening()) {
            const auto r = localServer->listen(QHostAddress(QHostAddress::LocalHost), port);
            if (!r) {
                localServer.reset();
                return QtFuture::makeReadyFuture(Result<ServeEndpoint>(r.error()));
            }
        }
        return QtFuture::makeReadyFuture(
            Result<ServeEndpoint>(ServeEndpoint {localServer->url(), thread.service()->token()}));
    }
    void stop() override { localServer.reset(); }
    bool isRunning() const override { return localServer && localServer->isListening(); }

    LocalServiceThread thread;
    std::unique_ptr<LocalServer> localServer;
};

class RemoteTestBackend final : public Backend
{
public:
    explicit RemoteTestBackend(RemoteService::Options options)
        : remote(std::move(options))
    { }
    WebhookService *service() const override { return const_cast<RemoteService *>(&remote); }
    bool isLocal() const override { return false; }
    RemoteService remote;
};

// A port where nothing listens (a receiver, or a server, that is down).
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

class WindowFixture
{
public:
    virtual ~WindowFixture() = default;

protected:
    QTemporaryDir m_dir;
    QObject m_context; // futures of the factory continue here
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<TestHttpServer> m_receiver;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;
    bool m_confirmAnswer = true;
    int m_opened = 0; // backends opened by the factory
    int m_remoteOpenDelayMs = 0; // remote profiles take this long to open
    // The local service's clock runs this far from the system's (signatures' timestamps).
    std::atomic<qint64> m_clockOffsetSecs = 0;
    // The file dialog seam: every request, answered at once with m_chosenFile ("": cancelled).
    QList<FileRequest> m_fileRequests;
    QString m_chosenFile;

    QString localDatabase() const { return m_dir.filePath(u"local.sqlite"_s); }

    static void setUpTestCase(QTemporaryDir &dir)
    {
        QStandardPaths::setTestModeEnabled(true);
        QGuiApplication::setApplicationDisplayName(u"Webhook Admin"_s);
        qputenv("XDG_RUNTIME_DIR", dir.filePath(u"runtime"_s).toUtf8());
        QDir().mkpath(dir.filePath(u"runtime"_s));
        QFile::setPermissions(dir.filePath(u"runtime"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    BackendFactory factory()
    {
        return [this](const QString &name) -> QFuture<Result<std::shared_ptr<Backend>>> {
            using Opened = Result<std::shared_ptr<Backend>>;
            ++m_opened;
            if (name == localProfileName()) {
                auto *raw = new LocalTestBackend(localDatabase(), [this] {
                    return QDateTime::currentDateTimeUtc().addSecs(m_clockOffsetSecs.load());
                });
                auto backend = guiOwned(raw);
                return raw->thread.start().then(&m_context,
                                                [backend](const Result<Done> &r) -> Opened {
                                                    if (!r)
                                                        return r.error();
                                                    return backend;
                                                });
            }
            const auto profile = m_profiles->profile(name);
            if (!profile)
                return QtFuture::makeReadyFuture(Opened(ApiError::notFound(u"no profile"_s)));
            const QUrl url = profile->url;
            auto opened
                = m_tokens->read(name).then(&m_context, [url](const Result<QString> &t) -> Opened {
                      if (!t)
                          return t.error();
                      RemoteService::Options options;
                      options.baseUrl = url;
                      options.token = t.value();
                      return guiOwned(new RemoteTestBackend(options));
                  });
            if (m_remoteOpenDelayMs == 0)
                return opened;
            // A slow keychain, say: the switch is still under way for a while.
            auto promise = std::make_shared<QPromise<Opened>>();
            promise->start();
            opened.then(&m_context, [this, promise](const Opened &result) {
                QTimer::singleShot(m_remoteOpenDelayMs, &m_context, [promise, result] {
                    promise->addResult(result);
                    promise->finish();
                });
            });
            return promise->future();
        };
    }

    static ConnectionTester connectionTester()
    {
        return [](const QUrl &url, const QString &token) -> QFuture<Result<QString>> {
            RemoteService::Options options;
            options.baseUrl = url;
            options.token = token;
            auto service = std::shared_ptr<RemoteService>(
                new RemoteService(options), [](RemoteService *s) { s->deleteLater(); });
            return service->organisation().then(
                service.get(), [service](const Result<Organisation> &o) -> Result<QString> {
                    if (!o)
                        return o.error();
                    return o.value().name;
                });
        };
    }

    MainWindow::Dependencies dependencies(bool persist)
    {
        MainWindow::Dependencies deps;
        deps.openBackend = factory();
        deps.testConnection = connectionTester();
        deps.confirm
            = [this](QWidget *, const ConfirmRequest &request, std::function<void(bool)> answer) {
                  m_questions << request.question;
                  answer(m_confirmAnswer);
              };
        deps.chooseFile = [this](QWidget *, const FileRequest &request,
                                 std::function<void(const QString &)> chosen) {
            m_fileRequests << request;
            chosen(m_chosenFile);
        };
        deps.profiles = m_profiles.get();
        deps.tokens = m_tokens.get();
        deps.persistState = persist;
        return deps;
    }

    void setUpStores()
    {
        QFile::remove(localDatabase());
        QFile::remove(m_dir.filePath(u"tokens.json"_s));
        m_questions.clear();
        m_confirmAnswer = true;
        m_clockOffsetSecs = 0;
        m_fileRequests.clear();
        m_chosenFile.clear();
        m_opened = 0;
        m_remoteOpenDelayMs = 0;
        m_receiver = std::make_unique<TestHttpServer>();
        QVERIFY(m_receiver->start());
        m_profiles = std::make_unique<ProfileStore>(m_dir.filePath(u"profiles.ini"_s));
        for (const Profile &profile : m_profiles->profiles())
            m_profiles->remove(profile.name);
        TokenStore::Options tokenOptions;
        tokenOptions.useKeychain = false;
        tokenOptions.fallbackPath = m_dir.filePath(u"tokens.json"_s);
        m_tokens = std::make_unique<TokenStore>(tokenOptions);
    }

    void setUpWindow(bool persist = false)
    {
        setUpStores();
        openWindow(persist);
    }

    // A window over the local profile, loaded. Tests of a restart call it a second time.
    void openWindow(bool persist = false)
    {
        m_window = std::make_unique<MainWindow>(dependencies(persist));
        auto report = QAbstractItemModelTester::FailureReportingMode::QtTest;
        new QAbstractItemModelTester(m_window->model(), report, m_window.get());
        new QAbstractItemModelTester(m_window->proxy(), report, m_window.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->switchProfile(localProfileName());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLoaded(), TestTimeoutMs);
        QCOMPARE(m_window->currentProfile(), localProfileName());
    }

    // Closes the window and waits until its local service has closed the database.
    void closeWindow()
    {
        m_window.reset();
        LocalServiceThread::waitForAllStopped();
    }

    void tearDownWindow()
    {
        closeWindow();
        m_tokens.reset();
        m_profiles.reset();
        m_receiver.reset();
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
            QFile::remove(localDatabase() + suffix);
    }

    // Adds a remote profile through File > Profiles, as a person does.
    void saveRemoteProfile(const QString &name, const QUrl &url, const QString &token)
    {
        clickAction(u"actionProfiles"_s);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"profileDialog"_s)));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"profileNew"_s), Qt::LeftButton);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileName"_s), name);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileUrl"_s), url.toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileToken"_s), token);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"profileSave"_s), Qt::LeftButton);
        QVERIFY(dialog->findChild<QLabel *>(u"profileProblem"_s)->isHidden());
        QTRY_VERIFY(QFile::exists(m_dir.filePath(u"tokens.json"_s)));
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<QDialog *>(u"profileDialog"_s));
    }

    ConfigTableModel *model() const { return m_window->model(); }
    QTableView *table() const { return m_window->table(); }

    template<typename T> T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    int rowOf(const QString &id) const { return model()->rowOf(id); }

    // Shortcuts reach the active window only: a closed dialog leaves none active offscreen,
    // where a window manager would give the focus back.
    void activate()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void key(QWidget *target, Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        activate();
        QTest::keyClick(target, key, modifiers);
    }

    // The state's API word ("new", "valid", ...), or "missing".
    QString stateOf(const QString &id) const
    {
        const int row = rowOf(id);
        return row < 0 ? u"missing"_s : toString(model()->configAt(row).state);
    }
    QString cell(const QString &id, int column) const
    {
        const int row = rowOf(id);
        return row < 0 ? QString() : model()->index(row, column).data().toString();
    }
    QModelIndex shownIndex(const QString &id, int column = 0) const
    {
        const int row = rowOf(id);
        if (row < 0)
            return {};
        return m_window->proxy()->mapFromSource(model()->index(row, column));
    }
    bool shown(const QString &id) const { return shownIndex(id).isValid(); }

    void clickRow(const QString &id)
    {
        const QModelIndex index = shownIndex(id, ConfigTableModel::Url);
        QVERIFY(index.isValid());
        table()->scrollTo(index);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(index).center());
        QVERIFY(m_window->selectedConfig());
        QCOMPARE(m_window->selectedConfig()->id, id);
    }

    void clickAction(const QString &actionName)
    {
        auto *action = child<QAction>(actionName);
        QVERIFY2(action, qPrintable(actionName));
        QVERIFY2(action->isEnabled(), qPrintable(actionName));
        auto *toolbar = child<QToolBar>(u"mainToolBar"_s);
        QWidget *button = toolbar->widgetForAction(action);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Picks a profile in the toolbar's switcher with the keyboard.
    void chooseProfile(const QString &name)
    {
        auto *switcher = child<ProfileSwitcher>(u"profileSwitcher"_s);
        const int wanted = switcher->findData(name);
        QVERIFY2(wanted >= 0, qPrintable(name));
        switcher->setFocus();
        while (switcher->currentIndex() != wanted) {
            const int before = switcher->currentIndex();
            key(switcher, wanted > before ? Qt::Key_Down : Qt::Key_Up);
            QVERIFY(switcher->currentIndex() != before);
        }
    }

    void switchAndWait(const QString &name)
    {
        chooseProfile(name);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentProfile(), name, TestTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLoaded(), TestTimeoutMs);
    }

    // Ctrl+N, type the URL, click Create; returns the new config's id.
    QString createThroughDialog(const QString &url)
    {
        const int before = model()->rowCount();
        QSet<QString> known;
        for (int row = 0; row < before; ++row)
            known.insert(model()->configAt(row).id);
        key(table(), Qt::Key_N, Qt::ControlModifier);
        ConfigEditorDialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_window->findChild<ConfigEditorDialog *>())); }();
        if (!dialog)
            return {};
        auto *edit = dialog->findChild<QLineEdit *>(u"configUrlEdit"_s);
        QTest::keyClicks(edit, url);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"configEditorOk"_s), Qt::LeftButton);
        [&] { QTRY_COMPARE(model()->rowCount(), before + 1); }();
        if (model()->rowCount() != before + 1)
            return {};
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QString id = model()->configAt(row).id;
            if (!known.contains(id))
                return id;
        }
        return {};
    }

    // The status bar's warning (a short note may stand in front of it for a few seconds, as
    // QStatusBar does with messages; the warning is there, and comes back).
    bool warningShown(const QString &text) const
    {
        auto *label = child<QLabel>(u"statusWarning"_s);
        return !label->text().isEmpty() && label->text().contains(text);
    }
    bool noWarning() const { return child<QLabel>(u"statusWarning"_s)->text().isEmpty(); }
};

} // namespace wa::test
