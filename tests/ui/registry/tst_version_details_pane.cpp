#include "registry/table_rows_model.h"
#include "registry/version_details_pane.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

ModelVersion version(const std::string &runId)
{
    ModelVersion result;
    result.name = "readmission-risk";
    result.version = "1";
    result.runId = runId;
    result.status = "READY";
    result.aliases = {"champion"};
    result.tags = {{"ticket", "CLIN-7"}};
    return result;
}

// The text the user sees in a table tab: the placeholder when it is showing, else empty.
QString placeholderOf(VersionDetailsPane &pane, const char *viewName)
{
    auto *view = pane.findChild<QTableView *>(QLatin1String(viewName));
    auto *stack = qobject_cast<QStackedWidget *>(view->parentWidget());
    auto *placeholder = pane.findChild<QLabel *>(QLatin1String(viewName) + QStringLiteral("Placeholder"));
    return stack->currentWidget() == placeholder ? placeholder->text() : QString();
}

} // namespace

// The details pane's states without a server: nothing selected, loading, loaded, no
// signature, no run, and errors.
class TestVersionDetailsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runAndSignatureFillTheTabs()
    {
        VersionDetailsPane pane;
        pane.showVersion(version("run-1"));
        QCOMPARE(placeholderOf(pane, "parametersView"), QStringLiteral("Loading the run…"));
        QCOMPARE(pane.tagsModel()->rowCount(), 1); // the version's own tags at once

        Run run;
        run.info.runId = "run-1";
        run.info.status = "FINISHED";
        run.params = {{"max_depth", "7"}, {"n_estimators", "120"}};
        run.metrics = {{"recall", 0.47, 1000, 3, "run-1"}, {"auc", 0.81, 1000, 0, "run-1"}};
        run.tags = {{"mlflow.user", "dana"}};
        pane.setRun(run);
        QVERIFY(placeholderOf(pane, "parametersView").isEmpty());
        QCOMPARE(pane.parametersModel()->rowCount(), 2);
        QCOMPARE(pane.metricsModel()->rowCount(), 2);
        QCOMPARE(pane.metricsModel()->index(0, 0).data().toString(), QStringLiteral("auc")); // by name
        QCOMPARE(pane.metricsModel()->index(1, 2).data(TableRowsModel::RawValueRole).toLongLong(), 3);
        QCOMPARE(pane.tagsModel()->rowCount(), 2); // version tag + run tag
        QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("overview_runState"))->text(),
                 QStringLiteral("Finished"));

        ModelSignature signature;
        signature.present = true;
        signature.hasInputExample = false;
        signature.inputs = {{"age", "long", true, {}}, {"", "tensor", false, "float64, shape (-1, 3)"}};
        signature.outputs = {{"", "long", true, {}}};
        pane.setSignature(signature);
        QCOMPARE(pane.signatureInputsModel()->rowCount(), 2);
        QCOMPARE(pane.signatureInputsModel()->index(1, 0).data().toString(), QStringLiteral("(unnamed)"));
        QCOMPARE(pane.signatureInputsModel()->index(1, 1).data().toString(),
                 QStringLiteral("tensor (float64, shape (-1, 3))"));
        QCOMPARE(pane.signatureInputsModel()->index(1, 2).data().toString(), QStringLiteral("no"));
        QVERIFY(pane.signatureSummary().contains(u"Input example: no"));
    }

    void noSignatureLogged()
    {
        VersionDetailsPane pane;
        pane.showVersion(version("run-1"));
        ModelSignature none;
        none.present = false;
        none.hasInputExample = true;
        none.flavors = "python_function";
        pane.setSignature(none);
        QVERIFY(placeholderOf(pane, "signatureInputsView").contains(u"No signature was logged"));
        QCOMPARE(pane.signatureInputsModel()->rowCount(), 0);
        QVERIFY(pane.signatureSummary().contains(u"Input example: yes"));
    }

    void versionWithoutRunAndErrors()
    {
        VersionDetailsPane pane;
        pane.showVersion(version(""));
        QVERIFY(placeholderOf(pane, "metricsView").contains(u"not registered from a run"));
        pane.setSignatureError(QStringLiteral("Could not load the signature of this version."));
        QCOMPARE(placeholderOf(pane, "signatureInputsView"),
                 QStringLiteral("Could not load the signature of this version."));

        pane.showVersion(version("run-2"));
        pane.setRunError(QStringLiteral("The run no longer exists."));
        QCOMPARE(placeholderOf(pane, "parametersView"), QStringLiteral("The run no longer exists."));
        QCOMPARE(pane.findChild<QLabel *>(QStringLiteral("overview_runName"))->text(),
                 QStringLiteral("not available"));

        pane.clear();
        QCOMPARE(pane.parametersModel()->rowCount(), 0);
        QVERIFY(!pane.tabs()->isVisibleTo(&pane));
    }
};

QTEST_MAIN(TestVersionDetailsPane)
#include "tst_version_details_pane.moc"
