#pragma once

#include "webhookservice.h"

#include <QUrl>

#include <memory>

namespace wa {

// WebhookService over HTTPS: the hosted ricloud API, or any running `serve`. One
// QNetworkAccessManager, the shared JSON codec, `Authorization: Token`, Ricloud-Await when asked.
//
// Failures are ApiError values: the API's own error body; 401 as Kind::Unauthorized; connection
// refused, DNS failure and dropped connections as Kind::Network (each with its own `code`, see
// remoteerrors.h); Kind::Timeout; Kind::Tls naming the certificate problem (TLS errors are never
// ignored); Kind::BadResponse for an answer that is not the API's JSON (a proxy page).
//
// GETs are retried on connection failures and 5xx (maxRetries times, exponential backoff with
// jitter); POSTs and DELETEs never are. Nothing blocks. Destroying the service aborts its
// requests and finishes their futures with a `cancelled` error.
class RemoteService final : public WebhookService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteService)

public:
    static constexpr auto DefaultBaseUrl = "https://ricloud-api.reincubate.com";

    struct Options
    {
        QUrl baseUrl = QUrl(QString::fromLatin1(DefaultBaseUrl)); // may carry a path prefix
        QString token;
        int timeoutMs = 30000; // per attempt, plus the Ricloud-Await time when asked
        int maxRetries = 3; // GETs only
        int retryBaseDelayMs = 500; // doubled on each retry, with jitter
        int listAllPageSize = PageRequest::MaxLimit; // page size of listAllConfigs' walk
    };

    explicit RemoteService(Options options, QObject *parent = nullptr);
    ~RemoteService() override;

    // "webhook-admin/<version> (+<homepage>)", sent as User-Agent.
    static QByteArray userAgent();
    QUrl baseUrl() const;

    QString describe() const override;

    QFuture<Result<ListPage<WebhookConfig>>> listConfigs(const ConfigFilter &filter,
                                                         const PageRequest &page) override;
    QFuture<Result<QList<WebhookConfig>>> listAllConfigs(const ConfigFilter &filter) override;
    QFuture<Result<WebhookConfig>> config(const QString &id) override;
    QFuture<Result<WebhookConfig>> createConfig(const QString &url, int awaitSeconds) override;
    QFuture<Result<WebhookConfig>> updateConfig(const QString &id, const ConfigChanges &changes,
                                                int awaitSeconds) override;
    QFuture<Result<WebhookConfig>> deactivateConfig(const QString &id) override;
    QFuture<Result<Task>> testConfig(const QString &id, int awaitSeconds) override;
    QFuture<Result<Task>> task(const QString &id) override;
    QFuture<Result<ListPage<Task>>> listTasks(const TaskFilter &filter,
                                              const PageRequest &page) override;
    QFuture<Result<Event>> event(const QString &id) override;
    QFuture<Result<ListPage<Event>>> listEvents(const PageRequest &page) override;
    QFuture<Result<Organisation>> organisation() override;
    QFuture<Result<Organisation>> setDefaultConfig(const QString &configId) override;
    QFuture<Result<Key>> key() override;
    QFuture<Result<Key>> setKeyConfig(const QString &keyId, const QString &configId) override;
    QFuture<Result<ListPage<DeliveryAttempt>>> listAttempts(const QString &configId,
                                                            const PageRequest &page) override;
    QFuture<Result<DeliveryAttempt>> resendEvent(const QString &eventId) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wa
