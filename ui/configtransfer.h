#pragma once

#include "apierror.h"
#include "backend.h"
#include "confirm.h"
#include "exportdialog.h"
#include "filechooser.h"
#include "webhookconfig.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QWidget;

namespace wa {

class BulkController;
class StatusBarController;

// Export, import and "Copy to Profile…", as the console offers them: the dialogs and files
// around core's ConfigExport, ConfigImportFile and ConfigImport, with the runs themselves left
// to the BulkController. Files are read and written away from the GUI thread; the file dialog
// is a seam (FileChooser) that tests replace.
class ConfigTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTransfer)

public:
    struct Dependencies
    {
        QWidget *window = nullptr;
        FileChooser chooseFile;
        ConfirmFunction confirm;
        BackendFactory openBackend;
    };

    ConfigTransfer(Dependencies dependencies, BulkController *bulk, StatusBarController *status);
    ~ConfigTransfer() override;

    void setBackend(const std::shared_ptr<Backend> &backend, const QString &profileName);

    // Asks what (selected or all, with or without secrets), then where; writes the file.
    void exportConfigs(ExportDialog::Scope preferred, const QList<WebhookConfig> &selected,
                       const QList<WebhookConfig> &all);
    // Asks for a file, checks all of it, asks once, then creates its configs here.
    void importFile();
    // Asks which of `profiles`, opens it, and copies the configs `ids` there.
    void copyToProfile(const QStringList &ids, const QStringList &profiles);

Q_SIGNALS:
    // Shown in the window's banner ("Could not export: …").
    void failed(const QString &what, const wa::ApiError &error);

private:
    void write(const QString &path, const QList<WebhookConfig> &configs, bool secrets);
    void import(const QString &path);

    Dependencies m_deps;
    BulkController *m_bulk;
    StatusBarController *m_status;
    std::weak_ptr<Backend> m_backend;
    QString m_profileName;
    quint64 m_openGeneration = 0;
};

} // namespace wa
