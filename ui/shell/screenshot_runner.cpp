#include "shell/screenshot_runner.h"

#include "evaluation/comparison_view.h"
#include "evaluation/metric_history_view.h"
#include "evaluation/metric_trend_view.h"
#include "monitor/endpoint_monitor_view.h"
#include "registry/model_version_list_model.h"
#include "registry/registered_model_list_model.h"
#include "registry/version_details_pane.h"
#include "release/audit/audit_trail_model.h"
#include "release/audit/audit_trail_view.h"
#include "release/inbox/inbox_model.h"
#include "release/inbox/inbox_view.h"
#include "release/policy/policy_editor_dialog.h"
#include "release/review/review_panel.h"
#include "release/reviews_page.h"
#include "shell/main_window.h"
#include "widgets/error_banner.h"
#include "workspaces/workspace_manager.h"

#include <cstdlib>
#include <memory>

#include <QCoreApplication>
#include <QDialog>
#include <QHeaderView>
#include <QHostAddress>
#include <QPixmap>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTcpServer>
#include <QTextStream>

#include <modelgate/core/mlflow/model_filter.h>
#include <modelgate/ui/app_info.h>

namespace modelgate::ui {

namespace {

// The window's default size for the registry's screens and for the release review's.
constexpr int kWindowWidth = 1400;
constexpr int kWindowHeight = 860;
constexpr int kReviewWidth = 1920; // a maximised window on a full-HD screen
constexpr int kReviewHeight = 960;

// A loopback port nobody listens on: bind an ephemeral port, then release it.
quint16 refusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // the discard port; nothing listens there on a desktop
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow *window, WorkspaceManager *workspaces, const QString &directory,
                                   const QString &suffix, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_workspaces(workspaces)
    , m_directory(directory)
    , m_suffix(suffix)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(90'000);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        fail(QStringLiteral("timed out waiting for ") + m_waitingFor);
        finish();
    });
    connect(m_window, &MainWindow::loadFailed, this, [this](const QString &message) {
        if (m_expectFailure || m_done)
            return;
        fail(QStringLiteral("while waiting for ") + m_waitingFor + QStringLiteral(": ") + message);
        finish();
    });
}

void ScreenshotRunner::setTarget(const QString &modelName, const QString &versionOrAlias)
{
    m_modelName = modelName;
    m_version = versionOrAlias;
}

void ScreenshotRunner::run(const QString &workspaceName)
{
    if (!m_directory.mkpath(QStringLiteral("."))) {
        fail(QStringLiteral("cannot create ") + m_directory.absolutePath());
        finish();
        return;
    }
    // A fixed size so that screenshots are comparable from run to run.
    m_window->setRememberLayout(false);
    // The screens only read: the live charts' checks evaluate the SLO rules without recording a
    // breach or rolling back (the endpoint's own watcher does that).
    m_window->monitorView()->setEnforcing(false);
    if (!m_draftsFile.isEmpty())
        m_window->reviewsPage()->reviewPanel()->setDraftsFile(m_draftsFile);
    m_window->resize(registrySize());
    m_window->show();
    m_window->resetLayout();
    waitFor(
        QStringLiteral("the registered models"),
        [this, workspaceName](const std::function<void()> &done) {
            connect(m_window, &MainWindow::modelsLoaded, this, done, Qt::SingleShotConnection);
            m_window->start(workspaceName);
        },
        [this]() {
            // MODELGATE_SCREENSHOT_AZURE: the screens of an Azure ML workspace only (its
            // endpoint and its profile), taken by scripts/demo.sh --screenshots against the
            // local stand-in of Azure.
            if (qEnvironmentVariableIsSet("MODELGATE_SCREENSHOT_AZURE"))
                stepAzureEndpoint();
            else
                stepModels();
        });
}

void ScreenshotRunner::waitFor(const QString &what, std::function<void(std::function<void()>)> action,
                               std::function<void()> next)
{
    if (m_done)
        return;
    m_waitingFor = what;
    m_timeout.start();
    auto fired = std::make_shared<bool>(false);
    action([this, fired, next = std::move(next)]() {
        if (*fired || m_done)
            return;
        *fired = true;
        m_timeout.stop();
        QTimer::singleShot(0, this, next); // let the views lay out before grabbing
    });
}

void ScreenshotRunner::grab(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = m_directory.filePath(name + m_suffix + QStringLiteral(".png"));
    if (widget->grab().save(path))
        m_written << path;
    else
        fail(QStringLiteral("cannot write ") + path);
}

QString modelWithMostVersions(const RegisteredModelListModel &models)
{
    QString best;
    long long bestVersion = -1;
    for (int row = 0; row < models.rowCount(); ++row) {
        const std::string latest = latestVersionOf(models.registeredModelAt(row));
        const long long version = latest.empty() ? 0 : std::atoll(latest.c_str());
        if (version > bestVersion || (version == bestVersion && models.nameAt(row) < best)) {
            bestVersion = version;
            best = models.nameAt(row);
        }
    }
    return best;
}

void ScreenshotRunner::stepModels()
{
    if (m_modelName.isEmpty()) {
        m_modelName = modelWithMostVersions(*m_window->modelListModel());
        if (m_modelName.isEmpty()) {
            fail(QStringLiteral("the workspace has no registered models to show"));
            finish();
            return;
        }
    }
    const int row = m_window->modelListModel()->rowOfName(m_modelName);
    if (row < 0) {
        fail(QStringLiteral("the workspace has no model called ") + m_modelName);
        finish();
        return;
    }
    // A registry without the demo's @champion still gets every screen: its newest version,
    // reviewed against the one before.
    const RegisteredModel &model = m_window->modelListModel()->registeredModelAt(row);
    if (model.aliases.count("champion") == 0) {
        m_baseline.clear();
        if (m_version == QLatin1String("@champion"))
            m_version = QString::fromStdString(latestVersionOf(model));
    }
    grab(m_window, QStringLiteral("01-models"));
    waitFor(
        QStringLiteral("the versions of ") + m_modelName,
        [this](const std::function<void()> &done) {
            connect(m_window, &MainWindow::versionsLoaded, this, done, Qt::SingleShotConnection);
            m_window->selectModel(m_modelName);
        },
        [this]() { stepVersions(); });
}

void ScreenshotRunner::stepVersions()
{
    grab(m_window, QStringLiteral("02-versions"));
    waitFor(
        QStringLiteral("the details of version ") + m_version,
        [this](const std::function<void()> &done) {
            connect(
                m_window, &MainWindow::detailsLoaded, this,
                [this, done](bool ok) {
                    if (!ok)
                        fail(QStringLiteral("the details of ") + m_version + QStringLiteral(" did not load"));
                    done();
                },
                Qt::SingleShotConnection);
            m_window->selectVersion(m_version);
        },
        [this]() { stepDetails(); });
}

void ScreenshotRunner::stepDetails()
{
    const std::pair<int, const char *> tabs[] = {{VersionDetailsPane::OverviewTab, "03-version-overview"},
                                                 {VersionDetailsPane::ParametersTab, "04-parameters"},
                                                 {VersionDetailsPane::MetricsTab, "05-metrics"},
                                                 {VersionDetailsPane::SignatureTab, "06-signature"},
                                                 {VersionDetailsPane::TagsTab, "06b-tags"}};
    for (const auto &[tab, name] : tabs) {
        m_window->showDetailsTab(tab);
        grab(m_window, QLatin1String(name));
    }
    m_window->showDetailsTab(VersionDetailsPane::OverviewTab);
    stepReviewVersion();
}

void ScreenshotRunner::stepReviewVersion()
{
    // The review screens show the newest version (the candidate) against @champion.
    const ModelVersionListModel *versions = m_window->versionListModel();
    int newest = -1;
    for (int row = 0; row < versions->rowCount(); ++row)
        if (newest < 0 ||
            versions->versionAt(row).versionNumber() > versions->versionAt(newest).versionNumber())
            newest = row;
    if (newest < 0) {
        fail(QStringLiteral("the model has no versions to review"));
        stepWorkspacesDialog();
        return;
    }
    const QString version = QString::fromStdString(versions->versionAt(newest).version);
    m_candidate = version;
    if (m_baseline.isEmpty()) {
        int previous = -1;
        for (int row = 0; row < versions->rowCount(); ++row) {
            const auto number = versions->versionAt(row).versionNumber();
            if (row != newest && number < versions->versionAt(newest).versionNumber() &&
                (previous < 0 || number > versions->versionAt(previous).versionNumber()))
                previous = row;
        }
        m_baseline = QString::fromStdString(versions->versionAt(previous < 0 ? newest : previous).version);
    }
    // More room for tables and charts: the details pane takes most of the window.
    if (auto *right = m_window->findChild<QSplitter *>(QStringLiteral("rightSplitter")))
        right->setSizes({170, 640});
    if (auto *main = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        main->setSizes({380, 1000});
    QString shown = m_version;
    if (const int modelRow = m_window->modelListModel()->rowOfName(m_modelName);
        modelRow >= 0 && shown.startsWith(u'@')) {
        const auto &aliases = m_window->modelListModel()->registeredModelAt(modelRow).aliases;
        if (const auto target = aliases.find(shown.mid(1).toStdString()); target != aliases.end())
            shown = QString::fromStdString(target->second);
    }
    if (version == shown) {
        // The champion is the newest version (after a promotion): its details are shown already,
        // and selecting it again loads nothing.
        stepComparison();
        return;
    }
    waitFor(
        QStringLiteral("the details of version ") + version,
        [this, version](const std::function<void()> &done) {
            connect(
                m_window, &MainWindow::detailsLoaded, this, [done](bool) { done(); },
                Qt::SingleShotConnection);
            m_window->selectVersion(version);
        },
        [this]() { stepComparison(); });
}

void ScreenshotRunner::stepComparison()
{
    ComparisonView *comparison = m_window->detailsPane()->comparisonView();
    waitFor(
        QStringLiteral("the comparison with ") + m_baseline,
        [this, comparison](const std::function<void()> &done) {
            connect(comparison, &ComparisonView::loaded, this, done, Qt::SingleShotConnection);
            comparison->setBaseline(m_baseline);
            m_window->showDetailsTab(VersionDetailsPane::CompareTab);
        },
        [this]() {
            grab(m_window, QStringLiteral("09-compare"));
            stepCharts();
        });
}

void ScreenshotRunner::stepCharts()
{
    MetricHistoryView *charts = m_window->detailsPane()->chartsView();
    if (!charts->setMetric(QStringLiteral("loss")))
        fail(QStringLiteral("the version's run has no loss metric to chart"));
    charts->setOverlayChecked(m_baseline, true);
    waitFor(
        QStringLiteral("the loss history"),
        [this, charts](const std::function<void()> &done) {
            connect(charts, &MetricHistoryView::loaded, this, done, Qt::SingleShotConnection);
            m_window->showDetailsTab(VersionDetailsPane::ChartsTab);
        },
        [this]() {
            grab(m_window, QStringLiteral("10-charts"));
            stepTrend();
        });
}

void ScreenshotRunner::stepTrend()
{
    MetricTrendView *trend = m_window->detailsPane()->trendView();
    trend->setMetric(QStringLiteral("accuracy"));
    waitFor(
        QStringLiteral("the accuracy across versions"),
        [this, trend](const std::function<void()> &done) {
            connect(trend, &MetricTrendView::loaded, this, done, Qt::SingleShotConnection);
            m_window->showDetailsTab(VersionDetailsPane::TrendTab);
        },
        [this]() {
            grab(m_window, QStringLiteral("11-model-trend"));
            m_window->showDetailsTab(VersionDetailsPane::OverviewTab);
            m_window->resetLayout();
            stepInbox();
        });
}

// The Reviews page: the inbox (loaded with the workspace), wide enough for every column, with
// the candidate under review beside it.
void ScreenshotRunner::stepInbox()
{
    ReviewsPage *page = m_window->reviewsPage();
    waitFor(
        QStringLiteral("the review inbox"),
        [page](const std::function<void()> &done) {
            if (!page->inbox()->isLoading()) {
                done();
                return;
            }
            connect(page->inbox(), &InboxView::loaded, page, done, Qt::SingleShotConnection);
            connect(page->inbox(), &InboxView::failed, page, done, Qt::SingleShotConnection);
        },
        [this, page]() {
            // The inbox beside the panel (evidence and checklist side by side) needs more room
            // than the registry's screens.
            m_window->resize(reviewSize());
            m_window->showPage(ReviewsPage::ReviewsPageIndex);
            page->tabs()->setCurrentIndex(ReviewsPage::ReviewTab);
            QCoreApplication::processEvents(); // lay out at the new size before sizing the splitters
            page->resetLayout();
            InboxModel *inbox = page->inbox()->inboxModel();
            if (inbox->rowCount() == 0) {
                fail(QStringLiteral("the review inbox is empty"));
                grab(m_window, QStringLiteral("12-inbox"));
                m_window->showPage(ReviewsPage::RegistryPage);
                m_window->resize(registrySize());
                stepWorkspacesDialog();
                return;
            }
            // The inbox takes what its columns need, but leaves the panel 1000 px or three
            // fifths of the page, whichever leaves the inbox more (a laptop screen has no room
            // for all columns); the panel the rest.
            QTableView *table = page->inbox()->table();
            // The last column stretches, so its current size says nothing: measure it.
            QHeaderView *header = table->horizontalHeader();
            int needed = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width() + 8 +
                         qMax(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(InboxModel::State),
                              header->sectionSizeHint(InboxModel::State));
            for (int column = 0; column < InboxModel::State; ++column)
                needed += header->sectionSize(column);
            const int total = page->splitter()->width();
            needed = qMin(needed, qMax(total * 2 / 5, total - 1000));
            page->splitter()->setSizes({needed, qMax(total - needed, 1)});
            if (auto *review = page->reviewPanel()->findChild<QSplitter *>(QStringLiteral("reviewSplitter")))
                review->setSizes({3000, 2000}); // the panel's default 3:2, whatever a user saved
            QString model = m_modelName;
            QString version = m_candidate;
            if (inbox->rowOf(model, version) < 0) {
                model = QString::fromStdString(inbox->entryAt(0).model);
                version = QString::fromStdString(inbox->entryAt(0).version.version);
            }
            showReview(QStringLiteral("the review of ") + model + QStringLiteral(" v") + version, model,
                       version, [this]() {
                           grab(m_window, QStringLiteral("12-inbox"));
                           stepReviewPanel();
                       });
        });
}

void ScreenshotRunner::showReview(const QString &what, const QString &model, const QString &version,
                                  std::function<void()> next)
{
    ReviewsPage *page = m_window->reviewsPage();
    waitFor(
        what,
        [this, page, model, version](const std::function<void()> &done) {
            ReviewPanel *panel = page->reviewPanel();
            if (page->shownModel() == model && page->shownVersion() == version && !panel->isLoading()) {
                done();
                return;
            }
            // Both the status and the comparison with the champion (which loads once the
            // status names the champion) must be in; the context object ends the waiting.
            auto *waiting = new QObject(this);
            auto statusIn = std::make_shared<bool>(false);
            auto comparisonIn = std::make_shared<bool>(false);
            const auto check = [waiting, statusIn, comparisonIn, done]() {
                if (*statusIn && *comparisonIn) {
                    waiting->deleteLater();
                    done();
                }
            };
            connect(panel, &ReviewPanel::statusLoaded, waiting, [panel, statusIn, comparisonIn, check]() {
                *statusIn = true;
                if (!panel->status() || !panel->status()->checks.comparison)
                    *comparisonIn = true; // no champion: nothing to compare with
                check();
            });
            connect(panel, &ReviewPanel::loadFailed, waiting,
                    [this, waiting, done, model, version](const Error &error) {
                        fail(QStringLiteral("the review of %1 v%2 did not load: %3")
                                 .arg(model, version, QString::fromStdString(error.message)));
                        waiting->deleteLater();
                        done();
                    });
            connect(panel->comparisonView(), &ComparisonView::loaded, waiting, [comparisonIn, check]() {
                *comparisonIn = true;
                check();
            });
            connect(panel->comparisonView(), &ComparisonView::failed, waiting, [this, comparisonIn, check]() {
                fail(QStringLiteral("the comparison with the champion did not load"));
                *comparisonIn = true;
                check();
            });
            page->showVersion(model, version);
        },
        std::move(next));
}

// A version whose checklist shows failing and passing checks: of the target model if it has
// one, else of any model, preferring versions that have a champion to compare with.
void ScreenshotRunner::stepReviewPanel()
{
    ReviewsPage *page = m_window->reviewsPage();
    InboxModel *inbox = page->inbox()->inboxModel();
    int best = -1;
    int bestScore = 0;
    for (int row = 0; row < inbox->rowCount(); ++row) {
        const InboxEntry &entry = inbox->entryAt(row);
        if (!entry.checks || entry.checks->failed == 0 || entry.checks->passed == 0)
            continue;
        const int score = 1 + (QString::fromStdString(entry.model) == m_modelName ? 4 : 0) +
                          (entry.championVersion.empty() ? 0 : 2);
        if (score > bestScore) {
            best = row;
            bestScore = score;
        }
    }
    if (best < 0) {
        fail(QStringLiteral("no version in the inbox has both failing and passing checks"));
        stepAuditTrail();
        return;
    }
    const QString model = QString::fromStdString(inbox->entryAt(best).model);
    const QString version = QString::fromStdString(inbox->entryAt(best).version.version);
    // The panel takes most of the page; the inbox still shows which row is under review.
    const int total = page->splitter()->width();
    page->splitter()->setSizes({total * 3 / 10, total - total * 3 / 10});
    // The checklist gets as much room as the evidence: measured values and thresholds in view.
    if (auto *review = page->reviewPanel()->findChild<QSplitter *>(QStringLiteral("reviewSplitter")))
        review->setSizes({1000, 1000});
    showReview(QStringLiteral("the review of ") + model + QStringLiteral(" v") + version, model, version,
               [this]() {
                   grab(m_window, QStringLiteral("13-review-panel"));
                   stepPolicyEditor();
               });
}

// The policy editor on the version under review, its preview filled from the policy in force.
// Closed with Cancel: nothing is saved.
void ScreenshotRunner::stepPolicyEditor()
{
    ReviewPanel *panel = m_window->reviewsPage()->reviewPanel();
    PolicyEditorDialog *dialog = panel->openPolicyEditor();
    if (!dialog) {
        fail(QStringLiteral("the policy editor did not open"));
        stepAuditTrail();
        return;
    }
    if (dialog->previewReport().checks.empty())
        fail(QStringLiteral("the policy editor's preview is empty: ") + dialog->validationProblem());
    QTimer::singleShot(0, this, [this, dialog]() {
        grab(dialog, QStringLiteral("14-policy-editor"));
        dialog->reject(); // deletes itself on close
        stepAuditTrail();
    });
}

// The release trail of the target model: the demo records its policy, so it has records.
void ScreenshotRunner::stepAuditTrail()
{
    ReviewsPage *page = m_window->reviewsPage();
    AuditTrailView *trail = page->auditTrailView();
    waitFor(
        QStringLiteral("the audit trail of ") + m_modelName,
        [this, page, trail](const std::function<void()> &done) {
            if (page->shownModel() != m_modelName)
                page->showVersion(m_modelName, m_candidate);
            if (trail->model() == m_modelName && !trail->isLoading()) {
                page->tabs()->setCurrentIndex(ReviewsPage::AuditTrailTab);
                done(); // already read
                return;
            }
            connect(
                trail, &AuditTrailView::loaded, this,
                [this, trail, done](bool verified) {
                    if (!verified || !trail->isConsistent())
                        fail(QStringLiteral("the audit trail of %1 does not verify: %2")
                                 .arg(m_modelName, trail->badgeText()));
                    done();
                },
                Qt::SingleShotConnection);
            page->tabs()->setCurrentIndex(ReviewsPage::AuditTrailTab);
        },
        [this, page, trail]() {
            // A short trail: its record's details matter more than the empty table.
            if (auto *split = trail->findChild<QSplitter *>())
                split->setSizes({200, 800});
            QCoreApplication::processEvents();
            if (trail->trailModel()->rowCount() == 0)
                fail(QStringLiteral("the audit trail of ") + m_modelName + QStringLiteral(" has no records"));
            grab(m_window, QStringLiteral("15-audit-trail"));
            page->tabs()->setCurrentIndex(ReviewsPage::ReviewTab);
            m_window->showPage(ReviewsPage::RegistryPage);
            m_window->resize(registrySize());
            stepEndpoints();
        });
}

void ScreenshotRunner::stepWorkspacesDialog()
{
    QDialog *dialog = m_window->createWorkspacesDialog();
    dialog->show();
    // Show a finished connection test: press the button and wait until the result is in.
    auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testConnection"));
    // Where no test can run (the environment's workspace is not editable here), show the
    // dialog as it is rather than wait for a button that never comes back.
    const bool testing = test && test->isEnabled();
    if (testing)
        test->click();
    waitFor(
        QStringLiteral("the connection test"),
        [test, testing](const std::function<void()> &done) {
            if (!testing || test->isEnabled()) {
                done();
                return;
            }
            // The button is enabled again once the answer (or an error) is shown.
            auto *poll = new QTimer(test);
            connect(poll, &QTimer::timeout, test, [test, poll, done]() {
                if (test->isEnabled()) {
                    poll->stop();
                    done();
                }
            });
            poll->start(50);
        },
        [this, dialog]() {
            const bool azure = qEnvironmentVariableIsSet("MODELGATE_SCREENSHOT_AZURE");
            grab(dialog, azure ? QStringLiteral("24-azure-workspace-dialog")
                               : QStringLiteral("07-workspaces-dialog"));
            dialog->reject();
            dialog->deleteLater();
            if (azure)
                finish();
            else
                stepErrorBanner();
        });
}

void ScreenshotRunner::stepErrorBanner()
{
    Profile unreachable;
    unreachable.name = "unreachable-demo";
    unreachable.trackingUri = "http://127.0.0.1:" + std::to_string(refusedPort());
    const QString id = m_workspaces->addSessionWorkspace(unreachable);
    m_expectFailure = true;
    waitFor(
        QStringLiteral("the error banner"),
        [this, id](const std::function<void()> &done) {
            connect(m_window, &MainWindow::loadFailed, this, done, Qt::SingleShotConnection);
            m_window->activateWorkspace(id);
        },
        [this]() {
            if (!m_window->errorBanner()->isVisible())
                fail(QStringLiteral("the error banner is not visible"));
            grab(m_window, QStringLiteral("08-error-banner"));
            finish();
        });
}

QSize ScreenshotRunner::registrySize() const
{
    return m_windowSize.isValid() ? m_windowSize : QSize(kWindowWidth, kWindowHeight);
}

QSize ScreenshotRunner::reviewSize() const
{
    return m_windowSize.isValid() ? m_windowSize : QSize(kReviewWidth, kReviewHeight);
}

ScreenshotSettings::ScreenshotSettings()
{
    const QString organization = QStringLiteral(MODELGATE_ORGANIZATION);
    const QString application = QStringLiteral(MODELGATE_APP_NAME);
    const QVariant lastWorkspace =
        QSettings(organization, application).value(QStringLiteral("lastWorkspace"));
    if (!m_directory.isValid())
        return; // runScreenshotMode refuses to run
    // Both scopes: system-wide defaults (/etc/xdg) would vary the layout as much.
    for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat}) {
        QSettings::setPath(format, QSettings::UserScope, m_directory.filePath(QStringLiteral("user")));
        QSettings::setPath(format, QSettings::SystemScope, m_directory.filePath(QStringLiteral("system")));
    }
    if (lastWorkspace.isValid())
        QSettings(organization, application).setValue(QStringLiteral("lastWorkspace"), lastWorkspace);
}

int runScreenshotMode(MainWindow *window, WorkspaceManager *workspaces, const QString &directory,
                      const QString &workspaceName, const ScreenshotSettings &settings,
                      const QSize &windowSize, const QString &modelName)
{
    const QLocale::Language language = QLocale().language();
    const QString suffix =
        u'-' + (language == QLocale::C ? QStringLiteral("en") : QLocale::languageToCode(language));
    if (!settings.isValid()) {
        // Without its own settings the run would change the user's saved layout.
        QTextStream(stderr)
            << "modelgate: screenshots: cannot create a temporary directory for the settings\n";
        return 1;
    }
    ScreenshotRunner runner(window, workspaces, directory, suffix);
    runner.setWindowSize(windowSize);
    if (!modelName.isEmpty())
        runner.setTarget(modelName, QStringLiteral("@champion"));
    runner.setDraftsFile(QDir(settings.directory()).filePath(QStringLiteral("decision_drafts.json")));
    QObject::connect(&runner, &ScreenshotRunner::finished, window, [&runner, window](bool ok) {
        QTextStream err(stderr);
        for (const QString &file : runner.writtenFiles())
            err << "wrote " << file << '\n';
        for (const QString &problem : runner.problems())
            err << "modelgate: screenshots: " << problem << '\n';
        for (const QString &skipped : runner.skipped())
            err << "modelgate: screenshots: skipped " << skipped << '\n';
        window->close();
        QCoreApplication::exit(ok ? 0 : 1);
    });
    runner.run(workspaceName);
    return QCoreApplication::exec();
}

void ScreenshotRunner::fail(const QString &problem)
{
    m_problems << problem;
}

void ScreenshotRunner::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(m_problems.isEmpty());
}

} // namespace modelgate::ui
