#include "evaluation/metric_history_view.h"

#include "async/run_async.h"
#include "evaluation/metric_chart_widget.h"
#include "evaluation/review_support.h"
#include "widgets/loading_indicator.h"

#include <algorithm>
#include <from_std.h>
#include <optional>

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <modelgate/core/review/metric_history.h>
#include <modelgate/core/util/parallel.h>

namespace modelgate::ui {

namespace {

struct HistoryRequest
{
    QString label;
    QString version;
    std::string runId;
};

struct HistoryLoad
{
    std::vector<ChartSeriesData> series;
    std::vector<std::pair<QString, Error>> failures; // label, error
};

} // namespace

MetricHistoryView::MetricHistoryView(QWidget *parent)
    : LazyLoadView(parent)
    , m_metricCombo(new QComboBox(this))
    , m_logScale(new QCheckBox(tr("&Log scale"), this))
    , m_resetZoom(new QPushButton(tr("&Reset Zoom"), this))
    , m_exportPng(new QPushButton(tr("Export &PNG…"), this))
    , m_exportCsv(new QPushButton(tr("Export &CSV…"), this))
    , m_overlays(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_chart(new MetricChartWidget(this))
    , m_readout(new QLabel(this))
    , m_note(new QLabel(this))
    , m_loading(new LoadingIndicator(this))
{
    setObjectName(QStringLiteral("metricHistoryView"));
    m_metricCombo->setObjectName(QStringLiteral("chartMetricCombo"));
    m_metricCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metricCombo->setMinimumContentsLength(14);
    m_logScale->setObjectName(QStringLiteral("chartLogScale"));
    m_overlays->setObjectName(QStringLiteral("chartOverlays"));
    m_overlays->setToolTip(tr("Tick versions to draw their runs' history of the same metric."));
    m_readout->setObjectName(QStringLiteral("chartReadout"));
    m_note->setObjectName(QStringLiteral("chartNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_readout->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_resetZoom->setToolTip(tr("Show every point again (Home, or right-click the chart)"));
    m_chart->setToolTip({});
    m_chart->setWhatsThis(tr("Drag to zoom into a rectangle; Ctrl+drag or the middle button pans; arrow "
                             "keys pan; the wheel or +/− zoom; right-click or Home resets."));

    auto *metricLabel = new QLabel(tr("&Metric:"), this);
    metricLabel->setBuddy(m_metricCombo);
    auto *controls = new QHBoxLayout;
    controls->addWidget(metricLabel);
    controls->addWidget(m_metricCombo);
    controls->addSpacing(12);
    controls->addWidget(m_logScale);
    controls->addStretch(1);
    controls->addWidget(m_resetZoom);
    controls->addWidget(m_exportPng);
    controls->addWidget(m_exportCsv);

    auto *overlayTitle = new QLabel(tr("Overlay versions"), this);
    QFont bold = overlayTitle->font();
    bold.setBold(true);
    overlayTitle->setFont(bold);
    auto *side = new QVBoxLayout;
    side->addWidget(overlayTitle);
    side->addWidget(m_overlays, 1);
    m_overlays->setMaximumWidth(200);
    m_overlays->setMinimumWidth(130);

    m_stack->addWidget(m_chart);
    m_stack->addWidget(m_placeholder);
    auto *body = new QHBoxLayout;
    body->addWidget(m_stack, 1);
    body->addLayout(side);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(body, 1);
    layout->addWidget(m_readout);
    layout->addWidget(m_note);
    layout->addWidget(m_loading);

    m_logScale->setChecked(reviewSetting(QStringLiteral("chartLogScale"), false).toBool());
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_filling)
            return;
        setReviewSetting(QStringLiteral("chartMetric"), metric());
        scheduleLoad();
    });
    connect(m_overlays, &QListWidget::itemChanged, this, [this]() {
        if (!m_filling)
            scheduleLoad();
    });
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) {
        if (m_filling)
            return;
        setReviewSetting(QStringLiteral("chartLogScale"), on);
        m_chart->setLogScale(on && m_chart->canUseLogScale());
    });
    connect(m_resetZoom, &QPushButton::clicked, m_chart, &MetricChartWidget::resetZoom);
    connect(m_exportPng, &QPushButton::clicked, this, &MetricHistoryView::exportPng);
    connect(m_exportCsv, &QPushButton::clicked, this, &MetricHistoryView::exportCsv);
    connect(m_chart, &MetricChartWidget::readoutChanged, this, [this](const QString &text) {
        m_readout->setText(text.isEmpty() ? tr("Point at a line to read its values.") : text);
    });
    connect(m_loading, &LoadingIndicator::cancelRequested, this, &MetricHistoryView::cancel);
    clear();
}

MetricHistoryView::~MetricHistoryView()
{
    m_cancel.cancel();
}

void MetricHistoryView::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
}

void MetricHistoryView::setModelVersions(const std::vector<ModelVersion> &versions)
{
    m_versions = versions;
    fillOverlays();
}

void MetricHistoryView::clear()
{
    cancel();
    m_version = {};
    m_filling = true;
    m_metricCombo->clear();
    m_filling = false;
    m_chart->clear();
    m_note->clear();
    m_readout->clear();
    fillOverlays();
    updateLogScaleControl();
    showPlaceholder(tr("Select a model version to chart its metrics."));
}

void MetricHistoryView::setUnavailable(const QString &message)
{
    cancel();
    m_dirty = false;
    m_chart->clear();
    m_note->clear();
    showPlaceholder(message);
}

void MetricHistoryView::setVersion(const ModelVersion &version)
{
    clear();
    m_version = version;
    fillOverlays();
    showPlaceholder(version.runId.empty()
                        ? tr("This version was not registered from a run, so it has no metric history.")
                        : tr("Loading the run…"));
}

void MetricHistoryView::fillOverlays()
{
    m_filling = true;
    m_overlays->clear();
    for (const ModelVersion &version : m_versions) {
        if (version.version == m_version.version || version.runId.empty())
            continue;
        auto *item = new QListWidgetItem(versionLabel(version), m_overlays);
        item->setData(Qt::UserRole, fromStd(version.version));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool champion =
            std::find(version.aliases.begin(), version.aliases.end(), "champion") != version.aliases.end();
        item->setCheckState(champion && !m_version.version.empty() ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
}

void MetricHistoryView::setMetricKeys(const QStringList &keys)
{
    QStringList sorted = keys;
    sorted.sort(Qt::CaseInsensitive);
    m_filling = true;
    m_metricCombo->clear();
    m_metricCombo->addItems(sorted);
    const QString remembered = reviewSetting(QStringLiteral("chartMetric")).toString();
    int index = m_metricCombo->findText(remembered);
    if (index < 0)
        index = m_metricCombo->findText(QStringLiteral("loss"));
    m_metricCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_filling = false;
    if (sorted.isEmpty()) {
        showPlaceholder(tr("The run logged no metrics."));
        return;
    }
    scheduleLoad();
}

bool MetricHistoryView::setMetric(const QString &key)
{
    const int index = m_metricCombo->findText(key);
    if (index < 0)
        return false;
    if (index == m_metricCombo->currentIndex())
        scheduleLoad();
    else
        m_metricCombo->setCurrentIndex(index);
    return true;
}

QString MetricHistoryView::metric() const
{
    return m_metricCombo->currentText();
}

void MetricHistoryView::setOverlayChecked(const QString &versionOrAlias, bool checked)
{
    for (int row = 0; row < m_overlays->count(); ++row) {
        QListWidgetItem *item = m_overlays->item(row);
        const QString version = item->data(Qt::UserRole).toString();
        const bool matches = versionOrAlias.startsWith(u'@')
                                 ? item->text().split(u' ').contains(versionOrAlias)
                                 : version == versionOrAlias;
        if (matches)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QString MetricHistoryView::noteText() const
{
    return m_note->text();
}

void MetricHistoryView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
    m_exportPng->setEnabled(false);
    m_exportCsv->setEnabled(false);
    m_resetZoom->setEnabled(false);
}

void MetricHistoryView::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    if (m_loadingRuns) {
        m_loadingRuns = false;
        m_loading->stop();
        m_note->setText(tr("Loading the history was cancelled."));
    }
}

void MetricHistoryView::load()
{
    m_dirty = false;
    const QString key = metric();
    if (!m_client || m_version.runId.empty() || key.isEmpty())
        return;
    std::vector<HistoryRequest> requests;
    requests.push_back({tr("v%1 (this version)").arg(fromStd(m_version.version)), fromStd(m_version.version),
                        m_version.runId});
    for (int row = 0; row < m_overlays->count(); ++row) {
        const QListWidgetItem *item = m_overlays->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        const QString number = item->data(Qt::UserRole).toString();
        for (const ModelVersion &version : m_versions)
            if (fromStd(version.version) == number)
                requests.push_back({item->text(), number, version.runId});
    }

    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingRuns = true;
    m_note->clear();
    m_loading->start(
        tr("Loading the history of %1 for %n run(s)…", nullptr, static_cast<int>(requests.size())).arg(key));
    runAsync(
        this,
        [client = m_client, requests, key, cancel = m_cancel]() -> Result<HistoryLoad> {
            // The chart needs a few thousand points per run, not every step of a 100,000-step
            // history: ask the server's bulk-interval endpoint for a sample, one run per request
            // so that a short run overlaid on a long one keeps its own resolution (the endpoint
            // samples the steps of all requested runs together). Servers without the endpoint
            // get full histories downsampled locally (fetchMetricOverview falls back).
            const std::string metricKey = key.toStdString();
            // Plain per-run slots rather than parallelMap's Result values: GCC 12 at -O2 warns
            // (falsely) about moving the variant inside them.
            std::vector<std::vector<Metric>> samples(requests.size());
            std::vector<std::optional<Error>> errors(requests.size());
            const std::vector<bool> ran = runBounded(
                requests.size(), kDefaultRequestConcurrency,
                [&](std::size_t i) {
                    auto overview = fetchMetricOverview(*client, {requests[i].runId}, metricKey,
                                                        static_cast<int>(MetricChartWidget::kDisplayPoints),
                                                        {}, {}, cancel);
                    if (!overview.ok())
                        errors[i] = overview.error();
                    else if (!overview->empty())
                        samples[i] = std::move(overview->front());
                },
                cancel);
            if (cancel.isCancelled())
                return Error{ErrorKind::Cancelled, 0, {}, "cancelled", {}, {}};
            HistoryLoad load;
            for (std::size_t i = 0; i < requests.size(); ++i) {
                if (!ran[i] || errors[i]) {
                    const Error error =
                        errors[i].value_or(Error{ErrorKind::Cancelled, 0, {}, "cancelled", {}, {}});
                    if (error.kind == ErrorKind::Cancelled)
                        return error;
                    load.failures.emplace_back(requests[i].label, error);
                    continue;
                }
                ChartSeriesData series;
                series.label = requests[i].label;
                series.version = requests[i].version;
                series.runId = fromStd(requests[i].runId);
                series.metric = key;
                series.points = std::move(samples[i]);
                series.complete = false; // a sample: the CSV export fetches every point
                prepareForDisplay(series, MetricChartWidget::kDisplayPoints);
                load.series.push_back(std::move(series));
            }
            if (load.series.empty() && !load.failures.empty())
                return load.failures.front().second;
            return load;
        },
        [this, generation, key](Result<HistoryLoad> result) {
            if (generation != m_generation)
                return;
            m_loadingRuns = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled) {
                    showPlaceholder(userMessage(result.error(), Operation::LoadMetricHistory));
                    Q_EMIT failed(result.error(), Operation::LoadMetricHistory);
                }
                return;
            }
            HistoryLoad load = std::move(result).value();
            QStringList notes;
            std::size_t total = 0;
            std::size_t drawn = 0;
            for (const ChartSeriesData &series : load.series) {
                total += series.points.size();
                drawn += series.displayPoints.size();
                if (series.points.empty())
                    notes << tr("%1 has no values of %2.").arg(series.label, key);
                else if (series.nonFinite > 0)
                    notes << tr("%1: %n value(s) that are not numbers (NaN or infinite) are not drawn.",
                                nullptr, static_cast<int>(series.nonFinite))
                                 .arg(series.label);
            }
            for (const auto &[label, error] : load.failures)
                notes << tr("%1 could not be loaded: %2")
                             .arg(label, userMessage(error, Operation::LoadMetricHistory));
            if (drawn < total)
                notes << tr("%1 of %2 points drawn (shape-preserving downsampling); the CSV export has every "
                            "point.")
                             .arg(QLocale().toString(static_cast<qulonglong>(drawn)),
                                  QLocale().toString(static_cast<qulonglong>(total)));
            else if (total > 0)
                notes << tr("Up to %1 points per run are drawn, as sampled by the server; the CSV export "
                            "fetches every point.")
                             .arg(QLocale().toString(
                                 static_cast<qulonglong>(MetricChartWidget::kDisplayPoints)));
            m_note->setText(notes.join(u' '));
            m_chart->setSeries(key, std::move(load.series));
            updateLogScaleControl();
            if (total == 0) {
                showPlaceholder(tr("No run has values of %1.").arg(key));
            } else {
                m_stack->setCurrentWidget(m_chart);
                m_exportPng->setEnabled(true);
                m_exportCsv->setEnabled(true);
                m_resetZoom->setEnabled(true);
                m_readout->setText(tr("Point at a line to read its values."));
            }
            Q_EMIT loaded();
        });
}

void MetricHistoryView::updateLogScaleControl()
{
    const QString blocker = m_chart->logScaleBlocker();
    m_logScale->setEnabled(blocker.isEmpty());
    m_logScale->setToolTip(blocker.isEmpty() ? tr("Show the values on a logarithmic axis") : blocker);
    const bool wanted = reviewSetting(QStringLiteral("chartLogScale"), false).toBool();
    m_filling = true;
    m_logScale->setChecked(wanted && blocker.isEmpty());
    m_filling = false;
    m_chart->setLogScale(wanted && blocker.isEmpty());
}

void MetricHistoryView::exportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart as PNG"),
        QStringLiteral("%1-v%2-%3.png").arg(fromStd(m_version.name), fromStd(m_version.version), metric()),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    m_note->setText(m_chart->exportPng(path, &error) ? tr("Saved the chart to %1.").arg(path)
                                                     : tr("The chart could not be saved: %1").arg(error));
}

void MetricHistoryView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart Data as CSV"),
        QStringLiteral("%1-v%2-%3.csv").arg(fromStd(m_version.name), fromStd(m_version.version), metric()),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    std::vector<ChartSeriesData> series = m_chart->seriesData();
    const auto save = [this, path](const std::vector<ChartSeriesData> &data) {
        QString error;
        m_note->setText(writeSeriesCsv(path, data, &error)
                            ? tr("Saved every point to %1.").arg(path)
                            : tr("The data could not be saved: %1").arg(error));
    };
    const bool complete =
        std::all_of(series.begin(), series.end(), [](const ChartSeriesData &s) { return s.complete; });
    if (complete || !m_client) {
        save(series);
        return;
    }
    // The chart holds the server's sample; the file gets every point, fetched now.
    std::vector<std::string> runIds;
    for (const ChartSeriesData &data : series)
        runIds.push_back(data.runId.toStdString());
    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingRuns = true;
    m_loading->start(tr("Fetching every point for the CSV export…"));
    runAsync(
        this,
        [client = m_client, runIds, key = series.front().metric.toStdString(), series = std::move(series),
         cancel = m_cancel]() mutable -> Result<std::vector<ChartSeriesData>> {
            auto histories = fetchMetricHistories(*client, runIds, key, cancel);
            for (std::size_t i = 0; i < series.size() && i < histories.size(); ++i) {
                if (!histories[i].ok())
                    return histories[i].error();
                series[i].points = std::move(histories[i]).value();
                series[i].complete = true;
            }
            return series;
        },
        [this, generation, save](Result<std::vector<ChartSeriesData>> result) {
            if (generation != m_generation)
                return;
            m_loadingRuns = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled) {
                    m_note->setText(userMessage(result.error(), Operation::LoadMetricHistory));
                    Q_EMIT failed(result.error(), Operation::LoadMetricHistory);
                }
                return;
            }
            save(result.value());
        });
}

} // namespace modelgate::ui
