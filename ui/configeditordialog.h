#pragma once

#include "result.h"
#include "webhookconfig.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wa {

// Asks for a webhook URL (new config, or a changed URL). The URL is checked inline with
// wa::UrlRule while typing; OK stays disabled until it passes. The service's own answer (an
// invalid-parameter on `url`, a network failure) is shown inline too; the dialog closes only on
// success.
class ConfigEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigEditorDialog)

public:
    enum class Mode
    {
        Create,
        EditUrl
    };
    using Submit = std::function<QFuture<Result<WebhookConfig>>(const QString &url)>;

    ConfigEditorDialog(Mode mode, Submit submit, QWidget *parent = nullptr);
    ~ConfigEditorDialog() override;

    void setUrl(const QString &url);
    QString url() const;

Q_SIGNALS:
    void saved(const wa::WebhookConfig &config);

private:
    void validate();
    void submit();
    void showProblem(const QString &text);

    Mode m_mode;
    Submit m_submit;
    QLineEdit *m_url;
    QLabel *m_problem;
    QLabel *m_busy;
    QDialogButtonBox *m_buttons;
    bool m_saving = false;
};

} // namespace wa
