#include "monitor/load_test_dialog.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "widgets/error_banner.h"

#include <display_safe.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStringList>
#include <QVBoxLayout>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/monitor/slo.h>

namespace modelgate::ui {

namespace {

QString milliseconds(const std::optional<double> &value)
{
    return value ? LoadTestDialog::tr("%1 ms").arg(QLocale().toString(*value, 'f', 0))
                 : LoadTestDialog::tr("–");
}

} // namespace

LoadTestDialog::LoadTestDialog(DeployContext context, EndpointInfo endpoint, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_endpoint(std::move(endpoint))
    , m_banner(new ErrorBanner(this))
    , m_csvPath(new QLineEdit(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_duration(new QSpinBox(this))
    , m_batchRows(new QSpinBox(this))
    , m_deployment(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_latency(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_cancelButton(new QPushButton(tr("Cancel Load"), this))
{
    setObjectName(QStringLiteral("loadTestDialog"));
    setWindowTitle(tr("Load Test of %1").arg(displaySafe(m_endpoint.name)));
    m_banner->hide();
    m_csvPath->setObjectName(QStringLiteral("loadCsvPath"));
    m_csvPath->setReadOnly(true);
    m_csvPath->setPlaceholderText(tr("A CSV file whose columns are the model's inputs"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *csvRow = new QHBoxLayout;
    csvRow->addWidget(m_csvPath, 1);
    csvRow->addWidget(browse);
    m_rate->setRange(0.1, kMaxLoadRate);
    m_rate->setDecimals(1);
    m_rate->setValue(20);
    m_rate->setSuffix(tr(" requests/s"));
    m_duration->setRange(1, kMaxLoadDurationSeconds);
    m_duration->setValue(60);
    m_duration->setSuffix(tr(" s"));
    m_batchRows->setRange(1, 10'000);
    m_batchRows->setValue(1);
    m_batchRows->setSuffix(tr(" rows per request"));
    m_deployment->addItem(tr("The endpoint (its split decides)"), QString());
    for (const DeploymentInfo &deployment : m_endpoint.deployments)
        m_deployment->addItem(
            tr("%1 alone (v%2, %3 %)")
                .arg(QString::fromStdString(deployment.name), QString::fromStdString(deployment.version))
                .arg(deployment.traffic),
            QString::fromStdString(deployment.name));
    auto *form = new QFormLayout;
    form->addRow(tr("Rows:"), csvRow);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Duration:"), m_duration);
    form->addRow(tr("Batch:"), m_batchRows);
    form->addRow(tr("Send to:"), m_deployment);
    auto *note =
        new QLabel(tr("Open-loop, as real clients are: each request starts on schedule whether or not "
                      "earlier ones have answered; a start that falls behind is counted as late."),
                   this);
    note->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    for (QLabel *label : {m_counts, m_latency, m_summary}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_counts->setObjectName(QStringLiteral("loadCounts"));
    m_latency->setObjectName(QStringLiteral("loadLatency"));
    m_summary->setObjectName(QStringLiteral("loadSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_start->setObjectName(QStringLiteral("startLoadButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_latency);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &LoadTestDialog::chooseCsv);
    connect(m_start, &QPushButton::clicked, this, &LoadTestDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoadTestDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoadTestDialog::reject);
    updateButtons();
    resize(620, 420);
}

LoadTestDialog::~LoadTestDialog()
{
    m_cancel.cancel(); // a closed dialog stops its load
}

void LoadTestDialog::chooseCsv()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Rows to Send"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        loadCsv(path);
}

bool LoadTestDialog::loadCsv(const QString &path)
{
    m_banner->dismiss();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_banner->showMessage(ErrorBanner::Kind::Error,
                              tr("%1 cannot be read: %2").arg(path, file.errorString()), false);
        m_rows.reset();
        updateButtons();
        return false;
    }
    Result<CsvTable> table = parseCsv(file.readAll().toStdString());
    if (!table.ok() || table.value().rows.empty()) {
        m_banner->showMessage(ErrorBanner::Kind::Error,
                              table.ok() ? tr("%1 has no rows to send.").arg(path)
                                         : userMessage(table.error(), Operation::RunLoadTest),
                              false);
        m_rows.reset();
        updateButtons();
        return false;
    }
    m_rows = table.value();
    m_csvPath->setText(path);
    m_summary->setText(
        tr("%n row(s) of %1 column(s) to send in turn.", nullptr, static_cast<int>(m_rows->rows.size()))
            .arg(m_rows->columns.size()));
    updateButtons();
    return true;
}

void LoadTestDialog::setRate(double requestsPerSecond)
{
    m_rate->setValue(requestsPerSecond);
}

void LoadTestDialog::setDuration(int seconds)
{
    m_duration->setValue(seconds);
}

void LoadTestDialog::setBatchRows(int rows)
{
    m_batchRows->setValue(rows);
}

void LoadTestDialog::setDeployment(const QString &deployment)
{
    const int index = m_deployment->findData(deployment);
    m_deployment->setCurrentIndex(index < 0 ? 0 : index);
}

void LoadTestDialog::updateButtons()
{
    m_start->setEnabled(!m_running && m_rows.has_value() && m_context.isValid() &&
                        !m_endpoint.deployments.empty());
    m_cancelButton->setEnabled(m_running);
    for (QWidget *input : std::initializer_list<QWidget *>{m_rate, m_duration, m_batchRows, m_deployment})
        input->setEnabled(!m_running);
}

void LoadTestDialog::start()
{
    if (m_running || !m_rows || !m_context.isValid())
        return;
    const std::string deployment = m_deployment->currentData().toString().toStdString();
    // The rows are mapped by the signature of the version that answers them: the deployment's,
    // or the champion's when the split decides.
    const DeploymentInfo *target =
        m_endpoint.deployment(deployment.empty() ? championOf(m_endpoint.traffic()) : deployment);
    if (!target && !m_endpoint.deployments.empty())
        target = &m_endpoint.deployments.front();
    if (!target)
        return;
    m_banner->dismiss();
    m_cancel = CancelToken();
    m_running = true;
    m_report.reset();
    m_summary->setText(
        tr("Reading the signature of %1 v%2…")
            .arg(QString::fromStdString(target->model), QString::fromStdString(target->version)));
    m_progress->setValue(0);
    updateButtons();

    LoadPlan plan;
    plan.url = m_endpoint.scoringUri + "/invocations";
    plan.allowedUri = m_endpoint.scoringUri;
    plan.rate = m_rate->value();
    plan.durationSeconds = m_duration->value();
    plan.deployment = deployment;
    QPointer<LoadTestDialog> dialog(this);
    // Progress comes from the worker thread: posted to the application object, shown on the GUI thread.
    std::function<void(const LoadReport &)> progress = [dialog](const LoadReport &report) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [dialog, report]() {
                if (LoadTestDialog *alive = dialog.data(); alive != nullptr && alive->m_running)
                    alive->showReport(report, false);
            },
            Qt::QueuedConnection);
    };
    runAsync(
        this,
        [client = m_context.client, rows = *m_rows, batchRows = m_batchRows->value(), model = target->model,
         version = target->version, plan, progress, cancel = m_cancel]() mutable -> Result<LoadReport> {
            // Without a signature every column goes as it is, as the smoke test sends it.
            Result<ModelSignature> signature = client->getModelVersionSignature(model, version, cancel);
            Result<ScoringBatches> batches =
                scoringBatches(rows, signature.ok() ? signature.value() : ModelSignature{}, batchRows);
            if (!batches.ok())
                return batches.error();
            plan.bodies = batches.value().bodies;
            if (const Status valid = validateLoadPlan(plan); !valid.ok())
                return valid.error();
            return runLoad(plan, progress, cancel);
        },
        [this](const Result<LoadReport> &result) {
            m_running = false;
            updateButtons();
            if (!result.ok()) {
                m_summary->clear();
                if (result.error().kind != ErrorKind::Cancelled)
                    m_banner->showMessage(ErrorBanner::Kind::Error,
                                          userMessage(result.error(), Operation::RunLoadTest), false);
                Q_EMIT finished(false);
                return;
            }
            showReport(result.value(), true);
            Q_EMIT finished(true);
        });
}

void LoadTestDialog::cancel()
{
    m_cancel.cancel();
    m_summary->setText(tr("Cancelling: no new request starts; waiting for those in flight…"));
}

void LoadTestDialog::showReport(const LoadReport &report, bool final)
{
    m_report = report;
    const int duration = std::max(1, m_duration->value());
    m_progress->setValue(final ? 100
                               : std::min(100, static_cast<int>(report.elapsedSeconds * 100 / duration)));
    QStringList failed;
    for (const auto &[status, count] : report.failedByStatus)
        failed << tr("%1: %2").arg(status).arg(count);
    m_counts->setText(tr("Sent %1 of %2 · succeeded %3 · failed %4%5 · no answer %6 · late %7 · in flight %8")
                          .arg(report.sent)
                          .arg(report.planned)
                          .arg(report.succeeded)
                          .arg(report.failed())
                          .arg(failed.isEmpty()
                                   ? QString()
                                   : QString(QStringLiteral(" (") + failed.join(QStringLiteral(", ")) + u')'))
                          .arg(report.transportErrors)
                          .arg(report.late)
                          .arg(report.inFlight));
    m_latency->setText(tr("Client latency: p50 %1 · p95 %2 · p99 %3 · achieved %4 requests/s")
                           .arg(milliseconds(report.latency.percentile(50)),
                                milliseconds(report.latency.percentile(95)),
                                milliseconds(report.latency.percentile(99)),
                                QLocale().toString(report.achievedRate(), 'f', 1)));
    if (final)
        m_summary->setText(summaryText());
    else
        m_summary->setText(tr("Running: %1 of %2 s…")
                               .arg(QLocale().toString(report.elapsedSeconds, 'f', 0))
                               .arg(m_duration->value()));
    Q_EMIT progressed();
}

QString LoadTestDialog::summaryText() const
{
    if (!m_report)
        return {};
    const LoadReport &report = *m_report;
    const QString what = tr("%1 requests sent in %2 s (%3 requests/s): %4 succeeded, %5 failed, p95 %6.")
                             .arg(report.sent)
                             .arg(QLocale().toString(report.elapsedSeconds, 'f', 1),
                                  QLocale().toString(report.achievedRate(), 'f', 1))
                             .arg(report.succeeded)
                             .arg(report.failed())
                             .arg(milliseconds(report.latency.percentile(95)));
    return report.cancelled ? tr("Cancelled: %1").arg(what) : tr("Finished: %1").arg(what);
}

} // namespace modelgate::ui
