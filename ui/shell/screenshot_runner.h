#pragma once

#include <functional>

#include <QDir>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <modelgate/core/deploy/deployment_target.h>

class QWidget;

namespace modelgate::ui {

class RegisteredModelListModel;

class MainWindow;
class WorkspaceManager;

// `modelgate --screenshots DIR`: drives the main window through its screens against a
// real server (models, versions, each details tab, the review of the newest version
// against @champion: comparison, loss chart, model trend; the release review: inbox, a
// version with failing checks, the policy editor, the audit trail; the workspaces dialog,
// the error banner), waits for every load, saves PNGs and reports whether all of it worked.
// It only reads: no decision, policy or direction is written to the server.
// The model with the highest version number (versions are numbered 1, 2, ... per model, so
// that is the one with the most versions; the first by name on a tie), or an empty string
// for an empty registry. The screenshot mode shows it when no model is named.
QString modelWithMostVersions(const RegisteredModelListModel &models);

class ScreenshotRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRunner)

public:
    ScreenshotRunner(MainWindow *window, WorkspaceManager *workspaces, const QString &directory,
                     const QString &suffix, QObject *parent = nullptr);

    // The model and version (or @alias) to show. Without a model name the run picks the model
    // with the most versions; without @champion on it, its newest version is shown and the
    // review compares it with the version before.
    void setTarget(const QString &modelName, const QString &versionOrAlias);
    // One window size for every screen (e.g. a laptop's 1280x800) instead of the defaults:
    // 1400x860, the release review 1920x960. An invalid size keeps the defaults.
    void setWindowSize(const QSize &size) { m_windowSize = size; }
    // Where the review panel looks for decision drafts: not the user's, so that none shows.
    void setDraftsFile(const QString &path) { m_draftsFile = path; }
    void setStepTimeout(int milliseconds) { m_timeout.setInterval(milliseconds); }

    // Starts with the window's current workspace; finished() reports the outcome.
    void run(const QString &workspaceName);

    QStringList writtenFiles() const { return m_written; }
    QStringList problems() const { return m_problems; }
    // Screens left out because this machine has nothing true to show on them.
    QStringList skipped() const { return m_skipped; }

Q_SIGNALS:
    void finished(bool ok);

private:
    void waitFor(const QString &what, std::function<void(std::function<void()>)> action,
                 std::function<void()> next);
    void grab(QWidget *widget, const QString &name);
    void fail(const QString &problem);
    void finish();
    void stepModels();
    void stepAzureEndpoint();
    void stepVersions();
    void stepDetails();
    void stepReviewVersion();
    void stepComparison();
    void stepCharts();
    void stepTrend();
    void stepInbox();
    void stepReviewPanel();
    void stepPolicyEditor();
    void stepAuditTrail();
    // Shows `version` of `model` in the review panel and calls `next` once its status and
    // its comparison with the champion are in.
    void showReview(const QString &what, const QString &model, const QString &version,
                    std::function<void()> next);
    void stepEndpoints();
    void grabEndpoints();
    void grabSmokeTest(const EndpointInfo &endpoint, const DeploymentInfo &canary);
    void stepOverview();
    void stepMonitor();
    void grabMonitor(const QString &endpoint);
    void grabMetricsSource();
    // The endpoint the monitoring screens show: MODELGATE_SCREENSHOT_ENDPOINT, else the one
    // with the most deployments.
    QString monitoredEndpoint() const;
    void stepWorkspacesDialog();
    void stepErrorBanner();
    QSize registrySize() const;
    QSize reviewSize() const;

    MainWindow *m_window;
    WorkspaceManager *m_workspaces;
    QDir m_directory;
    QString m_suffix;
    QString m_modelName; // empty: the model with the most versions
    QString m_version = QStringLiteral("@champion");
    QString m_baseline = QStringLiteral("@champion"); // what the review compares the candidate with
    QString m_candidate; // the newest version of the model, shown in the inbox and the review
    QSize m_windowSize;
    QString m_draftsFile;
    QTimer m_timeout;
    QString m_waitingFor;
    QStringList m_written;
    QStringList m_skipped;
    QStringList m_problems;
    bool m_expectFailure = false;
    bool m_done = false;
};

// The screenshot mode's own settings. From construction on, every QSettings (window
// geometry, splitter positions, column widths, chart choices) reads and writes a fresh
// temporary directory for the rest of the process: the screens show the default layout on
// every run, and the user's saved layout is neither applied nor changed. Create it before
// the main window, which reads its layout when constructed. Workspaces (profiles.json) and
// passwords are no settings and are read as always; the last workspace is carried over, so
// that without --profile the screens show the workspace the application would open.
class ScreenshotSettings final
{
public:
    ScreenshotSettings();
    Q_DISABLE_COPY_MOVE(ScreenshotSettings)

    bool isValid() const { return m_directory.isValid(); }
    QString directory() const { return m_directory.path(); }

private:
    QTemporaryDir m_directory;
};

// The whole screenshot mode for main(): runs the runner in the event loop, reports the
// files and problems on stderr, closes the window and returns the process exit code.
// File names carry the UI language, e.g. 01-models-de.png. `settings` is the run's own
// (see ScreenshotSettings); `windowSize` as for ScreenshotRunner::setWindowSize.
// `modelName` empty: the model with the most versions (see ScreenshotRunner::setTarget).
int runScreenshotMode(MainWindow *window, WorkspaceManager *workspaces, const QString &directory,
                      const QString &workspaceName, const ScreenshotSettings &settings,
                      const QSize &windowSize = {}, const QString &modelName = {});

} // namespace modelgate::ui
