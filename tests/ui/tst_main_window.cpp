#include "controllers/workspace_manager.h"
#include "mainwindow/main_window.h"
#include "misbehaving_server.h"
#include "mlflow_test_server.h"
#include "models/model_filter_proxy_model.h"
#include "models/model_version_list_model.h"
#include "models/registered_model_list_model.h"
#include "models/table_rows_model.h"
#include "secrets/secret_store.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"
#include "widgets/version_details_pane.h"

#include <memory>

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int loadTimeout = 90'000; // a loaded CI machine; real loads take well under a second

// One main window over its own profiles file and an in-memory secret store.
struct Harness
{
    QTemporaryDir configDir;
    MemorySecretStore secrets;
    std::unique_ptr<WorkspaceManager> workspaces;
    std::unique_ptr<MainWindow> window;

    explicit Harness(const QString &environmentUri, const std::vector<Profile> &profiles = {})
    {
        Environment environment;
        if (!environmentUri.isEmpty())
            environment.vars["MLFLOW_TRACKING_URI"] = environmentUri.toStdString();
        const std::string path = configDir.filePath(QStringLiteral("profiles.json")).toStdString();
        if (!profiles.empty()) {
            ProfileStore store(path);
            for (const Profile &profile : profiles)
                store.upsert(profile);
            const Status saved = store.save();
            Q_ASSERT(saved.ok());
        }
        workspaces = std::make_unique<WorkspaceManager>(path, environment, &secrets);
        window = std::make_unique<MainWindow>(workspaces.get());
        window->resize(1400, 860);
        window->show();
    }
};

Profile profile(const std::string &name, const QString &uri, AuthKind auth = AuthKind::None,
                const std::string &user = {})
{
    Profile result;
    result.name = name;
    result.trackingUri = uri.toStdString();
    result.authKind = auth;
    result.username = user;
    return result;
}

QStringList proxyNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, RegisteredModelListModel::Name).data().toString();
    return names;
}

bool tableHas(const QAbstractItemModel &model, int column, const QString &text)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, column).data().toString() == text)
            return true;
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    }

    void browseTheSeededRegistry()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        Harness harness(uri);
        MainWindow &window = *harness.window;
        QSignalSpy modelsLoaded(&window, &MainWindow::modelsLoaded);
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        window.start();
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 1, loadTimeout);
        QCOMPARE(failures.count(), 0);
        QVERIFY(!window.errorBanner()->isVisible());
        QVERIFY(!window.modelsLoadingIndicator()->isVisible());
        const auto *models = window.modelListModel();
        QVERIFY(models->rowOfName(QStringLiteral("diabetes-classifier")) >= 0);
        QCOMPARE(modelsLoaded.first().first().toInt(), models->rowCount());

        // Filter: by name (any case), by alias; clearing shows everything again.
        const ModelFilterProxyModel *proxy = window.filterModel();
        window.setFilterText(QStringLiteral("DIABETES-CLASS"));
        QCOMPARE(proxyNames(*proxy), QStringList{QStringLiteral("diabetes-classifier")});
        window.setFilterText(QStringLiteral("champion"));
        QVERIFY(proxyNames(*proxy).contains(QStringLiteral("diabetes-classifier")));
        for (int row = 0; row < proxy->rowCount(); ++row)
            QVERIFY(
                proxy->index(row, RegisteredModelListModel::Aliases).data().toString().contains(u"champion"));
        window.setFilterText(QString());
        QCOMPARE(proxy->rowCount(), models->rowCount());

        // Select another model and, before its versions arrive, the one we want: the first
        // load is stale and must never reach the versions table.
        QSignalSpy versionsLoaded(&window, &MainWindow::versionsLoaded);
        window.selectModel(QStringLiteral("fraud-detector"));
        window.selectModel(QStringLiteral("diabetes-classifier"));
        QTRY_COMPARE_WITH_TIMEOUT(versionsLoaded.count(), 1, loadTimeout);
        QCOMPARE(versionsLoaded.first().first().toString(), QStringLiteral("diabetes-classifier"));
        QCOMPARE(window.versionListModel()->modelName(), QStringLiteral("diabetes-classifier"));
        const ModelVersionListModel *versions = window.versionListModel();
        QVERIFY(versions->rowCount() >= 2);
        const int championRow = versions->rowOf(QStringLiteral("@champion"));
        QVERIFY(championRow >= 0);
        QVERIFY(versions->index(championRow, ModelVersionListModel::Aliases)
                    .data()
                    .toString()
                    .contains(u"@champion"));
        QVERIFY(tableHas(*window.versionsView()->model(), ModelVersionListModel::Aliases,
                         versions->index(championRow, ModelVersionListModel::Aliases).data().toString()));

        // Select the champion: parameters, metrics, tags and signature fill in.
        QSignalSpy detailsLoaded(&window, &MainWindow::detailsLoaded);
        window.selectVersion(QStringLiteral("@champion"));
        QTRY_COMPARE_WITH_TIMEOUT(detailsLoaded.count(), 1, loadTimeout);
        QCOMPARE(detailsLoaded.first().first().toBool(), true);
        VersionDetailsPane *details = window.detailsPane();
        QVERIFY(details->parametersModel()->rowCount() > 0);
        QVERIFY(tableHas(*details->metricsModel(), 0, QStringLiteral("accuracy")));
        QVERIFY(details->tagsModel()->rowCount() > 0);
        QVERIFY(details->signatureInputsModel()->rowCount() > 0);
        QVERIFY(details->signatureOutputsModel()->rowCount() > 0);
        QVERIFY(details->signatureSummary().contains(u"Input example"));
        QVERIFY(!window.errorBanner()->isVisible());

        // Ctrl+2 … Ctrl+5 switch the tabs.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(details->tabs()->currentIndex(), int(VersionDetailsPane::MetricsTab));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(details->tabs()->currentIndex(), int(VersionDetailsPane::SignatureTab));
        // Ctrl+F focuses the filter.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.filterEdit()->hasFocus());

        // F5 reloads everything and comes back to the same model and version.
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(detailsLoaded.count(), 2, loadTimeout);
        QCOMPARE(modelsLoaded.count(), 2);
        QCOMPARE(window.versionListModel()->modelName(), QStringLiteral("diabetes-classifier"));
        QVERIFY(details->metricsModel()->rowCount() > 0);
        QCOMPARE(failures.count(), 0);
    }

    void modelsArrivePageByPage()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        Harness harness(uri);
        MainWindow &window = *harness.window;
        window.setModelPageSize(2);
        QSignalSpy inserted(window.modelListModel(), &QAbstractItemModel::rowsInserted);
        QSignalSpy requests(window.modelListModel(), &RegisteredModelListModel::fetchMoreRequested);
        QSignalSpy modelsLoaded(&window, &MainWindow::modelsLoaded);
        window.start();
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 1, loadTimeout);
        const int total = window.modelListModel()->rowCount();
        QVERIFY2(total >= 3, "the seeded registry has several models");
        QCOMPARE(inserted.count(), (total + 1) / 2);     // one insertion per page, appended
        QCOMPARE(requests.count(), (total + 1) / 2 - 1); // each further page through fetchMore
        QVERIFY(!window.modelListModel()->canFetchMore({}));
    }

    void errorMessageWhenTheServerStopsMidSession()
    {
        test::PrivateMlflowServer server;
        MODELGATE_START_PRIVATE_MLFLOW(server, test::PrivateMlflowServer::Options{});
        const QString seededUri = test::sharedMlflowUri();
        std::vector<Profile> profiles;
        if (!seededUri.isEmpty())
            profiles.push_back(profile("seeded", seededUri));
        Harness harness(server.uri(), profiles);
        MainWindow &window = *harness.window;
        QSignalSpy modelsLoaded(&window, &MainWindow::modelsLoaded);
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        window.start(QStringLiteral("Environment"));
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 1, loadTimeout);
        QCOMPARE(failures.count(), 0);

        server.stop();
        window.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, loadTimeout);
        QVERIFY(window.errorBanner()->isVisible());
        const QString message = window.errorBanner()->text();
        QVERIFY2(message.contains(u"Could not load the registered models."), qPrintable(message));
        QVERIFY2(message.contains(u"cannot be reached"), qPrintable(message));
        QVERIFY(
            window.errorBanner()->findChild<QPushButton *>(QStringLiteral("errorBannerRetry"))->isVisible());
        QVERIFY(!window.modelsLoadingIndicator()->isVisible());
        QVERIFY(!window.isLoading());

        // Retry fails the same way, and says so again.
        window.errorBanner()->findChild<QPushButton *>(QStringLiteral("errorBannerRetry"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 2, loadTimeout);
        QVERIFY(window.errorBanner()->isVisible());

        // The application keeps working: another workspace loads, and the banner goes away.
        if (seededUri.isEmpty())
            return;
        window.activateWorkspace(WorkspaceManager::idForProfile(QStringLiteral("seeded")));
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 2, loadTimeout);
        QVERIFY(!window.errorBanner()->isVisible());
        QVERIFY(window.modelListModel()->rowOfName(QStringLiteral("diabetes-classifier")) >= 0);
    }

    void wrongPasswordAsksToCheckTheWorkspace()
    {
        test::PrivateMlflowServer server;
        test::PrivateMlflowServer::Options options;
        options.basicAuth = true;
        MODELGATE_START_PRIVATE_MLFLOW(server, options);
        const std::string user = test::PrivateMlflowServer::adminUser().toStdString();
        Harness harness(QString(), {profile("secured", server.uri(), AuthKind::Basic, user)});
        harness.secrets.setSecret(QStringLiteral("secured"), QStringLiteral("not-the-password"));
        MainWindow &window = *harness.window;
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        QSignalSpy modelsLoaded(&window, &MainWindow::modelsLoaded);
        window.start(QStringLiteral("secured"));
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, loadTimeout);
        const QString message = window.errorBanner()->text();
        QVERIFY2(message.contains(u"user name and password"), qPrintable(message));
        QVERIFY(window.errorBanner()
                    ->findChild<QPushButton *>(QStringLiteral("errorBannerEditWorkspace"))
                    ->isVisible());

        // With the right password (as the workspaces dialog would store it) the same workspace loads.
        harness.secrets.setSecret(QStringLiteral("secured"), server.adminPassword());
        window.activateWorkspace(WorkspaceManager::idForProfile(QStringLiteral("secured")));
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 1, loadTimeout);
        QVERIFY(!window.errorBanner()->isVisible());
    }

    void malformedResponseNamesTheField()
    {
        test::MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        server.setDefaultBehaviour(
            test::Behaviour::respond(200, R"({"registered_models": [{"name": "ok-model"}, {"name": 42}]})",
                                     {{"Content-Type", "application/json"}}));
        Harness harness(QString::fromStdString(server.url("")));
        MainWindow &window = *harness.window;
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        window.start();
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, loadTimeout);
        const QString message = window.errorBanner()->text();
        QVERIFY2(message.contains(u"registered_models[1].name"), qPrintable(message));
    }

    void layoutAndLastWorkspaceAreRemembered()
    {
        const std::vector<Profile> profiles = {profile("first", QStringLiteral("http://127.0.0.1:9")),
                                               profile("second", QStringLiteral("http://127.0.0.1:9"))};
        QList<int> sizes;
        {
            Harness harness(QString(), profiles);
            MainWindow &window = *harness.window;
            window.start(QStringLiteral("second"));
            QTRY_COMPARE(window.workspaceSwitcher()->currentText(), QStringLiteral("second"));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            splitter->setSizes({400, 1000});
            sizes = splitter->sizes();
            window.close();
        }
        Harness harness(QString(), profiles);
        MainWindow &window = *harness.window;
        QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        window.start();
        QCOMPARE(window.workspaceSwitcher()->currentText(), QStringLiteral("second"));
    }

    void cancelStopsAStalledLoad()
    {
        test::MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        server.setDefaultBehaviour(test::Behaviour::stall());
        Harness harness(QString::fromStdString(server.url("")));
        MainWindow &window = *harness.window;
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 1, loadTimeout);
        QVERIFY(window.isLoading());
        QVERIFY(window.modelsLoadingIndicator()->isVisible());

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.isLoading());
        QVERIFY(!window.modelsLoadingIndicator()->isVisible());
        QVERIFY(!window.errorBanner()->isVisible()); // cancelling is not an error
        QCOMPARE(failures.count(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
