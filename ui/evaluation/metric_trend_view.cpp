#include "evaluation/metric_trend_view.h"

#include "async/run_async.h"
#include "evaluation/review_support.h"
#include "widgets/loading_indicator.h"

#include <cmath>
#include <display_safe.h>
#include <from_std.h>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace modelgate::ui {

namespace {

// Beyond this many versions only aliased ones get a label, or the labels would overlap.
constexpr std::size_t kLabelEveryVersionUpTo = 25;

} // namespace

MetricTrendView::MetricTrendView(QWidget *parent)
    : LazyLoadView(parent)
    , m_metricCombo(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_chartView(new QChartView(new QChart(), this))
    , m_note(new QLabel(this))
    , m_loading(new LoadingIndicator(this))
{
    setObjectName(QStringLiteral("metricTrendView"));
    m_metricCombo->setObjectName(QStringLiteral("trendMetricCombo"));
    m_metricCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metricCombo->setMinimumContentsLength(14);
    m_chartView->setObjectName(QStringLiteral("trendChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 220);
    m_chartView->chart()->setBackgroundRoundness(0);
    m_chartView->chart()->setLocalizeNumbers(true); // axis labels in the UI language
    m_chartView->chart()->layout()->setContentsMargins(0, 0, 0, 0);
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_title->setObjectName(QStringLiteral("trendTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note->setObjectName(QStringLiteral("trendNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *metricLabel = new QLabel(tr("&Metric:"), this);
    metricLabel->setBuddy(m_metricCombo);
    auto *controls = new QHBoxLayout;
    controls->addWidget(metricLabel);
    controls->addWidget(m_metricCombo);
    controls->addSpacing(12);
    controls->addWidget(m_title, 1);

    m_stack->addWidget(m_chartView);
    m_stack->addWidget(m_placeholder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_loading);

    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_filling)
            return;
        setReviewSetting(QStringLiteral("trendMetric"), metric());
        scheduleLoad();
    });
    connect(m_loading, &LoadingIndicator::cancelRequested, this, &MetricTrendView::cancel);
    clear();
}

MetricTrendView::~MetricTrendView()
{
    m_cancel.cancel();
}

void MetricTrendView::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
}

void MetricTrendView::clear()
{
    cancel();
    m_modelName.clear();
    m_values.clear();
    m_filling = true;
    m_metricCombo->clear();
    m_filling = false;
    m_title->clear();
    m_note->clear();
    m_chartView->chart()->removeAllSeries();
    showPlaceholder(tr("Select a model version to chart a metric across every version of its model."));
}

void MetricTrendView::setUnavailable(const QString &message)
{
    cancel();
    m_dirty = false;
    m_values.clear();
    m_chartView->chart()->removeAllSeries();
    showPlaceholder(message);
}

void MetricTrendView::setModel(const QString &modelName)
{
    if (modelName == m_modelName)
        return;
    clear();
    m_modelName = modelName;
    showPlaceholder(tr("Loading the run…"));
}

void MetricTrendView::setMetricKeys(const QStringList &keys)
{
    QStringList sorted = keys;
    sorted.sort(Qt::CaseInsensitive);
    const QString current = metric();
    m_filling = true;
    m_metricCombo->clear();
    m_metricCombo->addItems(sorted);
    int index = m_metricCombo->findText(current);
    if (index < 0)
        index = m_metricCombo->findText(reviewSetting(QStringLiteral("trendMetric")).toString());
    if (index < 0)
        index = m_metricCombo->findText(QStringLiteral("accuracy"));
    m_metricCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_filling = false;
    if (sorted.isEmpty()) {
        showPlaceholder(tr("The run of the selected version logged no metrics."));
        return;
    }
    if (metric() != current || m_values.empty())
        scheduleLoad();
}

bool MetricTrendView::setMetric(const QString &key)
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

QString MetricTrendView::metric() const
{
    return m_metricCombo->currentText();
}

int MetricTrendView::pointCount() const
{
    return static_cast<int>(std::count_if(m_values.begin(), m_values.end(), [](const VersionMetricValue &v) {
        return v.metric && std::isfinite(v.metric->value) && v.version.versionNumber() >= 0;
    }));
}

void MetricTrendView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void MetricTrendView::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    if (m_loadingTrend) {
        m_loadingTrend = false;
        m_loading->stop();
        m_note->setText(tr("Loading the trend was cancelled."));
        m_dirty = true;
    }
}

void MetricTrendView::load()
{
    m_dirty = false;
    const QString key = metric();
    if (!m_client || m_modelName.isEmpty() || key.isEmpty())
        return;
    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingTrend = true;
    m_note->clear();
    m_loading->start(
        tr("Loading %1 of every version of %2…").arg(displaySafe(key), displaySafe(m_modelName)));
    runAsync(
        this,
        [client = m_client, name = m_modelName.toStdString(), key = key.toStdString(), cancel = m_cancel]() {
            return metricAcrossVersions(*client, name, key, cancel);
        },
        [this, generation](Result<std::vector<VersionMetricValue>> result) {
            if (generation != m_generation)
                return;
            m_loadingTrend = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled) {
                    showPlaceholder(userMessage(result.error(), Operation::LoadMetricTrend));
                    Q_EMIT failed(result.error(), Operation::LoadMetricTrend);
                }
                return;
            }
            m_values = std::move(result).value();
            showValues();
            Q_EMIT loaded();
        });
}

void MetricTrendView::showValues()
{
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const QString key = metric();
    m_title->setText(tr("%1 across the versions of %2").arg(displaySafe(key), displaySafe(m_modelName)));

    // Oldest first, so the line reads left to right in time.
    std::vector<const VersionMetricValue *> drawn;
    QStringList missing;
    for (auto it = m_values.rbegin(); it != m_values.rend(); ++it) {
        if (it->metric && std::isfinite(it->metric->value) && it->version.versionNumber() >= 0)
            drawn.push_back(&*it);
        else
            missing << tr("v%1 (%2)")
                           .arg(fromStd(it->version.version),
                                it->note.empty() ? tr("no value") : fromStd(it->note));
    }
    m_note->setText(missing.isEmpty() ? QString()
                                      : tr("Not drawn: %1").arg(missing.join(QStringLiteral(", "))));
    if (drawn.empty()) {
        showPlaceholder(tr("No version of %1 has a value of %2.").arg(m_modelName, key));
        return;
    }

    auto *line = new QLineSeries(chart);
    line->setName(key);
    auto *points = new QScatterSeries(chart);
    points->setName(tr("Versions"));
    points->setMarkerSize(9);
    double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
    for (const VersionMetricValue *value : drawn) {
        const auto x = static_cast<double>(value->version.versionNumber());
        const double y = value->metric->value;
        line->append(x, y);
        points->append(x, y);
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
    }
    chart->addSeries(line);
    chart->addSeries(points);
    points->setColor(line->color());
    points->setBorderColor(line->color());

    // One labelled point per version (or per aliased version on long histories): the label
    // is a literal format string, so each label needs its own series.
    QList<QXYSeries *> labelled;
    const bool labelAll = drawn.size() <= kLabelEveryVersionUpTo;
    for (const VersionMetricValue *value : drawn) {
        if (!labelAll && value->version.aliases.empty())
            continue;
        auto *label = new QScatterSeries(chart);
        label->setName(versionLabel(value->version));
        label->append(static_cast<double>(value->version.versionNumber()), value->metric->value);
        const bool aliased = !value->version.aliases.empty();
        // Unaliased: an invisible marker as large as the drawn point, so that the label sits above it.
        label->setMarkerSize(aliased ? 13 : 11);
        label->setColor(aliased ? QColor(0xe6, 0x9f, 0x00) : Qt::transparent);
        label->setBorderColor(aliased ? QColor(0x80, 0x50, 0x00) : Qt::transparent);
        // The value formatted here rather than with @yPoint, which ignores the UI language.
        const QString text = versionLabel(value->version) + QStringLiteral(": ") +
                             QLocale().toString(value->metric->value, 'g', 4);
        label->setPointLabelsFormat(text);
        label->setPointLabelsVisible(true);
        label->setPointLabelsClipping(false);
        QFont font = label->pointLabelsFont();
        font.setBold(aliased);
        label->setPointLabelsFont(font);
        chart->addSeries(label);
        labelled.append(label);
    }

    auto *xAxis = new QValueAxis(chart);
    xAxis->setTitleText(tr("Version"));
    xAxis->setLabelFormat(QStringLiteral("%.0f")); // "%d" prints nothing once numbers are localized
    xAxis->setRange(minX - 0.5, maxX + 0.5);
    const double span = maxX - minX;
    xAxis->setTickType(QValueAxis::TicksDynamic);
    xAxis->setTickAnchor(0.0);
    xAxis->setTickInterval(span <= 12 ? 1.0 : std::ceil(span / 12.0));
    auto *yAxis = new QValueAxis(chart);
    yAxis->setTitleText(key);
    const double pad = maxY > minY ? (maxY - minY) * 0.15 : std::max(std::fabs(maxY) * 0.05, 0.5);
    yAxis->setRange(minY - pad, maxY + pad);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    labelled.append(points); // the line's own legend entry says what is drawn
    for (QXYSeries *series : labelled)
        for (QLegendMarker *marker : chart->legend()->markers(series))
            marker->setVisible(false);
    m_stack->setCurrentWidget(m_chartView);
}

} // namespace modelgate::ui
