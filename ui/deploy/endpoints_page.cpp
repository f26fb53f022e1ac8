#include "deploy/endpoints_page.h"

#include "async/run_async.h"
#include "deploy/deploy_wizard.h"
#include "deploy/deployment_table_model.h"
#include "deploy/endpoint_list_model.h"
#include "deploy/traffic_dialog.h"
#include "deploy/traffic_split_bar.h"
#include "widgets/error_banner.h"
#include "widgets/icons.h"
#include "widgets/loading_indicator.h"
#include "widgets/sparkline_delegate.h"

#include <display_safe.h>

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace modelgate::ui {

namespace {

constexpr int kLogLines = 500;

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSortingEnabled(true);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

EndpointsPage::EndpointsPage(QWidget *parent)
    : QWidget(parent)
    , m_endpoints(new EndpointListModel(this))
    , m_deployments(new DeploymentTableModel(this))
    , m_endpointsProxy(new QSortFilterProxyModel(this))
    , m_deploymentsProxy(new QSortFilterProxyModel(this))
    , m_banner(new ErrorBanner(this))
    , m_loading(new LoadingIndicator(this))
    , m_toolBar(new QToolBar(this))
    , m_endpointsView(makeTable(this, QStringLiteral("endpointsView")))
    , m_title(new QLabel(this))
    , m_scoringUri(new QLabel(this))
    , m_health(new QLabel(this))
    , m_restartButton(new QPushButton(this))
    , m_splitBar(new TrafficSplitBar(this))
    , m_deploymentsView(makeTable(this, QStringLiteral("deploymentsView")))
    , m_logTitle(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_hideHealthChecks(new QCheckBox(tr("Hide health checks"), this))
    , m_detailTabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_rightSplitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("endpointsPage"));
    m_banner->hide();
    createActions();

    m_endpointsProxy->setSourceModel(m_endpoints);
    m_endpointsProxy->setSortRole(EndpointListModel::SortRole);
    m_endpointsView->setModel(m_endpointsProxy);
    // Trouble first: a breached SLO rule, then a degraded or down endpoint, then by error rate.
    m_endpointsView->sortByColumn(EndpointListModel::Slo, Qt::DescendingOrder);
    m_endpointsView->setItemDelegateForColumn(EndpointListModel::RequestRate,
                                              new SparklineDelegate(EndpointListModel::SparklineRole, this));
    // The overview's figures beside the name; the scoring URI (shown on the right) and the
    // count of deployments after them.
    QHeaderView *endpointsHeader = m_endpointsView->horizontalHeader();
    for (const int column : {EndpointListModel::ScoringUri, EndpointListModel::Deployments})
        endpointsHeader->moveSection(endpointsHeader->visualIndex(column),
                                     EndpointListModel::ColumnCount - 1);
    m_deploymentsProxy->setSourceModel(m_deployments);
    m_deploymentsProxy->setSortRole(DeploymentTableModel::SortRole);
    m_deploymentsView->setModel(m_deploymentsProxy);
    m_deploymentsView->sortByColumn(DeploymentTableModel::Deployment, Qt::AscendingOrder);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_toolBar->setObjectName(QStringLiteral("endpointsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    leftLayout->addWidget(m_endpointsView, 1);

    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_title->setObjectName(QStringLiteral("endpointTitle"));
    m_title->setTextFormat(Qt::PlainText); // shows the endpoint name
    m_scoringUri->setObjectName(QStringLiteral("scoringUri"));
    m_scoringUri->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_scoringUri->setTextFormat(Qt::PlainText);
    m_health->setObjectName(QStringLiteral("endpointHealth"));
    m_health->setWordWrap(true);
    m_health->setTextFormat(Qt::PlainText);
    m_restartButton->setObjectName(QStringLiteral("restartButton"));
    auto *healthRow = new QHBoxLayout;
    healthRow->addWidget(m_health, 1);
    healthRow->addWidget(m_restartButton);
    auto *header = new QWidget(this);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_scoringUri);
    headerLayout->addLayout(healthRow);
    headerLayout->addWidget(m_splitBar);
    headerLayout->addWidget(m_deploymentsView, 1);

    m_log->setObjectName(QStringLiteral("deploymentLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(kLogLines + 10);
    auto *logRefresh = new QToolBar(this);
    logRefresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    logRefresh->addAction(m_logRefreshAction);
    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logHeader = new QHBoxLayout;
    logHeader->addWidget(m_logTitle, 1);
    m_hideHealthChecks->setObjectName(QStringLiteral("hideHealthChecks"));
    m_hideHealthChecks->setChecked(true);
    m_hideHealthChecks->setToolTip(tr("HAProxy checks every deployment's /ping every 2 seconds; its scoring "
                                      "server logs each check."));
    connect(m_hideHealthChecks, &QCheckBox::toggled, this, [this]() { setLogText(m_logText); });
    logHeader->addWidget(m_hideHealthChecks);
    logHeader->addWidget(logRefresh);
    logLayout->addLayout(logHeader);
    logLayout->addWidget(m_log, 1);

    m_detailTabs->setObjectName(QStringLiteral("endpointDetailTabs"));
    m_detailTabs->addTab(logPane, tr("Deployment Log"));
    m_rightSplitter->setObjectName(QStringLiteral("endpointRightSplitter"));
    m_rightSplitter->addWidget(header);
    m_rightSplitter->addWidget(m_detailTabs);
    m_rightSplitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("endpointsSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_rightSplitter);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_loading);
    layout->addWidget(m_toolBar); // above both halves: the actions need the whole width
    layout->addWidget(m_splitter, 1);

    connect(m_endpointsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EndpointsPage::showSelectedEndpoint);
    connect(m_deploymentsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EndpointsPage::showSelectedDeployment);
    connect(m_restartButton, &QPushButton::clicked, this, &EndpointsPage::restartEndpoint);
    connect(m_banner, &ErrorBanner::retryRequested, this, &EndpointsPage::refresh);
    connect(m_loading, &LoadingIndicator::cancelRequested, this, &EndpointsPage::cancelLoads);
    showSelectedEndpoint();
}

EndpointsPage::~EndpointsPage()
{
    m_loadCancel.cancel();
    m_actionCancel.cancel();
}

void EndpointsPage::createActions()
{
    m_refreshAction = m_toolBar->addAction(appIcon("refresh", QStyle::SP_BrowserReload), tr("Refresh"), this,
                                           &EndpointsPage::refresh);
    // F5 itself is the window's (it refreshes the page in view), so the action only names it.
    m_refreshAction->setToolTip(tr("Read the endpoints and their health again (F5)"));
    m_newAction = m_toolBar->addAction(tr("New Deployment…"), this, [this]() { openDeployWizard(); });
    m_newAction->setObjectName(QStringLiteral("newDeploymentAction"));
    m_newAction->setToolTip(tr("Deploy an approved model version to an endpoint, step by step"));
    m_trafficAction = m_toolBar->addAction(tr("Set Traffic…"), this, &EndpointsPage::openTrafficDialog);
    m_trafficAction->setObjectName(QStringLiteral("setTrafficAction"));
    m_rollbackAction = m_toolBar->addAction(tr("Roll Back"), this, &EndpointsPage::rollBack);
    m_rollbackAction->setObjectName(QStringLiteral("rollBackAction"));
    m_rollbackAction->setToolTip(tr("Restore the split before the endpoint's last change of split"));
    m_restartAction = m_toolBar->addAction(tr("Restart"), this, &EndpointsPage::restartEndpoint);
    m_restartAction->setObjectName(QStringLiteral("restartAction"));
    m_restartAction->setToolTip(tr("Start again whatever of the endpoint is not running, with its split"));
    m_deleteAction = m_toolBar->addAction(tr("Delete Deployment"), this, &EndpointsPage::deleteDeployment);
    m_deleteAction->setObjectName(QStringLiteral("deleteDeploymentAction"));
    m_deleteAction->setToolTip(tr("Stop and remove the selected deployment (only without traffic)"));
    m_logRefreshAction = new QAction(appIcon("refresh", QStyle::SP_BrowserReload), tr("Refresh Log"), this);
    connect(m_logRefreshAction, &QAction::triggered, this, &EndpointsPage::refreshLog);
    m_restartButton->setText(tr("Restart"));
}

void EndpointsPage::setContext(DeployContext context)
{
    cancelLoads();
    m_context = std::move(context);
    m_injected = false;
    m_approvals.clear();
    m_banner->dismiss();
    m_endpoints->clear();
    m_deployments->clear();
    showSelectedEndpoint();
    if (isVisible())
        refresh();
}

void EndpointsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_injected)
        refresh(); // a page that was away may show processes that died meanwhile
}

void EndpointsPage::refresh()
{
    if (!m_context.isValid() || m_acting)
        return;
    m_injected = false;
    m_loadCancel.cancel();
    m_loadCancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingEndpoints = true;
    m_loading->start(tr("Reading the endpoints…"));
    updateActions();
    runAsync(
        this, [target = m_context.target, cancel = m_loadCancel]() { return target->listEndpoints(cancel); },
        [this, generation](const Result<std::vector<EndpointInfo>> &result) {
            if (generation != m_generation)
                return;
            m_loadingEndpoints = false;
            m_loading->stop();
            if (!result.ok()) {
                updateActions();
                showError(result.error(), Operation::ListEndpoints);
                return;
            }
            m_approvals.clear(); // approvals may have changed too: read them again on selection
            setEndpoints(result.value(), true);
            Q_EMIT endpointsLoaded(static_cast<int>(result.value().size()));
        });
}

void EndpointsPage::cancelLoads()
{
    m_loadCancel.cancel();
    m_actionCancel.cancel();
    ++m_generation;
    m_loadingEndpoints = false;
    m_loading->stop();
    updateActions();
}

void EndpointsPage::setEndpoints(std::vector<EndpointInfo> endpoints, bool fromTarget)
{
    const QString endpoint = selectedEndpoint();
    const QString deployment = selectedDeployment();
    m_injected = !fromTarget;
    m_replacingEndpoints = true;
    m_endpoints->setEndpoints(std::move(endpoints));
    if (m_endpoints->rowOfName(endpoint) >= 0)
        selectEndpoint(endpoint);
    else if (m_endpoints->rowCount() > 0)
        m_endpointsView->setCurrentIndex(m_endpointsProxy->index(0, 0));
    m_replacingEndpoints = false;
    showSelectedEndpoint();
    if (!deployment.isEmpty())
        selectDeployment(deployment);
}

void EndpointsPage::setApprovals(const QString &endpoint, std::map<std::string, DeploymentApproval> approvals)
{
    m_approvals[endpoint.toStdString()] = approvals;
    if (endpoint == selectedEndpoint())
        m_deployments->setApprovals(std::move(approvals));
}

void EndpointsPage::setLogText(const QString &text)
{
    m_logText = text;
    // HAProxy asks every deployment for /ping every 2 s and uvicorn logs each answer: without
    // them the log shows what the server did (start-up, predictions, errors).
    if (m_hideHealthChecks->isChecked()) {
        QStringList kept;
        for (const QString &line : text.split(u'\n'))
            if (!line.contains(QLatin1String("\"GET /ping ")))
                kept << line;
        m_log->setPlainText(kept.join(u'\n'));
    } else {
        m_log->setPlainText(text);
    }
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void EndpointsPage::selectEndpoint(const QString &name)
{
    const int row = m_endpoints->rowOfName(name);
    if (row >= 0)
        m_endpointsView->setCurrentIndex(m_endpointsProxy->mapFromSource(m_endpoints->index(row, 0)));
}

void EndpointsPage::selectDeployment(const QString &name)
{
    const int row = m_deployments->rowOfName(name);
    if (row >= 0)
        m_deploymentsView->setCurrentIndex(m_deploymentsProxy->mapFromSource(m_deployments->index(row, 0)));
}

QString EndpointsPage::selectedEndpoint() const
{
    const QModelIndex index = m_endpointsProxy->mapToSource(m_endpointsView->currentIndex());
    return index.isValid() ? QString::fromStdString(m_endpoints->endpointAt(index.row()).name) : QString();
}

QString EndpointsPage::selectedDeployment() const
{
    const QModelIndex index = m_deploymentsProxy->mapToSource(m_deploymentsView->currentIndex());
    return index.isValid() ? QString::fromStdString(m_deployments->deploymentAt(index.row()).name)
                           : QString();
}

const EndpointInfo *EndpointsPage::currentEndpoint() const
{
    const QModelIndex index = m_endpointsProxy->mapToSource(m_endpointsView->currentIndex());
    return index.isValid() ? &m_endpoints->endpointAt(index.row()) : nullptr;
}

void EndpointsPage::addDetailTab(QWidget *widget, const QString &title)
{
    m_detailTabs->insertTab(0, widget, title);
    m_detailTabs->setCurrentIndex(0);
}

void EndpointsPage::showSelectedEndpoint()
{
    const EndpointInfo *endpoint = currentEndpoint();
    if (const QString name = endpoint ? QString::fromStdString(endpoint->name) : QString();
        name != m_shownEndpoint && !m_replacingEndpoints) {
        m_shownEndpoint = name;
        Q_EMIT selectedEndpointChanged(name);
    }
    if (!endpoint) {
        m_title->setText(m_endpoints->rowCount() == 0 ? tr("No endpoint yet") : tr("No endpoint selected"));
        m_scoringUri->setText(m_endpoints->rowCount() == 0
                                  ? tr("Deploy an approved version with New Deployment… to create one.")
                                  : QString());
        m_health->clear();
        m_restartButton->hide();
        m_splitBar->setSplit({});
        m_deployments->clear();
        m_log->clear();
        m_logTitle->setText(tr("Log"));
        updateActions();
        return;
    }
    m_title->setText(endpoint->production ? tr("%1 (production)").arg(displaySafe(endpoint->name))
                                          : displaySafe(endpoint->name));
    // A local endpoint takes MLflow's /invocations under its URI; Azure's scoring URI is the whole
    // address, and it wants the endpoint's key.
    m_scoringUri->setText(
        endpoint->target == "local"
            ? tr("Scoring URI: %1/invocations").arg(QString::fromStdString(endpoint->scoringUri))
            : tr("Scoring URI: %1 (with the endpoint's key)")
                  .arg(QString::fromStdString(endpoint->scoringUri)));
    QString health = tr("State: %1").arg(healthText(endpoint->health));
    if (!endpoint->healthDetail.empty())
        health += QStringLiteral(" — ") + QString::fromStdString(endpoint->healthDetail) + u'.';
    const bool restart = EndpointListModel::needsRestart(*endpoint);
    if (restart)
        health += u' ' + tr("Restart brings back what is not running, with the split it had.");
    m_health->setText(health);
    m_health->setStyleSheet(endpoint->health == EndpointHealth::Running ? QString()
                                                                        : QStringLiteral("color: #c0392b;"));
    m_restartButton->setVisible(restart);
    m_splitBar->setSplit(endpoint->traffic());
    const QString deployment = selectedDeployment();
    m_deployments->setEndpoint(*endpoint);
    if (const auto found = m_approvals.find(endpoint->name); found != m_approvals.end())
        m_deployments->setApprovals(found->second);
    else
        loadApprovals(*endpoint);
    m_deploymentsView->resizeColumnsToContents();
    if (m_deployments->rowOfName(deployment) >= 0)
        selectDeployment(deployment);
    else if (m_deployments->rowCount() > 0)
        m_deploymentsView->setCurrentIndex(m_deploymentsProxy->index(0, 0));
    showSelectedDeployment();
}

void EndpointsPage::loadApprovals(const EndpointInfo &endpoint)
{
    if (!m_context.isValid() || m_injected || endpoint.deployments.empty())
        return;
    const QString name = QString::fromStdString(endpoint.name);
    runAsync(
        this,
        [context = m_context, endpoint, cancel = m_loadCancel]() {
            Rollout rollout(*context.client, *context.target, context.access);
            return rollout.approvals(endpoint, cancel);
        },
        [this, name](const Result<std::map<std::string, DeploymentApproval>> &result) {
            if (!result.ok()) {
                showError(result.error(), Operation::LoadApprovals);
                return;
            }
            setApprovals(name, result.value());
        });
}

void EndpointsPage::showSelectedDeployment()
{
    const QString deployment = selectedDeployment();
    m_logTitle->setText(
        deployment.isEmpty() ? tr("Log") : tr("Log of %1 (last %2 lines)").arg(deployment).arg(kLogLines));
    updateActions();
    if (!m_injected)
        refreshLog();
}

void EndpointsPage::refreshLog()
{
    const QString endpoint = selectedEndpoint();
    const QString deployment = selectedDeployment();
    if (!m_context.isValid() || endpoint.isEmpty() || deployment.isEmpty()) {
        if (!m_injected)
            m_log->clear();
        return;
    }
    const quint64 generation = ++m_logGeneration;
    runAsync(
        this,
        [target = m_context.target, endpoint = endpoint.toStdString(), deployment = deployment.toStdString(),
         cancel = m_loadCancel]() { return target->deploymentLogs(endpoint, deployment, kLogLines, cancel); },
        [this, generation](const Result<std::string> &result) {
            if (generation != m_logGeneration)
                return;
            if (!result.ok()) {
                m_log->setPlainText(userMessage(result.error(), Operation::LoadDeploymentLog));
                return;
            }
            setLogText(QString::fromStdString(result.value()));
        });
}

void EndpointsPage::updateActions()
{
    const EndpointInfo *endpoint = currentEndpoint();
    const bool ready = m_context.isValid() && !m_acting;
    const QString deployment = selectedDeployment();
    const DeploymentInfo *selected = endpoint ? endpoint->deployment(deployment.toStdString()) : nullptr;
    m_refreshAction->setEnabled(ready && !m_loadingEndpoints);
    m_newAction->setEnabled(ready);
    m_trafficAction->setEnabled(ready && endpoint && !endpoint->deployments.empty());
    m_rollbackAction->setEnabled(ready && endpoint && !endpoint->deployments.empty());
    m_restartAction->setEnabled(ready && endpoint && EndpointListModel::needsRestart(*endpoint));
    m_restartButton->setEnabled(m_restartAction->isEnabled());
    m_deleteAction->setEnabled(ready && selected && selected->traffic == 0);
    m_deleteAction->setToolTip(selected && selected->traffic > 0
                                   ? tr("%1 has %2 % of the traffic: move it to another deployment first.")
                                         .arg(deployment)
                                         .arg(selected->traffic)
                                   : tr("Stop and remove the selected deployment (only without traffic)"));
    m_logRefreshAction->setEnabled(m_context.isValid() && !deployment.isEmpty());
}

void EndpointsPage::setBusy(const QString &text)
{
    m_acting = true;
    m_actionCancel = CancelToken();
    m_banner->dismiss();
    m_loading->start(text);
    updateActions();
}

void EndpointsPage::showError(const Error &error, Operation operation)
{
    if (error.kind == ErrorKind::Cancelled)
        return;
    const QString message = userMessage(error, operation);
    m_banner->showMessage(ErrorBanner::Kind::Error, message, operation == Operation::ListEndpoints,
                          isAuthenticationError(error));
    Q_EMIT loadFailed(message);
}

void EndpointsPage::finishAction(const Result<RolloutOutcome> &result, Operation operation)
{
    m_acting = false;
    m_loading->stop();
    if (!result.ok()) {
        showError(result.error(), operation);
        refresh(); // a failed step leaves the endpoint as it was; show what it is
        return;
    }
    const RolloutOutcome &outcome = result.value();
    if (!outcome.recorded())
        m_banner->showMessage(ErrorBanner::Kind::Warning,
                              notRecordedWarning(outcome) + u'\n' + recordsText(outcome), false);
    else
        m_banner->showMessage(ErrorBanner::Kind::Information, recordsText(outcome), false);
    Q_EMIT statusMessage(tr("%1: %2 → %3")
                             .arg(QString::fromStdString(outcome.endpoint),
                                  EndpointListModel::splitText(outcome.before),
                                  EndpointListModel::splitText(outcome.after)),
                         10000);
    refresh();
}

void EndpointsPage::openTrafficDialog()
{
    const EndpointInfo *endpoint = currentEndpoint();
    if (!endpoint || !m_context.isValid())
        return;
    auto *dialog = new TrafficDialog(*endpoint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::string name = endpoint->name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, name]() {
        setBusy(tr("Setting the traffic of %1…").arg(QString::fromStdString(name)));
        runAsync(
            this,
            [context = m_context, name, split = dialog->split(), comment = dialog->comment().toStdString(),
             cancel = m_actionCancel]() {
                Rollout rollout(*context.client, *context.target, context.access);
                return rollout.setTraffic(name, split, comment, cancel);
            },
            [this](const Result<RolloutOutcome> &result) { finishAction(result, Operation::SetTraffic); });
    });
    dialog->open();
}

void EndpointsPage::rollBack()
{
    const EndpointInfo *endpoint = currentEndpoint();
    if (!endpoint || !m_context.isValid())
        return;
    const std::string name = endpoint->name;
    const TrafficSplit current = endpoint->traffic();
    setBusy(tr("Looking up the split to go back to…"));
    runAsync(
        this,
        [context = m_context, name, cancel = m_actionCancel]() {
            Rollout rollout(*context.client, *context.target, context.access);
            return rollout.rollbackTarget(name, cancel);
        },
        [this, name, current](const Result<std::pair<TrafficSplit, std::string>> &target) {
            m_acting = false;
            m_loading->stop();
            updateActions();
            if (!target.ok()) {
                showError(target.error(), Operation::RollBack);
                return;
            }
            const QString question =
                tr("Roll %1 back to the split recorded in %2?\n\nNow: %3\nAfter: %4\n\nThe rollback is "
                   "recorded in the release trail.")
                    .arg(QString::fromStdString(name), QString::fromStdString(target.value().second),
                         EndpointListModel::splitText(current),
                         EndpointListModel::splitText(target.value().first));
            if (QMessageBox::question(this, tr("Roll Back"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                      QMessageBox::Cancel) != QMessageBox::Yes)
                return;
            setBusy(tr("Rolling %1 back…").arg(QString::fromStdString(name)));
            runAsync(
                this,
                [context = m_context, name, cancel = m_actionCancel]() {
                    Rollout rollout(*context.client, *context.target, context.access);
                    return rollout.rollback(name, {}, cancel);
                },
                [this](const Result<RolloutOutcome> &result) { finishAction(result, Operation::RollBack); });
        });
}

void EndpointsPage::restartEndpoint()
{
    const EndpointInfo *endpoint = currentEndpoint();
    if (!endpoint || !m_context.isValid())
        return;
    const std::string name = endpoint->name;
    setBusy(tr("Restarting %1…").arg(QString::fromStdString(name)));
    QPointer<LoadingIndicator> indicator(m_loading);
    // Progress comes from the worker thread: posted to the application object, shown on the GUI thread.
    ProgressFn progress = [indicator](const std::string &step, int) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [indicator, text = QString::fromStdString(step)]() {
                if (LoadingIndicator *alive = indicator.data(); alive != nullptr)
                    alive->setText(text);
            },
            Qt::QueuedConnection);
    };
    runAsync(
        this,
        [context = m_context, name, progress, cancel = m_actionCancel]() -> Result<RolloutOutcome> {
            const Status restarted = context.target->restartEndpoint(name, context.access, progress, cancel);
            if (!restarted.ok())
                return restarted.error();
            return RolloutOutcome{}; // a restart changes no split and records nothing
        },
        [this, name](const Result<RolloutOutcome> &result) {
            m_acting = false;
            m_loading->stop();
            if (!result.ok())
                showError(result.error(), Operation::RestartEndpoint);
            else
                Q_EMIT statusMessage(tr("%1 was restarted.").arg(QString::fromStdString(name)), 10000);
            refresh();
        });
}

void EndpointsPage::deleteDeployment()
{
    const EndpointInfo *endpoint = currentEndpoint();
    const QString deployment = selectedDeployment();
    if (!endpoint || deployment.isEmpty() || !m_context.isValid())
        return;
    const std::string name = endpoint->name;
    if (QMessageBox::question(this, tr("Delete Deployment"),
                              tr("Stop and remove %1 from %2? It has no traffic; the removal is recorded "
                                 "in the release trail. A rollback cannot bring it back.")
                                  .arg(deployment, QString::fromStdString(name)),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    setBusy(tr("Deleting %1…").arg(deployment));
    runAsync(
        this,
        [context = m_context, name, deployment = deployment.toStdString(), cancel = m_actionCancel]() {
            Rollout rollout(*context.client, *context.target, context.access);
            return rollout.undeploy(name, deployment, {}, cancel);
        },
        [this](const Result<RolloutOutcome> &result) { finishAction(result, Operation::DeleteDeployment); });
}

DeployWizard *EndpointsPage::openDeployWizard(const QString &model, const QString &version)
{
    auto *wizard = new DeployWizard(m_context, m_endpoints->endpoints(), model, version, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &DeployWizard::endpointChanged, this, [this](const QString &endpoint) {
        m_approvals.erase(endpoint.toStdString());
        refresh();
    });
    wizard->show();
    return wizard;
}

void EndpointsPage::resetLayout()
{
    const int width = qMax(m_splitter->width(), 1000);
    m_splitter->setSizes({width * 9 / 20, width - width * 9 / 20});
    // With the live charts beside the log, the tabs get the larger part.
    m_rightSplitter->setSizes(m_detailTabs->count() > 1 ? QList<int>{2000, 3000} : QList<int>{3000, 2000});
    // Every column as wide as its header or its cells (German headers are longer); the split
    // takes what is left, so nothing scrolls out of sight.
    QHeaderView *header = m_endpointsView->horizontalHeader();
    header->setStretchLastSection(true);
    for (const int column :
         {EndpointListModel::Name, EndpointListModel::State, EndpointListModel::Split,
          EndpointListModel::ScoringUri, EndpointListModel::Deployments, EndpointListModel::RequestRate,
          EndpointListModel::ErrorRate, EndpointListModel::LatencyP95, EndpointListModel::Slo}) {
        m_endpointsView->resizeColumnToContents(column);
        header->resizeSection(column, qMax(header->sectionSize(column), header->sectionSizeHint(column)));
    }
    m_endpointsView->horizontalScrollBar()->setValue(0);
}

void EndpointsPage::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("endpointsSplitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("endpointRightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("endpointsHeader"), m_endpointsView->horizontalHeader()->saveState());
}

void EndpointsPage::restoreLayout(QSettings &settings)
{
    resetLayout();
    m_splitter->restoreState(settings.value(QStringLiteral("endpointsSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("endpointRightSplitter")).toByteArray());
    m_endpointsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("endpointsHeader")).toByteArray());
}

} // namespace modelgate::ui
