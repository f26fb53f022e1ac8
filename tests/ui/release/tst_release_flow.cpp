// The release review end to end, offscreen, through the real main window against ONE private
// basic-auth MLflow server (issue 5): the author opens her version and sees Approve disabled
// with the reason; a release manager sees N versions to review, approves one through the
// panel and the count drops to N-1 while the panel shows the written record; an admin then
// hand-edits the version's review tag through the REST API, and the audit trail and the panel
// say the tags no longer match the records.
//
// Every authenticated request costs ~0.7 s (password hashing), so the window is never shown:
// the evidence tabs load only when visible, and they are not what this test is about.
#include "mlflow_test_server.h"
#include "release/audit/audit_trail_view.h"
#include "release/inbox/inbox_model.h"
#include "release/inbox/inbox_view.h"
#include "release/review/decision_area.h"
#include "release/review/review_panel.h"
#include "release/reviews_page.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "shell/main_window.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"

#include <map>
#include <memory>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/workspace/profiles.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int kTimeout = 240'000; // several loads of ~25 requests at ~0.7 s each
const QString kModel = QStringLiteral("diabetes-classifier");
constexpr const char *kDana = "dana.scientist"; // author of v1, v2 and v4 (mlflow.user of their runs)
constexpr const char *kRiley = "riley.release";

} // namespace

class TestReleaseFlow : public QObject
{
    Q_OBJECT

    // Its own, not the shared one: the inbox counts every model's versions on the server.
    test::PrivateMlflowServer m_server;
    std::map<std::string, std::string> m_passwords;
    QTemporaryDir m_configDir;
    MemorySecretStore m_secrets; // the in-memory fallback: passwords never touch a file
    std::unique_ptr<WorkspaceManager> m_workspaces;
    std::unique_ptr<MainWindow> m_window;
    bool m_started = false;
    int m_countBefore = -1;
    std::string m_recordHash;

    MlflowClient admin() const
    {
        return test::clientAs(m_server.uri(), test::PrivateMlflowServer::adminUser().toStdString(),
                              m_server.adminPassword().toStdString());
    }

    ReviewsPage *page() const { return m_window->reviewsPage(); }

    // Switches the window to `user`'s workspace and waits until its inbox has loaded.
    bool activate(const char *user)
    {
        QSignalSpy inboxLoaded(page()->inbox(), &InboxView::loaded);
        QSignalSpy inboxFailed(page()->inbox(), &InboxView::failed);
        if (!m_started)
            m_window->start(QString::fromLatin1(user));
        else
            m_window->activateWorkspace(WorkspaceManager::idForProfile(QString::fromLatin1(user)));
        m_started = true;
        if (!QTest::qWaitFor([&]() { return inboxLoaded.count() + inboxFailed.count() > 0; }, kTimeout))
            return false;
        return inboxFailed.isEmpty() && page()->inbox()->reviewer() == QString::fromLatin1(user);
    }

    // Opens `version` on the Reviews page (as "Review this version" does) and waits for its status.
    bool review(const QString &version)
    {
        ReviewPanel *panel = page()->reviewPanel();
        QSignalSpy loaded(panel, &ReviewPanel::statusLoaded);
        QSignalSpy failed(panel, &ReviewPanel::loadFailed);
        m_window->reviewVersion(kModel, version);
        if (!QTest::qWaitFor([&]() { return loaded.count() + failed.count() > 0; }, kTimeout))
            return false;
        return loaded.count() == 1 && panel->version() == version;
    }

    // Shows the audit trail tab (or refreshes it) and waits for the trail.
    bool loadTrail(bool refresh)
    {
        AuditTrailView *trail = page()->auditTrailView();
        QSignalSpy loaded(trail, &AuditTrailView::loaded);
        if (refresh) {
            auto *button = trail->findChild<QPushButton *>(QStringLiteral("auditTrailRefresh"));
            if (!button || !button->isEnabled())
                return false;
            button->click();
        } else {
            page()->tabs()->setCurrentIndex(ReviewsPage::AuditTrailTab);
        }
        return loaded.wait(kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings and drafts go to a test location
        test::PrivateMlflowServer::Options options;
        options.seed = true;
        options.basicAuth = true;
        MODELGATE_START_PRIVATE_MLFLOW(m_server, options);

        // The admin sets up the ledger: both users enrolled, Riley may decide on the model.
        const MlflowClient admin = this->admin();
        const ReleaseLedger ledger(admin);
        for (const char *user : {kDana, kRiley}) {
            m_passwords[user] = test::randomPassword();
            const Status created = test::createUser(admin, user, m_passwords[user]);
            REQUIRE_OK(created);
            const auto enrolled = ledger.enrolReviewer(user, CancelToken::none());
            REQUIRE_OK(enrolled);
        }
        const Status granted =
            ledger.grantModelPermission(kModel.toStdString(), kRiley, "EDIT", CancelToken::none());
        REQUIRE_OK(granted);

        // Riley sets the demo's policy, under which every check of v4 passes (the default
        // policy's regression margin fails it): what stops Dana must be four-eyes alone.
        QFile file(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/demo_release_policy.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const auto policy = parseReleasePolicy(file.readAll().toStdString());
        REQUIRE_OK(policy);
        const MlflowClient riley = test::clientAs(m_server.uri(), kRiley, m_passwords[kRiley]);
        const auto changed = setReleasePolicy(riley, kModel.toStdString(), policy.value(),
                                              "thresholds of the release board", CancelToken::none());
        REQUIRE_OK(changed);
        QCOMPARE(changed->record.sequence, 1);

        // One window, a workspace per user, as a shared workstation would have them.
        const std::string path = m_configDir.filePath(QStringLiteral("profiles.json")).toStdString();
        ProfileStore store(path);
        for (const char *user : {kDana, kRiley}) {
            Profile profile;
            profile.name = user;
            profile.trackingUri = m_server.uri().toStdString();
            profile.authKind = AuthKind::Basic;
            profile.username = user;
            store.upsert(profile);
            m_secrets.setSecret(QString::fromLatin1(user), QString::fromStdString(m_passwords[user]));
        }
        QVERIFY(store.save().ok());
        m_workspaces = std::make_unique<WorkspaceManager>(path, Environment{}, &m_secrets);
        m_window = std::make_unique<MainWindow>(m_workspaces.get());
        m_window->setRememberLayout(false);
        m_window->resize(1400, 860);
    }

    void theAuthorSeesApproveDisabledWithTheReason()
    {
        QVERIFY(m_window);
        QVERIFY(activate(kDana));
        const int v4 = page()->inbox()->inboxModel()->rowOf(kModel, QStringLiteral("4"));
        QVERIFY(v4 >= 0);
        QVERIFY(!page()->inbox()->inboxModel()->entryAt(v4).mineToReview); // nobody asks her to review it

        QVERIFY(review(QStringLiteral("4")));
        QCOMPARE(m_window->currentPage(), int(ReviewsPage::ReviewsPageIndex));
        ReviewPanel *panel = page()->reviewPanel();
        QCOMPARE(panel->status()->reviewer, std::string(kDana));
        QVERIFY2(!panel->status()->checks.report.anyFailed(), "the demo policy passes every check of v4");
        panel->commentEdit()->setPlainText(QStringLiteral("Ready to ship."));
        QVERIFY(!panel->approveButton()->isEnabled());
        auto *reason = m_window->findChild<QLabel *>(QStringLiteral("approveDisabledReason"));
        QVERIFY(reason);
        QVERIFY(reason->isVisibleTo(m_window.get()));
        QCOMPARE(reason->text(), panel->approveDisabledReason());
        QVERIFY2(
            reason->text().startsWith(QStringLiteral("You (dana.scientist) are an author of this version")),
            qPrintable(reason->text()));
        QVERIFY2(reason->text().contains(QStringLiteral("someone else must approve it")),
                 qPrintable(reason->text()));
        QVERIFY(!panel->breakGlassButton()->isVisibleTo(panel)); // the demo policy has no break-glass
        panel->commentEdit()->clear();
    }

    void anotherReviewerApprovesAndTheCountDrops()
    {
        QVERIFY(m_window);
        QVERIFY(activate(kRiley));
        QCOMPARE(page()->reviewPanel()->model(), QString()); // the switch cleared Dana's version
        InboxView *inbox = page()->inbox();
        const int v4 = inbox->inboxModel()->rowOf(kModel, QStringLiteral("4"));
        QVERIFY(v4 >= 0);
        QVERIFY(inbox->inboxModel()->entryAt(v4).mineToReview);
        m_countBefore = page()->mineToReviewCount();
        QVERIFY(m_countBefore >= 2);
        QCOMPARE(m_window->pages()->tabText(ReviewsPage::ReviewsPageIndex),
                 QStringLiteral("Reviews (%1)").arg(m_countBefore));
        QCOMPARE(m_window->reviewCountLabel()->text(),
                 QStringLiteral("%1 version(s) to review").arg(m_countBefore));

        QVERIFY(review(QStringLiteral("4")));
        ReviewPanel *panel = page()->reviewPanel();
        QCOMPARE(panel->status()->reviewer, std::string(kRiley));
        QCOMPARE(panel->approveDisabledReason(), QString());
        QVERIFY(!panel->approveButton()->isEnabled()); // the comment is mandatory
        const QString comment = QStringLiteral("AUC and recall up; reviewed the drift report.");
        panel->commentEdit()->setPlainText(comment);
        QVERIFY(panel->approveButton()->isEnabled());

        QSignalSpy recorded(panel, &ReviewPanel::decisionRecorded);
        QSignalSpy inboxLoaded(inbox, &InboxView::loaded);
        QSignalSpy counted(page(), &ReviewsPage::mineToReviewCountChanged);
        panel->approveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, kTimeout);
        QCOMPARE(recorded.at(0).at(0).toString(), kModel);
        QCOMPARE(recorded.at(0).at(1).toString(), QStringLiteral("4"));

        // The record that was written, as the panel shows it.
        QVERIFY(panel->lastOutcome().has_value());
        const DecisionOutcome &outcome = *panel->lastOutcome();
        QVERIFY(outcome.tagsWritten);
        QCOMPARE(outcome.record.sequence, 2); // after Riley's policy record
        QCOMPARE(outcome.record.action, ReleaseAction::Approve);
        m_recordHash = outcome.recordHash;
        const QString record = panel->recordText();
        QVERIFY2(record.startsWith(QStringLiteral("Approval recorded as record 2 of the trail.")),
                 qPrintable(record));
        QVERIFY(record.contains(QString::fromStdString(m_recordHash)));
        QVERIFY(record.contains(QStringLiteral("Reviewer: riley.release")));
        QVERIFY(record.contains(comment));
        QVERIFY(panel->status()->approved);

        // The decision refreshed the inbox: v4 left it and the count dropped by one.
        QTRY_VERIFY_WITH_TIMEOUT(inboxLoaded.count() >= 1 && !inbox->isLoading(), kTimeout);
        QCOMPARE(page()->mineToReviewCount(), m_countBefore - 1);
        QVERIFY(!counted.isEmpty());
        QCOMPARE(counted.last().at(0).toInt(), m_countBefore - 1);
        QCOMPARE(inbox->inboxModel()->rowOf(kModel, QStringLiteral("4")), -1);
        QCOMPARE(m_window->pages()->tabText(ReviewsPage::ReviewsPageIndex),
                 QStringLiteral("Reviews (%1)").arg(m_countBefore - 1));
        QCOMPARE(m_window->reviewCountLabel()->text(),
                 QStringLiteral("%1 version(s) to review").arg(m_countBefore - 1));
        QCOMPARE(panel->version(), QStringLiteral("4")); // still showing what was decided
    }

    void aHandEditedTagShowsTheBrokenBadge()
    {
        QVERIFY(m_window);
        QVERIFY(!m_recordHash.empty());
        AuditTrailView *trail = page()->auditTrailView();
        QVERIFY(loadTrail(false));
        QCOMPARE(trail->model(), kModel);
        QVERIFY2(trail->isConsistent(), qPrintable(trail->badgeText() + u'\n' + trail->problemsText()));
        QVERIFY2(trail->badgeText().startsWith(QStringLiteral("Verified · 2 record(s) · head ")),
                 qPrintable(trail->badgeText()));
        QCOMPARE(trail->headHash().toStdString(), m_recordHash);

        // The admin edits the tag view by hand: the records still verify, the tags lie.
        const Status edited = admin().setModelVersionTag(kModel.toStdString(), "4", kReviewStatusTag,
                                                         "rejected", CancelToken::none());
        REQUIRE_OK(edited);

        QVERIFY(loadTrail(true));
        QVERIFY(!trail->isConsistent());
        const QString badge = trail->badgeText();
        QVERIFY2(
            badge.startsWith(QStringLiteral("Not consistent: the review tags of version(s) 4 differ from "
                                            "the records")),
            qPrintable(badge));
        auto *badgeLabel = trail->findChild<QLabel *>(QStringLiteral("auditTrailBadge"));
        QVERIFY(badgeLabel && badgeLabel->styleSheet().contains(QStringLiteral("#ffebe9"))); // the red badge
        QCOMPARE(trail->tagMismatches().size(), std::size_t(1));
        QCOMPARE(trail->tagMismatches().front().version, std::string("4"));
        const QString problems = trail->problemsText();
        QVERIFY2(problems.contains(QStringLiteral(
                     "Version 4: modelgate.review.status is “rejected”, the trail says “approved”")),
                 qPrintable(problems));
        auto *problemsLabel = trail->findChild<QLabel *>(QStringLiteral("auditTrailProblems"));
        QVERIFY(problemsLabel && problemsLabel->isVisibleTo(trail));
        // The approval's details say its version's tags differ.
        QVERIFY2(trail->detailsText().contains(
                     QStringLiteral("The review tags of version 4 do not match the trail")),
                 qPrintable(trail->detailsText()));

        // The panel, read again, names the edited tag and no longer counts v4 as approved.
        page()->tabs()->setCurrentIndex(ReviewsPage::ReviewTab);
        ReviewPanel *panel = page()->reviewPanel();
        QSignalSpy loaded(panel, &ReviewPanel::statusLoaded);
        panel->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
        QVERIFY(!panel->status()->approved);
        QVERIFY(!panel->status()->tagDifferences.empty());
        auto *state = panel->findChild<QLabel *>(QStringLiteral("reviewState"));
        QVERIFY(state);
        QVERIFY2(
            state->text().contains(QStringLiteral("NOT consistent: the review tags do not match the trail "
                                                  "(modelgate.review.status is “rejected”, the trail "
                                                  "says “approved”)")),
            qPrintable(state->text()));

        // The panel offers the repair; it rewrites the tags from the trail and v4 is approved again.
        auto *repair = panel->findChild<QPushButton *>(QStringLiteral("repairTagsButton"));
        QVERIFY(repair && repair->isVisibleTo(panel) && repair->isEnabled());
        QVERIFY(panel->decisionArea()->showsTagRepair());
        repair->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kTimeout);
        QVERIFY2(panel->status()->approved, panel->status()->reason.c_str());
        QVERIFY(panel->status()->tagDifferences.empty());
        QVERIFY(!repair->isVisibleTo(panel));
        QVERIFY(!panel->decisionArea()->showsTagRepair());
    }

    void cleanupTestCase()
    {
        m_window.reset(); // before the workspaces it uses
        m_workspaces.reset();
    }
};

QTEST_MAIN(TestReleaseFlow)
#include "tst_release_flow.moc"
