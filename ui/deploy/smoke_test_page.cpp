// The wizard's smoke test (deploy_wizard_pages.h): kept apart from the rollout steps because
// it only reads: scoring requests to the new deployment, nothing recorded.
#include "async/run_async.h"
#include "deploy/deploy_wizard_pages.h"
#include "errors/error_text.h"

#include <display_safe.h>

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace modelgate::ui {

SmokeTestPage::SmokeTestPage(DeployWizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_source(new QLabel(this))
    , m_csvButton(new QPushButton(tr("Choose CSV…"), this))
    , m_exampleButton(new QPushButton(tr("Use Input Example"), this))
    , m_sendButton(new QPushButton(tr("Send to the Deployment"), this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("smokeTestPage"));
    setTitle(tr("Smoke Test"));
    setSubTitle(tr("Sends input rows to the new deployment alone, whatever its share, and shows its "
                   "predictions. Nothing is recorded. Skip with Next."));
    m_source->setObjectName(QStringLiteral("smokeTestSource"));
    m_source->setWordWrap(true);
    m_sendButton->setObjectName(QStringLiteral("sendScoringRequest"));
    m_table->setObjectName(QStringLiteral("smokeTestTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_status->setObjectName(QStringLiteral("smokeTestStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_csvButton);
    buttons->addWidget(m_exampleButton);
    buttons->addStretch(1);
    buttons->addWidget(m_sendButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    connect(m_csvButton, &QPushButton::clicked, this, &SmokeTestPage::chooseCsv);
    connect(m_exampleButton, &QPushButton::clicked, this, &SmokeTestPage::loadInputExample);
    connect(m_sendButton, &QPushButton::clicked, this, &SmokeTestPage::send);
    setRows({}, tr("No input rows yet."));
}

SmokeTestPage::~SmokeTestPage()
{
    m_cancel.cancel();
}

void SmokeTestPage::initializePage()
{
    // Without a file the version's own example is the natural first test.
    if (m_rows.columns.isEmpty() && !m_exampleTried)
        loadInputExample();
}

QString SmokeTestPage::statusText() const
{
    return m_status->text();
}

void SmokeTestPage::setRows(const ScoringRows &rows, const QString &source)
{
    m_rows = rows;
    if (!rows.rows.isEmpty())
        QMetaObject::invokeMethod(this, &SmokeTestPage::rowsLoaded, Qt::QueuedConnection);
    m_source->setText(source);
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(rows.columns.size()) + (rows.columns.isEmpty() ? 0 : 1));
    m_table->setRowCount(static_cast<int>(rows.rows.size()));
    // The prediction comes first: a wide input must not push it out of sight.
    QStringList headers = rows.columns;
    if (!headers.isEmpty())
        headers.prepend(tr("Prediction"));
    m_table->setHorizontalHeaderLabels(headers);
    for (int row = 0; row < rows.rows.size(); ++row)
        for (int column = 0; column < rows.rows[row].size(); ++column)
            m_table->setItem(row, column + 1, new QTableWidgetItem(rows.rows[row][column]));
    m_table->resizeColumnsToContents();
    m_sendButton->setEnabled(!rows.rows.isEmpty());
    m_status->clear();
}

void SmokeTestPage::setPredictions(const QStringList &predictions)
{
    const int column = 0;
    if (m_table->columnCount() == 0)
        return;
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *item = new QTableWidgetItem(row < predictions.size() ? predictions[row] : QString());
        item->setFont(bold);
        m_table->setItem(row, column, item);
    }
    m_table->resizeColumnsToContents();
    m_status->setText(
        predictions.size() == m_table->rowCount()
            ? tr("%n prediction(s) received.", nullptr, static_cast<int>(predictions.size()))
            : tr("%1 predictions for %2 rows.").arg(predictions.size()).arg(m_table->rowCount()));
}

void SmokeTestPage::chooseCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose Input Rows"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        loadCsv(path);
}

void SmokeTestPage::loadCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    QString problem;
    const std::optional<ScoringRows> rows = parseCsv(QString::fromUtf8(file.readAll()), &problem);
    if (!rows) {
        m_status->setText(tr("%1 cannot be used: %2.").arg(path, problem));
        return;
    }
    setRows(*rows, tr("Input rows from %1.").arg(path));
}

void SmokeTestPage::loadInputExample()
{
    m_exampleTried = true;
    if (!m_state->context.isValid())
        return;
    m_status->setText(tr("Loading the input example of %1 v%2…")
                          .arg(displaySafe(m_state->model), displaySafe(m_state->version)));
    m_cancel.cancel();
    m_cancel = CancelToken();
    runAsync(
        this,
        [client = m_state->context.client, model = m_state->model.toStdString(),
         version = m_state->version.toStdString(), cancel = m_cancel]() -> Result<std::string> {
            // MLflow saves the example as the model's own input, and (2.12+) also as a ready request.
            Result<std::string> serving =
                client->getModelVersionArtifact(model, version, "serving_input_example.json", cancel);
            if (serving.ok())
                return serving;
            return client->getModelVersionArtifact(model, version, "input_example.json", cancel);
        },
        [this](const Result<std::string> &result) {
            if (!result.ok()) {
                m_status->setText(userMessage(result.error(), Operation::LoadInputExample) + u' ' +
                                  tr("Choose a CSV file with a header line."));
                return;
            }
            const std::optional<ScoringRows> rows =
                parseInputExample(QByteArray::fromStdString(result.value()));
            if (!rows) {
                m_status->setText(tr("The version's input example is not a table. Choose a CSV file with a "
                                     "header line."));
                return;
            }
            setRows(*rows, tr("The input example saved with %1 v%2.").arg(m_state->model, m_state->version));
        });
}

void SmokeTestPage::send()
{
    if (!m_state->context.isValid() || m_rows.rows.isEmpty())
        return;
    m_sendButton->setEnabled(false);
    m_status->setText(tr("Sending %n row(s) to %1…", nullptr, static_cast<int>(m_rows.rows.size()))
                          .arg(m_state->deployment));
    m_cancel.cancel();
    m_cancel = CancelToken();
    runAsync(
        this,
        [client = m_state->context.client, target = m_state->context.target,
         model = m_state->model.toStdString(), version = m_state->version.toStdString(),
         endpoint = m_state->endpoint.toStdString(), deployment = m_state->deployment.toStdString(),
         rows = m_rows, cancel = m_cancel]() -> Result<InvokeResponse> {
            // Columns go by the version's signature, as `endpoint invoke` sends them: extra
            // columns (an ID) stay behind, and a cell of the wrong type stops before sending.
            Result<ModelSignature> signature = client->getModelVersionSignature(model, version, cancel);
            QString problem;
            const QByteArray body =
                scoringRequestBody(rows, signature.ok() ? signature.value() : ModelSignature{}, &problem);
            if (body.isEmpty())
                return Error::config(problem.toStdString());
            return target->invoke(endpoint, deployment, body.toStdString(), cancel);
        },
        [this](const Result<InvokeResponse> &result) {
            m_sendButton->setEnabled(true);
            showAnswer(result);
            Q_EMIT answered();
        });
}

void SmokeTestPage::showAnswer(const Result<InvokeResponse> &result)
{
    if (!result.ok()) {
        m_status->setText(userMessage(result.error(), Operation::InvokeEndpoint));
        return;
    }
    const InvokeResponse &response = result.value();
    const QByteArray body = QByteArray::fromStdString(response.body);
    const std::optional<QStringList> predictions = parsePredictions(body);
    if (response.status != 200 || !predictions) {
        m_status->setText(tr("The deployment answered HTTP %1: %2")
                              .arg(response.status)
                              .arg(QString::fromUtf8(body.left(600))));
        return;
    }
    setPredictions(*predictions);
}

} // namespace modelgate::ui
