#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace wa {

// A file the user picks before something is read or written (export, import).
struct FileRequest
{
    enum class Mode
    {
        Open, // an existing file, to read
        Save // a file to write (replaced whole)
    };

    Mode mode = Mode::Open;
    QString title;
    QString suggestedName; // Save: the name offered; its folder is the last one used
    QString nameFilter; // "JSON files (*.json)"
};

// Asks for a file and calls `chosen` once with its path, or an empty string when the user
// cancelled. Asynchronous, like ConfirmFunction: no nested event loop; tests inject a function
// that answers at once with a path of their own.
using FileChooser = std::function<void(QWidget *parent, const FileRequest &request,
                                       std::function<void(const QString &path)> chosen)>;

// The production seam: a window-modal QFileDialog opened with open(), never exec().
FileChooser fileDialogChooser();

} // namespace wa
