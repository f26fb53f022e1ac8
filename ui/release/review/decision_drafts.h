#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

namespace modelgate::ui {

// A decision the server did not accept (a transport failure, a 5xx, a 403, a record that was
// not written). Kept on disk until the reviewer retries or discards it, so that a comment
// written with care survives a crash or a restart of the console. Refusals by the release
// rules are answers, not failures, and are never kept.
struct DecisionDraft
{
    QString model;
    QString version;
    QString action; // "approve", "reject", "revoke" (core's wireName(ReleaseAction))
    QString comment;
    QString breakGlassReason;
    QString workspace; // the workspace (profile) the decision was meant for
    QDateTime time;    // when the decision was attempted (UTC)
    QString error;     // the user-facing reason it was not recorded

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
    // Adds `draft`, replacing one for the same model, version and workspace.
    bool save(const DecisionDraft &draft);
    // Removes the draft for this model, version and workspace; true if one was removed.
    bool remove(const QString &model, const QString &version, const QString &workspace);
    std::optional<DecisionDraft> find(const QString &model, const QString &version,
                                      const QString &workspace) const;

private:
    bool write(const QList<DecisionDraft> &drafts);

    QString m_filePath;
};

} // namespace modelgate::ui
