#pragma once

#include "release/review/decision_drafts.h"

#include <optional>

#include <QCoreApplication>
#include <QString>
#include <QTimer>

class QWidget;

namespace modelgate::ui {

// Keeps the decision being typed in the review panel on disk (an unsent draft in the drafts
// file), so that a crash of the console loses at most the last half second of typing. Edits
// are debounced; the file is replaced atomically (QSaveFile) on each save. Used from the GUI
// thread only; a pending edit is written when the subject changes and on destruction.
class DraftAutosave final
{
    Q_DECLARE_TR_FUNCTIONS(DraftAutosave)
    Q_DISABLE_COPY_MOVE(DraftAutosave)

public:
    // Long enough not to rewrite the file on every key, short enough to lose almost nothing.
    static constexpr int kDelayMs = 500;

    // `drafts` must outlive this object (the panel declares it first).
    explicit DraftAutosave(DecisionDrafts &drafts);
    ~DraftAutosave();

    // The version being reviewed; an empty model stops saving (the panel is cleared). A pending
    // edit of the previous subject is written first.
    void setSubject(const QString &model, const QString &version, const QString &workspace);
    // The unsent draft kept for the current subject, if any.
    std::optional<DecisionDraft> restore() const;
    // The comment or the break-glass reason changed: saved after kDelayMs. An empty comment
    // and reason remove the unsent draft instead.
    void commentEdited(const QString &comment);
    void reasonEdited(const QString &breakGlassReason);
    // The break-glass reason kept (restored or typed), to start its dialog with.
    QString reason() const { return m_reason; }
    // A decision is being sent: saved at once with its action, the moment a crash costs most.
    void sending(const QString &action, const QString &comment, const QString &breakGlassReason);
    // The decision came back without being recorded (failed, refused, cancelled): the text is
    // still the reviewer's, but no action is on its way any more.
    void notSent();
    // Writes a pending edit now.
    void flush();
    // The decision was recorded or the reviewer discarded the draft: nothing pending, nothing kept.
    void discard();
    bool isPending() const { return m_timer.isActive(); }

    // The note shown when a draft was restored ("Restored an unsent draft from …").
    static QString restoredNote(const DecisionDraft &draft);

private:
    void write();

    DecisionDrafts &m_drafts;
    QTimer m_timer;
    QString m_model;
    QString m_version;
    QString m_workspace;
    QString m_comment;
    QString m_reason;
    QString m_action;
};

// The break-glass reason dialog, reporting each edit to `autosave` so that a reason being
// typed survives a crash as well. Returns the reason, or an empty string when cancelled.
QString askBreakGlassReason(QWidget *parent, DraftAutosave &autosave);

} // namespace modelgate::ui
