// One process of the stress test: opens the shared database and, for a bounded time, makes
// random creates, URL changes, deactivations, reactivations and tests, as fast as the service
// answers. Every acknowledged write is printed as one JSON line (with the times the request
// started and was answered, in ms), so that the test can check none was lost or undone.
//
//     wa_stress_client DATABASE RECEIVER_URL SECONDS SEED [all|own]

#include "localservice.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

using namespace wa;

namespace {

class Client final : public QObject
{
public:
    Client(LocalService &service, QString receiver, qint64 deadline, quint32 seed)
        : m_service(service)
        , m_receiver(std::move(receiver))
        , m_deadline(deadline)
        , m_random(seed)
    { }

    void next()
    {
        if (QDateTime::currentMSecsSinceEpoch() >= m_deadline) {
            m_service.settle().then(this, [] { QCoreApplication::quit(); });
            return;
        }
        if (m_ids.isEmpty() || m_random.bounded(10) == 0) {
            refreshIds();
            return;
        }
        const QString id = m_ids.at(m_random.bounded(int(m_ids.size())));
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        switch (m_random.bounded(6)) {
        case 0:
        case 1: {
            const QString url = m_receiver + QStringLiteral("/c%1").arg(m_random.bounded(1000));
            m_service.createConfig(url, 0).then(this, [this, start, url](Result<WebhookConfig> r) {
                if (r)
                    ack(QStringLiteral("create"), r.value().id, start, url);
                nextSoon();
            });
            break;
        }
        case 2: {
            ConfigChanges changes;
            changes.url = m_receiver + QStringLiteral("/u%1").arg(m_random.bounded(1000));
            m_service.updateConfig(id, changes, 0)
                .then(this, [this, start, id, url = *changes.url](Result<WebhookConfig> r) {
                    if (r)
                        ack(QStringLiteral("url"), id, start, url);
                    nextSoon();
                });
            break;
        }
        case 3:
            m_service.deactivateConfig(id).then(this, [this, start, id](Result<WebhookConfig> r) {
                if (r)
                    ack(QStringLiteral("deactivate"), id, start);
                nextSoon();
            });
            break;
        case 4: {
            ConfigChanges changes;
            changes.state = ConfigState::New;
            m_service.updateConfig(id, changes, 0)
                .then(this, [this, start, id](Result<WebhookConfig> r) {
                    if (r)
                        ack(QStringLiteral("reactivate"), id, start);
                    nextSoon();
                });
            break;
        }
        default:
            m_service.testConfig(id, 0).then(this, [this](Result<Task>) { nextSoon(); });
        }
    }

private:
    // A local answer can be ready at once, and then() on a finished future runs its continuation
    // right away: going on through the event loop keeps the stack flat over thousands of requests.
    void nextSoon()
    {
        QTimer::singleShot(0, this, [this] { next(); });
    }

    void refreshIds()
    {
        ConfigFilter everything;
        everything.states = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid,
                             ConfigState::Deactivated};
        m_service.listAllConfigs(everything).then(this, [this](Result<QList<WebhookConfig>> all) {
            m_ids.clear();
            if (all) {
                for (const WebhookConfig &config : all.value())
                    m_ids << config.id;
            }
            if (m_ids.isEmpty()) {
                const qint64 start = QDateTime::currentMSecsSinceEpoch();
                const QString url = m_receiver + QStringLiteral("/first");
                m_service.createConfig(url, 0).then(
                    this, [this, start, url](Result<WebhookConfig> r) {
                        if (r)
                            ack(QStringLiteral("create"), r.value().id, start, url);
                        nextSoon();
                    });
                return;
            }
            nextSoon();
        });
    }

    void ack(const QString &op, const QString &id, qint64 start, const QString &url = {})
    {
        QJsonObject line {{QStringLiteral("op"), op},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("start"), start},
                          {QStringLiteral("end"), QDateTime::currentMSecsSinceEpoch()}};
        if (!url.isEmpty())
            line.insert(QStringLiteral("url"), url);
        QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    }

    LocalService &m_service;
    QString m_receiver;
    qint64 m_deadline;
    QRandomGenerator m_random;
    QStringList m_ids;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        QTextStream(stderr)
            << "usage: wa_stress_client DATABASE RECEIVER_URL SECONDS SEED [all|own]\n";
        return 2;
    }
    LocalService::Options options;
    options.databasePath = args.at(1);
    options.worker = args.value(5) == QLatin1String("own") ? LocalService::Worker::OwnTasks
                                                           : LocalService::Worker::All;
    LocalService service(options);
    if (auto opened = service.open(); !opened) {
        QTextStream(stderr) << "open: " << opened.error().describe() << '\n';
        return 1;
    }
    Client client(service, args.at(2),
                  QDateTime::currentMSecsSinceEpoch() + args.at(3).toLongLong() * 1000,
                  args.at(4).toUInt());
    QTimer::singleShot(0, &client, [&client] { client.next(); });
    return app.exec();
}
