#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace wa {

// A decision the user has to take before something happens (deactivate, remove a profile).
struct ConfirmRequest
{
    QString title;
    QString question;
    QString acceptLabel; // the verb on the accepting button, e.g. "Deactivate"
};

// Asks, and calls `answer` once with the decision. Asynchronous so that no nested event loop is
// needed; tests inject a function that answers at once.
using ConfirmFunction = std::function<void(QWidget *parent, const ConfirmRequest &request,
                                           std::function<void(bool accepted)> answer)>;

// The production seam: a window-modal QMessageBox opened with open(), never exec().
ConfirmFunction messageBoxConfirm();

} // namespace wa
