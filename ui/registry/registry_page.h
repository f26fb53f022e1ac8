#pragma once

#include "errors/error_text.h"

#include <functional>
#include <memory>
#include <utility>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/result.h>

class QAction;
class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QTableView;

namespace modelgate::ui {

class ErrorBanner;
class LoadingIndicator;
class ModelFilterProxyModel;
class ModelListLoader;
class ModelVersionListModel;
class RegisteredModelListModel;
class VersionDetailsLoader;
class VersionDetailsPane;
class VersionListLoader;

// The registry page of the main window: registered models (left), versions of the selected
// model and details of the selected version (right). All network work runs in the loaders
// off the GUI thread; failures show in the window's banner (with Retry), never in a modal box.
// The shell owns the menus, the status bar and the settings: the page tells it what to show
// (statusMessage, loadingChanged) and reads and writes its part of the layout when asked.
class RegistryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryPage)

public:
    // `banner` is the window's: the page reports its failures there and answers its Retry.
    explicit RegistryPage(ErrorBanner *banner, QWidget *parent = nullptr);
    ~RegistryPage() override;

    // A workspace was activated: forgets the previous one's models, versions and details and
    // loads the models with `client`. `editable`: its settings can be edited (not from the
    // environment), so an authentication or configuration error offers "Edit Workspace…".
    void setWorkspace(std::shared_ptr<const MlflowClient> client, bool editable);

    // Selects the model now, or as soon as the list contains it.
    void selectModel(const QString &name);
    // Selects a version ("3") or alias ("@champion") now, or once the versions are loaded.
    void selectVersion(const QString &versionOrAlias);
    void showDetailsTab(int tab);
    void setFilterText(const QString &text);
    void focusFilter();
    // Reloads the models, keeping the user's place (the model and version reselected).
    void refresh();
    void cancelLoads();
    // Models per page of the registry search (default 100).
    void setModelPageSize(int pageSize);
    bool isLoading() const;
    // The model and version whose details are shown (empty when none).
    std::pair<QString, QString> selectedVersion() const;
    // Adds `action` to the versions' context menu.
    void addVersionAction(QAction *action);

    // The default splitter and column sizes, ignoring what the user saved.
    void resetLayout();
    // The splitters and table headers, under the keys the window has always used.
    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

    RegisteredModelListModel *modelListModel() const { return m_models; }
    ModelFilterProxyModel *filterModel() const { return m_filter; }
    ModelVersionListModel *versionListModel() const { return m_versions; }
    VersionDetailsPane *detailsPane() const { return m_details; }
    QTableView *modelsView() const { return m_modelsView; }
    QTableView *versionsView() const { return m_versionsView; }
    LoadingIndicator *modelsLoadingIndicator() const { return m_modelsLoading; }
    QLineEdit *filterEdit() const { return m_filterEdit; }

Q_SIGNALS:
    void modelsLoaded(int count);
    void versionsLoaded(const QString &modelName);
    void detailsLoaded(bool ok);
    void loadFailed(const QString &message);
    // For the status bar: an empty text clears it; `timeout` in ms, 0 keeps it.
    void statusMessage(const QString &text, int timeout = 0);
    // A loader started or stopped (isLoading() may have changed).
    void loadingChanged();
    // The models' Cancel button: the window cancels everything that is loading.
    void cancelRequested();

private:
    QWidget *createModelsPanel();
    QWidget *createVersionsPanel();
    void connectLoaders();
    void connectReviewTabs();
    void onModelSelected();
    void onVersionSelected();
    void trySelectPendingModel();
    void trySelectPendingVersion();
    void loadVersions(const QString &modelName);
    void loadDetails();
    void showError(const Error &error, Operation operation, std::function<void()> retry);
    void clearErrorFor(Operation operation);

    ErrorBanner *m_banner;
    RegisteredModelListModel *m_models;
    ModelFilterProxyModel *m_filter;
    ModelVersionListModel *m_versions;
    ModelListLoader *m_modelLoader;
    VersionListLoader *m_versionLoader;
    VersionDetailsLoader *m_detailsLoader;

    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_modelsView = nullptr;
    LoadingIndicator *m_modelsLoading = nullptr;
    QLabel *m_versionsTitle = nullptr;
    QTableView *m_versionsView = nullptr;
    LoadingIndicator *m_versionsLoading = nullptr;
    VersionDetailsPane *m_details = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;

    QString m_pendingModel;
    QString m_pendingVersion;
    QString m_selectedVersion; // of the version whose details are shown
    Operation m_bannerOperation = Operation::ListModels;
    std::function<void()> m_retry;
    bool m_workspaceEditable = false;
};

} // namespace modelgate::ui
