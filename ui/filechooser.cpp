#include "filechooser.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace wa {

FileChooser fileDialogChooser()
{
    // The folder of the last file chosen, for the next dialog of this session.
    auto lastFolder = std::make_shared<QString>(
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    return [lastFolder](QWidget *parent, const FileRequest &request,
                        std::function<void(const QString &)> chosen) {
        auto *dialog = new QFileDialog(parent, request.title, *lastFolder, request.nameFilter);
        dialog->setObjectName(QStringLiteral("fileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        if (request.mode == FileRequest::Mode::Save) {
            dialog->setAcceptMode(QFileDialog::AcceptSave);
            dialog->setFileMode(QFileDialog::AnyFile);
            dialog->setDefaultSuffix(QStringLiteral("json"));
            if (!request.suggestedName.isEmpty())
                dialog->selectFile(request.suggestedName);
        } else {
            dialog->setAcceptMode(QFileDialog::AcceptOpen);
            dialog->setFileMode(QFileDialog::ExistingFile);
        }
        QObject::connect(dialog, &QFileDialog::finished, dialog,
                         [dialog, lastFolder, chosen](int result) {
                             const QStringList files = dialog->selectedFiles();
                             if (result != QDialog::Accepted || files.isEmpty()) {
                                 chosen({});
                                 return;
                             }
                             *lastFolder = QFileInfo(files.first()).absolutePath();
                             chosen(files.first());
                         });
        dialog->open();
    };
}

} // namespace wa
