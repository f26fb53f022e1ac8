#pragma once

#include "monitor/breach_banner.h"
#include "monitor/monitor_context.h"

#include <array>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSettings;
class QSplitter;
class QToolBar;

namespace modelgate {
struct BreachResponse;
}

namespace modelgate::ui {

class DesktopNotifier;
class EndpointMonitorController;
class LoadTestDialog;
class MonitorChartView;
class MetricsSourceDialog;
class SloRulesDialog;

// The live charts of one endpoint (the Endpoints tab's "Monitor"): request rate, errors by
// class (4xx and 5xx), latency (p50, p95 or p99) and CPU and memory, one line per deployment in
// the colours of the split bar, over 5 min, 1 h or 24 h. The trail's deploy, traffic, rollback
// and breach records are marked on the time axis with who did them; a breach shows a banner
// (and a desktop notification) with what broke, the measured values and either who rolled the
// canary back or "Roll Back Now". Data keeps coming while paused; only redrawing stops. Redraws
// are throttled to two a second, and each refills every line in one call.
class EndpointMonitorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointMonitorView)

public:
    enum Chart
    {
        RequestsChart,
        ErrorsChart,
        LatencyChart,
        ResourcesChart,
        ChartCount,
    };

    enum class Percentile
    {
        P50,
        P95,
        P99,
    };

    static constexpr int kMinRedrawIntervalMs = 500;    // at most two redraws a second
    static constexpr int kBreachLookBackSeconds = 3600; // the banner shows a breach this recent

    explicit EndpointMonitorView(QWidget *parent = nullptr);
    ~EndpointMonitorView() override;

    // The workspace's registry, target and metrics source; an invalid context clears the view.
    void setContext(MonitorContext context);
    const MonitorContext &context() const { return m_context; }
    // Charts `endpoint`: a new one gets a controller of its own (and a back-fill of the window);
    // the same one takes the new state (its split) as is. An empty name shows nothing. Without
    // a valid context the controller only shows what is fed to it (tests, the benchmark).
    void setEndpoint(const EndpointInfo &endpoint);
    void clear();
    QString endpointName() const;
    EndpointMonitorController *controller() const { return m_controller.get(); }

    void setWindow(MonitorWindow window);
    MonitorWindow window() const { return m_window; }
    void setPercentile(Percentile percentile);
    Percentile percentile() const { return m_percentile; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Whether the endpoint's checks record breaches and roll back (the default), or only
    // evaluate (the screenshot mode, which writes nothing).
    void setEnforcing(bool enforcing);
    bool isEnforcing() const { return m_enforcing; }
    // Where "now" comes from (Unix ms): the wall clock, or a simulated one for the benchmark.
    void setClock(std::function<std::int64_t()> clock);

    // Redraws at once, whether or not a redraw is due (tests, the benchmark, screenshots).
    void redrawNow();
    int redrawCount() const { return m_redraws; }
    double lastRedrawMs() const { return m_lastRedrawMs; }

    MonitorChartView *chart(Chart chart) const { return m_charts[static_cast<std::size_t>(chart)]; }
    QWidget *chartArea() const { return m_chartArea; }
    BreachBanner *breachBanner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *readoutLabel() const { return m_readout; }
    QAction *pauseAction() const { return m_pauseAction; }
    QComboBox *windowSelector() const { return m_windowCombo; }
    DesktopNotifier *notifier() const { return m_notifier; }

    // The chart area as a PNG; every point of the window as CSV (time, deployment, every metric).
    bool exportPng(const QString &path, QString *errorMessage = nullptr);
    bool exportCsv(const QString &path, QString *errorMessage = nullptr) const;
    // The dialogs on the shown endpoint (non-modal, deleted when closed); nullptr without one.
    SloRulesDialog *openSloRules();
    MetricsSourceDialog *openMetricsSource();
    LoadTestDialog *openLoadTest();
    // Rolls the breaching canary back through Rollout (the banner's "Roll Back Now").
    void rollBackNow();

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);
    void resetLayout();

Q_SIGNALS:
    // This view changed the endpoint (a rollback): the page should read it again.
    void endpointChanged(const QString &endpoint);
    void statusMessage(const QString &text, int timeout);
    // After each redraw: how long it took and how old the newest scrape's data was on screen
    // (from the start of its query to the end of the redraw), in ms.
    void redrawn(double redrawMs, double scrapeToScreenMs);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void retranslate();
    void scheduleRedraw();
    void updateMarkers();
    void updateStatus();
    void onBreach(const BreachResponse &response);
    void onMarkersChanged();
    void showNotice(const BreachNotice &notice);
    void exportPngInteractively();
    void exportCsvInteractively();
    std::int64_t now() const;

    MonitorContext m_context;
    std::unique_ptr<EndpointMonitorController> m_controller;
    MonitorWindow m_window = MonitorWindow::FiveMinutes;
    Percentile m_percentile = Percentile::P95;
    bool m_paused = false;
    bool m_dirty = false;
    bool m_rollingBack = false;
    bool m_enforcing = true;
    std::function<std::int64_t()> m_clock;
    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;
    int m_redraws = 0;
    double m_lastRedrawMs = 0;
    std::set<std::string> m_dismissed; // noticeKey of breaches dismissed
    std::optional<BreachNotice> m_notice;

    QToolBar *m_toolBar;
    QComboBox *m_windowCombo;
    QComboBox *m_percentileCombo;
    QLabel *m_status;
    BreachBanner *m_banner;
    QWidget *m_chartArea;
    QSplitter *m_rows;
    std::array<QSplitter *, 2> m_columns{};
    std::array<MonitorChartView *, ChartCount> m_charts{};
    QLabel *m_readout;
    DesktopNotifier *m_notifier;
    QAction *m_pauseAction = nullptr;
    QAction *m_pngAction = nullptr;
    QAction *m_csvAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_sourceAction = nullptr;
    QAction *m_loadAction = nullptr;
    std::array<QAction *, 3> m_windowActions{};
};

} // namespace modelgate::ui
