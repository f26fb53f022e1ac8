#pragma once

#include "deploy/endpoints_page.h"
#include "registry/registry_page.h"
#include "release/reviews_page.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;

namespace modelgate::ui {

class EndpointMonitorView;
class EndpointOverviewPoller;
class ErrorBanner;
class WorkspaceManager;
struct Workspace;

// The window shell: the workspace switcher, menus and actions, the error banner, the page
// switch (the registry page and the reviews page), the status bar and the remembered layout.
// The pages do the work; the registry page's parts are reachable from here as well, for
// main(), the screenshot mode and the tests.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(WorkspaceManager *workspaces, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills the switcher and activates `preferredWorkspace` (a profile name), else the
    // workspace used last, else the first one.
    void start(const QString &preferredWorkspace = {});

    // Selects the model now, or as soon as the list contains it.
    void selectModel(const QString &name) { m_registry->selectModel(name); }
    // Selects a version ("3") or alias ("@champion") now, or once the versions are loaded.
    void selectVersion(const QString &versionOrAlias) { m_registry->selectVersion(versionOrAlias); }
    void showDetailsTab(int tab) { m_registry->showDetailsTab(tab); }
    void setFilterText(const QString &text) { m_registry->setFilterText(text); }
    // Refreshes the page in view (F5).
    void refresh();
    void cancelLoads();
    // Models per page of the registry search (default 100).
    void setModelPageSize(int pageSize) { m_registry->setModelPageSize(pageSize); }
    bool isLoading() const { return m_registry->isLoading(); }
    void openWorkspacesDialog();
    // Switches to a workspace by id (as WorkspaceManager names it), updating the switcher.
    void activateWorkspace(const QString &id);
    // The default splitter and column sizes, ignoring what the user saved.
    void resetLayout() { m_registry->resetLayout(); }
    // Whether closing saves the window layout (the screenshot mode leaves the user's alone).
    void setRememberLayout(bool remember) { m_rememberLayout = remember; }
    // For the screenshot mode: the dialog as it would open, not yet shown.
    QDialog *createWorkspacesDialog();

    RegistryPage *registryPage() const { return m_registry; }
    RegisteredModelListModel *modelListModel() const { return m_registry->modelListModel(); }
    ModelFilterProxyModel *filterModel() const { return m_registry->filterModel(); }
    ModelVersionListModel *versionListModel() const { return m_registry->versionListModel(); }
    VersionDetailsPane *detailsPane() const { return m_registry->detailsPane(); }
    QTableView *modelsView() const { return m_registry->modelsView(); }
    QTableView *versionsView() const { return m_registry->versionsView(); }
    LoadingIndicator *modelsLoadingIndicator() const { return m_registry->modelsLoadingIndicator(); }
    QLineEdit *filterEdit() const { return m_registry->filterEdit(); }
    ErrorBanner *errorBanner() const { return m_banner; }
    QComboBox *workspaceSwitcher() const { return m_workspaceCombo; }

    // The top-level pages: ReviewsPage::Page (the registry browser and the reviews), then
    // EndpointsPageIndex.
    static constexpr int EndpointsPageIndex = ReviewsPage::ReviewsPageIndex + 1;
    void showPage(int page);
    int currentPage() const;
    // Opens the Reviews page on a version (the registry's "Review this version", Ctrl+Shift+R).
    void reviewVersion(const QString &model, const QString &version)
    {
        m_reviews->reviewVersion(model, version);
    }
    ReviewsPage *reviewsPage() const { return m_reviews; }
    EndpointsPage *endpointsPage() const { return m_endpoints; }
    // The live charts of the selected endpoint (the Endpoints page's Monitor tab) and the
    // poller that feeds the endpoint list's figures.
    EndpointMonitorView *monitorView() const { return m_monitor; }
    EndpointOverviewPoller *overviewPoller() const { return m_overview; }
    QTabWidget *pages() const { return m_pages; }
    QLabel *reviewCountLabel() const { return m_reviewCount; }

Q_SIGNALS:
    // The registry page's, passed on.
    void modelsLoaded(int count);
    void versionsLoaded(const QString &modelName);
    void detailsLoaded(bool ok);
    void loadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void connectRegistry();
    void connectMonitoring();
    void populateWorkspaces();
    void onWorkspaceActivated(const QString &id);
    void showStatusMessage(const QString &text, int timeout);
    void updateKeychainStatus();
    void setDeployContext(const Workspace &workspace, std::shared_ptr<const MlflowClient> client);
    void restoreLayout();
    void saveLayout() const;

    WorkspaceManager *m_workspaces;
    ReviewsPage *m_reviews;
    ErrorBanner *m_banner = nullptr;
    RegistryPage *m_registry = nullptr;
    EndpointsPage *m_endpoints = nullptr;
    EndpointMonitorView *m_monitor = nullptr;
    EndpointOverviewPoller *m_overview = nullptr;
    QAction *m_endpointsPageAction = nullptr;

    QComboBox *m_workspaceCombo = nullptr;
    QLabel *m_keychainStatus = nullptr;
    QTabWidget *m_pages = nullptr;
    QLabel *m_reviewCount = nullptr;
    QAction *m_reviewVersionAction = nullptr;

    QAction *m_manageAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    bool m_populating = false;
    bool m_rememberLayout = true;
};

} // namespace modelgate::ui
