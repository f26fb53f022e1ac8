#pragma once

#include "monitor/monitor_context.h"
#include "monitor/monitor_series.h"
#include "monitor/trail_markers.h"

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QTimer>

#include <modelgate/core/monitor/slo_watch.h>
#include <modelgate/core/util/cancel_token.h>

namespace modelgate::ui {

// The live data of one endpoint while the console shows it. Every second it asks the metrics
// source for what is new since its last question (plus the last few seconds again: HAProxy
// logs a request when it has finished, so a slow request lands in a second already read) and
// appends a point per deployment and metric to the rings; when started, and when a longer
// window is chosen, one query back-fills the window. Every 5 s it runs the endpoint's SLO
// watcher (which records a breach in the trail and, when the endpoint's rules say so, rolls
// a breaching canary back), and every minute, and after an action, it reads the endpoint's
// records from the release trail for the time axis. All of it runs off the GUI thread, one
// call of each kind at a time; results come back to this object's thread, and a late result
// never reaches a destroyed controller.
class EndpointMonitorController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointMonitorController)

public:
    static constexpr int kScrapeIntervalMs = 1000;
    static constexpr int kCheckIntervalMs = 5000;
    static constexpr int kTrailIntervalMs = 60'000;
    static constexpr std::int64_t kLateLogMs = 5000;

    EndpointMonitorController(MonitorContext context, EndpointInfo endpoint, QObject *parent = nullptr,
                              std::size_t ringCapacity = MetricRing::kDefaultCapacity);
    ~EndpointMonitorController() override;

    QString endpointName() const { return QString::fromStdString(m_endpoint.name); }
    const EndpointInfo &endpoint() const { return m_endpoint; }
    MonitorWindow window() const { return m_window; }

    // Back-fills `window`, then scrapes, checks and reads the trail on their timers.
    void start(MonitorWindow window);
    void stop();
    bool isRunning() const { return m_scrapeTimer.isActive(); }
    // Charts another window; a longer one than the store holds is back-filled first.
    void setWindow(MonitorWindow window);
    void checkNow();
    void reloadMarkers();
    // Whether the checks act: record a breach and, when the rules say so, roll back (the
    // default). Off, they only evaluate (a console that must not write: the screenshot mode).
    void setEnforcing(bool enforcing) { m_enforcing = enforcing; }
    bool isEnforcing() const { return m_enforcing; }

    // What the timers' results go through; public so that tests and the benchmark can feed
    // reports they built. `scrapeStartedMs` is when the query for the report began.
    void ingestLive(const MetricsReport &report, qint64 scrapeStartedMs);
    void ingestBackfill(const MetricsReport &report);
    void ingestCheck(const WatchCheck &check);
    void setMarkers(std::vector<TrailMarker> markers);

    const MonitorSeriesStore &series() const { return m_series; }
    const std::vector<TrailMarker> &markers() const { return m_markers; }
    const std::optional<SloEvaluation> &lastEvaluation() const { return m_evaluation; }
    const std::optional<SloPolicy> &policy() const { return m_policy; }
    // The newest request the source has seen for the endpoint (Unix ms), if any.
    std::optional<std::int64_t> newestDataMs() const { return m_newestDataMs; }
    // The source of the newest report ("haproxy-log", "prometheus", "azure-monitor") and up to
    // when its data is complete (0: it has none for the endpoint), for the data's age.
    const std::string &sourceKind() const { return m_sourceKind; }
    std::optional<std::int64_t> dataUntilMs() const { return m_dataUntilMs; }
    // Back to an empty store and a fresh back-fill: after the endpoint's source has changed.
    void restart();
    // When the query whose points are the newest in the store began (Unix ms; 0: none yet).
    qint64 lastScrapeStartedMs() const { return m_lastScrapeStartedMs; }
    bool isBackfilling() const { return m_backfillInFlight; }
    bool hasBackfilled() const { return m_backfilled; }
    // When live scraping began (Unix ms): CPU and memory are "now", so they start there.
    std::int64_t liveSinceMs() const { return m_liveFromMs; }
    bool hasReadTrail() const { return m_trailRead; }
    QString lastError() const;

Q_SIGNALS:
    void dataAppended();
    void backfilled();
    void markersChanged();
    void checked();
    // A breach this round's check saw for the first time (recorded by this console, or by
    // another watcher first: then handledBy says who).
    void breachResponded(const modelgate::BreachResponse &response);
    void endpointUpdated();
    // A scrape, check or trail read failed; the message is translated. An empty message: it
    // works again.
    void problemChanged(const QString &message);

private:
    void scrape();
    void backfill(std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs);
    std::vector<std::string> expectedDeployments() const;
    // What failed last, by kind: the view shows the first problem that stands.
    enum class Activity
    {
        Scrape,
        Check,
        Trail,
    };
    void setProblem(Activity activity, const QString &message);

    struct WatchState;

    MonitorContext m_context;
    EndpointInfo m_endpoint;
    MonitorWindow m_window = MonitorWindow::FiveMinutes;
    MonitorSeriesStore m_series;
    std::shared_ptr<WatchState> m_watch;
    std::vector<TrailMarker> m_markers;
    std::optional<SloEvaluation> m_evaluation;
    std::optional<SloPolicy> m_policy;
    std::optional<std::int64_t> m_newestDataMs;
    std::optional<std::int64_t> m_dataUntilMs;
    std::string m_sourceKind;
    CancelToken m_cancel;
    QTimer m_scrapeTimer;
    QTimer m_checkTimer;
    QTimer m_trailTimer;
    std::int64_t m_liveFromMs = 0;   // where live scraping began (the back-fill's end)
    std::int64_t m_lastLiveToMs = 0; // the end of the last live query
    qint64 m_lastScrapeStartedMs = 0;
    bool m_scrapeInFlight = false;
    bool m_checkInFlight = false;
    bool m_trailInFlight = false;
    bool m_backfillInFlight = false;
    bool m_enforcing = true;
    bool m_backfilled = false;
    bool m_trailRead = false;
    std::array<QString, 3> m_problems; // by Activity
};

} // namespace modelgate::ui
