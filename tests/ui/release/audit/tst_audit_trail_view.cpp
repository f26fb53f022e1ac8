// AuditTrailView offscreen against the shared basic-auth MLflow server (fixture
// "mlflow_auth"), on a copy of diabetes-classifier of its own: a reviewer's rejection shows
// the verified badge and head hash; a record forged by the admin under another reviewer's
// name (who never signed it) turns the badge red with that record selected.
#include "release/audit/audit_trail_model.h"
#include "release/audit/audit_trail_view.h"
#include "result_assertions.h"

#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <seeded_model_copy.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_review.h>

using namespace modelgate;
using modelgate::ui::AuditTrailModel;
using modelgate::ui::AuditTrailView;

namespace {

const std::string kModelName = test::uniqueModelName("diabetes-classifier-trail-view");
const char *const kModel = kModelName.c_str(); // a copy of the seeded diabetes-classifier
constexpr const char *kRiley = "riley.release";  // enrolled by the fixture
// Named in a forged record: a user nobody enrolled (on the shared server dana.scientist is).
const std::string kForgedReviewer = "forged.reviewer-" + kModelName.substr(kModelName.size() - 8);

} // namespace

class TestAuditTrailView final : public QObject
{
    Q_OBJECT

    test::SharedAuthMlflow m_shared;

    MlflowClient admin() const
    {
        return test::clientAs(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                              m_shared.adminPassword().toStdString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
    }

    void cleanupTestCase()
    {
        if (!m_shared.uri().isEmpty())
            test::deleteModels(admin(), {kModelName});
    }

    void verifiedThenBroken()
    {
        const MlflowClient admin = this->admin();
        REQUIRE_OK(test::copySeededModel(admin, "diabetes-classifier", kModelName));
        const ReleaseLedger ledger(admin);
        REQUIRE_OK(ledger.grantModelPermission(kModel, kRiley, "EDIT", CancelToken::none()));
        auto riley = std::make_shared<const MlflowClient>(
            test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)));

        DecisionRequest reject;
        reject.model = kModel;
        reject.version = "4";
        reject.action = ReleaseAction::Reject;
        reject.comment = "precision dropped below the champion's";
        const auto decided = decideRelease(*riley, reject, CancelToken::none());
        REQUIRE_OK(decided);

        AuditTrailView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(&view, &AuditTrailView::loaded);
        view.setClient(riley);
        view.showModel(QString::fromLatin1(kModel));
        QVERIFY(view.isLoading());
        QVERIFY(loaded.wait(120000));
        QCOMPARE(loaded.takeFirst().at(0).toBool(), true);
        QVERIFY2(view.badgeText().startsWith(QStringLiteral("Verified · 1 record(s) · head ")),
                 qPrintable(view.badgeText()));
        QCOMPARE(view.headHash().toStdString(), decided->recordHash);
        QVERIFY(view.isConsistent()); // the decision wrote the tag view its record says
        QVERIFY(view.problemsText().isEmpty());
        QCOMPARE(view.trailModel()->rowCount(), 1);
        QVERIFY(view.detailsText().contains(QLatin1String("precision dropped below the champion's")));
        QVERIFY(view.detailsText().contains(QString::fromStdString(decided->recordHash)));
        auto *copy = view.findChild<QPushButton *>(QStringLiteral("auditTrailCopyHead"));
        QVERIFY(copy && copy->isEnabled());
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text().toStdString(), decided->recordHash);

        // The admin appends record 2 under another name, which never signed it (nor enrolled).
        const auto snapshot = ledger.read(kModel, CancelToken::none());
        REQUIRE_OK(snapshot);
        ReleaseRecord forged = decided->record;
        forged.sequence = 2;
        forged.previousHash = decided->recordHash;
        forged.action = ReleaseAction::Approve;
        forged.reviewer = kForgedReviewer;
        forged.comment = "approved at the release meeting";
        REQUIRE_OK(admin.logParam(snapshot->ledgerRunId, recordParamKey(2), recordToCanonicalJson(forged),
                                  CancelToken::none()));

        auto *refresh = view.findChild<QPushButton *>(QStringLiteral("auditTrailRefresh"));
        QVERIFY(refresh && refresh->isEnabled());
        refresh->click();
        QVERIFY(loaded.wait(120000));
        QCOMPARE(loaded.takeFirst().at(0).toBool(), false);
        // Worded by the UI from the problem (translatable); core's English stays in the tooltip.
        QCOMPARE(view.badgeText(),
                 QStringLiteral("Broken at record 2: the reviewer it names is not enrolled"));
        QVERIFY(view.headHash().isEmpty());
        QVERIFY(!view.isConsistent());
        QVERIFY(!copy->isEnabled());
        QCOMPARE(view.trailModel()->rowCount(), 2);
        QCOMPARE(view.table()->selectionModel()->currentIndex().row(), 1);
        QVERIFY(view.trailModel()->index(1, 0).data(AuditTrailModel::BrokenRole).toBool());
        QVERIFY(view.detailsText().contains(QLatin1String("approved at the release meeting")));
        QVERIFY(view.detailsText().contains(QLatin1String("record 2")));

        view.clear();
        QCOMPARE(view.trailModel()->rowCount(), 0);
        QVERIFY(view.headHash().isEmpty());
    }
};

QTEST_MAIN(TestAuditTrailView)
#include "tst_audit_trail_view.moc"
