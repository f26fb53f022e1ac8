#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace modelgate::ui {

// An in-window message bar (like KDE's KMessageWidget): icon, text and actions. It
// replaces modal error boxes, so the rest of the window keeps working while it shows.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Kind
    {
        Error,
        Warning,
        Information,
    };

    explicit ErrorBanner(QWidget *parent = nullptr);

    // Shows `text`; Retry appears when canRetry, "Edit Workspace…" when offerEditWorkspace.
    void showMessage(Kind kind, const QString &text, bool canRetry, bool offerEditWorkspace = false);
    void dismiss();
    QString text() const;

Q_SIGNALS:
    void retryRequested();
    void editWorkspaceRequested();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_editButton;
    QPushButton *m_retryButton;
    QPushButton *m_dismissButton;
};

} // namespace modelgate::ui
