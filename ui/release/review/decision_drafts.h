#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

namespace modelgate::ui {

// Two kinds of draft, at most one of each per model, version and workspace:
// - Failed: a decision the server did not accept (a transport failure, a 5xx, a 403, a record
//   that was not written). Kept until the reviewer retries or discards it. Refusals by the
//   release rules are answers, not failures, and are never kept.
// - Unsent: the comment (and break-glass reason) being typed, saved shortly after each edit,
//   and the action once one is being sent, so that a crash of the console loses nothing.
// Either way a comment written with care survives a crash or a restart of the console.
// Files written before unsent drafts existed hold failed ones only and read unchanged.
enum class DraftKind
{
    Failed,
    Unsent,
};

struct DecisionDraft
{
    QString model;
    QString version;
    QString action; // "approve", "reject", "revoke" (core's wireName(ReleaseAction)); empty
                    // for an unsent draft when no action was chosen yet
    QString comment;
    QString breakGlassReason;
    QString workspace; // the workspace (profile) the decision was meant for
    QDateTime time;    // when the decision was attempted or the draft last edited (UTC)
    QString error;     // the user-facing reason it was not recorded; empty: an unsent draft

    DraftKind kind() const { return error.isEmpty() ? DraftKind::Unsent : DraftKind::Failed; }

    bool sameSubject(const DecisionDraft &other) const
    {
        return model == other.model && version == other.version && workspace == other.workspace;
    }
};

// The drafts file: a JSON array in QStandardPaths::AppDataLocation ("decision_drafts.json").
// Written atomically (QSaveFile). A malformed file or entry is ignored with a warning on the
// log; nothing here can crash the console. Not thread-safe: used from the GUI thread only.
class DecisionDrafts final
{
public:
    // An empty path means the default location.
    explicit DecisionDrafts(QString filePath = {});

    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }

    // Every draft in the file (unreadable entries skipped).
    QList<DecisionDraft> load() const;
    // Adds `draft`, replacing one of the same kind for the same model, version and workspace.
    bool save(const DecisionDraft &draft);
    // Removes the drafts (both kinds) for this model, version and workspace; true if one was.
    bool remove(const QString &model, const QString &version, const QString &workspace);
    // Removes only the draft of `kind`.
    bool remove(const QString &model, const QString &version, const QString &workspace, DraftKind kind);
    std::optional<DecisionDraft> find(const QString &model, const QString &version, const QString &workspace,
                                      DraftKind kind = DraftKind::Failed) const;

private:
    bool write(const QList<DecisionDraft> &drafts);
    bool removeWhere(const DecisionDraft &subject, std::optional<DraftKind> kind);

    QString m_filePath;
};

} // namespace modelgate::ui
