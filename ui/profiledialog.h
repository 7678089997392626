#pragma once

#include "backend.h"
#include "confirm.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace wa {

class ProfileStore;
class TokenStore;

// Lists every profile, the built-in "Local" first (shown, not editable); adds, edits, tests and
// removes remote profiles: name, API URL and token. "Test Connection" tries the URL and token as
// typed (or the stored token) without saving. The token goes to the OS keychain through
// TokenStore; when that falls back to a private file the dialog says so in plain words.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(ProfileStore *profiles, TokenStore *tokens, ConfirmFunction confirm,
                  ConnectionTester tester = {}, QWidget *parent = nullptr);
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
    void testConnection();
    void setFormEditable(bool editable);

    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    ConfirmFunction m_confirm;
    ConnectionTester m_tester;
    quint64 m_testGeneration = 0;
    QString m_editing; // the name of the profile in the form; empty for a new one
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLabel *m_problem;
    QLabel *m_tokenWarning;
    QLabel *m_localNote;
    QLabel *m_testResult;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPushButton *m_test;
};

} // namespace wa
