// The console on an Azure ML workspace, against the local stand-in of Azure
// (scripts/azure_ml_fake.py) in front of the shared basic-auth MLflow server (fixture
// "mlflow_auth") and real `mlflow models serve` processes: the workspaces dialog's Azure form
// and its connection test, the workspace manager signing in (and saying why it cannot), and the
// deploy wizard's deploy and smoke test on a managed online endpoint, with a cancel that only
// stops the waiting, and the Endpoints page's rollback and undeploy there. In declaration order;
// cleanupTestCase deletes what the test made.
#include "deploy/deploy_wizard.h"
#include "deploy/deploy_wizard_pages.h"
#include "deploy/endpoints_page.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/monitor_chart_view.h"
#include "monitor/monitor_context.h"
#include "workspaces/azure_workspace_form.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"
#include "workspaces/workspaces_dialog.h"

#include <azure_ml_fake.h>
#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <result_assertions.h>
#include <seeded_model_copy.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-wizard-azure");
constexpr const char *kRiley = "riley.release";
constexpr const char *kEndpoint = "wizard-azure";
constexpr const char *kClient = "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9";
constexpr int kDeployTimeout = 300000; // a scoring server on a busy two-core machine

} // namespace

class TestDeployWizardAzure final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    test::AzureMlFake m_fake;
    QTemporaryDir m_home{QStringLiteral("/tmp/mg-ui-azure-XXXXXX")};
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<WorkspaceManager> m_manager;
    std::shared_ptr<AzureMlTarget> m_target;
    DeployContext m_context;

    Environment environment() const
    {
        Environment env;
        env.vars["MODELGATE_AZURE_CLI"] = MODELGATE_SOURCE_DIR "/scripts/fake-az";
        return env;
    }

    Profile azureProfile(const std::string &name, AzureSignIn signIn) const
    {
        Profile profile;
        profile.name = name;
        profile.authKind = AuthKind::Bearer;
        AzureProfile azure;
        azure.workspace = m_fake.workspace();
        azure.signIn = signIn;
        if (signIn == AzureSignIn::ServicePrincipal) {
            azure.tenantId = m_fake.tenant();
            azure.clientId = kClient;
        }
        profile.azure = azure;
        return profile;
    }

    int deploymentRecords() const
    {
        auto snapshot = ReleaseLedger(*m_context.client).read(kModel, CancelToken::none());
        if (!snapshot.ok())
            return -1;
        int count = 0;
        for (const TrailEntry &entry : verifyTrail(snapshot.value().ledgerParams, kModel, nullptr).entries)
            count += entry.record && entry.record->deployment ? 1 : 0;
        return count;
    }

    std::unique_ptr<DeployWizard> wizardFor(const QString &deployment, bool newEndpoint)
    {
        std::vector<EndpointInfo> endpoints;
        if (auto listed = m_target->listEndpoints(CancelToken::none()); listed.ok())
            endpoints = listed.value();
        auto wizard = std::make_unique<DeployWizard>(m_context, endpoints, QString::fromStdString(kModel),
                                                     QStringLiteral("3"));
        wizard->show();
        if (newEndpoint) {
            wizard->endpointPage()->newEndpointButton()->click();
            wizard->endpointPage()->newEndpointEdit()->setText(QString::fromLatin1(kEndpoint));
        }
        wizard->endpointPage()->deploymentEdit()->setText(deployment);
        return wizard;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY(m_home.isValid());
        REQUIRE_OK(test::copyModelForDeployment(m_shared, kModel, kRiley));
        const MlflowClient riley = test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley));
        DecisionRequest approve;
        approve.model = kModel;
        approve.version = "3";
        approve.action = ReleaseAction::Approve;
        approve.comment = "fit to serve on Azure";
        REQUIRE_OK(decideRelease(riley, approve, CancelToken::none()));

        test::AzureMlFake::Options options = test::AzureMlFake::optionsFor(m_shared);
        const test::AzureMlFake::Principal rileyAz = test::AzureMlFake::forwardedTo(
            m_shared, kRiley, "riley-azure-password", "00000000-0000-4000-8000-0000000a11e5", kRiley);
        options.users = {rileyAz};
        options.metricsDelaySeconds = 1; // Azure Monitor's figures a second after their minute
        options.clients = {test::AzureMlFake::forwardedTo(m_shared, kClient, "ui-bot-secret",
                                                          "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", kRiley)};
        QVERIFY2(m_fake.start(options), qPrintable(m_fake.errorString()));
        qputenv("MODELGATE_FAKE_AZ_LOGIN", m_fake.writeAzLogin(rileyAz).toUtf8());

        m_secrets = std::make_unique<MemorySecretStore>();
        m_manager = std::make_unique<WorkspaceManager>(
            m_home.filePath(QStringLiteral("profiles.json")).toStdString(), environment(), m_secrets.get());
        WorkspaceEdits edits;
        edits.profiles = {azureProfile("clinic", AzureSignIn::AzureCli),
                          azureProfile("bot", AzureSignIn::ServicePrincipal)};
        edits.secrets = {{QStringLiteral("bot"), QStringLiteral("not-the-secret")}};
        REQUIRE_OK(m_manager->apply(edits));
    }

    void cleanupTestCase()
    {
        if (m_target)
            test::deleteEndpoints(*m_target);
        m_fake.stop();
        qunsetenv("MODELGATE_FAKE_AZ_LOGIN");
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::sharedAdmin(m_shared), {kModel});
    }

    void theDialogEditsAnAzureWorkspace()
    {
        WorkspacesDialog dialog(m_manager.get());
        dialog.show();
        dialog.selectProfile(QStringLiteral("clinic"));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("workspaceKind"));
        auto *form = dialog.findChild<AzureWorkspaceForm *>(QStringLiteral("azureWorkspaceForm"));
        auto *uri = dialog.findChild<QLineEdit *>(QStringLiteral("trackingUri"));
        QVERIFY(kind && form && uri);
        QCOMPARE(kind->currentIndex(), 1);
        QVERIFY(form->isVisible());
        QVERIFY(!uri->isVisible()); // the registry is found at sign-in, not typed
        QCOMPARE(form->findChild<QLineEdit *>(QStringLiteral("azureWorkspace"))->text(),
                 QString::fromStdString(m_fake.workspace().workspace));

        // An empty workspace name is named as the problem.
        auto *workspace = form->findChild<QLineEdit *>(QStringLiteral("azureWorkspace"));
        const QString kept = workspace->text();
        workspace->clear();
        auto *validation = dialog.findChild<QLabel *>(QStringLiteral("validationMessage"));
        QVERIFY2(validation->text().contains(QStringLiteral("workspace")), qPrintable(validation->text()));
        workspace->setText(kept);
        QVERIFY2(validation->text().isEmpty(), qPrintable(validation->text()));

        // The connection test signs in through the Azure CLI and reads the registry.
        auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnection"));
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
        QVERIFY2(result->text().contains(QString::fromLatin1(kRiley)), qPrintable(result->text()));
    }

    void aRefusedSignInIsSaid()
    {
        QSignalSpy failed(m_manager.get(), &WorkspaceManager::activationFailed);
        m_manager->activate(WorkspaceManager::idForProfile(QStringLiteral("bot")));
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 60000);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("Entra")) &&
                     message.contains(QStringLiteral("invalid_client")),
                 qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("not-the-secret")));
        QVERIFY(!m_manager->azureSession());
    }

    void signsInAndDeploysThroughTheWizard()
    {
        QSignalSpy activated(m_manager.get(), &WorkspaceManager::activated);
        m_manager->activate(WorkspaceManager::idForProfile(QStringLiteral("clinic")));
        QTRY_VERIFY_WITH_TIMEOUT(activated.count() == 1, 60000);
        const auto session = m_manager->azureSession();
        QVERIFY(session);
        AzureMlTargetConfig config;
        config.stateRoot = m_home.path().toStdString() + "/azureml";
        m_target = std::make_shared<AzureMlTarget>(config, session->arm,
                                                   std::shared_ptr<HttpTransport>(makeCurlTransport()));
        m_context = DeployContext{m_manager->client(), m_target, RegistryAccess{}};

        auto wizard = wizardFor(QStringLiteral("blue"), true);
        QVERIFY2(wizard->endpointPage()->isComplete(), qPrintable(wizard->endpointPage()->problem()));
        wizard->next();
        wizard->deployPage()->start();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->deployPage()->isRunning(), kDeployTimeout);
        QVERIFY2(wizard->deployPage()->isDone(), qPrintable(wizard->deployPage()->resultText()));
        QCOMPARE(wizard->state().split, (TrafficSplit{{"blue", 100}}));
        QCOMPARE(deploymentRecords(), 1);

        wizard->next();
        SmokeTestPage *smoke = wizard->smokeTestPage();
        QSignalSpy answered(smoke, &SmokeTestPage::answered);
        smoke->loadCsv(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
        smoke->send();
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 60000);
        for (int row = 0; row < 6; ++row) {
            const QTableWidgetItem *prediction = smoke->table()->item(row, 0);
            QVERIFY2(prediction && !prediction->text().isEmpty(), qPrintable(smoke->statusText()));
        }
    }

    void cancelOnlyStopsTheWaiting()
    {
        auto wizard = wizardFor(QStringLiteral("green"), false);
        wizard->next();
        wizard->deployPage()->start();
        // Once Azure is provisioning it (the deployment exists at ARM), cancel.
        QTRY_VERIFY_WITH_TIMEOUT(m_target->arm().getDeployment(kEndpoint, "green", CancelToken::none()).ok(),
                                 60000);
        wizard->deployPage()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->deployPage()->isRunning(), 60000);
        QVERIFY(!wizard->deployPage()->isDone());
        QVERIFY2(wizard->deployPage()->resultText().contains(QStringLiteral("goes on at Azure")),
                 qPrintable(wizard->deployPage()->resultText()));
        // The endpoint keeps its split and its record; green is still there, at 0 %.
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QVERIFY(endpoint.value().deployment("green"));
        QCOMPARE(endpoint.value().deployment("green")->traffic, 0);
        QCOMPARE(deploymentRecords(), 1);
    }

    void rollBackAndUndeployFromTheEndpointsPage()
    {
        // green finishes provisioning at Azure although the wizard stopped waiting.
        QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
                return endpoint.ok() && endpoint.value().deployment("green") &&
                       endpoint.value().deployment("green")->health == DeploymentHealth::Healthy;
            }(),
            kDeployTimeout);
        Rollout rollout(*m_context.client, *m_target, RegistryAccess{});
        REQUIRE_OK(
            rollout.setTraffic(kEndpoint, {{"blue", 90}, {"green", 10}}, "canary", CancelToken::none()));

        EndpointsPage page;
        page.setContext(m_context);
        page.show();
        QSignalSpy loaded(&page, &EndpointsPage::endpointsLoaded);
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 60000);
        page.selectEndpoint(QString::fromLatin1(kEndpoint));
        // Say yes to the page's confirmations, as the release manager would.
        QTimer yes;
        connect(&yes, &QTimer::timeout, &page, []() {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                if (QAbstractButton *button = box->button(QMessageBox::Yes))
                    button->click();
        });
        yes.start(100);
        auto split = [this]() {
            auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
            return endpoint.ok() ? endpoint.value().traffic() : TrafficSplit{};
        };
        page.rollBack();
        QTRY_COMPARE_WITH_TIMEOUT(split(), (TrafficSplit{{"blue", 100}, {"green", 0}}), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 60000); // the page reloads after the action
        page.selectEndpoint(QString::fromLatin1(kEndpoint));
        page.selectDeployment(QStringLiteral("green"));
        page.deleteDeployment();
        QTRY_COMPARE_WITH_TIMEOUT(split(), (TrafficSplit{{"blue", 100}}), 120000);
        // deploy (wizard), traffic, rollback and undeploy (the page): each in the trail.
        QTRY_COMPARE_WITH_TIMEOUT(deploymentRecords(), 4, 30000);
    }

    void theEndpointViewChartsAzureMonitorFigures()
    {
        // Requests through the split, as the clinic's app sends them.
        auto table = parseCsv(test::readTextFile(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
        auto signature = m_context.client->getModelVersionSignature(kModel, "3", CancelToken::none());
        REQUIRE_OK(table);
        REQUIRE_OK(signature);
        auto batches = scoringBatches(table.value(), signature.value(), 6);
        REQUIRE_OK(batches);
        for (int i = 0; i < 5; ++i)
            REQUIRE_OK(m_target->invoke(kEndpoint, {}, batches.value().bodies.front(), CancelToken::none()));
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);

        EndpointMonitorView view;
        view.setContext(monitorContextFor(m_context));
        view.resize(1400, 900);
        view.show();
        view.setEndpoint(endpoint.value());
        const auto drawn = [&view](EndpointMonitorView::Chart chart, const QString &label) {
            view.redrawNow();
            for (const ChartLine &line : view.chart(chart)->lines())
                if (line.label == label)
                    for (const RingPoint &point : line.points)
                        if (point.value > 0)
                            return true;
            return false;
        };
        // Azure Monitor publishes a minute once it has ended: up to a minute, then the source's
        // refresh.
        QTRY_VERIFY_WITH_TIMEOUT(drawn(EndpointMonitorView::RequestsChart, QStringLiteral("blue")), 150000);
        QCOMPARE(view.controller()->sourceKind(), std::string("azure-monitor"));
        QVERIFY(view.controller()->dataUntilMs().value_or(0) > 0);
        QVERIFY2(drawn(EndpointMonitorView::LatencyChart, QStringLiteral("blue")),
                 qPrintable(view.statusLabel()->text()));
        // The status says where the figures come from and how old they are.
        QTRY_VERIFY_WITH_TIMEOUT(view.statusLabel()->text().contains(u"Azure Monitor"), 10000);
    }
};

QTEST_MAIN(TestDeployWizardAzure)
#include "tst_deploy_wizard_azure.moc"
