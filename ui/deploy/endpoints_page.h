#pragma once

#include "deploy/deploy_context.h"
#include "errors/error_text.h"

#include <map>
#include <string>
#include <vector>

#include <QWidget>

#include <modelgate/core/util/cancel_token.h>

class QAction;
class QLabel;
class QCheckBox;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace modelgate::ui {

class DeploymentTableModel;
class DeployWizard;
class EndpointListModel;
class ErrorBanner;
class LoadingIndicator;
class TrafficSplitBar;

// The "Endpoints" page: the target's endpoints on the left (with the actions and, once
// monitoring feeds them, each one's request-rate sparkline, error rate, p95 and SLO status,
// sorted by trouble), the selected endpoint on the right: scoring URI, health, the traffic
// split, its deployments (with whether each version is still approved) and, in tabs, the
// selected deployment's log and what the shell adds (the live charts). Endpoints are read again
// when the page is shown and on Refresh; every action goes through core's Rollout (gate, act,
// record) off the GUI thread, and says what it recorded.
class EndpointsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointsPage)

public:
    explicit EndpointsPage(QWidget *parent = nullptr);
    ~EndpointsPage() override;

    // The workspace's registry and target; an invalid context clears the page.
    void setContext(DeployContext context);
    const DeployContext &context() const { return m_context; }

    // Shows these endpoints; a refresh passes what the target lists (fromTarget). Hand-filled
    // endpoints (the screenshot mode's) go through the same path, and the page then reads no
    // approvals, logs or endpoints of the target until refresh() is called. The selection is
    // kept by name.
    void setEndpoints(std::vector<EndpointInfo> endpoints, bool fromTarget = false);
    // Whether each deployment of `endpoint` is approved now (read after a selection).
    void setApprovals(const QString &endpoint, std::map<std::string, DeploymentApproval> approvals);
    // Shows `text` as the selected deployment's log.
    void setLogText(const QString &text);

    void refresh();
    void cancelLoads();
    bool isLoading() const { return m_loadingEndpoints; }
    void selectEndpoint(const QString &name);
    void selectDeployment(const QString &name);
    QString selectedEndpoint() const;
    QString selectedDeployment() const;

    // The wizard for `version` of `model` (both empty: it asks for them). Non-modal; deletes
    // itself when closed.
    DeployWizard *openDeployWizard(const QString &model = {}, const QString &version = {});
    // Actions on the selected endpoint (the toolbar's).
    void openTrafficDialog();
    void rollBack();
    void restartEndpoint();
    void deleteDeployment();
    void refreshLog();

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);
    void resetLayout();

    EndpointListModel *endpointModel() const { return m_endpoints; }
    DeploymentTableModel *deploymentModel() const { return m_deployments; }
    QTableView *endpointsView() const { return m_endpointsView; }
    QTableView *deploymentsView() const { return m_deploymentsView; }
    TrafficSplitBar *splitBar() const { return m_splitBar; }
    QPlainTextEdit *logView() const { return m_log; }
    QLabel *healthLine() const { return m_health; }
    // The tabs under the deployments: the deployment log, and what others add (the shell puts
    // the live charts first, so that this page needs nothing of them).
    QTabWidget *detailTabs() const { return m_detailTabs; }
    void addDetailTab(QWidget *widget, const QString &title);
    ErrorBanner *errorBanner() const { return m_banner; }
    QAction *restartAction() const { return m_restartAction; }

Q_SIGNALS:
    void endpointsLoaded(int count);
    // The endpoint shown on the right changed (empty: none).
    void selectedEndpointChanged(const QString &name);
    void loadFailed(const QString &message);
    void statusMessage(const QString &text, int timeout);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void showSelectedEndpoint();
    void showSelectedDeployment();
    void loadApprovals(const EndpointInfo &endpoint);
    void updateActions();
    void setBusy(const QString &text);
    void finishAction(const Result<RolloutOutcome> &result, Operation operation);
    void showError(const Error &error, Operation operation);
    const EndpointInfo *currentEndpoint() const;

    DeployContext m_context;
    EndpointListModel *m_endpoints;
    DeploymentTableModel *m_deployments;
    QSortFilterProxyModel *m_endpointsProxy;
    QSortFilterProxyModel *m_deploymentsProxy;
    std::map<std::string, std::map<std::string, DeploymentApproval>> m_approvals; // by endpoint
    CancelToken m_loadCancel;
    CancelToken m_actionCancel;
    quint64 m_generation = 0;
    quint64 m_logGeneration = 0;
    bool m_loadingEndpoints = false;
    bool m_acting = false;
    bool m_injected = false; // hand-filled endpoints: no target to read logs or approvals from

    ErrorBanner *m_banner;
    LoadingIndicator *m_loading;
    QToolBar *m_toolBar;
    QTableView *m_endpointsView;
    QLabel *m_title;
    QLabel *m_scoringUri;
    QLabel *m_health;
    QPushButton *m_restartButton;
    TrafficSplitBar *m_splitBar;
    QTableView *m_deploymentsView;
    QLabel *m_logTitle;
    QPlainTextEdit *m_log;
    QCheckBox *m_hideHealthChecks;
    QString m_logText; // as read, health checks included
    QTabWidget *m_detailTabs;
    QSplitter *m_splitter;
    QSplitter *m_rightSplitter;
    QString m_shownEndpoint;           // the last selectedEndpointChanged
    bool m_replacingEndpoints = false; // a reset's passing "no selection" is no change

    QAction *m_refreshAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_trafficAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_logRefreshAction = nullptr;
};

} // namespace modelgate::ui
