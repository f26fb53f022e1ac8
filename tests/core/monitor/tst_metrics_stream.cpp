// The live metrics stream of a local endpoint, without its processes: HAProxy's request log grows
// line by line (as HAProxy writes it, a request when it ends, lines cut where a write ends) while
// two readers query one LocalMetricsSource from their own threads, as the console's chart (every
// second) and the SLO watcher do. Every request is counted once, by deployment and class, and
// the readers never fail. The ThreadSanitizer pass runs this test (scripts/hardening.sh).
#include "deploy/endpoint_state.h"
#include "result_assertions.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/monitor/local_metrics.h>
#include <modelgate/core/monitor/metrics.h>

using namespace modelgate;

namespace {

constexpr const char *kEndpoint = "stream";

} // namespace

class TestMetricsStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoReadersWhileTheLogGrowsCountEveryRequestOnce()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        LocalTargetConfig config;
        config.stateRoot = data.path().toStdString() + "/endpoints";
        const LocalTarget target(config);
        detail::LocalEndpoint endpoint;
        endpoint.name = kEndpoint;
        endpoint.port = 1;
        endpoint.created = "2026-12-04T00:00:00Z";
        for (const char *name : {"blue", "green"}) {
            detail::LocalDeployment deployment;
            deployment.name = name;
            deployment.model = "m";
            deployment.version = "1";
            deployment.weight = 50;
            endpoint.deployments.push_back(deployment);
        }
        const std::string dir = target.endpointDir(kEndpoint);
        std::filesystem::create_directories(target.requestLogDir(kEndpoint));
        REQUIRE_OK(detail::writeEndpointState(dir, endpoint));

        // 3000 requests over about a second and a half: blue answers 2xx, green one in three 5xx.
        constexpr int requests = 3000;
        const std::string logPath = target.requestLogDir(kEndpoint) + "/1.log";
        std::FILE *log = std::fopen(logPath.c_str(), "ab");
        QVERIFY(log != nullptr);
        std::atomic<bool> writing{true};
        std::atomic<int> queries{0};
        std::atomic<int> failures{0};
        LocalMetricsSource source(target);
        const auto reader = [&] {
            while (writing.load()) {
                MetricsQuery query;
                query.endpoint = kEndpoint;
                query.toMs = unixMillisNow() + 1000;
                query.fromMs = query.toMs - 60'000;
                query.stepMs = 1000;
                query.withResources = false;
                if (source.query(query, CancelToken::none()).ok())
                    ++queries;
                else
                    ++failures;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        };
        std::thread console(reader);
        std::thread watcher(reader);
        const std::int64_t startMs = unixMillisNow();
        for (int i = 0; i < requests; ++i) {
            const std::int64_t at = unixMillisNow();
            const bool green = i % 2 == 1;
            const int status = green && i % 3 == 0 ? 503 : 200;
            const std::string line = "mg1 " + std::to_string(at / 1000) + "." +
                                     std::to_string(1000 + at % 1000).substr(1) +
                                     (green ? " deployments/green " : " deployments/blue ") +
                                     std::to_string(status) + " 4 3 120\n";
            // Half a line now and half later, as a write cut by the scheduler leaves it.
            const std::size_t half = line.size() / 2;
            std::fwrite(line.data(), 1, half, log);
            std::fflush(log);
            std::fwrite(line.data() + half, 1, line.size() - half, log);
            std::fflush(log);
            if (i % 100 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        std::fclose(log);
        writing = false;
        console.join();
        watcher.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY2(queries.load() >= 10, std::to_string(queries.load()).c_str());

        MetricsQuery all;
        all.endpoint = kEndpoint;
        all.fromMs = startMs - 5000;
        all.toMs = unixMillisNow() + 5000;
        all.stepMs = all.toMs - all.fromMs;
        all.withResources = false;
        const auto report = source.query(all, CancelToken::none());
        REQUIRE_OK(report);
        QCOMPARE(report.value().total.requests(), std::int64_t(requests));
        const DeploymentMetrics *blue = report.value().deployment("blue");
        const DeploymentMetrics *green = report.value().deployment("green");
        QVERIFY(blue && green);
        QCOMPARE(blue->window.requests(), std::int64_t(requests / 2));
        QCOMPARE(green->window.requests(), std::int64_t(requests / 2));
        QCOMPARE(green->window.status.server5xx, std::int64_t(500)); // odd i divisible by 3
        // A reader that starts now, on the whole file, counts the same.
        LocalMetricsSource fresh(target);
        const auto again = fresh.query(all, CancelToken::none());
        REQUIRE_OK(again);
        QCOMPARE(again.value().total.requests(), std::int64_t(requests));
    }
};

QTEST_GUILESS_MAIN(TestMetricsStream)
#include "tst_metrics_stream.moc"
