// The endpoint view over a simulated 24-hour session (docs/benchmarks.md, "Monitoring"):
// two deployments, every series (request rate, 2xx/4xx/5xx, p50/p95/p99, CPU, memory), one
// report a second as the live scrape delivers them, fed at full speed with the view's clock
// following the simulated time. Measured: resident memory before any data, once the rings are
// made, and after the day; the redraw of a frame (the series refilled and the four charts
// painted) over the day, 288 frames by default (one per five simulated minutes), at the chosen window; then,
// with the day's data in the rings, a real-time phase at one scrape a second through the view's own throttled
// redraws: the GUI thread's busy share (its CPU time over the wall time) and the scrape-to-screen latency
// (from a report's arrival to the end of the paint that shows it). Not a test: it asserts nothing and CTest
// does not run it.
//
//   QT_QPA_PLATFORM=offscreen build/ci/tests/bench/bench_monitor_view [--seconds 86400]
//       [--frames 288] [--realtime 30] [--window 24h|1h|5m] [--size 1920x1000]
//   BENCH_DEBUG=1 prints each frame's refill (series decimated and replaced) and paint on stderr.
#include "bench_util.h"
#include "monitor/endpoint_monitor_controller.h"
#include "monitor/endpoint_monitor_view.h"
#include "monitor/monitor_chart_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr std::int64_t kStartMs = 1'764'806'400'000; // 2025-12-04 00:00 UTC: the simulated day

struct Settings
{
    int seconds = 86'400;
    int realtimeSeconds = 30;
    int frames = 288; // redraws over the day, evenly spaced: one per five simulated minutes
    MonitorWindow window = MonitorWindow::OneDay;
    int width = 1920;
    int height = 1000;
};

bool parse(int argc, char **argv, Settings &settings)
{
    for (int index = 1; index < argc; ++index) {
        const std::string arg = argv[index];
        const bool hasValue = index + 1 < argc;
        if (arg == "--seconds" && hasValue) {
            settings.seconds = std::max(60, std::atoi(argv[++index]));
        } else if (arg == "--frames" && hasValue) {
            settings.frames = std::max(1, std::atoi(argv[++index]));
        } else if (arg == "--realtime" && hasValue) {
            settings.realtimeSeconds = std::max(0, std::atoi(argv[++index]));
        } else if (arg == "--window" && hasValue) {
            const std::string window = argv[++index];
            settings.window = window == "5m"   ? MonitorWindow::FiveMinutes
                              : window == "1h" ? MonitorWindow::OneHour
                                               : MonitorWindow::OneDay;
        } else if (arg == "--size" && hasValue) {
            if (std::sscanf(argv[++index], "%dx%d", &settings.width, &settings.height) != 2)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double mib(long kb)
{
    return static_cast<double>(kb) / 1024.0;
}

// One second of the simulated endpoint: a champion at ~40 requests a second and a canary at
// ~10, with a little noise, the canary failing now and then, and a spike of latency at noon.
class Session
{
public:
    MetricsReport second(std::int64_t startMs)
    {
        MetricsReport report;
        report.endpoint = "bench";
        report.fromMs = startMs;
        report.toMs = startMs + 1000;
        report.stepMs = 1000;
        for (const char *name : {"blue", "green"}) {
            const bool canary = std::string(name) == "green";
            DeploymentMetrics deployment;
            deployment.deployment = name;
            MetricsBucket bucket;
            bucket.startMs = startMs;
            const int requests = (canary ? 10 : 40) + static_cast<int>(m_noise(m_random) * 4);
            const int failed = canary && m_noise(m_random) > 0.9 ? 2 : 0;
            bucket.status.ok2xx = requests - failed;
            bucket.status.client4xx = failed;
            bucket.status.server5xx = m_noise(m_random) > 0.995 ? 1 : 0;
            const bool noon = (startMs - kStartMs) / 1000 == 43'200;
            const double base = (canary ? 18.0 : 12.0) + m_noise(m_random) * 3;
            bucket.p50 = base;
            bucket.p95 = noon ? 2400.0 : base * 2.2;
            bucket.p99 = noon ? 3100.0 : base * 3.1;
            deployment.buckets.push_back(bucket);
            deployment.resources = ResourceUsage{(canary ? 9.0 : 33.0) + m_noise(m_random) * 5,
                                                 (canary ? 380LL : 410LL) * 1024 * 1024, 3};
            report.deployments.push_back(deployment);
        }
        report.newestDataMs = startMs + 999;
        return report;
    }

private:
    std::mt19937 m_random{20261204};
    std::uniform_real_distribution<double> m_noise{0.0, 1.0};
};

// The end of each paint of a chart: when the newest report reached the screen.
class PaintClock final : public QObject
{
public:
    std::vector<double> latencies; // ms from a report's arrival to the end of its first paint
    qint64 pendingSince = -1;      // when the report not yet painted arrived
    QElapsedTimer clock;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside)
            return false;
        // Let the view paint (through the scroll area's own handling), then read the clock.
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        if (pendingSince >= 0 && m_drawnSince) {
            latencies.push_back(static_cast<double>(clock.elapsed() - pendingSince));
            pendingSince = -1;
            m_drawnSince = false;
        }
        return true;
    }

    // A report arrived: the next paint after the next redraw shows it.
    void arrived()
    {
        pendingSince = clock.elapsed();
        m_drawnSince = false;
    }
    void redrawn() { m_drawnSince = pendingSince >= 0; }

private:
    bool m_inside = false;
    bool m_drawnSince = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Settings settings;
    if (!parse(argc, argv, settings)) {
        std::fprintf(stderr, "usage: bench_monitor_view [--seconds N] [--frames F] [--realtime S] "
                             "[--window 24h|1h|5m] [--size WxH]\n");
        return 2;
    }
    EndpointInfo endpoint;
    endpoint.name = "bench";
    endpoint.health = EndpointHealth::Running;
    for (const auto &[name, share] : {std::pair{"blue", 90}, std::pair{"green", 10}}) {
        DeploymentInfo deployment;
        deployment.name = name;
        deployment.model = "diabetes-classifier";
        deployment.version = share == 90 ? "3" : "4";
        deployment.traffic = share;
        deployment.health = DeploymentHealth::Healthy;
        endpoint.deployments.push_back(deployment);
    }

    std::int64_t simulatedNow = kStartMs;
    EndpointMonitorView view;
    view.setClock([&simulatedNow]() { return simulatedNow; });
    view.resize(settings.width, settings.height);
    view.show();
    QCoreApplication::processEvents();
    const long rssBefore = bench::procStatusKb("VmRSS");
    view.setEndpoint(endpoint); // no context: the controller shows what it is fed
    view.setWindow(settings.window);
    EndpointMonitorController *controller = view.controller();
    Session session;

    controller->ingestLive(session.second(simulatedNow), 0);
    simulatedNow += 1000;
    QCoreApplication::processEvents();
    const long rssRingsMade = bench::procStatusKb("VmRSS");

    // The day at full speed: a frame every few simulated minutes, timed from the refill to the end
    // of the paint of all four charts.
    std::vector<double> frames;
    double feedMs = 0;
    const int frameEvery = std::max(1, settings.seconds / settings.frames);
    std::vector<std::pair<int, long>> quarterRss; // flat memory: RSS every quarter of the session
    QElapsedTimer total;
    total.start();
    for (int second = 1; second < settings.seconds; ++second) {
        const MetricsReport report = session.second(simulatedNow);
        QElapsedTimer feed;
        feed.start();
        controller->ingestLive(report, 0);
        feedMs += static_cast<double>(feed.nsecsElapsed()) / 1e6;
        simulatedNow += 1000;
        if (second % (settings.seconds / 4) == 0)
            quarterRss.push_back({second, bench::procStatusKb("VmRSS")});
        if (second % frameEvery == 0) {
            QElapsedTimer frame;
            frame.start();
            view.redrawNow();
            const double refill = static_cast<double>(frame.nsecsElapsed()) / 1e6;
            QCoreApplication::sendPostedEvents(); // the charts' deferred layout
            const double layout = static_cast<double>(frame.nsecsElapsed()) / 1e6;
            view.chartArea()->repaint();
            if (std::getenv("BENCH_DEBUG"))
                std::fprintf(stderr, "frame at %d s: refill %.1f layout %.1f paint %.1f ms\n", second, refill,
                             layout - refill, static_cast<double>(frame.nsecsElapsed()) / 1e6 - layout);
            frames.push_back(static_cast<double>(frame.nsecsElapsed()) / 1e6);
            QCoreApplication::processEvents(); // the throttle's own timer, the rest of the loop
        }
    }
    const double sessionSeconds = static_cast<double>(total.elapsed()) / 1000.0;
    const long rssDay = bench::procStatusKb("VmRSS");

    // Real time, with the day in the rings: one report a second through the view's throttle.
    PaintClock paints;
    paints.clock.start();
    view.chart(EndpointMonitorView::RequestsChart)->viewport()->installEventFilter(&paints);
    QObject::connect(&view, &EndpointMonitorView::redrawn, &paints, [&paints]() { paints.redrawn(); });
    double busyShare = 0;
    int realtimeReports = 0;
    const int redrawsBefore = view.redrawCount();
    if (settings.realtimeSeconds > 0) {
        QTimer scrape;
        scrape.setInterval(1000);
        QObject::connect(&scrape, &QTimer::timeout, &view, [&]() {
            const MetricsReport report = session.second(simulatedNow);
            paints.arrived();
            controller->ingestLive(report, unixMillisNow());
            simulatedNow += 1000;
            ++realtimeReports;
        });
        QTimer end;
        end.setSingleShot(true);
        QObject::connect(&end, &QTimer::timeout, &app, &QCoreApplication::quit);
        const double cpuBefore = threadCpuMs();
        QElapsedTimer wall;
        wall.start();
        scrape.start();
        end.start(settings.realtimeSeconds * 1000);
        QApplication::exec();
        busyShare = (threadCpuMs() - cpuBefore) / static_cast<double>(wall.elapsed());
    }
    const long rssEnd = bench::procStatusKb("VmRSS");

    const MonitorSeriesStore &store = controller->series();
    const char *windowName = settings.window == MonitorWindow::OneDay    ? "24 h"
                             : settings.window == MonitorWindow::OneHour ? "1 h"
                                                                         : "5 min";
    std::size_t drawn = 0;
    for (int chart = 0; chart < EndpointMonitorView::ChartCount; ++chart)
        for (const ChartLine &line : view.chart(static_cast<EndpointMonitorView::Chart>(chart))->lines())
            drawn += line.points.size();
    std::printf("Monitor view, simulated session of %d s (%.1f h), 2 deployments x %zu series, rings of %zu "
                "points, window %s, %dx%d offscreen\n\n",
                settings.seconds, settings.seconds / 3600.0, kMonitorMetricCount, store.capacity(),
                windowName, settings.width, settings.height);
    std::printf("| Figure | Value |\n|---|---|\n");
    std::printf("| RSS before any data | %.1f MiB |\n", mib(rssBefore));
    std::printf("| RSS after the first report (every ring made) | %.1f MiB |\n", mib(rssRingsMade));
    for (const auto &[second, kb] : quarterRss)
        std::printf("| RSS after %.0f simulated hours | %.1f MiB |\n", second / 3600.0, mib(kb));
    std::printf("| RSS at the end of the simulated session | %.1f MiB |\n", mib(rssDay));
    std::printf("| RSS after the real-time phase | %.1f MiB |\n", mib(rssEnd));
    std::printf("| Ring memory (fixed, 18 rings) | %.1f MiB |\n",
                static_cast<double>(store.memoryBytes()) / 1048576.0);
    std::printf("| Points held | %zu per series |\n",
                store.ring("blue", MonitorMetric::RequestRate)
                    ? store.ring("blue", MonitorMetric::RequestRate)->size()
                    : std::size_t(0));
    std::printf("| Points drawn per frame (all charts) | %zu |\n", drawn);
    std::printf("| Feeding the session (%d reports) | %.2f s in all, %.1f µs per report |\n",
                settings.seconds, sessionSeconds, feedMs * 1000.0 / settings.seconds);
    std::printf("| Redraw + paint per frame (%zu frames) | median %.1f ms, p95 %.1f ms, max %.1f ms |\n",
                frames.size(), bench::median(frames), percentile(frames, 95),
                frames.empty() ? 0.0 : *std::max_element(frames.begin(), frames.end()));
    if (settings.realtimeSeconds > 0) {
        std::printf("| Real time: %d s, %d scrapes, %d redraws | GUI thread busy %.1f %% |\n",
                    settings.realtimeSeconds, realtimeReports, view.redrawCount() - redrawsBefore,
                    busyShare * 100.0);
        std::printf(
            "| Scrape-to-screen latency (%zu) | median %.0f ms, p95 %.0f ms, max %.0f ms |\n",
            paints.latencies.size(), bench::median(paints.latencies), percentile(paints.latencies, 95),
            paints.latencies.empty() ? 0.0
                                     : *std::max_element(paints.latencies.begin(), paints.latencies.end()));
    }
    return 0;
}
