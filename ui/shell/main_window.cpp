#include "shell/main_window.h"

#include "evaluation/comparison_view.h"
#include "evaluation/metric_history_view.h"
#include "evaluation/metric_trend_view.h"
#include "registry/model_filter_proxy_model.h"
#include "registry/model_list_loader.h"
#include "registry/model_version_list_model.h"
#include "registry/registered_model_list_model.h"
#include "registry/version_details_loader.h"
#include "registry/version_details_pane.h"
#include "registry/version_list_loader.h"
#include "widgets/error_banner.h"
#include "widgets/icons.h"
#include "widgets/loading_indicator.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"
#include "workspaces/workspaces_dialog.h"

#include <from_std.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

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

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

MainWindow::MainWindow(WorkspaceManager *workspaces, QWidget *parent)
    : QMainWindow(parent)
    , m_workspaces(workspaces)
    , m_models(new RegisteredModelListModel(this))
    , m_filter(new ModelFilterProxyModel(this))
    , m_versions(new ModelVersionListModel(this))
    , m_modelLoader(new ModelListLoader(m_models, this))
    , m_versionLoader(new VersionListLoader(this))
    , m_detailsLoader(new VersionDetailsLoader(this))
    , m_reviews(new ReviewsPage(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(MODELGATE_APP_NAME));
    setWindowIcon(appIcon("app-icon", QStyle::SP_ComputerIcon));
    m_filter->setSourceModel(m_models);

    createActions();
    createMenus();

    m_banner = new ErrorBanner(this);
    m_details = new VersionDetailsPane(this);
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(createVersionsPanel());
    m_rightSplitter->addWidget(m_details);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(createModelsPanel());
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    m_reviewCount = new QLabel(this);
    statusBar()->addPermanentWidget(m_reviewCount);
    m_pages = m_reviews->createPageSwitch(m_mainSplitter, m_reviewCount);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_keychainStatus = new QLabel(this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatus"));
    statusBar()->addPermanentWidget(m_keychainStatus);
    updateKeychainStatus();

    connectLoaders();
    connect(m_banner, &ErrorBanner::retryRequested, this, [this]() {
        if (m_retry)
            m_retry();
    });
    connect(m_banner, &ErrorBanner::editWorkspaceRequested, this, &MainWindow::openWorkspacesDialog);
    connect(m_workspaces, &WorkspaceManager::activated, this, &MainWindow::onWorkspaceActivated);
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

MainWindow::~MainWindow()
{
    // Stop background calls now; their results would have nowhere to go.
    m_modelLoader->cancel();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
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
    connect(m_findAction, &QAction::triggered, this, [this]() {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

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
    m_reviewVersionAction = m_reviews->addPageActions(
        view, [this]() { return std::pair(m_versions->modelName(), m_selectedVersion); });
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

QWidget *MainWindow::createModelsPanel()
{
    auto *panel = new QWidget(this);
    auto *title = new QLabel(tr("Registered models"), panel);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_filterEdit = new QLineEdit(panel);
    m_filterEdit->setObjectName(QStringLiteral("modelFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, tag or alias (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &ModelFilterProxyModel::setFilterText);

    m_modelsView = new QTableView(panel);
    m_modelsView->setObjectName(QStringLiteral("modelsView"));
    m_modelsView->setModel(m_filter);
    setUpTable(m_modelsView);
    m_modelsView->sortByColumn(RegisteredModelListModel::Name, Qt::AscendingOrder);
    connect(m_modelsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onModelSelected);

    m_modelsLoading = new LoadingIndicator(panel);
    m_modelsLoading->setObjectName(QStringLiteral("modelsLoading"));
    connect(m_modelsLoading, &LoadingIndicator::cancelRequested, this, &MainWindow::cancelLoads);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_modelsView, 1);
    layout->addWidget(m_modelsLoading);
    return panel;
}

QWidget *MainWindow::createVersionsPanel()
{
    auto *panel = new QWidget(this);
    m_versionsTitle = new QLabel(tr("Versions"), panel);
    m_versionsTitle->setObjectName(QStringLiteral("versionsTitle"));
    QFont bold = m_versionsTitle->font();
    bold.setBold(true);
    m_versionsTitle->setFont(bold);

    auto *sorted = new QSortFilterProxyModel(panel);
    sorted->setSourceModel(m_versions);
    sorted->setSortRole(ModelVersionListModel::RawValueRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_versionsView = new QTableView(panel);
    m_versionsView->setObjectName(QStringLiteral("versionsView"));
    m_versionsView->setModel(sorted);
    setUpTable(m_versionsView);
    m_versionsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_versionsView->addAction(m_reviewVersionAction);
    m_versionsView->sortByColumn(ModelVersionListModel::Version, Qt::DescendingOrder);
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onVersionSelected);

    m_versionsLoading = new LoadingIndicator(panel);
    m_versionsLoading->setObjectName(QStringLiteral("versionsLoading"));
    connect(m_versionsLoading, &LoadingIndicator::cancelRequested, m_versionLoader,
            &VersionListLoader::cancel);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_versionsTitle);
    layout->addWidget(m_versionsView, 1);
    layout->addWidget(m_versionsLoading);
    return panel;
}

void MainWindow::connectLoaders()
{
    const auto updateCancelAction = [this]() { m_cancelAction->setEnabled(isLoading()); };

    connect(m_modelLoader, &ModelListLoader::started, this, [this, updateCancelAction]() {
        m_modelsLoading->start(tr("Loading registered models…"));
        statusBar()->showMessage(tr("Loading registered models…"));
        updateCancelAction();
    });
    connect(m_modelLoader, &ModelListLoader::progress, this, [this](int loaded, bool morePages) {
        if (morePages)
            m_modelsLoading->setText(tr("Loading… %n model(s) so far", nullptr, loaded));
        trySelectPendingModel();
    });
    connect(m_modelLoader, &ModelListLoader::finished, this, [this, updateCancelAction](int loaded) {
        m_modelsLoading->stop();
        statusBar()->showMessage(tr("%n registered model(s) loaded.", nullptr, loaded));
        clearErrorFor(Operation::ListModels);
        updateCancelAction();
        trySelectPendingModel();
        Q_EMIT modelsLoaded(loaded);
    });
    connect(m_modelLoader, &ModelListLoader::cancelled, this, [this, updateCancelAction](int loaded) {
        m_modelsLoading->stop();
        statusBar()->showMessage(tr("Loading cancelled: %n model(s) loaded.", nullptr, loaded));
        updateCancelAction();
    });
    connect(m_modelLoader, &ModelListLoader::failed, this, [this, updateCancelAction](const Error &error) {
        m_modelsLoading->stop();
        statusBar()->clearMessage();
        updateCancelAction();
        showError(error, Operation::ListModels, [this]() { refresh(); });
    });

    connect(m_versionLoader, &VersionListLoader::started, this,
            [this, updateCancelAction](const QString &name) {
                m_versionsLoading->start(tr("Loading the versions of %1…").arg(name));
                updateCancelAction();
            });
    connect(m_versionLoader, &VersionListLoader::loaded, this,
            [this, updateCancelAction](const QString &name, const std::vector<ModelVersion> &versions) {
                m_versionsLoading->stop();
                m_versions->setVersions(name, versions);
                m_details->setModelVersions(versions);
                m_versionsTitle->setText(tr("Versions of %1 (%2)").arg(name).arg(versions.size()));
                clearErrorFor(Operation::ListVersions);
                updateCancelAction();
                trySelectPendingVersion();
                Q_EMIT versionsLoaded(name);
            });
    connect(m_versionLoader, &VersionListLoader::cancelled, this, [this, updateCancelAction]() {
        m_versionsLoading->stop();
        statusBar()->showMessage(tr("Loading the versions was cancelled."));
        updateCancelAction();
    });
    connect(m_versionLoader, &VersionListLoader::failed, this,
            [this, updateCancelAction](const QString &name, const Error &error) {
                m_versionsLoading->stop();
                updateCancelAction();
                showError(error, Operation::ListVersions, [this, name]() { loadVersions(name); });
            });

    LoadingIndicator *detailsLoading = m_details->loadingIndicator();
    connect(detailsLoading, &LoadingIndicator::cancelRequested, m_detailsLoader,
            &VersionDetailsLoader::cancel);
    connect(m_detailsLoader, &VersionDetailsLoader::started, this, [detailsLoading, updateCancelAction]() {
        detailsLoading->start(tr("Loading the run and the signature…"));
        updateCancelAction();
    });
    connect(m_detailsLoader, &VersionDetailsLoader::runLoaded, m_details, &VersionDetailsPane::setRun);
    connect(m_detailsLoader, &VersionDetailsLoader::signatureLoaded, m_details,
            &VersionDetailsPane::setSignature);
    connect(m_detailsLoader, &VersionDetailsLoader::runFailed, this, [this](const Error &error) {
        const QString message = userMessage(error, Operation::LoadRun);
        m_details->setRunError(message);
        showError(error, Operation::LoadRun, [this]() { loadDetails(); });
    });
    connect(m_detailsLoader, &VersionDetailsLoader::signatureFailed, this, [this](const Error &error) {
        m_details->setSignatureError(userMessage(error, Operation::LoadSignature));
        showError(error, Operation::LoadSignature, [this]() { loadDetails(); });
    });
    connect(m_detailsLoader, &VersionDetailsLoader::finished, this,
            [this, detailsLoading, updateCancelAction](bool ok) {
                detailsLoading->stop();
                if (ok) {
                    clearErrorFor(Operation::LoadRun);
                    clearErrorFor(Operation::LoadSignature);
                }
                updateCancelAction();
                Q_EMIT detailsLoaded(ok);
            });
    // The review tabs load by themselves; their failures use the same banner and Retry.
    connect(m_details->chartsView(), &MetricHistoryView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this]() { m_details->chartsView()->reload(); });
            });
    connect(m_details->comparisonView(), &ComparisonView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this, operation]() {
                    if (operation == Operation::CompareVersions)
                        m_details->comparisonView()->reload();
                });
            });
    connect(m_details->trendView(), &MetricTrendView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this]() { m_details->trendView()->reload(); });
            });
    connect(m_details->chartsView(), &MetricHistoryView::loaded, this,
            [this]() { clearErrorFor(Operation::LoadMetricHistory); });
    connect(m_details->comparisonView(), &ComparisonView::loaded, this,
            [this]() { clearErrorFor(Operation::CompareVersions); });
    connect(m_details->trendView(), &MetricTrendView::loaded, this,
            [this]() { clearErrorFor(Operation::LoadMetricTrend); });

    connect(m_detailsLoader, &VersionDetailsLoader::cancelled, this,
            [this, detailsLoading, updateCancelAction]() {
                detailsLoading->stop();
                statusBar()->showMessage(tr("Loading the version details was cancelled."));
                updateCancelAction();
            });
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
    m_retry = nullptr;
    m_pendingModel.clear();
    m_pendingVersion.clear();
    m_selectedVersion.clear();
    m_versions->clear();
    m_versionsTitle->setText(tr("Versions"));
    m_details->clear();
    const auto client = m_workspaces->client();
    m_modelLoader->setClient(client);
    m_versionLoader->setClient(client);
    m_detailsLoader->setClient(client);
    m_details->setReviewClient(client);
    m_reviews->setClient(client, id);
    updateKeychainStatus();
    m_modelLoader->start();
}

void MainWindow::refresh()
{
    if (m_reviews->refreshIfShown()) // F5 refreshes the page in view
        return;
    // Keep the user's place: reselect the model and version once they are loaded again.
    const QModelIndex current = m_modelsView->currentIndex();
    if (current.isValid() && m_pendingModel.isEmpty())
        m_pendingModel = current.data(RegisteredModelListModel::ModelNameRole).toString();
    if (!m_selectedVersion.isEmpty() && m_pendingVersion.isEmpty())
        m_pendingVersion = m_selectedVersion;
    m_banner->dismiss();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
    m_versions->clear();
    m_details->clear();
    m_selectedVersion.clear();
    m_modelLoader->start();
}

void MainWindow::cancelLoads()
{
    m_modelLoader->cancel();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
    m_details->cancelReviewLoads();
    m_reviews->cancelLoads();
    m_cancelAction->setEnabled(false);
}

void MainWindow::setModelPageSize(int pageSize)
{
    m_modelLoader->setPageSize(pageSize);
}

bool MainWindow::isLoading() const
{
    return m_modelLoader->isLoading() || m_versionLoader->isLoading() || m_detailsLoader->isLoading();
}

void MainWindow::selectModel(const QString &name)
{
    m_pendingModel = name;
    trySelectPendingModel();
}

void MainWindow::trySelectPendingModel()
{
    if (m_pendingModel.isEmpty())
        return;
    const int row = m_models->rowOfName(m_pendingModel);
    if (row < 0)
        return;
    const QModelIndex proxyIndex =
        m_filter->mapFromSource(m_models->index(row, RegisteredModelListModel::Name));
    if (!proxyIndex.isValid())
        return; // hidden by the filter; stays pending
    m_pendingModel.clear();
    m_modelsView->setCurrentIndex(proxyIndex);
    m_modelsView->scrollTo(proxyIndex);
}

void MainWindow::onModelSelected()
{
    const QModelIndex current = m_modelsView->currentIndex();
    if (!current.isValid())
        return;
    const QString name = current.data(RegisteredModelListModel::ModelNameRole).toString();
    if (name == m_versions->modelName() && !m_versionLoader->isLoading())
        return;
    loadVersions(name);
}

void MainWindow::loadVersions(const QString &modelName)
{
    m_detailsLoader->cancel();
    m_details->clear();
    m_selectedVersion.clear();
    m_versions->clear();
    m_versionsTitle->setText(tr("Versions of %1").arg(modelName));
    m_versionLoader->start(modelName);
}

void MainWindow::selectVersion(const QString &versionOrAlias)
{
    m_pendingVersion = versionOrAlias;
    trySelectPendingVersion();
}

void MainWindow::trySelectPendingVersion()
{
    if (m_pendingVersion.isEmpty())
        return;
    const int row = m_versions->rowOf(m_pendingVersion);
    if (row < 0)
        return;
    m_pendingVersion.clear();
    auto *sorted = qobject_cast<QSortFilterProxyModel *>(m_versionsView->model());
    const QModelIndex index = sorted->mapFromSource(m_versions->index(row, ModelVersionListModel::Version));
    m_versionsView->setCurrentIndex(index);
    m_versionsView->scrollTo(index);
}

void MainWindow::onVersionSelected()
{
    const QModelIndex current = m_versionsView->currentIndex();
    if (!current.isValid())
        return;
    const QString version = current.data(ModelVersionListModel::VersionRole).toString();
    if (version == m_selectedVersion)
        return;
    m_selectedVersion = version;
    loadDetails();
}

void MainWindow::loadDetails()
{
    const int row = m_versions->rowOf(m_selectedVersion);
    if (row < 0)
        return;
    const ModelVersion &version = m_versions->versionAt(row);
    m_details->showVersion(version);
    m_detailsLoader->start(version);
}

void MainWindow::showDetailsTab(int tab)
{
    if (tab >= 0 && tab < m_details->tabs()->count())
        m_details->tabs()->setCurrentIndex(tab);
}

void MainWindow::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

void MainWindow::showError(const Error &error, Operation operation, std::function<void()> retry)
{
    const QString message = userMessage(error, operation);
    m_bannerOperation = operation;
    m_retry = std::move(retry);
    const bool editable =
        m_workspaces->currentWorkspace() && !m_workspaces->currentWorkspace()->fromEnvironment;
    m_banner->showMessage(ErrorBanner::Kind::Error, message, true,
                          editable && (isAuthenticationError(error) || error.kind == ErrorKind::Config));
    statusBar()->showMessage(message.section(u'.', 0, 0) + u'.', 10'000);
    Q_EMIT loadFailed(message);
}

void MainWindow::clearErrorFor(Operation operation)
{
    if (m_bannerOperation == operation && m_retry) {
        m_banner->dismiss();
        m_retry = nullptr;
    }
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

void MainWindow::resetLayout()
{
    // Column widths that fit typical content, never narrower than the (translated) header.
    const auto fit = [](QTableView *view, int column, int width) {
        QHeaderView *header = view->horizontalHeader();
        header->resizeSection(column, qMax(width, header->sectionSizeHint(column)));
    };
    fit(m_modelsView, RegisteredModelListModel::Name, 170);
    fit(m_modelsView, RegisteredModelListModel::LatestVersion, 60);
    fit(m_modelsView, RegisteredModelListModel::Aliases, 165);
    fit(m_modelsView, RegisteredModelListModel::Tags, 150);
    // Wide enough for the longest short date of the UI language ("12/28/26 11:59 PM").
    const QString longestDate =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
    const int dateWidth = m_modelsView->fontMetrics().horizontalAdvance(longestDate) + 16;
    fit(m_modelsView, RegisteredModelListModel::LastUpdated, dateWidth);
    fit(m_versionsView, ModelVersionListModel::Version, 60);
    fit(m_versionsView, ModelVersionListModel::Aliases, 100);
    fit(m_versionsView, ModelVersionListModel::Status, 70);
    fit(m_versionsView, ModelVersionListModel::Created, dateWidth);
    fit(m_versionsView, ModelVersionListModel::SourceRun, 110);
    fit(m_versionsView, ModelVersionListModel::Tags, 150);

    const int width = qMax(this->width(), 1000);
    m_mainSplitter->setSizes({width / 2, width / 2});
    m_rightSplitter->setSizes({300, 500});
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
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("rightSplitter")).toByteArray());
    m_modelsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("modelsHeader")).toByteArray());
    m_versionsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("versionsHeader")).toByteArray());
    m_reviews->restoreLayout(settings); // and the page shown
}

void MainWindow::saveLayout() const
{
    if (!m_rememberLayout)
        return;
    QSettings settings(settingsOrganization(), settingsApplication());
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("modelsHeader"), m_modelsView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("versionsHeader"), m_versionsView->horizontalHeader()->saveState());
    m_reviews->saveLayout(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    cancelLoads();
    QMainWindow::closeEvent(event);
}

} // namespace modelgate::ui
