// AuditTrailView offscreen against a private basic-auth MLflow server: a reviewer's
// rejection shows the verified badge and head hash; a record forged by the admin under
// another reviewer's name (who never signed it) turns the badge red with that record selected.
#include "release/audit/audit_trail_model.h"
#include "release/audit/audit_trail_view.h"
#include "result_assertions.h"

#include <mlflow_test_server.h>
#include <release_test_users.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QRandomGenerator>
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

constexpr const char *kModel = "diabetes-classifier";
constexpr const char *kRiley = "riley.release";

} // namespace

class TestAuditTrailView final : public QObject
{
    Q_OBJECT

    test::PrivateMlflowServer m_server;

private Q_SLOTS:
    void verifiedThenBroken()
    {
        test::PrivateMlflowServer::Options options;
        options.seed = true;
        options.basicAuth = true;
        MODELGATE_START_PRIVATE_MLFLOW(m_server, options);
        const MlflowClient admin =
            test::clientAs(m_server.uri(), test::PrivateMlflowServer::adminUser().toStdString(),
                           m_server.adminPassword().toStdString());
        const std::string password = "pw-" + std::to_string(QRandomGenerator::global()->generate64());
        REQUIRE_OK(test::createUser(admin, kRiley, password));
        const ReleaseLedger ledger(admin);
        REQUIRE_OK(ledger.enrolReviewer(kRiley, CancelToken::none()));
        REQUIRE_OK(ledger.grantModelPermission(kModel, kRiley, "EDIT", CancelToken::none()));
        auto riley = std::make_shared<const MlflowClient>(test::clientAs(m_server.uri(), kRiley, password));

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

        // The admin appends record 2 under dana's name; dana never signed it (nor enrolled).
        const auto snapshot = ledger.read(kModel, CancelToken::none());
        REQUIRE_OK(snapshot);
        ReleaseRecord forged = decided->record;
        forged.sequence = 2;
        forged.previousHash = decided->recordHash;
        forged.action = ReleaseAction::Approve;
        forged.reviewer = "dana.scientist";
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
