#include "monitor/metrics_source_dialog.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "widgets/error_banner.h"

#include <display_safe.h>

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <modelgate/core/monitor/endpoint_metrics.h>

namespace modelgate::ui {

namespace {

constexpr const char *kCustom = "custom";

QString ownSourceText(const DeploymentTarget *target)
{
    if (target && target->kind() == "azureml")
        return MetricsSourceDialog::tr("The target's own: Azure Monitor");
    return MetricsSourceDialog::tr("The target's own: HAProxy's request log");
}

} // namespace

MetricsSourceDialog::MetricsSourceDialog(DeployContext context, const QString &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_endpoint(endpoint)
    , m_banner(new ErrorBanner(this))
    , m_source(new QComboBox(this))
    , m_form(new QWidget(this))
    , m_url(new QLineEdit(m_form))
    , m_preset(new QComboBox(m_form))
    , m_requests(new QLineEdit(m_form))
    , m_deploymentLabel(new QLineEdit(m_form))
    , m_statusLabel(new QLineEdit(m_form))
    , m_latencyKind(new QComboBox(m_form))
    , m_latency(new QLineEdit(m_form))
    , m_latencyUnit(new QDoubleSpinBox(m_form))
    , m_scrapeInterval(new QSpinBox(m_form))
    , m_preview(new QLabel(this))
    , m_test(new QPushButton(tr("Test Query"), this))
    , m_testResult(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("metricsSourceDialog"));
    setWindowTitle(tr("Metrics Source of %1").arg(displaySafe(endpoint)));
    m_banner->hide();
    auto *intro = new QLabel(tr("The charts, “modelgate-cli endpoint metrics” and the SLO rules read this "
                                "endpoint's requests and latency from here. Prometheus suits endpoints that "
                                "it already scrapes, such as a KServe InferenceService on Kubernetes; "
                                "$endpoint in a selector stands for the endpoint's name."),
                             this);
    intro->setWordWrap(true);
    m_source->setObjectName(QStringLiteral("metricsSourceBox"));
    m_source->addItem(ownSourceText(m_context.target.get()), QString());
    m_source->addItem(tr("Prometheus"), QStringLiteral("prometheus"));

    m_url->setObjectName(QStringLiteral("prometheusUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://prometheus.monitoring:9090"));
    m_preset->setObjectName(QStringLiteral("prometheusPreset"));
    m_preset->addItem(tr("HAProxy exporter (local endpoints)"), QStringLiteral("haproxy"));
    m_preset->addItem(tr("KServe on Knative"), QStringLiteral("kserve"));
    m_preset->addItem(tr("Custom"), QString::fromLatin1(kCustom));
    m_requests->setObjectName(QStringLiteral("prometheusRequests"));
    m_deploymentLabel->setObjectName(QStringLiteral("prometheusDeploymentLabel"));
    m_latencyKind->addItem(tr("Histogram (percentiles)"), static_cast<int>(PrometheusLatency::Histogram));
    m_latencyKind->addItem(tr("Averages only (no percentiles)"),
                           static_cast<int>(PrometheusLatency::Average));
    m_latencyKind->addItem(tr("None"), static_cast<int>(PrometheusLatency::None));
    m_latencyUnit->setRange(0.001, 1e6);
    m_latencyUnit->setDecimals(3);
    m_latencyUnit->setSuffix(tr(" ms per unit"));
    m_latencyUnit->setToolTip(tr("1000 when the metric is in seconds, 1 when it is in milliseconds"));
    m_scrapeInterval->setRange(1, 3600);
    m_scrapeInterval->setSuffix(tr(" s"));
    m_scrapeInterval->setToolTip(
        tr("How often Prometheus scrapes the exporter: the shortest step with data"));

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Prometheus &URL:"), m_url);
    form->addRow(tr("&Queries for:"), m_preset);
    form->addRow(tr("&Request counter:"), m_requests);
    form->addRow(tr("&Deployment label:"), m_deploymentLabel);
    form->addRow(tr("&Status label:"), m_statusLabel);
    form->addRow(tr("&Latency:"), m_latencyKind);
    form->addRow(tr("Latency &metric:"), m_latency);
    form->addRow(tr("Latency &unit:"), m_latencyUnit);
    form->addRow(tr("Scrape &interval:"), m_scrapeInterval);

    m_preview->setObjectName(QStringLiteral("promqlPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextFormat(Qt::PlainText);
    m_test->setObjectName(QStringLiteral("testPrometheusQuery"));
    m_testResult->setObjectName(QStringLiteral("prometheusTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("metricsSourceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->setTextFormat(Qt::PlainText);

    auto *sourceRow = new QFormLayout;
    sourceRow->addRow(tr("&Source:"), m_source);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addLayout(sourceRow);
    layout->addWidget(m_form);
    layout->addWidget(new QLabel(tr("PromQL over a 5-minute window:"), this));
    layout->addWidget(m_preview);
    layout->addLayout(testRow);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_source, &QComboBox::currentIndexChanged, this, &MetricsSourceDialog::validate);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { applyPreset(m_preset->itemData(index).toString()); });
    for (QLineEdit *edit : {m_requests, m_deploymentLabel, m_statusLabel, m_latency})
        connect(edit, &QLineEdit::textEdited, this, &MetricsSourceDialog::fieldEdited);
    connect(m_url, &QLineEdit::textEdited, this, &MetricsSourceDialog::validate);
    connect(m_latencyKind, &QComboBox::activated, this, &MetricsSourceDialog::fieldEdited);
    connect(m_latencyUnit, &QDoubleSpinBox::valueChanged, this, &MetricsSourceDialog::fieldEdited);
    connect(m_scrapeInterval, &QSpinBox::valueChanged, this, &MetricsSourceDialog::fieldEdited);
    connect(m_test, &QPushButton::clicked, this, &MetricsSourceDialog::testQuery);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MetricsSourceDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MetricsSourceDialog::reject);
    applyPreset(QStringLiteral("haproxy"));
    m_source->setCurrentIndex(0);
    resize(760, 560);
    load();
}

MetricsSourceDialog::~MetricsSourceDialog()
{
    m_cancel.cancel();
}

QPushButton *MetricsSourceDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

std::optional<PrometheusQueries> MetricsSourceDialog::queries() const
{
    if (m_source->currentData().toString().isEmpty())
        return std::nullopt;
    PrometheusQueries queries;
    queries.url = m_url->text().trimmed().toStdString();
    queries.preset = m_preset->currentData().toString().toStdString();
    queries.requests = m_requests->text().trimmed().toStdString();
    queries.deploymentLabel = m_deploymentLabel->text().trimmed().toStdString();
    queries.statusLabel = m_statusLabel->text().trimmed().toStdString();
    queries.latencyKind = static_cast<PrometheusLatency>(m_latencyKind->currentData().toInt());
    queries.latency = m_latency->text().trimmed().toStdString();
    queries.latencyUnitMs = m_latencyUnit->value();
    queries.scrapeIntervalSeconds = m_scrapeInterval->value();
    return queries;
}

void MetricsSourceDialog::setQueries(const std::optional<PrometheusQueries> &queries)
{
    m_filling = true;
    m_source->setCurrentIndex(queries ? 1 : 0);
    if (queries) {
        m_url->setText(QString::fromStdString(queries->url));
        const int preset = m_preset->findData(QString::fromStdString(queries->preset));
        m_preset->setCurrentIndex(preset >= 0 ? preset : m_preset->findData(QString::fromLatin1(kCustom)));
        m_requests->setText(QString::fromStdString(queries->requests));
        m_deploymentLabel->setText(QString::fromStdString(queries->deploymentLabel));
        m_statusLabel->setText(QString::fromStdString(queries->statusLabel));
        m_latencyKind->setCurrentIndex(m_latencyKind->findData(static_cast<int>(queries->latencyKind)));
        m_latency->setText(QString::fromStdString(queries->latency));
        m_latencyUnit->setValue(queries->latencyUnitMs);
        m_scrapeInterval->setValue(queries->scrapeIntervalSeconds);
    }
    m_filling = false;
    validate();
}

void MetricsSourceDialog::applyPreset(const QString &preset)
{
    const int index = m_preset->findData(preset);
    if (index >= 0)
        m_preset->setCurrentIndex(index);
    Result<PrometheusQueries> queries =
        prometheusPreset(preset.toStdString(), m_url->text().trimmed().toStdString());
    if (queries.ok()) {
        PrometheusQueries filled = queries.value();
        m_filling = true;
        m_requests->setText(QString::fromStdString(filled.requests));
        m_deploymentLabel->setText(QString::fromStdString(filled.deploymentLabel));
        m_statusLabel->setText(QString::fromStdString(filled.statusLabel));
        m_latencyKind->setCurrentIndex(m_latencyKind->findData(static_cast<int>(filled.latencyKind)));
        m_latency->setText(QString::fromStdString(filled.latency));
        m_latencyUnit->setValue(filled.latencyUnitMs);
        m_scrapeInterval->setValue(filled.scrapeIntervalSeconds);
        m_filling = false;
    }
    validate();
}

void MetricsSourceDialog::fieldEdited()
{
    if (m_filling)
        return;
    // The queries are no longer the preset's.
    m_preset->setCurrentIndex(m_preset->findData(QString::fromLatin1(kCustom)));
    validate();
}

QString MetricsSourceDialog::validationProblem() const
{
    const std::optional<PrometheusQueries> chosen = queries();
    if (!chosen)
        return {};
    const Status valid = validatePrometheusQueries(*chosen);
    return valid.ok() ? QString() : userMessage(valid.error(), Operation::SaveMetricsSource);
}

void MetricsSourceDialog::validate()
{
    if (m_filling)
        return;
    const std::optional<PrometheusQueries> chosen = queries();
    m_form->setEnabled(chosen.has_value());
    m_test->setEnabled(chosen.has_value() && !m_busy);
    const QString problem = validationProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    QString preview;
    if (chosen && problem.isEmpty())
        for (const std::string &expression : prometheusExpressions(*chosen, m_endpoint.toStdString(), 300))
            preview += QString::fromStdString(expression) + u'\n';
    m_preview->setText(chosen ? preview.trimmed() : tr("(read from the target's own source)"));
    saveButton()->setEnabled(problem.isEmpty() && !m_busy && m_context.isValid());
}

void MetricsSourceDialog::load()
{
    if (!m_context.isValid())
        return;
    m_busy = true;
    validate();
    runAsync(
        this,
        [target = m_context.target, endpoint = m_endpoint.toStdString()]() {
            return target->monitorSettings(endpoint);
        },
        [this](const Result<std::string> &result) {
            m_busy = false;
            if (!result.ok()) {
                m_banner->showMessage(ErrorBanner::Kind::Error,
                                      userMessage(result.error(), Operation::LoadMetricsSource), false);
                validate();
                Q_EMIT loaded(false);
                return;
            }
            Result<std::optional<PrometheusQueries>> read = prometheusQueriesFromSettings(result.value());
            if (!read.ok()) {
                m_banner->showMessage(ErrorBanner::Kind::Warning,
                                      userMessage(read.error(), Operation::LoadMetricsSource), false);
                setQueries(std::nullopt);
                Q_EMIT loaded(false);
                return;
            }
            setQueries(read.value());
            Q_EMIT loaded(true);
        });
}

void MetricsSourceDialog::testQuery()
{
    const std::optional<PrometheusQueries> chosen = queries();
    if (!chosen || !validationProblem().isEmpty() || m_busy)
        return;
    m_busy = true;
    m_testResult->setText(tr("Asking Prometheus…"));
    validate();
    MetricsQuery query;
    query.endpoint = m_endpoint.toStdString();
    query.toMs = unixMillisNow();
    query.fromMs = query.toMs - 300'000;
    query.stepMs = 300'000;
    query.withResources = false;
    runAsync(
        this,
        [chosen = *chosen, query, cancel = m_cancel]() {
            PrometheusMetricsSource source(chosen, makeMetricsTransport());
            return source.query(query, cancel);
        },
        [this](const Result<MetricsReport> &result) {
            m_busy = false;
            validate();
            if (!result.ok()) {
                m_testResult->setText(userMessage(result.error(), Operation::LoadMetrics));
                Q_EMIT tested(false);
                return;
            }
            const MetricsReport &report = result.value();
            QString text = tr("%n request(s) in the last 5 minutes.", nullptr,
                              static_cast<int>(report.total.requests()));
            if (report.dataUntilMs && *report.dataUntilMs > 0)
                text +=
                    u' ' +
                    tr("Newest scrape: %1.")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*report.dataUntilMs).time(),
                                                QStringLiteral("HH:mm:ss")));
            else
                text += u' ' + tr("Prometheus has no current scrape of this endpoint: check the selector and "
                                  "the scrape job.");
            m_testResult->setText(text);
            Q_EMIT tested(true);
        });
}

void MetricsSourceDialog::save()
{
    validate();
    if (!saveButton()->isEnabled())
        return;
    m_busy = true;
    validate();
    m_banner->dismiss();
    runAsync(
        this,
        [target = m_context.target, endpoint = m_endpoint.toStdString(), chosen = queries()]() -> Status {
            // The settings also hold the endpoint's SLO rules: read, replace the source, write.
            Result<std::string> stored = target->monitorSettings(endpoint);
            if (!stored.ok())
                return stored.error();
            Result<std::string> json = withPrometheusQueries(stored.value(), chosen);
            if (!json.ok())
                return json.error();
            return target->setMonitorSettings(endpoint, json.value());
        },
        [this](const Status &result) {
            m_busy = false;
            validate();
            if (!result.ok()) {
                m_banner->showMessage(ErrorBanner::Kind::Error,
                                      userMessage(result.error(), Operation::SaveMetricsSource), false);
                return;
            }
            Q_EMIT saved();
            accept();
        });
}

} // namespace modelgate::ui
