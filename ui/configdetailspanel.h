#pragma once

#include "backend.h"
#include "teststatus.h"
#include "webhookconfig.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QToolButton;

namespace wa {

class AttemptHistory;

// Every field of the selected config; the secret masked until "Reveal" and copyable; the latest
// test outcome and the config's test history.
class ConfigDetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigDetailsPanel)

public:
    explicit ConfigDetailsPanel(QWidget *parent = nullptr);
    ~ConfigDetailsPanel() override;

    void setBackend(const std::shared_ptr<Backend> &backend);
    // The id of the config shown, or empty.
    QString configId() const { return m_config ? m_config->id : QString(); }
    void showConfig(const std::optional<WebhookConfig> &config, bool isDefault,
                    const TestStatus &test);
    AttemptHistory *history() const { return m_history; }

Q_SIGNALS:
    void copyRequested(const QString &text, const QString &what);

private:
    std::optional<WebhookConfig> m_config;
    QLabel *m_id;
    QLabel *m_url;
    QLabel *m_state;
    QLabel *m_organisation;
    QLabel *m_created;
    QLabel *m_default;
    QLabel *m_lastTest;
    QLineEdit *m_secret;
    QToolButton *m_reveal;
    QToolButton *m_copySecret;
    AttemptHistory *m_history;
};

} // namespace wa
