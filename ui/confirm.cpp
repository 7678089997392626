#include "confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace wa {

ConfirmFunction messageBoxConfirm()
{
    return [](QWidget *parent, const ConfirmRequest &request, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Question, request.title, request.question,
                                    QMessageBox::NoButton, parent);
        box->setObjectName(QStringLiteral("confirmBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        QPushButton *accept = box->addButton(request.acceptLabel, QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(QMessageBox::Cancel);
        QObject::connect(box, &QMessageBox::finished, box,
                         [box, accept, answer] { answer(box->clickedButton() == accept); });
        box->open();
    };
}

} // namespace wa
