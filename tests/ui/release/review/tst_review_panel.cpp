#include "mlflow_test_server.h"
#include "release/policy/policy_editor_dialog.h"
#include "release/review/check_list_model.h"
#include "release/review/decision_area.h"
#include "release/review/decision_drafts.h"
#include "release/review/review_panel.h"
#include "release_test_users.h"
#include "result_assertions.h"
#include "seeded_model_copy.h"
#include "stoppable_relay.h"
#include "widgets/error_banner.h"

#include <memory>

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_ledger.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int kTimeout = 180'000; // a basic-auth server costs ~0.7 s per request
// A copy of the seeded diabetes-classifier of this test's own.
const QString kModel = QString::fromStdString(test::uniqueModelName("diabetes-classifier-review-panel"));
constexpr const char *kDana = "dana.scientist"; // author of v1, v2 and v4 (mlflow.user of their runs)
constexpr const char *kRiley = "riley.release";

} // namespace

// The review panel against the shared basic-auth MLflow (fixture "mlflow_auth"): the author
// sees Approve disabled and why; a READ-only decision becomes a draft; another reviewer
// approves and sees the record; a decision made while the server is out of reach (its relay
// stopped) is kept as a draft across a restart and retried.
class TestReviewPanel : public QObject
{
    Q_OBJECT

    test::SharedAuthMlflow m_shared;
    test::StoppableRelay m_server; // to the shared server
    std::map<std::string, std::string> m_passwords;
    QTemporaryDir m_dir;

    std::shared_ptr<const MlflowClient> clientOf(const char *user)
    {
        return std::make_shared<const MlflowClient>(test::clientAs(m_server.uri(), user, m_passwords[user]));
    }

    QString draftsFile() const { return m_dir.filePath(QStringLiteral("drafts.json")); }

    std::unique_ptr<ReviewPanel> panelFor(const char *user)
    {
        auto panel = std::make_unique<ReviewPanel>();
        panel->setDraftsFile(draftsFile());
        panel->setWorkspaceName(QStringLiteral("test"));
        panel->setClient(clientOf(user));
        return panel;
    }

    // Shows a version and waits for its status. Not shown on screen, so the evidence tabs
    // make no requests (they load when visible) and the request count stays low.
    bool load(ReviewPanel &panel, const QString &version)
    {
        QSignalSpy loaded(&panel, &ReviewPanel::statusLoaded);
        QSignalSpy failed(&panel, &ReviewPanel::loadFailed);
        panel.showVersion(kModel, version);
        if (!QTest::qWaitFor([&]() { return loaded.count() + failed.count() > 0; }, kTimeout))
            return false;
        if (failed.count() > 0)
            qWarning() << "load failed:" << panel.errorBanner()->text();
        return loaded.count() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Both enrolled by the fixture: what stops Dana is four-eyes and the model permission
        // (READ on this test's model, where nobody gave her more).
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY2(m_server.start(m_shared.uri()), qPrintable(m_server.errorString()));
        m_passwords = m_shared.passwords();
        const MlflowClient admin =
            test::clientAs(m_server.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                           m_shared.adminPassword().toStdString());
        const Status copied = test::copySeededModel(admin, "diabetes-classifier", kModel.toStdString());
        REQUIRE_OK(copied);
        const Status granted = ReleaseLedger(admin).grantModelPermission(kModel.toStdString(), kRiley, "EDIT",
                                                                         CancelToken::none());
        REQUIRE_OK(granted);
    }

    void cleanupTestCase()
    {
        m_server.stop();
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::clientAs(m_shared.uri(),
                                              test::SharedAuthMlflow::adminUser().toStdString(),
                                              m_shared.adminPassword().toStdString()),
                               {kModel.toStdString()});
    }

    void authorSeesApproveDisabled()
    {
        auto panel = panelFor(kDana);
        QVERIFY(load(*panel, QStringLiteral("4")));
        QVERIFY(panel->status().has_value());
        QCOMPARE(panel->headline(), QStringLiteral("%1 — version 4").arg(kModel));
        QVERIFY(panel->checkListModel()->rowCount() > 0);

        panel->commentEdit()->setPlainText(QStringLiteral("Looks good to me."));
        QVERIFY(!panel->approveButton()->isEnabled());
        const QString reason = panel->approveDisabledReason();
        QVERIFY2(reason.contains(QStringLiteral("You (dana.scientist) are an author of this version")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("mlflow.user")), qPrintable(reason)); // where it was recorded
        QVERIFY(
            !panel->breakGlassButton()->isVisibleTo(panel.get())); // the default policy has no break-glass
        QVERIFY(!panel->revokeButton()->isEnabled());              // nothing to revoke
        QVERIFY(panel->rejectButton()->isEnabled());               // an author may reject

        // Dana has READ only: the decision's probe gets a 403. Nothing is recorded; the
        // decision is kept as a draft and Approve says why it stays disabled.
        QSignalSpy failed(panel.get(), &ReviewPanel::decisionFailed);
        panel->rejectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeout);
        const Error error = failed.at(0).at(0).value<Error>();
        QCOMPARE(error.httpStatus, 403);
        const QString draft = panel->draftText();
        QVERIFY2(draft.startsWith(QStringLiteral("Your rejection was NOT recorded:")), qPrintable(draft));
        QVERIFY2(draft.contains(QStringLiteral("It is kept as a draft.")), qPrintable(draft));
        QVERIFY2(draft.contains(QStringLiteral("EDIT permission on model '%1'").arg(kModel)),
                 qPrintable(draft));
        QVERIFY(panel->approveDisabledReason().contains(QStringLiteral("lacks EDIT permission")));
        QVERIFY(!panel->approveButton()->isEnabled());
        QVERIFY(!panel->rejectButton()->isEnabled());
        const auto stored =
            DecisionDrafts(draftsFile()).find(kModel, QStringLiteral("4"), QStringLiteral("test"));
        QVERIFY(stored.has_value());
        QCOMPARE(stored->action, QStringLiteral("reject"));
        QCOMPARE(stored->comment, QStringLiteral("Looks good to me."));

        panel->discardDraft();
        QVERIFY(panel->draftText().isEmpty());
        QVERIFY(!DecisionDrafts(draftsFile()).find(kModel, QStringLiteral("4"), QStringLiteral("test")));
    }

    void reviewerApprovesAndSeesTheRecord()
    {
        // v3 (by lee.engineer) is the champion: no regression to fail, every required check passes.
        auto panel = panelFor(kRiley);
        QVERIFY(load(*panel, QStringLiteral("3")));
        QVERIFY(!panel->status()->checks.report.anyFailed());
        QCOMPARE(panel->approveDisabledReason(), QString());
        QVERIFY(!panel->approveButton()->isEnabled()); // the comment is mandatory
        panel->commentEdit()->setPlainText(QStringLiteral("Checked the drift report; AUC stable."));
        QVERIFY(panel->approveButton()->isEnabled());

        QSignalSpy recorded(panel.get(), &ReviewPanel::decisionRecorded);
        panel->approveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, kTimeout);
        QCOMPARE(recorded.at(0).at(0).toString(), kModel);
        QCOMPARE(recorded.at(0).at(1).toString(), QStringLiteral("3"));
        QVERIFY(panel->lastOutcome().has_value());
        const DecisionOutcome &outcome = *panel->lastOutcome();
        QVERIFY(outcome.tagsWritten);
        const QString record = panel->recordText();
        QVERIFY2(record.contains(QStringLiteral("recorded as record %1").arg(outcome.record.sequence)),
                 qPrintable(record));
        QVERIFY(record.contains(QString::fromStdString(outcome.recordHash)));
        QVERIFY(record.contains(QStringLiteral("riley.release")));
        QVERIFY(record.contains(QStringLiteral("Checked the drift report; AUC stable.")));
        QVERIFY(!panel->decisionArea()->repairTagsButton()->isVisibleTo(panel.get()));
        QCOMPARE(panel->status()->decisions.state, ReviewState::Approved);
        QVERIFY(panel->commentEdit()->toPlainText().isEmpty()); // ready for the next decision

        // Riley's approval stands: Revoke is possible with a comment.
        panel->commentEdit()->setPlainText(QStringLiteral("withdraw"));
        QVERIFY(panel->revokeButton()->isEnabled());
    }

    void draftSurvivesAnOutageAndARestart()
    {
        auto panel = panelFor(kRiley);
        QVERIFY(load(*panel, QStringLiteral("2")));
        panel->commentEdit()->setPlainText(QStringLiteral("Tree is too shallow for production."));
        QVERIFY(panel->rejectButton()->isEnabled());

        m_server.stop();
        QSignalSpy failed(panel.get(), &ReviewPanel::decisionFailed);
        panel->reject();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeout);
        QCOMPARE(failed.at(0).at(0).value<Error>().kind, ErrorKind::Transport);
        QVERIFY2(panel->draftText().startsWith(QStringLiteral("Your rejection was NOT recorded:")),
                 qPrintable(panel->draftText()));

        // A console started afresh finds the draft and says so before anything loads.
        {
            auto restarted = panelFor(kRiley);
            restarted->showVersion(kModel, QStringLiteral("2"));
            QVERIFY(restarted->draftText().contains(QStringLiteral("Tree is too shallow for production.")));
            restarted->clear();
        }

        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        QSignalSpy loaded(panel.get(), &ReviewPanel::statusLoaded);
        panel->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
        QSignalSpy recorded(panel.get(), &ReviewPanel::decisionRecorded);
        panel->retryDraft();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, kTimeout);
        QCOMPARE(panel->lastOutcome()->record.action, ReleaseAction::Reject);
        QCOMPARE(QString::fromStdString(panel->lastOutcome()->record.comment),
                 QStringLiteral("Tree is too shallow for production."));
        QVERIFY(panel->draftText().isEmpty());
        QVERIFY(!DecisionDrafts(draftsFile()).find(kModel, QStringLiteral("2"), QStringLiteral("test")));
        QCOMPARE(panel->status()->decisions.state, ReviewState::Rejected);
    }

    void policyEditorSavesForAnEditorOnly()
    {
        // Dana has READ only: the server's 403 is shown in the dialog, which stays open.
        auto dana = panelFor(kDana);
        QVERIFY(load(*dana, QStringLiteral("4")));
        QVERIFY(!dana->breakGlassButton()->isVisibleTo(dana.get()));
        PolicyEditorDialog *refused = dana->openPolicyEditor();
        QVERIFY(refused);
        refused->breakGlassCheck()->setChecked(true);
        refused->commentEdit()->setPlainText(QStringLiteral("Allow break-glass for hotfixes."));
        QVERIFY(refused->saveButton()->isEnabled());
        QSignalSpy saveFailed(refused, &PolicyEditorDialog::saveFailed);
        refused->saveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(saveFailed.count(), 1, kTimeout);
        QCOMPARE(saveFailed.at(0).at(0).value<Error>().httpStatus, 403);
        QVERIFY2(refused->errorBanner()->text().contains(QStringLiteral("EDIT")),
                 qPrintable(refused->errorBanner()->text()));
        QVERIFY(refused->result() != QDialog::Accepted);
        refused->reject();

        // Riley may edit the model: the policy is recorded and the panel reloads under it.
        auto riley = panelFor(kRiley);
        QVERIFY(load(*riley, QStringLiteral("4")));
        QVERIFY(!riley->status()->checks.policy.policy.allowBreakGlass);
        PolicyEditorDialog *editor = riley->openPolicyEditor();
        QVERIFY(editor);
        editor->breakGlassCheck()->setChecked(true);
        editor->commentEdit()->setPlainText(QStringLiteral("Allow break-glass for hotfixes."));
        QSignalSpy saved(editor, &PolicyEditorDialog::saved);
        QSignalSpy reloaded(riley.get(), &ReviewPanel::statusLoaded);
        editor->saveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kTimeout);
        QVERIFY(riley->status()->checks.policy.policy.allowBreakGlass);

        // The author now sees the separate, clearly marked break-glass action.
        QSignalSpy danaReloaded(dana.get(), &ReviewPanel::statusLoaded);
        dana->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(danaReloaded.count(), 1, kTimeout);
        QVERIFY(dana->breakGlassButton()->isVisibleTo(dana.get()));
    }
};

QTEST_MAIN(TestReviewPanel)
#include "tst_review_panel.moc"
