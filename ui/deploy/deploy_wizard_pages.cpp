#include "deploy/deploy_wizard_pages.h"

#include "async/run_async.h"
#include "deploy/endpoint_list_model.h"
#include "deploy/traffic_split_bar.h"
#include "errors/error_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace modelgate::ui {

namespace {

QString red(const QString &text)
{
    return QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(text.toHtmlEscaped());
}

} // namespace

EndpointChoicePage::EndpointChoicePage(DeployWizardState *state, bool askVersion, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_model(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_existingButton(new QRadioButton(tr("Existing endpoint:"), this))
    , m_existing(new QComboBox(this))
    , m_newButton(new QRadioButton(tr("New endpoint:"), this))
    , m_newName(new QLineEdit(this))
    , m_production(new QCheckBox(tr("Production: reaching 100 % here moves the champion alias"), this))
    , m_deployment(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("endpointChoicePage"));
    setTitle(tr("Endpoint"));
    setSubTitle(tr("Choose where the version serves predictions. Only an approved version can be deployed: "
                   "the release gate is checked again when the deployment starts."));
    m_model->setObjectName(QStringLiteral("modelName"));
    m_version->setObjectName(QStringLiteral("modelVersion"));
    m_model->setReadOnly(!askVersion);
    m_version->setReadOnly(!askVersion);
    m_model->setPlaceholderText(tr("registered model name"));
    m_version->setPlaceholderText(tr("version number"));
    m_existing->setObjectName(QStringLiteral("existingEndpoint"));
    m_newName->setObjectName(QStringLiteral("newEndpointName"));
    m_newName->setPlaceholderText(tr("e.g. diabetes-online"));
    m_deployment->setObjectName(QStringLiteral("deploymentName"));
    m_problem->setObjectName(QStringLiteral("endpointProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    auto *names = new QLabel(tr("Names: 1 to 32 of a–z, 0–9 and “-”, starting with a letter."), this);
    names->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Version:"), m_version);
    form->addRow(m_existingButton, m_existing);
    form->addRow(m_newButton, m_newName);
    form->addRow(QString(), m_production);
    form->addRow(tr("Deployment name:"), m_deployment);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(names);
    layout->addStretch(1);
    layout->addWidget(m_problem);

    for (QLineEdit *edit : {m_model, m_newName})
        connect(edit, &QLineEdit::textChanged, this, &EndpointChoicePage::update);
    connect(m_version, &QLineEdit::textChanged, this, [this](const QString &version) {
        if (!m_deploymentEdited) {
            const QSignalBlocker blocker(m_deployment);
            m_deployment->setText(version.isEmpty() ? QString() : QStringLiteral("v") + version.trimmed());
        }
        update();
    });
    connect(m_deployment, &QLineEdit::textEdited, this, [this]() { m_deploymentEdited = true; });
    connect(m_deployment, &QLineEdit::textChanged, this, &EndpointChoicePage::update);
    connect(m_existingButton, &QRadioButton::toggled, this, &EndpointChoicePage::update);
    connect(m_existing, &QComboBox::currentIndexChanged, this, &EndpointChoicePage::update);
}

void EndpointChoicePage::fill()
{
    m_existing->clear();
    for (const EndpointInfo &endpoint : m_state->endpoints)
        m_existing->addItem(tr("%1 (%2)").arg(QString::fromStdString(endpoint.name),
                                              EndpointListModel::splitText(endpoint.traffic())),
                            QString::fromStdString(endpoint.name));
    const bool any = m_existing->count() > 0;
    m_existingButton->setEnabled(any);
    (any ? m_existingButton : m_newButton)->setChecked(true);
    m_model->setText(m_state->model);
    m_version->setText(m_state->version);
    update();
}

const EndpointInfo *EndpointChoicePage::chosenExisting() const
{
    if (!m_existingButton->isChecked())
        return nullptr;
    const std::string name = m_existing->currentData().toString().toStdString();
    for (const EndpointInfo &endpoint : m_state->endpoints)
        if (endpoint.name == name)
            return &endpoint;
    return nullptr;
}

QString EndpointChoicePage::problem() const
{
    if (m_model->text().trimmed().isEmpty() || m_version->text().trimmed().isEmpty())
        return tr("Name the model and the version to deploy.");
    if (m_newButton->isChecked()) {
        const std::string name = m_newName->text().trimmed().toStdString();
        if (!isValidResourceName(name))
            return tr("The endpoint name is not valid.");
        for (const EndpointInfo &endpoint : m_state->endpoints)
            if (endpoint.name == name)
                return tr("An endpoint with this name exists already: choose it above.");
    }
    const std::string deployment = m_deployment->text().trimmed().toStdString();
    if (!isValidResourceName(deployment))
        return tr("The deployment name is not valid.");
    if (const EndpointInfo *endpoint = chosenExisting(); endpoint && endpoint->deployment(deployment))
        return tr("The endpoint has a deployment with this name already.");
    return {};
}

void EndpointChoicePage::update()
{
    m_existing->setEnabled(m_existingButton->isChecked());
    m_newName->setEnabled(m_newButton->isChecked());
    m_production->setEnabled(m_newButton->isChecked());
    m_problem->setText(problem());
    Q_EMIT completeChanged();
}

bool EndpointChoicePage::isComplete() const
{
    return problem().isEmpty();
}

bool EndpointChoicePage::validatePage()
{
    if (!isComplete())
        return false;
    m_state->model = m_model->text().trimmed();
    m_state->version = m_version->text().trimmed();
    m_state->newEndpoint = m_newButton->isChecked();
    m_state->endpoint =
        m_state->newEndpoint ? m_newName->text().trimmed() : m_existing->currentData().toString();
    m_state->production = m_state->newEndpoint && m_production->isChecked();
    m_state->deployment = m_deployment->text().trimmed();
    const EndpointInfo *existing = chosenExisting();
    m_state->split = existing ? existing->traffic() : TrafficSplit{};
    return true;
}

RolloutStepPage::RolloutStepPage(DeployWizardState *state, Kind kind, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_kind(kind)
    , m_description(new QLabel(this))
    , m_plan(new TrafficSplitBar(this))
    , m_startButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel Step"), this))
    , m_progress(new QProgressBar(this))
    , m_step(new QLabel(this))
    , m_result(new QLabel(this))
{
    m_description->setWordWrap(true);
    m_step->setWordWrap(true);
    m_step->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("stepResult"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startButton->setObjectName(QStringLiteral("startStep"));
    m_cancelButton->setObjectName(QStringLiteral("cancelStep"));
    m_cancelButton->setToolTip(tr("Stop this step. A cancelled step leaves the endpoint as it was."));
    m_cancelButton->setEnabled(false);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_description);
    if (kind == Kind::Canary) {
        m_share = new QSpinBox(this);
        m_share->setObjectName(QStringLiteral("canaryShare"));
        m_share->setRange(1, 99);
        m_share->setSuffix(tr(" %"));
        m_share->setValue(10);
        m_slider = new QSlider(Qt::Horizontal, this);
        m_slider->setRange(1, 99);
        m_slider->setValue(10);
        connect(m_slider, &QSlider::valueChanged, m_share, &QSpinBox::setValue);
        connect(m_share, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);
        connect(m_share, &QSpinBox::valueChanged, this, &RolloutStepPage::updatePlan);
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Share of the new deployment:"), this));
        row->addWidget(m_share);
        row->addWidget(m_slider, 1);
        layout->addLayout(row);
    }
    layout->addWidget(new QLabel(tr("The split after this step:"), this));
    layout->addWidget(m_plan);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_step);
    layout->addWidget(m_result, 1, Qt::AlignTop);

    switch (kind) {
    case Kind::Deploy:
        setObjectName(QStringLiteral("deployStepPage"));
        setTitle(tr("Deploy"));
        break;
    case Kind::Canary:
        setObjectName(QStringLiteral("canaryStepPage"));
        setTitle(tr("Canary"));
        break;
    case Kind::Promote:
        setObjectName(QStringLiteral("promoteStepPage"));
        setTitle(tr("Promote"));
        break;
    }
    // Once a step acted on the endpoint, choosing again on an earlier page would undo nothing.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Next >"));
    connect(m_startButton, &QPushButton::clicked, this, &RolloutStepPage::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &RolloutStepPage::cancel);
}

RolloutStepPage::~RolloutStepPage()
{
    m_cancel.cancel();
}

TrafficSplit RolloutStepPage::plannedSplit() const
{
    const std::string deployment = m_state->deployment.toStdString();
    switch (m_kind) {
    case Kind::Deploy:
        return splitWithShare(m_state->split, deployment, m_state->split.empty() ? 100 : 0);
    case Kind::Canary:
        return splitWithShare(m_state->split, deployment, m_share->value());
    case Kind::Promote:
        return splitWithShare(m_state->split, deployment, 100);
    }
    return {};
}

void RolloutStepPage::updatePlan()
{
    m_plan->setSplit(m_done ? m_state->split : plannedSplit());
}

void RolloutStepPage::initializePage()
{
    const QString deployment = m_state->deployment;
    const QString endpoint = m_state->endpoint;
    const bool alone = m_state->split.empty() || m_state->split.size() == 1;
    switch (m_kind) {
    case Kind::Deploy:
        m_startButton->setText(m_state->split.empty() ? tr("Deploy at 100 %") : tr("Deploy at 0 %"));
        m_startButton->setEnabled(!m_done && !m_running);
        m_description->setText(
            m_state->split.empty()
                ? tr("Starts %1 v%2 as deployment %3 on %4. The endpoint has no other deployment, so it "
                     "gets all of the traffic. The deployment is recorded in the model's release trail.")
                      .arg(m_state->model, m_state->version, deployment, endpoint)
                : tr("Starts %1 v%2 as deployment %3 on %4 with 0 % of the traffic: the endpoint keeps "
                     "answering from its current deployments. The deployment is recorded in the model's "
                     "release trail.")
                      .arg(m_state->model, m_state->version, deployment, endpoint));
        break;
    case Kind::Canary:
        m_startButton->setText(tr("Give It This Share"));
        m_description->setText(
            alone ? tr("%1 is the endpoint's only deployment and has all of the traffic: there is nothing to "
                       "share. Go on.")
                        .arg(deployment)
                  : tr("Sends a share of the requests to %1, the rest to the other deployments in their "
                       "current proportions. Recorded as a traffic change. Skip with Next.")
                        .arg(deployment));
        m_startButton->setEnabled(!alone && !m_done);
        break;
    case Kind::Promote:
        m_startButton->setText(tr("Promote to 100 %"));
        m_description->setText(
            tr("Gives %1 all of the traffic. The other deployments stay at 0 %, running, so that Roll Back "
               "on the Endpoints page can return to them. Recorded as a traffic change%2. Skip with Next.")
                .arg(deployment, m_state->production ? tr("; on this production endpoint the champion alias "
                                                          "moves to v%1")
                                                           .arg(m_state->version)
                                                     : QString()));
        m_startButton->setEnabled(!alone && !m_done);
        break;
    }
    updatePlan();
}

bool RolloutStepPage::isComplete() const
{
    return !m_running && (m_kind != Kind::Deploy || m_state->deployed);
}

bool RolloutStepPage::validatePage()
{
    return isComplete();
}

QString RolloutStepPage::resultText() const
{
    return m_result->text();
}

void RolloutStepPage::showProgress(const QString &step, int percent)
{
    m_step->setText(step);
    if (percent < 0)
        m_progress->setRange(0, 0);
    else {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    }
}

void RolloutStepPage::start()
{
    if (m_running || m_done || !m_state->context.isValid())
        return;
    m_running = true;
    m_cancel = CancelToken();
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_result->clear();
    showProgress(tr("Starting…"), -1);
    Q_EMIT completeChanged();

    const DeployContext context = m_state->context;
    const std::string endpoint = m_state->endpoint.toStdString();
    const TrafficSplit split = plannedSplit();
    if (m_kind == Kind::Deploy) {
        DeployRequest request;
        request.model = m_state->model.toStdString();
        request.version = m_state->version.toStdString();
        request.endpoint = endpoint;
        request.deployment = m_state->deployment.toStdString();
        request.traffic = m_state->split.empty() ? 100 : 0;
        request.production = m_state->newEndpoint && m_state->production;
        // Progress comes from the worker thread: posted to the application object (which
        // outlives every page) and shown only if this page still exists.
        QPointer<RolloutStepPage> page(this);
        ProgressFn progress = [page](const std::string &step, int percent) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [page, text = QString::fromStdString(step), percent]() {
                    if (RolloutStepPage *alive = page.data(); alive != nullptr && alive->m_running)
                        alive->showProgress(text, percent);
                },
                Qt::QueuedConnection);
        };
        runAsync(
            this,
            [context, request, progress, cancel = m_cancel]() {
                Rollout rollout(*context.client, *context.target, context.access);
                return rollout.deploy(request, progress, cancel);
            },
            [this](const Result<RolloutOutcome> &result) { finish(result); });
        return;
    }
    runAsync(
        this,
        [context, endpoint, split, cancel = m_cancel]() {
            Rollout rollout(*context.client, *context.target, context.access);
            return rollout.setTraffic(endpoint, split, {}, cancel);
        },
        [this](const Result<RolloutOutcome> &result) { finish(result); });
}

void RolloutStepPage::cancel()
{
    if (!m_running)
        return;
    m_cancel.cancel();
    m_cancelButton->setEnabled(false);
    m_step->setText(tr("Cancelling… A cancelled step leaves the endpoint as it was."));
}

void RolloutStepPage::finish(const Result<RolloutOutcome> &result)
{
    m_running = false;
    m_cancelButton->setEnabled(false);
    m_progress->setRange(0, 100);
    if (!result.ok()) {
        m_progress->setValue(0);
        m_startButton->setEnabled(true);
        const Operation operation = m_kind == Kind::Deploy ? Operation::Deploy : Operation::SetTraffic;
        m_step->setText(result.error().kind == ErrorKind::Cancelled
                            ? tr("Cancelled: the endpoint is as it was, and nothing was recorded.")
                            : tr("Failed: the endpoint is as it was."));
        m_result->setText(red(userMessage(result.error(), operation)));
        Q_EMIT completeChanged();
        return;
    }
    const RolloutOutcome &outcome = result.value();
    m_done = true;
    m_progress->setValue(100);
    m_step->setText(
        tr("Done: %1 → %2")
            .arg(EndpointListModel::splitText(outcome.before), EndpointListModel::splitText(outcome.after)));
    m_state->split = outcome.after;
    if (m_kind == Kind::Deploy)
        m_state->deployed = true;
    m_state->records.insert(m_state->records.end(), outcome.records.begin(), outcome.records.end());
    QString text = recordsText(outcome).toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    if (!outcome.recorded()) {
        m_state->notRecorded << notRecordedWarning(outcome);
        text = red(notRecordedWarning(outcome)) + QStringLiteral("<br>") + text;
    }
    m_result->setText(text);
    updatePlan();
    Q_EMIT endpointChanged(m_state->endpoint);
    Q_EMIT completeChanged();
}

SummaryPage::SummaryPage(DeployWizardState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_text(new QLabel(this))
    , m_records(new QTreeWidget(this))
    , m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    m_text->setWordWrap(true);
    m_records->setObjectName(QStringLiteral("summaryRecords"));
    m_records->setRootIsDecorated(false);
    m_records->setHeaderLabels({tr("Action"), tr("Model"), tr("Version"), tr("Record"), tr("Recorded")});
    m_records->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_warning->setObjectName(QStringLiteral("notRecordedWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_records, 1);
    layout->addWidget(m_warning);
}

void SummaryPage::initializePage()
{
    m_text->setText(
        tr("%1 on %2 now: %3. These records were written to the release trail:")
            .arg(m_state->deployment, m_state->endpoint, EndpointListModel::splitText(m_state->split)));
    m_records->clear();
    for (const RolloutRecord &record : m_state->records) {
        auto *item = new QTreeWidgetItem(
            m_records, {actionName(record.action), QString::fromStdString(record.model),
                        QString::fromStdString(record.version),
                        record.written ? QString::number(record.sequence) : QString(),
                        record.written ? tr("yes") : tr("NO: %1").arg(QString::fromStdString(record.error))});
        if (!record.written)
            item->setForeground(4, QColor(0xc0, 0x39, 0x2b));
    }
    m_warning->setText(m_state->notRecorded.join(u'\n'));
    m_warning->setVisible(!m_state->notRecorded.isEmpty());
}

} // namespace modelgate::ui
