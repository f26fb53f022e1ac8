#include "release/review/draft_autosave.h"

#include <QInputDialog>

#include <modelgate/core/release/release_records.h>

namespace modelgate::ui {

DraftAutosave::DraftAutosave(DecisionDrafts &drafts)
    : m_drafts(drafts)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this]() { write(); });
}

DraftAutosave::~DraftAutosave()
{
    flush();
}

void DraftAutosave::setSubject(const QString &model, const QString &version, const QString &workspace)
{
    flush();
    m_model = model;
    m_version = version;
    m_workspace = workspace;
    m_comment.clear();
    m_reason.clear();
    m_action.clear();
    if (const std::optional<DecisionDraft> kept = restore()) {
        // Later edits keep what was restored unless they change it.
        m_comment = kept->comment;
        m_reason = kept->breakGlassReason;
        m_action = kept->action;
    }
}

std::optional<DecisionDraft> DraftAutosave::restore() const
{
    if (m_model.isEmpty())
        return std::nullopt;
    return m_drafts.find(m_model, m_version, m_workspace, DraftKind::Unsent);
}

void DraftAutosave::commentEdited(const QString &comment)
{
    if (m_model.isEmpty())
        return;
    m_comment = comment;
    m_timer.start();
}

void DraftAutosave::reasonEdited(const QString &breakGlassReason)
{
    if (m_model.isEmpty())
        return;
    m_reason = breakGlassReason;
    m_timer.start();
}

void DraftAutosave::notSent()
{
    if (m_model.isEmpty() || m_action.isEmpty())
        return;
    m_action.clear();
    write();
}

void DraftAutosave::sending(const QString &action, const QString &comment, const QString &breakGlassReason)
{
    if (m_model.isEmpty())
        return;
    m_action = action;
    m_comment = comment;
    m_reason = breakGlassReason;
    write();
}

void DraftAutosave::flush()
{
    if (m_timer.isActive())
        write();
}

void DraftAutosave::discard()
{
    m_timer.stop();
    m_comment.clear();
    m_reason.clear();
    m_action.clear();
    if (!m_model.isEmpty())
        m_drafts.remove(m_model, m_version, m_workspace, DraftKind::Unsent);
}

void DraftAutosave::write()
{
    m_timer.stop();
    if (m_model.isEmpty())
        return;
    if (m_comment.trimmed().isEmpty() && m_reason.trimmed().isEmpty()) {
        m_drafts.remove(m_model, m_version, m_workspace, DraftKind::Unsent);
        return;
    }
    DecisionDraft draft;
    draft.model = m_model;
    draft.version = m_version;
    draft.workspace = m_workspace;
    draft.action = m_action;
    draft.comment = m_comment;
    draft.breakGlassReason = m_reason;
    draft.time = QDateTime::currentDateTimeUtc();
    // error stays empty: that is what marks the draft as unsent.
    m_drafts.save(draft);
}

QString DraftAutosave::restoredNote(const DecisionDraft &draft)
{
    QString note = tr("Restored an unsent draft from %1 (UTC).")
                       .arg(draft.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (!draft.action.isEmpty())
        note += u' ' + tr("It was being sent when the console stopped: check the standing decisions "
                          "before you send it again.");
    return note;
}

QString askBreakGlassReason(QWidget *parent, DraftAutosave &autosave)
{
    QInputDialog dialog(parent);
    // The panel's wording, translated in its context where it always was.
    dialog.setWindowTitle(QCoreApplication::translate("modelgate::ui::ReviewPanel", "Break Glass"));
    dialog.setLabelText(
        QCoreApplication::translate(
            "modelgate::ui::ReviewPanel",
            "You are approving your own version. This is recorded as a break-glass approval and "
            "marked in the trail and in every report.\n\nWhy can this not wait for another "
            "reviewer? (required, at most %1 characters)")
            .arg(kMaxReasonChars));
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setTextValue(autosave.reason());
    QObject::connect(&dialog, &QInputDialog::textValueChanged, &dialog,
                     [&autosave](const QString &reason) { autosave.reasonEdited(reason); });
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.textValue();
}

} // namespace modelgate::ui
