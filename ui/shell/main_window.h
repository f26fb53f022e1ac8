#pragma once

#include "errors/error_text.h"
#include "release/reviews_page.h"

#include <functional>

#include <QMainWindow>

#include <modelgate/core/mlflow/mlflow_types.h>
#include <modelgate/core/util/result.h>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;

namespace modelgate::ui {

class ErrorBanner;
class LoadingIndicator;
class ModelFilterProxyModel;
class ModelListLoader;
class ModelVersionListModel;
class RegisteredModelListModel;
class ReviewsPage;
class VersionDetailsLoader;
class VersionDetailsPane;
class VersionListLoader;
class WorkspaceManager;

// The registry browser: workspace switcher, registered models (left), versions of the
// selected model and details of the selected version (right). All network work runs in
// the loaders off the GUI thread; failures show in the banner, never in a modal box.
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
    void selectModel(const QString &name);
    // Selects a version ("3") or alias ("@champion") now, or once the versions are loaded.
    void selectVersion(const QString &versionOrAlias);
    void showDetailsTab(int tab);
    void setFilterText(const QString &text);
    void refresh();
    void cancelLoads();
    // Models per page of the registry search (default 100).
    void setModelPageSize(int pageSize);
    bool isLoading() const;
    void openWorkspacesDialog();
    // Switches to a workspace by id (as WorkspaceManager names it), updating the switcher.
    void activateWorkspace(const QString &id);
    // The default splitter and column sizes, ignoring what the user saved.
    void resetLayout();
    // Whether closing saves the window layout (the screenshot mode leaves the user's alone).
    void setRememberLayout(bool remember) { m_rememberLayout = remember; }
    // For the screenshot mode: the dialog as it would open, not yet shown.
    QDialog *createWorkspacesDialog();

    RegisteredModelListModel *modelListModel() const { return m_models; }
    ModelFilterProxyModel *filterModel() const { return m_filter; }
    ModelVersionListModel *versionListModel() const { return m_versions; }
    VersionDetailsPane *detailsPane() const { return m_details; }
    ErrorBanner *errorBanner() const { return m_banner; }
    QTableView *modelsView() const { return m_modelsView; }
    QTableView *versionsView() const { return m_versionsView; }
    LoadingIndicator *modelsLoadingIndicator() const { return m_modelsLoading; }
    QComboBox *workspaceSwitcher() const { return m_workspaceCombo; }
    QLineEdit *filterEdit() const { return m_filterEdit; }

    // The top-level pages (ReviewsPage::Page): the registry browser and the reviews.
    void showPage(int page) { m_reviews->showPage(page); }
    int currentPage() const { return m_reviews->currentPage(); }
    // Opens the Reviews page on a version (the registry's "Review this version", Ctrl+Shift+R).
    void reviewVersion(const QString &model, const QString &version)
    {
        m_reviews->reviewVersion(model, version);
    }
    ReviewsPage *reviewsPage() const { return m_reviews; }
    QTabWidget *pages() const { return m_pages; }
    QLabel *reviewCountLabel() const { return m_reviewCount; }

Q_SIGNALS:
    void modelsLoaded(int count);
    void versionsLoaded(const QString &modelName);
    void detailsLoaded(bool ok);
    void loadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createModelsPanel();
    QWidget *createVersionsPanel();
    void connectLoaders();
    void populateWorkspaces();
    void onWorkspaceActivated(const QString &id);
    void onModelSelected();
    void onVersionSelected();
    void trySelectPendingModel();
    void trySelectPendingVersion();
    void loadVersions(const QString &modelName);
    void loadDetails();
    void showError(const Error &error, Operation operation, std::function<void()> retry);
    void clearErrorFor(Operation operation);
    void updateKeychainStatus();
    void restoreLayout();
    void saveLayout() const;

    WorkspaceManager *m_workspaces;
    RegisteredModelListModel *m_models;
    ModelFilterProxyModel *m_filter;
    ModelVersionListModel *m_versions;
    ModelListLoader *m_modelLoader;
    VersionListLoader *m_versionLoader;
    VersionDetailsLoader *m_detailsLoader;
    ReviewsPage *m_reviews;

    ErrorBanner *m_banner = nullptr;
    QComboBox *m_workspaceCombo = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_modelsView = nullptr;
    LoadingIndicator *m_modelsLoading = nullptr;
    QLabel *m_versionsTitle = nullptr;
    QTableView *m_versionsView = nullptr;
    LoadingIndicator *m_versionsLoading = nullptr;
    VersionDetailsPane *m_details = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
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

    QString m_pendingModel;
    QString m_pendingVersion;
    QString m_selectedVersion; // of the version whose details are shown
    Operation m_bannerOperation = Operation::ListModels;
    std::function<void()> m_retry;
    bool m_populating = false;
    bool m_rememberLayout = true;
};

} // namespace modelgate::ui
