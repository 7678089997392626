#pragma once

#include "confirm.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace wa {

class ProfileStore;
class TokenStore;

// Adds, edits and removes remote profiles: name, API URL and token. The token goes to the OS
// keychain through TokenStore; when that falls back to a private file the dialog says so.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(ProfileStore *profiles, TokenStore *tokens, ConfirmFunction confirm,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

Q_SIGNALS:
    void profilesChanged();

private:
    void reloadList(const QString &select = {});
    void showProfile(const QString &name);
    void startNew();
    void save();
    void removeSelected();
    void showProblem(const QString &text);
    void showTokenWarning();

    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    ConfirmFunction m_confirm;
    QString m_editing; // the name of the profile in the form; empty for a new one
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLabel *m_problem;
    QLabel *m_tokenWarning;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace wa
