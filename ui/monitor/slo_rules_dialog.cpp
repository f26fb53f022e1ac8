#include "monitor/slo_rules_dialog.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "monitor/monitor_context.h"
#include "widgets/error_banner.h"

#include <display_safe.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace modelgate::ui {

namespace {

constexpr SloSignal kSignals[] = {SloSignal::ErrorPercent, SloSignal::ServerErrorPercent,
                                  SloSignal::LatencyP95, SloSignal::LatencyP99};
constexpr SloComparison kComparisons[] = {SloComparison::Absolute, SloComparison::AboveChampion};

} // namespace

SloRulesDialog::SloRulesDialog(DeployContext context, const QString &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_endpoint(endpoint)
    , m_banner(new ErrorBanner(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_autoRollback(new QCheckBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("sloRulesDialog"));
    setWindowTitle(tr("SLO Rules of %1").arg(displaySafe(endpoint)));
    m_banner->hide();
    auto *intro = new QLabel(
        tr("A deployment with traffic breaks a rule when its value over the rule's window is above the "
           "limit. Absolute rules hold every deployment; “above the champion” rules hold a canary to the "
           "deployment with the largest share on the same traffic. MLflow answers a model that fails on "
           "valid "
           "input with 4xx, so error rules count 4xx and 5xx. A breach is recorded in the release trail."),
        this);
    intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("sloRulesTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Signal"), tr("Compared with"), tr("Limit"), tr("Window"), tr("At least"), tr("Rule")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumWidth(860);
    m_autoRollback->setObjectName(QStringLiteral("autoRollbackBox"));
    m_autoRollback->setText(tr("Roll a breaching canary back automatically to the split before it"));
    m_autoRollback->setToolTip(
        tr("The console and “modelgate-cli endpoint watch” both do it; the release trail "
           "decides who acts, so it happens once."));
    m_problem->setObjectName(QStringLiteral("sloRuleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->setTextFormat(Qt::PlainText);

    auto *add = new QPushButton(tr("Add Rule"), this);
    auto *remove = new QPushButton(tr("Remove Rule"), this);
    auto *defaults = new QPushButton(tr("Reset to Defaults"), this);
    defaults->setObjectName(QStringLiteral("resetSloDefaults"));
    defaults->setToolTip(
        tr("5xx ≤ 1 %, p95 ≤ 1000 ms, and a canary no worse than the champion by 5 points of "
           "errors or 250 ms of p95, each over one minute"));
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    rowButtons->addWidget(defaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_autoRollback);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(add, &QPushButton::clicked, this, &SloRulesDialog::addRule);
    connect(remove, &QPushButton::clicked, this, &SloRulesDialog::removeSelectedRule);
    connect(defaults, &QPushButton::clicked, this, &SloRulesDialog::resetToDefaults);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SloRulesDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SloRulesDialog::reject);
    setPolicy(defaultSloPolicy());
    resize(960, 420);
    load();
}

SloRulesDialog::~SloRulesDialog()
{
    m_cancel.cancel();
}

QPushButton *SloRulesDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void SloRulesDialog::load()
{
    if (!m_context.isValid())
        return;
    m_loading = true;
    saveButton()->setEnabled(false);
    runAsync(
        this,
        [target = m_context.target, endpoint = m_endpoint.toStdString()]() {
            return target->monitorSettings(endpoint);
        },
        [this](const Result<std::string> &result) {
            m_loading = false;
            if (!result.ok()) {
                m_banner->showMessage(ErrorBanner::Kind::Error,
                                      userMessage(result.error(), Operation::LoadSloRules), false);
                validate();
                Q_EMIT loaded(false);
                return;
            }
            Result<SloPolicy> policy = sloPolicyFromJson(result.value());
            if (!policy.ok()) {
                m_banner->showMessage(ErrorBanner::Kind::Warning,
                                      userMessage(policy.error(), Operation::LoadSloRules), false);
                setPolicy(defaultSloPolicy());
                Q_EMIT loaded(false);
                return;
            }
            setPolicy(policy.value());
            Q_EMIT loaded(true);
        });
}

void SloRulesDialog::setPolicy(const SloPolicy &policy)
{
    m_table->setRowCount(0);
    for (const SloRule &rule : policy.rules)
        addRow(rule);
    m_autoRollback->setChecked(policy.autoRollback);
    m_table->resizeColumnsToContents();
    validate();
}

void SloRulesDialog::addRow(const SloRule &rule)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *signal = new QComboBox(m_table);
    for (const SloSignal each : kSignals)
        signal->addItem(signalText(each), static_cast<int>(each));
    signal->setCurrentIndex(signal->findData(static_cast<int>(rule.signal)));
    auto *comparison = new QComboBox(m_table);
    for (const SloComparison each : kComparisons)
        comparison->addItem(comparisonText(each), static_cast<int>(each));
    comparison->setCurrentIndex(comparison->findData(static_cast<int>(rule.comparison)));
    // Wide ranges on purpose: core's validateSloRule is the judge (a percentage above 100 is
    // refused with a reason, not silently clamped).
    auto *limit = new QDoubleSpinBox(m_table);
    limit->setRange(-1e6, 1e7);
    limit->setDecimals(1);
    limit->setValue(rule.limit);
    auto *window = new QSpinBox(m_table);
    window->setRange(1, 7 * 86400);
    window->setSuffix(tr(" s"));
    window->setValue(rule.windowSeconds);
    auto *minRequests = new QSpinBox(m_table);
    minRequests->setRange(0, 100'000'000);
    minRequests->setSuffix(tr(" requests"));
    minRequests->setValue(rule.minRequests);
    m_table->setCellWidget(row, SignalColumn, signal);
    m_table->setCellWidget(row, ComparisonColumn, comparison);
    m_table->setCellWidget(row, LimitColumn, limit);
    m_table->setCellWidget(row, WindowColumn, window);
    m_table->setCellWidget(row, MinRequestsColumn, minRequests);
    auto *description = new QTableWidgetItem;
    description->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_table->setItem(row, DescriptionColumn, description);
    for (QComboBox *box : {signal, comparison})
        connect(box, &QComboBox::currentIndexChanged, this, &SloRulesDialog::validate);
    connect(limit, &QDoubleSpinBox::valueChanged, this, &SloRulesDialog::validate);
    connect(window, &QSpinBox::valueChanged, this, &SloRulesDialog::validate);
    connect(minRequests, &QSpinBox::valueChanged, this, &SloRulesDialog::validate);
    updateUnits(row);
}

void SloRulesDialog::updateUnits(int row)
{
    auto *limit = qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, LimitColumn));
    if (limit)
        limit->setSuffix(u' ' + signalUnit(ruleAt(row).signal));
}

SloRule SloRulesDialog::ruleAt(int row) const
{
    SloRule rule;
    if (auto *signal = qobject_cast<QComboBox *>(m_table->cellWidget(row, SignalColumn)))
        rule.signal = static_cast<SloSignal>(signal->currentData().toInt());
    if (auto *comparison = qobject_cast<QComboBox *>(m_table->cellWidget(row, ComparisonColumn)))
        rule.comparison = static_cast<SloComparison>(comparison->currentData().toInt());
    if (auto *limit = qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, LimitColumn)))
        rule.limit = limit->value();
    if (auto *window = qobject_cast<QSpinBox *>(m_table->cellWidget(row, WindowColumn)))
        rule.windowSeconds = window->value();
    if (auto *minRequests = qobject_cast<QSpinBox *>(m_table->cellWidget(row, MinRequestsColumn)))
        rule.minRequests = minRequests->value();
    return rule;
}

SloPolicy SloRulesDialog::policy() const
{
    SloPolicy policy;
    for (int row = 0; row < m_table->rowCount(); ++row)
        policy.rules.push_back(ruleAt(row));
    policy.autoRollback = m_autoRollback->isChecked();
    return policy;
}

QString SloRulesDialog::validationProblem() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Status valid = validateSloRule(ruleAt(row));
        if (!valid.ok())
            return tr("Rule %1: %2").arg(row + 1).arg(userMessage(valid.error(), Operation::ValidateSloRule));
    }
    return {};
}

void SloRulesDialog::validate()
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        updateUnits(row); // "%" or "ms": a latency limit of 5 reads as the typo it is
        const SloRule rule = ruleAt(row);
        const bool valid = validateSloRule(rule).ok();
        if (QTableWidgetItem *description = m_table->item(row, DescriptionColumn)) {
            description->setText(valid ? ruleText(rule) : tr("not valid"));
            description->setForeground(valid ? palette().text() : QBrush(QColor(0xc0, 0x39, 0x2b)));
        }
    }
    const QString problem = validationProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    saveButton()->setEnabled(problem.isEmpty() && !m_loading && !m_saving && m_context.isValid());
}

void SloRulesDialog::addRule()
{
    addRow(SloRule{});
    m_table->selectRow(m_table->rowCount() - 1);
    validate();
}

void SloRulesDialog::removeSelectedRule()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    validate();
}

void SloRulesDialog::resetToDefaults()
{
    const bool autoRollback = m_autoRollback->isChecked();
    setPolicy(defaultSloPolicy());
    m_autoRollback->setChecked(autoRollback); // the defaults are rules; rollback is a separate choice
}

void SloRulesDialog::save()
{
    validate();
    if (!saveButton()->isEnabled())
        return;
    m_saving = true;
    saveButton()->setEnabled(false);
    m_banner->dismiss();
    runAsync(
        this,
        [target = m_context.target, endpoint = m_endpoint.toStdString(), policy = policy()]() -> Status {
            // The settings also hold the endpoint's metrics source: read, replace the rules, write.
            Result<std::string> stored = target->monitorSettings(endpoint);
            if (!stored.ok())
                return stored.error();
            Result<std::string> json = withSloPolicy(stored.value(), policy);
            if (!json.ok())
                return json.error();
            return target->setMonitorSettings(endpoint, json.value());
        },
        [this](const Status &result) {
            m_saving = false;
            if (!result.ok()) {
                const QString message = userMessage(result.error(), Operation::SaveSloRules);
                m_banner->showMessage(ErrorBanner::Kind::Error, message, false);
                validate();
                Q_EMIT saveFailed(message);
                return;
            }
            Q_EMIT saved();
            accept();
        });
}

} // namespace modelgate::ui
