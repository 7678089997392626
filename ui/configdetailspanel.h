#pragma once

#include "backend.h"
#include "teststatus.h"
#include "webhookconfig.h"

#include <QWidget>

#include <memory>
#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace wa {

class AttemptHistory;

// Every field of the selected config; the secret masked until "Reveal" and copyable; the latest
// test outcome and the config's test history. With several configs selected: how many, in
// which states, and what can be done with them.
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
    // Several configs are selected: says how many and in which states (the counts by state, in
    // the table's words), instead of one config's fields.
    void showSelection(int count, const QString &states);
    QString selectionText() const;
    AttemptHistory *history() const { return m_history; }

Q_SIGNALS:
    void copyRequested(const QString &text, const QString &what);

private:
    std::optional<WebhookConfig> m_config;
    QLabel *m_selection;
    QGroupBox *m_fieldsBox;
    QGroupBox *m_historyBox;
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
