#include "shell/main_window.h"

#include "deploy/deploy_wizard.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/endpoint_overview_poller.h"
#include "registry/version_details_pane.h"
#include "release/review/review_panel.h"
#include "widgets/error_banner.h"
#include "widgets/icons.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"
#include "workspaces/workspaces_dialog.h"

#include <from_std.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/deploy/local_target.h>
#include <modelgate/ui/app_info.h>

namespace modelgate::ui {

namespace {

// Where the window layout and the last workspace are remembered (never secrets).
QString settingsOrganization()
{
    return QStringLiteral(MODELGATE_ORGANIZATION);
}

QString settingsApplication()
{
    return QStringLiteral(MODELGATE_APP_NAME);
}

} // namespace

MainWindow::MainWindow(WorkspaceManager *workspaces, QWidget *parent)
    : QMainWindow(parent)
    , m_workspaces(workspaces)
    , m_reviews(new ReviewsPage(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(MODELGATE_APP_NAME));
    setWindowIcon(appIcon("app-icon", QStyle::SP_ComputerIcon));

    createActions();
    createMenus();

    m_banner = new ErrorBanner(this);
    m_registry = new RegistryPage(m_banner, this);
    m_registry->addVersionAction(m_reviewVersionAction);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    m_reviewCount = new QLabel(this);
    statusBar()->addPermanentWidget(m_reviewCount);
    m_pages = m_reviews->createPageSwitch(m_registry, m_reviewCount);
    m_endpoints = new EndpointsPage(this);
    m_pages->addTab(m_endpoints, tr("Endpoints"));
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_keychainStatus = new QLabel(this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatus"));
    statusBar()->addPermanentWidget(m_keychainStatus);
    updateKeychainStatus();

    connectRegistry();
    connectMonitoring();
    connect(m_banner, &ErrorBanner::editWorkspaceRequested, this, &MainWindow::openWorkspacesDialog);
    connect(m_endpoints, &EndpointsPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_endpoints->errorBanner(), &ErrorBanner::editWorkspaceRequested, this,
            &MainWindow::openWorkspacesDialog);
    // The review panel offers "Deploy…" on an approved version; release/ does not know deploy/.
    connect(m_reviews->reviewPanel(), &ReviewPanel::deployRequested, this,
            [this](const QString &model, const QString &version) {
                showPage(EndpointsPageIndex);
                m_endpoints->openDeployWizard(model, version);
            });
    connect(m_workspaces, &WorkspaceManager::activated, this, &MainWindow::onWorkspaceActivated);
    connect(m_workspaces, &WorkspaceManager::activationFailed, this,
            [this](const QString &, const QString &message) {
                m_banner->showMessage(ErrorBanner::Kind::Error, message, false, true);
            });
    connect(m_workspaces->secretStore(), &SecretStore::persistenceChanged, this,
            &MainWindow::updateKeychainStatus);
    connect(m_workspaceCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_populating || index < 0)
            return;
        cancelLoads();
        m_workspaces->activate(m_workspaceCombo->itemData(index).toString());
    });

    resize(1400, 860);
    restoreLayout();
}

// The Endpoints page knows nothing of monitoring (deploy/ does not use monitor/): the live
// charts go into its tabs, follow its selection, and the overview's figures go into its list.
void MainWindow::connectMonitoring()
{
    m_monitor = new EndpointMonitorView(this);
    m_overview = new EndpointOverviewPoller(this);
    m_endpoints->addDetailTab(m_monitor, tr("Monitor"));
    const auto endpointNamed = [this](const QString &name) {
        const int row = m_endpoints->endpointModel()->rowOfName(name);
        return row < 0 ? EndpointInfo{} : m_endpoints->endpointModel()->endpointAt(row);
    };
    connect(m_endpoints, &EndpointsPage::selectedEndpointChanged, this,
            [this, endpointNamed](const QString &name) { m_monitor->setEndpoint(endpointNamed(name)); });
    connect(m_endpoints, &EndpointsPage::endpointsLoaded, this, [this]() {
        m_overview->setEndpoints(m_endpoints->endpointModel()->endpoints());
        if (m_pages->currentWidget() == m_endpoints)
            m_overview->start();
    });
    // The list's figures only matter while it is in view; the charts keep collecting (and the
    // watcher keeps enforcing the rules) whatever page is shown.
    connect(m_pages, &QTabWidget::currentChanged, this, [this]() {
        if (m_pages->currentWidget() == m_endpoints)
            m_overview->start();
        else
            m_overview->stop();
    });
    connect(m_overview, &EndpointOverviewPoller::figuresReady, m_endpoints->endpointModel(),
            &EndpointListModel::setFigures);
    connect(m_monitor, &EndpointMonitorView::endpointChanged, m_endpoints, &EndpointsPage::refresh);
    connect(m_monitor, &EndpointMonitorView::statusMessage, this, &MainWindow::showStatusMessage);
}

MainWindow::~MainWindow()
{
    // Stop background calls now, while the window can still take the signals that stopping sends;
    // their results would have nowhere to go.
    m_registry->cancelLoads();
}

void MainWindow::createActions()
{
    m_manageAction =
        new QAction(appIcon("workspaces", QStyle::SP_DirHomeIcon), tr("&Manage Workspaces…"), this);
    m_manageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_manageAction->setObjectName(QStringLiteral("manageWorkspacesAction"));
    connect(m_manageAction, &QAction::triggered, this, &MainWindow::openWorkspacesDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction = new QAction(appIcon("refresh", QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Reload the registered models (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_cancelAction = new QAction(appIcon("cancel", QStyle::SP_BrowserStop), tr("&Cancel Loading"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelLoads);

    m_findAction = new QAction(tr("&Filter Models"), this);
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, this, [this]() { m_registry->focusFilter(); });

    m_aboutAction = new QAction(tr("&About ModelGate"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this]() {
        QMessageBox::about(this, tr("About ModelGate"),
                           tr("<h3>ModelGate %1</h3><p>A release console for MLflow models: browse the "
                              "model registry, review versions, their runs and signatures.</p>"
                              "<p>Built with Qt %2.</p>")
                               .arg(QStringLiteral(MODELGATE_VERSION), QLatin1String(qVersion())));
    });
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Ctrl+1 … Ctrl+8 switch the details tabs (Ctrl+6 Charts, Ctrl+7 Compare, Ctrl+8 Model Trend).
    for (int tab = 0; tab < VersionDetailsPane::TabCount; ++tab) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + tab)));
        connect(action, &QAction::triggered, this, [this, tab]() { showDetailsTab(tab); });
        addAction(action);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_manageAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_cancelAction);
    view->addAction(m_findAction);
    view->addSeparator();
    m_reviewVersionAction =
        m_reviews->addPageActions(view, [this]() { return m_registry->selectedVersion(); });
    // Ctrl+Shift+3 beside the registry's and the reviews' Ctrl+Shift+1/2.
    m_endpointsPageAction = new QAction(tr("&Endpoints"), this);
    m_endpointsPageAction->setObjectName(QStringLiteral("endpointsPageAction"));
    m_endpointsPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_3));
    connect(m_endpointsPageAction, &QAction::triggered, this, [this]() { showPage(EndpointsPageIndex); });
    view->insertAction(m_reviewVersionAction, m_endpointsPageAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);

    QToolBar *toolBar = addToolBar(tr("Workspace"));
    toolBar->setObjectName(QStringLiteral("workspaceToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *label = new QLabel(tr("Workspace:"), toolBar);
    label->setContentsMargins(4, 0, 6, 0);
    toolBar->addWidget(label);
    m_workspaceCombo = new QComboBox(toolBar);
    m_workspaceCombo->setObjectName(QStringLiteral("workspaceSwitcher"));
    m_workspaceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workspaceCombo->setMinimumContentsLength(24);
    label->setBuddy(m_workspaceCombo);
    toolBar->addWidget(m_workspaceCombo);
    toolBar->addAction(m_manageAction);
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_cancelAction);
}

void MainWindow::connectRegistry()
{
    connect(m_registry, &RegistryPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_registry, &RegistryPage::loadingChanged, this,
            [this]() { m_cancelAction->setEnabled(isLoading()); });
    connect(m_registry, &RegistryPage::cancelRequested, this, &MainWindow::cancelLoads);
    connect(m_registry, &RegistryPage::modelsLoaded, this, &MainWindow::modelsLoaded);
    connect(m_registry, &RegistryPage::versionsLoaded, this, &MainWindow::versionsLoaded);
    connect(m_registry, &RegistryPage::detailsLoaded, this, &MainWindow::detailsLoaded);
    connect(m_registry, &RegistryPage::loadFailed, this, &MainWindow::loadFailed);
}

void MainWindow::showStatusMessage(const QString &text, int timeout)
{
    if (text.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(text, timeout);
}

void MainWindow::start(const QString &preferredWorkspace)
{
    if (const Status loaded = m_workspaces->load(); !loaded.ok()) {
        m_banner->showMessage(
            ErrorBanner::Kind::Warning,
            tr("The workspace file %1 could not be read (%2). It was left unchanged; fix or "
               "remove it to use your stored workspaces.")
                .arg(fromStd(m_workspaces->profilesPath()), fromStd(loaded.error().message)),
            false);
    }
    populateWorkspaces();
    if (m_workspaceCombo->count() == 0) {
        m_banner->showMessage(ErrorBanner::Kind::Information,
                              tr("No workspace is set up yet. Add one with Manage Workspaces… (Ctrl+,) or "
                                 "start ModelGate with MLFLOW_TRACKING_URI set."),
                              false, true);
        return;
    }
    QString id;
    if (!preferredWorkspace.isEmpty()) {
        id = m_workspaces->idForName(preferredWorkspace);
        if (id.isEmpty())
            m_banner->showMessage(
                ErrorBanner::Kind::Warning,
                tr("There is no workspace called “%1”; opening another one.").arg(preferredWorkspace), false,
                true);
    }
    if (id.isEmpty()) {
        QSettings settings(settingsOrganization(), settingsApplication());
        id = settings.value(QStringLiteral("lastWorkspace")).toString();
    }
    int index = m_workspaceCombo->findData(id);
    if (index < 0)
        index = 0;
    m_populating = true;
    m_workspaceCombo->setCurrentIndex(index);
    m_populating = false;
    m_workspaces->activate(m_workspaceCombo->itemData(index).toString());
}

void MainWindow::populateWorkspaces()
{
    m_populating = true;
    const QString current = m_workspaces->currentId();
    m_workspaceCombo->clear();
    for (const Workspace &workspace : m_workspaces->workspaces())
        m_workspaceCombo->addItem(workspace.displayName, workspace.id);
    const int index = m_workspaceCombo->findData(current);
    if (index >= 0)
        m_workspaceCombo->setCurrentIndex(index);
    m_populating = false;
}

void MainWindow::onWorkspaceActivated(const QString &id)
{
    const std::optional<Workspace> workspace = m_workspaces->workspace(id);
    if (!workspace)
        return;
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.setValue(QStringLiteral("lastWorkspace"), id);
    setWindowTitle(tr("%1 – ModelGate").arg(workspace->displayName));
    m_banner->dismiss();
    const auto client = m_workspaces->client();
    m_reviews->setClient(client, id);
    setDeployContext(*workspace, client);
    updateKeychainStatus();
    m_registry->setWorkspace(client, !workspace->fromEnvironment); // loads its models
}

void MainWindow::setDeployContext(const Workspace &workspace, std::shared_ptr<const MlflowClient> client)
{
    DeployContext context;
    if (const auto azure = m_workspaces->azureSession(); client && azure && workspace.profile.azure) {
        // An Azure ML workspace: its managed online endpoints are the target, and Azure loads
        // the models from the workspace's registry itself (no registry access to hand over).
        AzureMlTargetConfig config;
        config.stateRoot = AzureMlTargetConfig::defaultStateRoot(m_workspaces->environment());
        context.target = std::make_shared<AzureMlTarget>(
            std::move(config), azure->arm,
            std::shared_ptr<HttpTransport>(makeCurlTransport(client->config().transport)));
        context.client = std::move(client);
    } else if (client) {
        LocalTargetConfig config;
        config.stateRoot = LocalTargetConfig::defaultStateRoot(m_workspaces->environment());
        if (!workspace.profile.mlflowExecutable.empty())
            config.mlflowExecutable = workspace.profile.mlflowExecutable;
        context.access = registryAccessFor(client->config());
        context.target = std::make_shared<LocalTarget>(std::move(config));
        context.client = std::move(client);
    }
    const MonitorContext monitoring = monitorContextFor(context);
    m_monitor->setContext(monitoring);
    m_overview->setContext(monitoring);
    m_endpoints->setContext(std::move(context));
}

void MainWindow::showPage(int page)
{
    if (page == EndpointsPageIndex)
        m_pages->setCurrentWidget(m_endpoints);
    else
        m_reviews->showPage(page);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::refresh()
{
    if (m_pages->currentWidget() == m_endpoints) { // F5 refreshes the page in view
        m_endpoints->refresh();
        return;
    }
    if (m_reviews->refreshIfShown())
        return;
    m_registry->refresh();
}

void MainWindow::cancelLoads()
{
    m_registry->cancelLoads();
    m_reviews->cancelLoads();
    m_endpoints->cancelLoads();
    m_cancelAction->setEnabled(false);
}

QDialog *MainWindow::createWorkspacesDialog()
{
    auto *dialog = new WorkspacesDialog(m_workspaces, this);
    if (const std::optional<Workspace> current = m_workspaces->currentWorkspace();
        current && !current->fromEnvironment)
        dialog->selectProfile(fromStd(current->profile.name));
    return dialog;
}

void MainWindow::openWorkspacesDialog()
{
    QDialog *dialog = createWorkspacesDialog();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this]() {
        populateWorkspaces();
        // The current workspace may have been edited or removed: (re)activate.
        QString id = m_workspaces->currentId();
        if (m_workspaceCombo->findData(id) < 0 && m_workspaceCombo->count() > 0)
            id = m_workspaceCombo->itemData(0).toString();
        if (!id.isEmpty()) {
            m_populating = true;
            m_workspaceCombo->setCurrentIndex(m_workspaceCombo->findData(id));
            m_populating = false;
            cancelLoads();
            m_workspaces->activate(id);
        }
    });
    dialog->open();
}

void MainWindow::updateKeychainStatus()
{
    // Only worth saying where the current workspace has a password or token to keep.
    const std::optional<Workspace> current = m_workspaces->currentWorkspace();
    const bool usesSecret =
        current && !current->fromEnvironment && current->profile.authKind != AuthKind::None;
    m_keychainStatus->setVisible(usesSecret && !m_workspaces->secretStore()->isPersistent());
    m_keychainStatus->setText(tr("No keychain available: the password is kept until ModelGate quits."));
}

void MainWindow::activateWorkspace(const QString &id)
{
    populateWorkspaces();
    const int index = m_workspaceCombo->findData(id);
    if (index < 0)
        return;
    m_populating = true;
    m_workspaceCombo->setCurrentIndex(index);
    m_populating = false;
    cancelLoads();
    m_workspaces->activate(id);
}

void MainWindow::restoreLayout()
{
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    resetLayout();
    m_registry->restoreLayout(settings);
    m_reviews->restoreLayout(settings); // and the page shown (of its two)
    m_endpoints->restoreLayout(settings);
    m_monitor->restoreLayout(settings);
    if (settings.value(QStringLiteral("page")).toInt() == EndpointsPageIndex)
        showPage(EndpointsPageIndex);
}

void MainWindow::saveLayout() const
{
    if (!m_rememberLayout)
        return;
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    m_registry->saveLayout(settings);
    m_reviews->saveLayout(settings);
    m_endpoints->saveLayout(settings);
    m_monitor->saveLayout(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    cancelLoads();
    QMainWindow::closeEvent(event);
}

} // namespace modelgate::ui
