// The Endpoints page over a real local endpoint (HAProxy, no scoring server: the page's
// loading, health marking and restart need none): it lists what the target has, marks an
// endpoint whose router died and offers Restart, and Restart brings it back with its split.
// The page's models are checked by QAbstractItemModelTester while real data goes through them.
#include "deploy/deployment_table_model.h"
#include "deploy/endpoint_list_model.h"
#include "deploy/endpoints_page.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>

using namespace modelgate;
using namespace modelgate::ui;

class TestEndpointsPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-page-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;

    EndpointInfo shown(EndpointsPage &page, const std::string &name)
    {
        for (const EndpointInfo &endpoint : page.endpointModel()->endpoints())
            if (endpoint.name == name)
                return endpoint;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        m_target = std::make_shared<LocalTarget>(config);
        const Status created = m_target->createEndpoint({"page-test", false}, {}, CancelToken::none());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
    }

    void cleanupTestCase()
    {
        if (m_target)
            (void)m_target->deleteEndpoint("page-test", CancelToken::none());
    }

    void listsMarksAndRestarts()
    {
        EndpointsPage page;
        QAbstractItemModelTester endpointsTester(page.endpointModel(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester deploymentsTester(page.deploymentModel(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        // No registry request is needed for an endpoint without deployments: the client points nowhere.
        ClientConfig config;
        config.trackingUri = "http://127.0.0.1:9";
        DeployContext context{std::make_shared<const MlflowClient>(config), m_target, {}};
        page.setContext(context);
        page.resize(1200, 700);
        QSignalSpy loaded(&page, &EndpointsPage::endpointsLoaded);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !page.isLoading(), 20000);
        QCOMPARE(page.endpointModel()->rowCount(), 1);
        QCOMPARE(shown(page, "page-test").health, EndpointHealth::Running);
        QVERIFY(!page.restartAction()->isEnabled());

        QVERIFY(m_target->stopRouter("page-test").ok());
        loaded.clear();
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !page.isLoading(), 20000);
        QCOMPARE(shown(page, "page-test").health, EndpointHealth::Down);
        page.selectEndpoint(QStringLiteral("page-test"));
        QTRY_VERIFY(page.restartAction()->isEnabled());

        page.restartEndpoint();
        QTRY_VERIFY_WITH_TIMEOUT(shown(page, "page-test").health == EndpointHealth::Running, 30000);
        auto endpoint = m_target->endpoint("page-test", CancelToken::none());
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint.value().health, EndpointHealth::Running);
    }

    void unreadableStateIsListedNotHidden()
    {
        // A hand-edited or truncated endpoint.json: the endpoint shows, down, with the reason.
        const QString dir = QString::fromStdString(m_target->endpointDir("broken"));
        QVERIFY(QDir().mkpath(dir));
        QFile state(dir + QStringLiteral("/endpoint.json"));
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write("{\"name\": \"broken\", \"port\": ");
        state.close();
        auto endpoints = m_target->listEndpoints(CancelToken::none());
        QVERIFY(endpoints.ok());
        const auto found =
            std::find_if(endpoints.value().begin(), endpoints.value().end(),
                         [](const EndpointInfo &endpoint) { return endpoint.name == "broken"; });
        QVERIFY(found != endpoints.value().end());
        QCOMPARE(found->health, EndpointHealth::Down);
        QVERIFY2(found->healthDetail.find("cannot be read") != std::string::npos,
                 found->healthDetail.c_str());
        QVERIFY(QDir(dir).removeRecursively());
    }
};

QTEST_MAIN(TestEndpointsPage)
#include "tst_endpoints_page.moc"
