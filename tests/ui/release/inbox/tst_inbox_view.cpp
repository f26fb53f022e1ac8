// The inbox view and the main window's Reviews page, offscreen, against the shared seeded
// MLflow server of the CTest fixture "mlflow" (which holds no release records for the seeded
// models: every seeded version that is not archived waits for review). Nothing is written.
#include "mlflow_test_server.h"
#include "release/audit/audit_trail_view.h"
#include "release/inbox/inbox_model.h"
#include "release/inbox/inbox_view.h"
#include "release/review/review_panel.h"
#include "release/reviews_page.h"
#include "shell/main_window.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"

#include <memory>

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <modelgate/core/workspace/profiles.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int kLoadTimeout = 120'000;
constexpr int kSeededOpenVersions = 7; // diabetes 2-4, fraud 1-2, churn 1, readmission 1

std::shared_ptr<const MlflowClient> clientAs(const QString &uri, const std::string &user)
{
    ClientConfig config;
    config.trackingUri = uri.toStdString();
    config.credentials.username = user; // no auth: the identity is the profile's user name
    return std::make_shared<MlflowClient>(config);
}

int rowsWhere(const QAbstractItemModel &model, int role)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.index(row, 0).data(role).toBool() ? 1 : 0;
    return count;
}

} // namespace

class TestInboxView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings and drafts go to a test location
    }

    void loadsFiltersAndKeepsTheSelection()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        InboxView view;
        view.resize(900, 600);
        view.show();
        QSignalSpy loaded(&view, &InboxView::loaded);
        QSignalSpy counts(&view, &InboxView::countsChanged);
        QSignalSpy selected(&view, &InboxView::versionSelected);
        view.setClient(clientAs(uri, "riley.release"));
        QCOMPARE(view.reviewer(), QStringLiteral("riley.release"));
        QVERIFY(view.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
        QVERIFY(!view.isLoading());
        QVERIFY(!view.loadingIndicator()->isVisible());
        QVERIFY(!view.errorBanner()->isVisible());

        const InboxModel *model = view.inboxModel();
        QVERIFY(model->rowCount() >= kSeededOpenVersions);
        QVERIFY(view.mineToReviewCount() >= kSeededOpenVersions);
        QCOMPARE(counts.last().at(0).toInt(), view.mineToReviewCount());
        QCOMPARE(counts.last().at(1).toInt(), model->rowCount());
        const int v4 = model->rowOf(QStringLiteral("diabetes-classifier"), QStringLiteral("4"));
        QVERIFY(v4 >= 0);
        QVERIFY(model->index(v4, InboxModel::Checks).data().toString().contains(u"passed"));
        QCOMPARE(model->index(v4, InboxModel::Champion).data().toString(), QStringLiteral("v3"));
        QCOMPARE(model->index(v4, InboxModel::State).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model->rowOf(QStringLiteral("diabetes-classifier"), QStringLiteral("1")), -1); // archived
        QVERIFY(view.filterButton(InboxView::Filter::MineToReview)
                    ->text()
                    .contains(QString::number(view.mineToReviewCount())));

        // Chips filter the table.
        view.setFilter(InboxView::Filter::FailedChecks);
        QVERIFY(view.filterButton(InboxView::Filter::FailedChecks)->isChecked());
        QCOMPARE(view.table()->model()->rowCount(), rowsWhere(*model, InboxModel::FailedChecksRole));
        view.setFilter(InboxView::Filter::Rejected);
        QCOMPARE(view.table()->model()->rowCount(), 0);
        view.setFilter(InboxView::Filter::AllPending);
        view.setFilterText(QStringLiteral("diabetes"));
        QCOMPARE(view.table()->model()->rowCount(), 3);

        // Selecting a row says which version; a refresh keeps it without announcing it again.
        view.selectVersion(QStringLiteral("diabetes-classifier"), QStringLiteral("4"));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().at(1).toString(), QStringLiteral("4"));
        view.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kLoadTimeout);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(view.table()->currentIndex().data(InboxModel::VersionRole).toString(), QStringLiteral("4"));

        // Cancel stops the load; nothing arrives afterwards.
        view.refresh();
        view.loadingIndicator()->cancelRequested();
        QVERIFY(!view.isLoading());
        QTest::qWait(1500);
        QCOMPARE(loaded.count(), 2);
        QVERIFY(!view.errorBanner()->isVisible());
    }

    void anAuthorIsNotAskedToReviewOwnVersions()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        InboxView view;
        QSignalSpy loaded(&view, &InboxView::loaded);
        view.setClient(clientAs(uri, "dana.scientist"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
        const InboxModel *model = view.inboxModel();
        const int v4 = model->rowOf(QStringLiteral("diabetes-classifier"), QStringLiteral("4"));
        const int v3 = model->rowOf(QStringLiteral("diabetes-classifier"), QStringLiteral("3"));
        QVERIFY(v4 >= 0 && v3 >= 0);
        QVERIFY(!model->entryAt(v4).mineToReview); // dana trained v4
        QVERIFY(model->entryAt(v3).mineToReview);  // lee trained v3
        view.setFilter(InboxView::Filter::MineToReview);
        QCOMPARE(view.table()->model()->rowCount(), view.mineToReviewCount());
    }

    void theMainWindowShowsTheReviewsPage()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        QTemporaryDir configDir;
        MemorySecretStore secrets;
        const std::string path = configDir.filePath(QStringLiteral("profiles.json")).toStdString();
        {
            Profile profile;
            profile.name = "seeded";
            profile.trackingUri = uri.toStdString();
            profile.username = "riley.release";
            ProfileStore store(path);
            store.upsert(profile);
            QVERIFY(store.save().ok());
        }
        WorkspaceManager workspaces(path, Environment{}, &secrets);
        MainWindow window(&workspaces);
        window.setRememberLayout(false);
        window.resize(1400, 860);
        window.show();
        ReviewsPage *page = window.reviewsPage();
        QCOMPARE(window.pages()->count(), 3); // Registry, Reviews, Endpoints
        QSignalSpy counted(page, &ReviewsPage::mineToReviewCountChanged);
        QSignalSpy modelsLoaded(&window, &MainWindow::modelsLoaded);
        window.start(QStringLiteral("seeded"));
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0 && !page->inbox()->isLoading(), kLoadTimeout);
        const int mine = page->mineToReviewCount();
        QVERIFY(mine >= kSeededOpenVersions);
        QCOMPARE(window.pages()->tabText(ReviewsPage::ReviewsPageIndex),
                 QStringLiteral("Reviews (%1)").arg(mine));
        auto *countLabel = window.findChild<QLabel *>(QStringLiteral("reviewCount"));
        QVERIFY(countLabel);
        QCOMPARE(countLabel->text(), QStringLiteral("%1 version(s) to review").arg(mine));

        // The page switch, and F5 on the Reviews page refreshes the inbox.
        window.showPage(ReviewsPage::ReviewsPageIndex);
        QCOMPARE(window.currentPage(), int(ReviewsPage::ReviewsPageIndex));
        QSignalSpy inboxLoaded(page->inbox(), &InboxView::loaded);
        window.refresh();
        QVERIFY(page->inbox()->isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(inboxLoaded.count(), 1, kLoadTimeout);
        window.showPage(ReviewsPage::RegistryPage);
        QCOMPARE(window.currentPage(), int(ReviewsPage::RegistryPage));

        // "Review this version" from the registry opens the page on the selected version.
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 1, kLoadTimeout);
        QSignalSpy versionsLoaded(&window, &MainWindow::versionsLoaded);
        window.selectModel(QStringLiteral("fraud-detector"));
        QTRY_COMPARE_WITH_TIMEOUT(versionsLoaded.count(), 1, kLoadTimeout);
        window.selectVersion(QStringLiteral("1"));
        auto *action = window.findChild<QAction *>(QStringLiteral("reviewVersionAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
        action->trigger();
        QCOMPARE(window.currentPage(), int(ReviewsPage::ReviewsPageIndex));
        QCOMPARE(page->shownModel(), QStringLiteral("fraud-detector"));
        QCOMPARE(page->shownVersion(), QStringLiteral("1"));
        QCOMPARE(page->reviewPanel()->model(), QStringLiteral("fraud-detector"));
        QCOMPARE(page->auditTrailView()->model(), QString()); // read once its tab is shown
        page->tabs()->setCurrentIndex(ReviewsPage::AuditTrailTab);
        QCOMPARE(page->auditTrailView()->model(), QStringLiteral("fraud-detector"));
        QCOMPARE(page->inbox()->table()->currentIndex().data(InboxModel::ModelNameRole).toString(),
                 QStringLiteral("fraud-detector"));

        // Selecting another inbox row shows it on the right.
        page->inbox()->selectVersion(QStringLiteral("diabetes-classifier"), QStringLiteral("3"));
        QCOMPARE(page->reviewPanel()->version(), QStringLiteral("3"));
        QCOMPARE(page->auditTrailView()->model(), QStringLiteral("diabetes-classifier"));
    }
};

QTEST_MAIN(TestInboxView)
#include "tst_inbox_view.moc"
