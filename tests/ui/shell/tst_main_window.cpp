#include "misbehaving_server.h"
#include "mlflow_test_server.h"
#include "registry/model_filter_proxy_model.h"
#include "registry/model_version_list_model.h"
#include "registry/registered_model_list_model.h"
#include "registry/table_rows_model.h"
#include "registry/version_details_pane.h"
#include "release/inbox/inbox_view.h"
#include "release/review/review_panel.h"
#include "release/reviews_page.h"
#include "shell/main_window.h"
#include "shell/screenshot_runner.h"
#include "shell/translations.h"
#include "stoppable_relay.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"

#include <memory>
#include <optional>

#include <QAbstractButton>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtTest/QtTest>

#include <modelgate/ui/app_info.h>

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

// The UI in German for one test; afterwards the untranslated English source strings again,
// as the other tests expect them.
struct GermanScope
{
    const QLocale previous;
    GermanScope()
    {
        const bool installed =
            installTranslations(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        Q_ASSERT(installed);
    }
    ~GermanScope()
    {
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>(
                 QStringLiteral("modelgate-translator"))) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(previous);
    }
    Q_DISABLE_COPY_MOVE(GermanScope)
};

// Where QSettings keep the user's settings (both formats: QSettings(organization, application)
// is the native one).
void setUserSettingsPath(const QString &path)
{
    for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, path);
}

void restoreDefaultSettingsPaths()
{
    setUserSettingsPath(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::SystemScope, QLibraryInfo::path(QLibraryInfo::SettingsPath));
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
        // The environment's server is the shared one behind a relay: stopping the relay is
        // what a stopped server looks like to the window, while other tests keep the server.
        MODELGATE_REQUIRE_MLFLOW(seededUri);
        test::StoppableRelay server;
        QVERIFY2(server.start(seededUri), qPrintable(server.errorString()));
        std::vector<Profile> profiles;
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
        window.activateWorkspace(WorkspaceManager::idForProfile(QStringLiteral("seeded")));
        QTRY_COMPARE_WITH_TIMEOUT(modelsLoaded.count(), 2, loadTimeout);
        QVERIFY(!window.errorBanner()->isVisible());
        QVERIFY(window.modelListModel()->rowOfName(QStringLiteral("diabetes-classifier")) >= 0);
    }

    void wrongPasswordAsksToCheckTheWorkspace()
    {
        test::SharedAuthMlflow server; // the shared basic-auth one: a wrong password changes nothing there
        MODELGATE_REQUIRE_MLFLOW_AUTH(server);
        const std::string user = test::SharedAuthMlflow::adminUser().toStdString();
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

    // Issue 5: the German Reviews page needed a very wide window. On a laptop screen (1280x800)
    // the whole window fits, the filter chips show their labels and counts, and the review
    // panel gets most of the width.
    void theReviewsPageFitsALaptopScreen_data()
    {
        QTest::addColumn<bool>("german");
        QTest::newRow("English") << false;
        QTest::newRow("German") << true;
    }

    void theReviewsPageFitsALaptopScreen()
    {
        QFETCH(bool, german);
        MODELGATE_REQUIRE_MLFLOW(uri);
        std::optional<GermanScope> language;
        if (german)
            language.emplace();
        Harness harness(QString(), {profile("seeded", uri, AuthKind::None, "riley.release")});
        MainWindow &window = *harness.window;
        window.setRememberLayout(false);
        ReviewsPage *page = window.reviewsPage();
        QCOMPARE(page->tabs()->tabText(ReviewsPage::ReviewTab),
                 german ? QStringLiteral("Prüfung") : QStringLiteral("Review"));
        QSignalSpy counted(page, &ReviewsPage::mineToReviewCountChanged);
        window.start(QStringLiteral("seeded"));
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() > 0 && !page->inbox()->isLoading(), loadTimeout);
        window.showPage(ReviewsPage::ReviewsPageIndex);
        QSignalSpy statusLoaded(page->reviewPanel(), &ReviewPanel::statusLoaded);
        page->showVersion(QStringLiteral("diabetes-classifier"), QStringLiteral("2"));
        QTRY_COMPARE_WITH_TIMEOUT(statusLoaded.count(), 1, loadTimeout);

        const QSize minimum = window.minimumSizeHint();
        QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
                 qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
        window.resize(1280, 800);
        QTRY_COMPARE(window.size(), QSize(1280, 800));
        page->resetLayout();
        QCoreApplication::processEvents();

        // The chips wrap rather than hold the inbox wide; each shows its whole label, count
        // included, inside the inbox.
        InboxView *inbox = page->inbox();
        QVERIFY2(inbox->minimumSizeHint().width() <= 350,
                 qPrintable(QString::number(inbox->minimumSizeHint().width())));
        for (const InboxView::Filter filter :
             {InboxView::Filter::AllPending, InboxView::Filter::MineToReview, InboxView::Filter::FailedChecks,
              InboxView::Filter::Rejected}) {
            QAbstractButton *chip = inbox->filterButton(filter);
            QVERIFY(chip->isVisible());
            QVERIFY2(chip->width() >= chip->sizeHint().width(), qPrintable(chip->text()));
            const QRect inInbox(chip->mapTo(inbox, QPoint(0, 0)), chip->size());
            QVERIFY2(inbox->rect().contains(inInbox), qPrintable(chip->text()));
            QVERIFY2(chip->text().contains(QRegularExpression(QStringLiteral("\\(\\d+\\)$"))),
                     qPrintable(chip->text()));
        }
        // The review panel, where the work is done, gets most of the width.
        const QList<int> sizes = page->splitter()->sizes();
        QVERIFY2(sizes.at(0) * 2 < sizes.at(1),
                 qPrintable(QStringLiteral("inbox %1, panel %2").arg(sizes.at(0)).arg(sizes.at(1))));
    }

    void loadingIndicatorWrapsLongText()
    {
        GermanScope german;
        QWidget pane;
        auto *layout = new QVBoxLayout(&pane);
        auto *indicator = new LoadingIndicator(&pane);
        layout->addWidget(indicator);
        layout->addStretch(1);
        pane.resize(300, 200); // the inbox's narrowest in German
        pane.show();
        indicator->start(QStringLiteral("Versionen, die auf eine Prüfung warten, werden geladen…"));
        auto *label = indicator->findChild<QLabel *>(QStringLiteral("loadingText"));
        QVERIFY(label);
        QTRY_VERIFY(label->testAttribute(Qt::WA_Resized));
        QCoreApplication::processEvents();
        // It wraps inside the pane and shows every line; it does not hold the pane wider.
        QVERIFY(pane.minimumSizeHint().width() <= 300);
        QVERIFY(QRect(QPoint(0, 0), pane.size())
                    .contains(QRect(label->mapTo(&pane, QPoint(0, 0)), label->size())));
        QVERIFY2(label->height() >= 2 * label->fontMetrics().lineSpacing(), "the text wraps");
        QVERIFY(label->height() >= label->heightForWidth(label->width()));
        // A shorter progress text while loading keeps the height: what is below does not jump.
        const int height = indicator->height();
        indicator->setText(QStringLiteral("Lädt…"));
        QCoreApplication::processEvents();
        QCOMPARE(indicator->height(), height);
        // The next load starts afresh.
        indicator->stop();
        indicator->start(QStringLiteral("Lädt…"));
        QTRY_VERIFY(indicator->height() < height);
    }

    // `modelgate --screenshots` shows the default layout, whatever the user saved, and leaves
    // the user's settings as they were. (Last: it moves the settings for the whole process.)
    void screenshotModeLeavesTheUsersSettingsAlone()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const std::vector<Profile> profiles = {profile("seeded", uri, AuthKind::None, "riley.release")};
        QTemporaryDir userConfig;
        setUserSettingsPath(userConfig.path());
        const auto restore = qScopeGuard(restoreDefaultSettingsPaths);
        {
            Harness harness(QString(), profiles);
            harness.window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->setSizes({150, 1250});
            harness.window->reviewsPage()->inbox()->setFilter(InboxView::Filter::Rejected);
            harness.window->close(); // saves the layout
        }
        const QString settingsFile =
            QSettings(QStringLiteral(MODELGATE_ORGANIZATION), QStringLiteral(MODELGATE_APP_NAME)).fileName();
        QVERIFY2(settingsFile.startsWith(userConfig.path()), qPrintable(settingsFile));
        const QByteArray saved = fileContents(settingsFile);
        QVERIFY(saved.contains("inboxFilter"));
        const QDateTime modified = QFileInfo(settingsFile).lastModified();

        QTemporaryDir shots;
        QString scratchDirectory;
        {
            ScreenshotSettings scratch;
            QVERIFY(scratch.isValid());
            scratchDirectory = scratch.directory();
            Harness harness(QString(), profiles);
            MainWindow &window = *harness.window;
            QCOMPARE(window.reviewsPage()->inbox()->filter(), InboxView::Filter::AllPending);
            const QList<int> sizes = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes();
            QVERIFY2(sizes.at(0) > 300, "the default split, not the user's");

            ScreenshotRunner runner(&window, harness.workspaces.get(), shots.path(), QStringLiteral("-test"));
            QSignalSpy finished(&runner, &ScreenshotRunner::finished);
            runner.run(QStringLiteral("seeded"));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10 * loadTimeout);
            QVERIFY2(
                runner.writtenFiles().contains(shots.filePath(QStringLiteral("15-audit-trail-test.png"))),
                qPrintable(runner.problems().join(u'\n')));
            window.close();
            // The run wrote its settings (the chosen workspace, the trail's columns) into its own place.
            QVERIFY(QFile::exists(
                QSettings(QStringLiteral(MODELGATE_ORGANIZATION), QStringLiteral(MODELGATE_APP_NAME))
                    .fileName()));
        } // some views save their layout when destroyed: still into the run's settings
        QVERIFY(!QFileInfo::exists(scratchDirectory));
        QCOMPARE(fileContents(settingsFile), saved);
        QCOMPARE(QFileInfo(settingsFile).lastModified(), modified);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
