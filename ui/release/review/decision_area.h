#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace modelgate::ui {

// The bottom of the review panel: the mandatory comment, Approve / Reject / Revoke, the
// separate break-glass action, why Approve is disabled, the draft of a decision the server
// did not accept, and the record the last decision wrote. The panel decides what is
// allowed; this widget only shows it and reports clicks.
class DecisionArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionArea)

public:
    explicit DecisionArea(QWidget *parent = nullptr);

    // Comment text, trimmed; empty when none.
    QString comment() const;
    void setComment(const QString &text);
    bool hasComment() const { return !comment().isEmpty(); }

    // What is allowed now (the comment is checked here as well).
    void setActions(bool canApprove, bool canReject, bool canRevoke, bool showBreakGlass, bool busy);
    // Why Approve is disabled (translated; empty hides the label).
    void setApproveReason(const QString &reason);
    QString approveReason() const;

    // A decision kept as a draft; an empty text hides the frame. `canRetry` is false for a
    // restored unsent draft (its comment is back in the box; there is nothing to retry).
    void showDraft(const QString &text, bool canRetry = true);
    QString draftText() const;
    // The record written; `canRepair` shows "Repair tags". Empty text hides the frame.
    void showRecord(const QString &text, bool canRepair);
    // The version's review tags disagree with the trail (edited by hand, or a write failed
    // earlier): an amber notice with the Repair Tags button; empty text hides a shown notice.
    void showTagRepair(const QString &text);
    bool showsTagRepair() const { return m_tagRepair; }
    QString recordText() const;

    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }
    QPushButton *revokeButton() const { return m_revoke; }
    QPushButton *breakGlassButton() const { return m_breakGlass; }
    QPushButton *retryDraftButton() const { return m_retryDraft; }
    QPushButton *discardDraftButton() const { return m_discardDraft; }
    QPushButton *repairTagsButton() const { return m_repairTags; }
    QFrame *recordFrame() const { return m_recordFrame; }
    QFrame *draftFrame() const { return m_draftFrame; }

Q_SIGNALS:
    void approveRequested();
    void rejectRequested();
    void revokeRequested();
    void breakGlassRequested();
    void retryDraftRequested();
    void discardDraftRequested();
    void repairTagsRequested();

private:
    void updateCounter();
    void updateButtons();

    bool m_canApprove = false;
    bool m_canReject = false;
    bool m_canRevoke = false;
    bool m_busy = false;

    QPlainTextEdit *m_comment;
    QLabel *m_counter;
    QLabel *m_approveReason;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_revoke;
    QPushButton *m_breakGlass;
    QFrame *m_draftFrame;
    QLabel *m_draftText;
    QPushButton *m_retryDraft;
    QPushButton *m_discardDraft;
    QFrame *m_recordFrame;
    QLabel *m_recordText;
    bool m_tagRepair = false;
    QPushButton *m_repairTags;
};

} // namespace modelgate::ui
