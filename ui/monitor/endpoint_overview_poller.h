#pragma once

#include "deploy/endpoint_list_model.h"
#include "monitor/monitor_context.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QTimer>

#include <modelgate/core/util/cancel_token.h>

namespace modelgate::ui {

using EndpointFiguresByName = std::map<std::string, EndpointLiveFigures>;

// The figures of the overview (the endpoint list's sparkline, error rate, p95 and SLO
// status) for every endpoint, every 5 s while it runs: the last 5 minutes in 10-second steps,
// and each SLO rule's window evaluated with the endpoint's rules. It only reads: breaches
// are recorded and acted on by the endpoint view's watcher (or `modelgate-cli endpoint
// watch`), never twice from one console. One round runs at a time, off the GUI thread.
class EndpointOverviewPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointOverviewPoller)

public:
    static constexpr int kIntervalMs = 5000;
    static constexpr int kSpanSeconds = 300;
    static constexpr std::int64_t kStepMs = 10'000;

    explicit EndpointOverviewPoller(QObject *parent = nullptr);
    ~EndpointOverviewPoller() override;

    void setContext(MonitorContext context);
    // The endpoints to poll (as the target listed them: their split decides who must answer).
    void setEndpoints(std::vector<EndpointInfo> endpoints);
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    void pollNow();
    const EndpointFiguresByName &figures() const { return m_figures; }

    // The figures of one endpoint from a report of the last minutes and, when its rules were
    // evaluated, their evaluation.
    static EndpointLiveFigures figuresFrom(const MetricsReport &span,
                                           const std::optional<SloEvaluation> &evaluation);

Q_SIGNALS:
    void figuresReady(const modelgate::ui::EndpointFiguresByName &figures);

private:
    MonitorContext m_context;
    std::vector<EndpointInfo> m_endpoints;
    EndpointFiguresByName m_figures;
    CancelToken m_cancel;
    QTimer m_timer;
    bool m_polling = false;
    quint64 m_generation = 0;
};

} // namespace modelgate::ui
