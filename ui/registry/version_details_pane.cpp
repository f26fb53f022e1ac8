#include "registry/version_details_pane.h"

#include "evaluation/comparison_view.h"
#include "evaluation/metric_history_view.h"
#include "evaluation/metric_trend_view.h"
#include "registry/model_version_list_model.h"
#include "registry/table_rows_model.h"
#include "widgets/loading_indicator.h"

#include <display_safe.h>
#include <from_std.h>

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace modelgate::ui {

namespace {

QString formatTimestamp(std::int64_t msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::LongFormat);
}

TableRowsModel::Cell textCell(const QString &text)
{
    return {text, {}, text.size() > 60 ? text : QString()};
}

// Overview rows, in display order.
const char *const overviewKeys[] = {"model",    "version", "aliases",    "status",     "created",
                                    "updated",  "user",    "source",     "runId",      "runName",
                                    "runState", "started", "experiment", "description"};

} // namespace

VersionDetailsPane::VersionDetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_loading(new LoadingIndicator(this))
    , m_tabs(new QTabWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_parameters(new TableRowsModel({tr("Name"), tr("Value")}, this))
    , m_metrics(new TableRowsModel({tr("Name"), tr("Value"), tr("Step"), tr("Timestamp")}, this))
    , m_tags(new TableRowsModel({tr("Scope"), tr("Key"), tr("Value")}, this))
    , m_inputs(new TableRowsModel({tr("Name"), tr("Type"), tr("Required")}, this))
    , m_outputs(new TableRowsModel({tr("Name"), tr("Type"), tr("Required")}, this))
    , m_charts(new MetricHistoryView(this))
    , m_comparison(new ComparisonView(this))
    , m_trend(new MetricTrendView(this))
{
    setObjectName(QStringLiteral("versionDetailsPane"));
    m_title->setObjectName(QStringLiteral("versionDetailsTitle"));
    m_title->setTextFormat(Qt::PlainText); // a model name starting with "<" is not markup
    m_tabs->setObjectName(QStringLiteral("versionDetailsTabs"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_parametersPage = makeTablePage(m_parameters, QStringLiteral("parametersView"));
    m_metricsPage = makeTablePage(m_metrics, QStringLiteral("metricsView"));
    m_tagsPage = makeTablePage(m_tags, QStringLiteral("tagsView"));
    m_tabs->addTab(buildOverviewTab(), tr("Overview"));
    m_tabs->addTab(m_parametersPage.stack, tr("Parameters"));
    m_tabs->addTab(m_metricsPage.stack, tr("Metrics"));
    m_tabs->addTab(m_tagsPage.stack, tr("Tags"));
    m_tabs->addTab(buildSignatureTab(), tr("Signature"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_comparison, tr("Compare"));
    m_tabs->addTab(m_trend, tr("Model Trend"));
    for (int tab = 0; tab < TabCount; ++tab)
        m_tabs->setTabToolTip(tab, tr("Ctrl+%1").arg(tab + 1));

    auto *empty = new QLabel(tr("Select a model version to see its details."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_loading);
    clear();
}

QWidget *VersionDetailsPane::buildOverviewTab()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    m_overviewForm = new QFormLayout(content);
    m_overviewForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_overviewForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    const QStringList labels = {
        tr("Model:"),        tr("Version:"),       tr("Aliases:"),    tr("Status:"),     tr("Created:"),
        tr("Last updated:"), tr("Registered by:"), tr("Source:"),     tr("Run ID:"),     tr("Run name:"),
        tr("Run status:"),   tr("Run started:"),   tr("Experiment:"), tr("Description:")};
    for (std::size_t i = 0; i < std::size(overviewKeys); ++i) {
        auto *value = new QLabel(content);
        value->setObjectName(QStringLiteral("overview_") + QLatin1String(overviewKeys[i]));
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setTextFormat(Qt::PlainText);
        m_overviewForm->addRow(labels.at(static_cast<int>(i)), value);
        m_overviewValues.insert(QLatin1String(overviewKeys[i]), value);
    }
    scroll->setWidget(content);
    return scroll;
}

QWidget *VersionDetailsPane::buildSignatureTab()
{
    auto *page = new QWidget(this);
    m_signatureSummary = new QLabel(page);
    m_signatureSummary->setObjectName(QStringLiteral("signatureSummary"));
    m_signatureSummary->setWordWrap(true);
    m_signatureSummary->setTextFormat(Qt::PlainText);
    m_inputsPage = makeTablePage(m_inputs, QStringLiteral("signatureInputsView"));
    m_outputsPage = makeTablePage(m_outputs, QStringLiteral("signatureOutputsView"));
    auto *inputsTitle = new QLabel(tr("Inputs"), page);
    auto *outputsTitle = new QLabel(tr("Outputs"), page);
    QFont bold = inputsTitle->font();
    bold.setBold(true);
    inputsTitle->setFont(bold);
    outputsTitle->setFont(bold);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_signatureSummary);
    layout->addWidget(inputsTitle);
    layout->addWidget(m_inputsPage.stack, 3);
    layout->addWidget(outputsTitle);
    layout->addWidget(m_outputsPage.stack, 1);
    return page;
}

VersionDetailsPane::TablePage VersionDetailsPane::makeTablePage(TableRowsModel *model,
                                                                const QString &objectName)
{
    TablePage page;
    page.stack = new QStackedWidget(this);
    page.view = new QTableView(page.stack);
    page.view->setObjectName(objectName);
    auto *sorted = new QSortFilterProxyModel(page.view);
    sorted->setSourceModel(model);
    sorted->setSortRole(TableRowsModel::RawValueRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    page.view->setModel(sorted);
    page.view->setSortingEnabled(true);
    page.view->sortByColumn(-1, Qt::AscendingOrder); // keep the given order until the user sorts
    page.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    page.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    page.view->setAlternatingRowColors(true);
    page.view->setWordWrap(false);
    page.view->verticalHeader()->hide();
    page.view->verticalHeader()->setDefaultSectionSize(page.view->fontMetrics().height() + 8);
    page.view->horizontalHeader()->setStretchLastSection(true);
    page.view->horizontalHeader()->setDefaultSectionSize(180);
    page.placeholder = new QLabel(page.stack);
    page.placeholder->setAlignment(Qt::AlignCenter);
    page.placeholder->setWordWrap(true);
    page.placeholder->setObjectName(objectName + QStringLiteral("Placeholder"));
    page.stack->addWidget(page.view);
    page.stack->addWidget(page.placeholder);
    return page;
}

void VersionDetailsPane::showPlaceholder(const TablePage &page, const QString &text)
{
    page.placeholder->setText(text);
    page.stack->setCurrentWidget(page.placeholder);
}

void VersionDetailsPane::showTable(const TablePage &page)
{
    page.stack->setCurrentWidget(page.view);
}

void VersionDetailsPane::setOverviewValue(const QString &key, const QString &value)
{
    if (QLabel *label = m_overviewValues.value(key))
        label->setText(value.isEmpty() ? QStringLiteral("—") : displaySafeMultiline(value));
}

void VersionDetailsPane::clear()
{
    m_version = {};
    m_run.reset();
    m_title->clear();
    m_title->hide();
    m_stack->setCurrentIndex(0);
    m_loading->stop();
    for (TableRowsModel *model : {m_parameters, m_metrics, m_tags, m_inputs, m_outputs})
        model->clear();
    m_charts->clear();
    m_comparison->clear();
    m_trend->clear();
}

void VersionDetailsPane::setReviewClient(std::shared_ptr<const MlflowClient> client)
{
    m_charts->setClient(client);
    m_comparison->setClient(client);
    m_trend->setClient(std::move(client));
}

void VersionDetailsPane::setModelVersions(const std::vector<ModelVersion> &versions)
{
    m_charts->setModelVersions(versions);
    m_comparison->setModelVersions(versions);
}

void VersionDetailsPane::cancelReviewLoads()
{
    m_charts->cancel();
    m_comparison->cancel();
    m_trend->cancel();
}

void VersionDetailsPane::showVersion(const ModelVersion &version)
{
    clear();
    m_version = version;
    QStringList aliases;
    for (const std::string &alias : version.aliases)
        aliases << u'@' + displaySafe(alias);
    m_title->setText(
        aliases.isEmpty()
            ? tr("%1, version %2").arg(displaySafe(version.name), displaySafe(version.version))
            : tr("%1, version %2 (%3)")
                  .arg(displaySafe(version.name), displaySafe(version.version), aliases.join(u' ')));
    m_title->show();
    m_stack->setCurrentWidget(m_tabs);

    QString status = ModelVersionListModel::statusText(version.status);
    if (!version.statusMessage.empty())
        status += QStringLiteral(" – ") + fromStd(version.statusMessage);
    setOverviewValue(QStringLiteral("model"), fromStd(version.name));
    setOverviewValue(QStringLiteral("version"), fromStd(version.version));
    setOverviewValue(QStringLiteral("aliases"), aliases.join(QStringLiteral(", ")));
    setOverviewValue(QStringLiteral("status"), status);
    setOverviewValue(QStringLiteral("created"), formatTimestamp(version.creationTimestamp));
    setOverviewValue(QStringLiteral("updated"), formatTimestamp(version.lastUpdatedTimestamp));
    setOverviewValue(QStringLiteral("user"), fromStd(version.userId));
    setOverviewValue(QStringLiteral("source"), fromStd(version.source));
    setOverviewValue(QStringLiteral("runId"), fromStd(version.runId));
    setOverviewValue(QStringLiteral("description"), fromStd(version.description));
    const QString pending = version.runId.empty() ? QString() : tr("Loading…");
    for (const char *key : {"runName", "runState", "started", "experiment"})
        setOverviewValue(QLatin1String(key), pending);

    const QString runText = version.runId.empty()
                                ? tr("This version was not registered from a run, so it has "
                                     "no parameters or metrics.")
                                : tr("Loading the run…");
    showPlaceholder(m_parametersPage, runText);
    showPlaceholder(m_metricsPage, runText);
    fillTags();
    showPlaceholder(m_inputsPage, tr("Loading the signature…"));
    showPlaceholder(m_outputsPage, QString());
    m_signatureSummary->clear();
    m_charts->setVersion(version);
    m_comparison->setVersion(version);
    m_trend->setModel(fromStd(version.name));
    if (version.runId.empty())
        m_trend->setMetricKeys({});
}

void VersionDetailsPane::setRun(const Run &run)
{
    m_run = run;
    setOverviewValue(QStringLiteral("runName"), fromStd(run.info.runName));
    setOverviewValue(QStringLiteral("runState"), runStatusText(run.info.status));
    setOverviewValue(QStringLiteral("started"), formatTimestamp(run.info.startTime));
    setOverviewValue(QStringLiteral("experiment"), fromStd(run.info.experimentId));

    QList<TableRowsModel::Row> parameters;
    for (const auto &[key, value] : run.params)
        parameters.append({textCell(fromStd(key)), textCell(fromStd(value))});
    m_parameters->setRows(parameters);
    if (parameters.isEmpty())
        showPlaceholder(m_parametersPage, tr("The run logged no parameters."));
    else
        showTable(m_parametersPage);

    const QLocale locale;
    QList<TableRowsModel::Row> metrics;
    for (const Metric &metric : run.metrics) {
        metrics.append(
            {textCell(fromStd(metric.key)),
             {locale.toString(metric.value, 'g', 10), metric.value, {}},
             {locale.toString(static_cast<qlonglong>(metric.step)), static_cast<qint64>(metric.step), {}},
             {formatTimestamp(metric.timestamp), static_cast<qint64>(metric.timestamp), {}}});
    }
    std::sort(metrics.begin(), metrics.end(), [](const TableRowsModel::Row &a, const TableRowsModel::Row &b) {
        return a[0].text < b[0].text;
    });
    m_metrics->setRows(metrics);
    if (metrics.isEmpty())
        showPlaceholder(m_metricsPage, tr("The run logged no metrics."));
    else
        showTable(m_metricsPage);
    fillTags();
    QStringList metricKeys;
    for (const Metric &metric : run.metrics)
        metricKeys << fromStd(metric.key);
    m_charts->setMetricKeys(metricKeys);
    m_trend->setMetricKeys(metricKeys);
}

QString VersionDetailsPane::runStatusText(const std::string &status)
{
    if (status == "FINISHED")
        return tr("Finished");
    if (status == "RUNNING")
        return tr("Running");
    if (status == "SCHEDULED")
        return tr("Scheduled");
    if (status == "FAILED")
        return tr("Failed");
    if (status == "KILLED")
        return tr("Killed");
    return fromStd(status);
}

void VersionDetailsPane::setRunError(const QString &message)
{
    for (const char *key : {"runName", "runState", "started", "experiment"})
        setOverviewValue(QLatin1String(key), tr("not available"));
    showPlaceholder(m_parametersPage, message);
    showPlaceholder(m_metricsPage, message);
    // Without the run there are no metric names to offer.
    m_charts->setUnavailable(message);
    m_trend->setUnavailable(message);
}

void VersionDetailsPane::fillTags()
{
    QList<TableRowsModel::Row> rows;
    for (const auto &[key, value] : m_version.tags)
        rows.append({textCell(tr("Version")), textCell(fromStd(key)), textCell(fromStd(value))});
    if (m_run)
        for (const auto &[key, value] : m_run->tags)
            rows.append({textCell(tr("Run")), textCell(fromStd(key)), textCell(fromStd(value))});
    m_tags->setRows(rows);
    if (rows.isEmpty())
        showPlaceholder(m_tagsPage, tr("Neither the version nor its run has tags."));
    else
        showTable(m_tagsPage);
}

void VersionDetailsPane::setSignature(const ModelSignature &signature)
{
    const auto toRows = [this](const std::vector<SignatureField> &fields) {
        QList<TableRowsModel::Row> rows;
        for (const SignatureField &field : fields) {
            const QString name = field.name.empty() ? tr("(unnamed)") : fromStd(field.name);
            const QString type = field.detail.empty() ? fromStd(field.type)
                                                      : fromStd(field.type) + QStringLiteral(" (") +
                                                            fromStd(field.detail) + u')';
            rows.append({textCell(name), textCell(type), textCell(field.required ? tr("yes") : tr("no"))});
        }
        return rows;
    };
    QStringList summary;
    if (!signature.flavors.empty())
        summary << tr("Flavors: %1").arg(fromStd(signature.flavors));
    if (!signature.mlflowVersion.empty())
        summary << tr("Logged with MLflow %1").arg(fromStd(signature.mlflowVersion));
    summary << (signature.hasInputExample ? tr("Input example: yes") : tr("Input example: no"));
    if (!signature.params.empty())
        summary << tr("Inference parameters: %n", nullptr, static_cast<int>(signature.params.size()));
    m_signatureSummary->setText(summary.join(QStringLiteral("  ·  ")));

    if (!signature.present) {
        m_inputs->clear();
        m_outputs->clear();
        showPlaceholder(m_inputsPage, tr("No signature was logged with this model version, so the inputs it "
                                         "expects are not documented."));
        showPlaceholder(m_outputsPage, tr("No signature logged."));
        return;
    }
    m_inputs->setRows(toRows(signature.inputs));
    m_outputs->setRows(toRows(signature.outputs));
    if (signature.inputs.empty())
        showPlaceholder(m_inputsPage, tr("The signature declares no inputs."));
    else
        showTable(m_inputsPage);
    if (signature.outputs.empty())
        showPlaceholder(m_outputsPage, tr("The signature declares no outputs."));
    else
        showTable(m_outputsPage);
}

void VersionDetailsPane::setSignatureError(const QString &message)
{
    m_signatureSummary->clear();
    showPlaceholder(m_inputsPage, message);
    showPlaceholder(m_outputsPage, QString());
}

QString VersionDetailsPane::signatureSummary() const
{
    return m_signatureSummary->text();
}

} // namespace modelgate::ui
