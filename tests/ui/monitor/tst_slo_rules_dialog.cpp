// The SLO rules editor against a real local endpoint (HAProxy; no scoring server and no
// registry are needed to keep rules): it shows the defaults of an endpoint without rules,
// refuses a rule core's validateSloRule refuses (with the reason, Save off), saves the rules
// with the endpoint off the GUI thread, shows them again when reopened, resets to the
// defaults, reads a damaged file as the defaults with a warning, and keeps a failed save's
// error in the dialog, which stays open.
#include "deploy/deploy_context.h"
#include "monitor/slo_rules_dialog.h"
#include "widgets/error_banner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/mlflow/mlflow_client.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr const char *kEndpoint = "slo-rules-test";

} // namespace

class TestSloRulesDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-slo-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;
    DeployContext m_context;

    std::unique_ptr<SloRulesDialog> openDialog(const QString &endpoint = QString::fromLatin1(kEndpoint))
    {
        auto dialog = std::make_unique<SloRulesDialog>(m_context, endpoint);
        QSignalSpy loaded(dialog.get(), &SloRulesDialog::loaded);
        dialog->show();
        if (!QTest::qWaitFor([&]() { return loaded.count() > 0; }, 10000))
            return nullptr;
        return dialog;
    }

    template <typename Widget>
    Widget *cell(SloRulesDialog &dialog, int row, int column)
    {
        return qobject_cast<Widget *>(dialog.rulesTable()->cellWidget(row, column));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        m_target = std::make_shared<LocalTarget>(config);
        const Status created = m_target->createEndpoint({kEndpoint, false}, {}, CancelToken::none());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        // Rules are kept with the endpoint: no registry request is made. The client points nowhere.
        ClientConfig client;
        client.trackingUri = "http://127.0.0.1:9";
        m_context = DeployContext{std::make_shared<const MlflowClient>(client), m_target, {}};
    }

    void cleanupTestCase()
    {
        if (m_target)
            (void)m_target->deleteEndpoint(kEndpoint, CancelToken::none());
    }

    void showsTheDefaultsOfAnEndpointWithoutRules()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->policy(), defaultSloPolicy());
        QCOMPARE(dialog->rulesTable()->rowCount(), int(defaultSloPolicy().rules.size()));
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->errorBanner()->isVisible());
        QVERIFY(dialog->rulesTable()->item(0, SloRulesDialog::DescriptionColumn)->text().contains(u"5xx"));
    }

    void refusesWhatCoreRefusesAndSavesTheRest()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        // An error rule's limit is a percentage: 150 is refused, with the rule and the reason.
        cell<QDoubleSpinBox>(*dialog, 0, SloRulesDialog::LimitColumn)->setValue(150);
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY2(dialog->validationProblem().contains(u"Rule 1") &&
                     dialog->validationProblem().contains(u"100"),
                 qPrintable(dialog->validationProblem()));
        QVERIFY(dialog->problemLabel()->isVisible());
        cell<QDoubleSpinBox>(*dialog, 0, SloRulesDialog::LimitColumn)->setValue(2.5);
        cell<QSpinBox>(*dialog, 1, SloRulesDialog::WindowColumn)->setValue(5); // below 10 s
        QVERIFY(dialog->validationProblem().contains(u"Rule 2"));
        cell<QSpinBox>(*dialog, 1, SloRulesDialog::WindowColumn)->setValue(120);
        QVERIFY2(dialog->validationProblem().isEmpty(), qPrintable(dialog->validationProblem()));

        // One rule fewer, one more: p99 above the champion by 300 ms over 30 s.
        dialog->rulesTable()->selectRow(3);
        dialog->removeSelectedRule();
        dialog->addRule();
        const int added = dialog->rulesTable()->rowCount() - 1;
        auto *signal = cell<QComboBox>(*dialog, added, SloRulesDialog::SignalColumn);
        signal->setCurrentIndex(signal->findData(int(SloSignal::LatencyP99)));
        auto *comparison = cell<QComboBox>(*dialog, added, SloRulesDialog::ComparisonColumn);
        comparison->setCurrentIndex(comparison->findData(int(SloComparison::AboveChampion)));
        cell<QDoubleSpinBox>(*dialog, added, SloRulesDialog::LimitColumn)->setValue(300);
        cell<QSpinBox>(*dialog, added, SloRulesDialog::WindowColumn)->setValue(30);
        cell<QSpinBox>(*dialog, added, SloRulesDialog::MinRequestsColumn)->setValue(50);
        dialog->autoRollbackBox()->setChecked(true);
        const SloPolicy edited = dialog->policy();
        QCOMPARE(edited.rules.size(), std::size_t(4));
        QCOMPARE(edited.rules[0].limit, 2.5);
        QCOMPARE(edited.rules[1].windowSeconds, 120);
        QCOMPARE(edited.rules[3],
                 (SloRule{SloSignal::LatencyP99, SloComparison::AboveChampion, 300, 30, 50}));
        QVERIFY(edited.autoRollback);
        QVERIFY(dialog->saveButton()->isEnabled());

        QSignalSpy saved(dialog.get(), &SloRulesDialog::saved);
        dialog->save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        // Kept with the endpoint, as the watcher and `endpoint watch` read it.
        Result<std::string> kept = m_target->monitorSettings(kEndpoint);
        QVERIFY(kept.ok());
        Result<SloPolicy> parsed = sloPolicyFromJson(kept.value());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), edited);

        // Opened again, it shows what was saved; the defaults come back on request, the
        // rollback choice stays.
        auto again = openDialog();
        QVERIFY(again);
        QCOMPARE(again->policy(), edited);
        again->resetToDefaults();
        SloPolicy expected = defaultSloPolicy();
        expected.autoRollback = true;
        QCOMPARE(again->policy(), expected);
    }

    void readsADamagedFileAsTheDefaults()
    {
        QFile file(QString::fromStdString(m_target->endpointDir(kEndpoint)) +
                   QStringLiteral("/monitor.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"version\": 1, \"rules\": [{\"signal\": \"happiness\"}]}");
        file.close();
        auto dialog = std::make_unique<SloRulesDialog>(m_context, QString::fromLatin1(kEndpoint));
        QSignalSpy loaded(dialog.get(), &SloRulesDialog::loaded);
        dialog->show();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(loaded.at(0).at(0).toBool(), false);
        QVERIFY(dialog->errorBanner()->isVisible());
        QVERIFY2(dialog->errorBanner()->text().contains(u"defaults"),
                 qPrintable(dialog->errorBanner()->text()));
        QCOMPARE(dialog->policy(), defaultSloPolicy());
        QVERIFY(dialog->saveButton()->isEnabled()); // saving replaces the damaged file
    }

    void keepsAFailedSaveInTheDialog()
    {
        // An endpoint that does not exist: reading fails, and so does saving; the dialog stays.
        auto dialog = std::make_unique<SloRulesDialog>(m_context, QStringLiteral("no-such-endpoint"));
        QSignalSpy loaded(dialog.get(), &SloRulesDialog::loaded);
        dialog->show();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QVERIFY(dialog->errorBanner()->isVisible());
        QSignalSpy failed(dialog.get(), &SloRulesDialog::saveFailed);
        dialog->save();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"no-such-endpoint"),
                 qPrintable(failed.at(0).at(0).toString()));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled()); // try again once it exists
    }
};

QTEST_MAIN(TestSloRulesDialog)
#include "tst_slo_rules_dialog.moc"
