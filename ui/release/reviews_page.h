#pragma once

#include <functional>
#include <memory>
#include <utility>

#include <QWidget>

#include <modelgate/core/mlflow/mlflow_client.h>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class QTabWidget;

namespace modelgate::ui {

class AuditTrailView;
class InboxView;
class ReviewPanel;

// The "Reviews" page of the main window: the reviewer's inbox on the left; on the right the
// review panel and the audit trail of the selected version's model (read when its tab is shown). A recorded
// decision or policy change refreshes the inbox (so its count drops) and the trail.
class ReviewsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewsPage)

public:
    enum Tab
    {
        ReviewTab,
        AuditTrailTab,
    };

    // The main window's top-level pages.
    enum Page
    {
        RegistryPage,
        ReviewsPageIndex,
    };

    explicit ReviewsPage(QWidget *parent = nullptr);

    // The main window's page switch: a tab widget with `registry` and this page. The Reviews
    // tab reads "Reviews (N)" and `countLabel` (the status bar's) "N versions to review",
    // N being the versions the user can review.
    QTabWidget *createPageSwitch(QWidget *registry, QLabel *countLabel);
    // Adds "Registry" (Ctrl+Shift+1), "Reviews" (Ctrl+Shift+2) and "Review This Version"
    // (Ctrl+Shift+R, on `selectedVersion()` = model, version) to `menu`; returns the last,
    // for the registry's context menu.
    QAction *addPageActions(QMenu *menu, std::function<std::pair<QString, QString>()> selectedVersion);
    void showPage(int page);
    int currentPage() const;
    // Switches to this page and shows the version.
    void reviewVersion(const QString &model, const QString &version);
    // Refreshes when this page is the one in view (F5); false otherwise.
    bool refreshIfShown();

    // The workspace's client (nullptr clears); `workspaceName` files the panel's drafts.
    void setClient(std::shared_ptr<const MlflowClient> client, const QString &workspaceName = {});
    // Shows one version in the panel and its model's trail, and selects its inbox row when
    // the inbox lists it (a version already approved is shown all the same).
    void showVersion(const QString &model, const QString &version);
    void refresh();
    void cancelLoads();
    int mineToReviewCount() const;

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);
    void resetLayout();

    // For the main window, tests and the screenshot mode.
    InboxView *inbox() const { return m_inbox; }
    ReviewPanel *reviewPanel() const { return m_panel; }
    AuditTrailView *auditTrailView() const { return m_trail; }
    QTabWidget *tabs() const { return m_tabs; }
    QSplitter *splitter() const { return m_splitter; }
    QString shownModel() const { return m_model; }
    QString shownVersion() const { return m_version; }

Q_SIGNALS:
    void mineToReviewCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCount(int count);
    void loadTrailIfShown();

    InboxView *m_inbox;
    QTabWidget *m_tabs;
    ReviewPanel *m_panel;
    AuditTrailView *m_trail;
    QSplitter *m_splitter;
    QTabWidget *m_pages = nullptr; // the main window's page switch, when there is one
    QLabel *m_countLabel = nullptr;
    QAction *m_pageActions[2] = {nullptr, nullptr};
    QAction *m_reviewVersionAction = nullptr;
    QString m_model;
    QString m_version;
    QString m_trailModel; // the model whose trail is loaded
    int m_lastCount = -1;
};

} // namespace modelgate::ui
