#include "release/policy/policy_editor_dialog.h"

#include "async/run_async.h"
#include "release/review/check_list_model.h"
#include "widgets/error_banner.h"

#include <cmath>
#include <display_safe.h>
#include <from_std.h>
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <modelgate/core/release/release_records.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/util/sha256.h>

namespace modelgate::ui {

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            items.append(part.trimmed());
    return items;
}

QString joinList(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items)
        list.append(fromStd(item));
    return list.join(QStringLiteral(", "));
}

// An empty cell is "no bound"; anything unreadable is reported by validation.
std::optional<double> boundOf(const QTableWidgetItem *item, bool *bad)
{
    const QString text = item ? item->text().trimmed() : QString();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    if (ok)
        return value;
    const double c = text.toDouble(&ok);
    if (ok)
        return c;
    *bad = true;
    return std::nullopt;
}

QString boundText(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'g', 12) : QString();
}

constexpr int kDirectionRole = Qt::UserRole;

} // namespace

PolicyEditorDialog::PolicyEditorDialog(std::shared_ptr<const MlflowClient> client, Subject subject,
                                       QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_subject(std::move(subject))
{
    setObjectName(QStringLiteral("policyEditorDialog"));
    setWindowTitle(tr("Release Policy of %1").arg(displaySafe(m_subject.model)));

    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->addWidget(buildThresholds());
    formLayout->addWidget(buildRegression());
    formLayout->addWidget(buildDirections());
    formLayout->addWidget(buildRequirements());
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(buildPreview());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_banner = new ErrorBanner(this);
    m_banner->hide();
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("policyComment"));
    m_comment->setPlaceholderText(tr("Why the rules change (required; recorded in the release trail)"));
    m_comment->setMaximumHeight(m_comment->fontMetrics().height() * 4);
    auto *commentLabel = new QLabel(tr("&Comment:"), this);
    commentLabel->setBuddy(m_comment);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save Policy"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("savePolicyButton"));
    connect(m_save, &QPushButton::clicked, this, &PolicyEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &PolicyEditorDialog::updateSaveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    layout->addWidget(commentLabel);
    layout->addWidget(m_comment);
    layout->addWidget(buttons);

    loadPolicy(m_subject.policy);
    updatePreview();
    updateSaveButton();
    resize(1200, 780);
    // The preview is what the dialog is for: enough room for its measured and expected values.
    splitter->setSizes({540, 660});
}

PolicyEditorDialog::~PolicyEditorDialog()
{
    m_cancel.cancel();
}

QWidget *PolicyEditorDialog::buildThresholds()
{
    auto *box = new QGroupBox(tr("Thresholds"), this);
    m_thresholds = new QTableWidget(0, 3, box);
    m_thresholds->setObjectName(QStringLiteral("thresholdsTable"));
    m_thresholds->setHorizontalHeaderLabels({tr("Metric"), tr("At least"), tr("At most")});
    m_thresholds->horizontalHeader()->setStretchLastSection(true);
    m_thresholds->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_thresholds->verticalHeader()->hide();
    m_thresholds->setMinimumHeight(120);
    connect(m_thresholds, &QTableWidget::itemChanged, this, &PolicyEditorDialog::updatePreview);
    auto *add = new QPushButton(tr("&Add Threshold"), box);
    auto *remove = new QPushButton(tr("&Remove Threshold"), box);
    connect(add, &QPushButton::clicked, this, [this]() {
        addThreshold({}, std::nullopt, std::nullopt);
        m_thresholds->editItem(m_thresholds->item(m_thresholds->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const int row = m_thresholds->currentRow();
        if (row >= 0) {
            m_thresholds->removeRow(row);
            updatePreview();
        }
    });
    auto *hint = new QLabel(tr("A final metric value outside its bounds fails the check. Leave a bound "
                               "empty for none."),
                            box);
    hint->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(hint);
    layout->addWidget(m_thresholds);
    layout->addLayout(buttons);
    return box;
}

QWidget *PolicyEditorDialog::buildRegression()
{
    auto *box = new QGroupBox(tr("Regression against the champion"), this);
    m_championAlias = new QLineEdit(box);
    m_absoluteEnabled = new QCheckBox(tr("At most"), box);
    m_absolute = new QDoubleSpinBox(box);
    m_absolute->setDecimals(4);
    m_absolute->setRange(0, 1e9);
    m_absolute->setSingleStep(0.005);
    m_relativeEnabled = new QCheckBox(tr("At most"), box);
    m_relative = new QDoubleSpinBox(box);
    m_relative->setDecimals(2);
    m_relative->setRange(0, 100);
    m_relative->setSuffix(tr(" %"));
    m_regressionMetrics = new QLineEdit(box);
    m_regressionMetrics->setPlaceholderText(tr("every metric with a direction"));
    auto *absoluteRow = new QHBoxLayout;
    absoluteRow->addWidget(m_absoluteEnabled);
    absoluteRow->addWidget(m_absolute, 1);
    auto *relativeRow = new QHBoxLayout;
    relativeRow->addWidget(m_relativeEnabled);
    relativeRow->addWidget(m_relative, 1);
    auto *layout = new QFormLayout(box);
    layout->addRow(tr("Champion &alias:"), m_championAlias);
    layout->addRow(tr("Absolute margin:"), absoluteRow);
    layout->addRow(tr("Relative margin:"), relativeRow);
    layout->addRow(tr("&Metrics (comma-separated):"), m_regressionMetrics);
    auto *note = new QLabel(tr("With both margins set, a metric fails only when it is worse than the "
                               "champion by more than both."),
                            box);
    note->setWordWrap(true);
    layout->addRow(note);
    for (QCheckBox *check : {m_absoluteEnabled, m_relativeEnabled})
        connect(check, &QCheckBox::toggled, this, &PolicyEditorDialog::updatePreview);
    for (QDoubleSpinBox *spin : {m_absolute, m_relative})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &PolicyEditorDialog::updatePreview);
    for (QLineEdit *edit : {m_championAlias, m_regressionMetrics})
        connect(edit, &QLineEdit::textChanged, this, &PolicyEditorDialog::updatePreview);
    return box;
}

QWidget *PolicyEditorDialog::buildDirections()
{
    auto *box = new QGroupBox(tr("Metric directions"), this);
    m_directionsTable = new QTableWidget(0, 2, box);
    m_directionsTable->setObjectName(QStringLiteral("directionsTable"));
    m_directionsTable->setHorizontalHeaderLabels({tr("Metric"), tr("Better when")});
    m_directionsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_directionsTable->horizontalHeader()->setStretchLastSection(true);
    m_directionsTable->verticalHeader()->hide();
    m_directionsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    std::set<std::string> metrics;
    if (m_subject.candidate.run)
        for (const Metric &metric : m_subject.candidate.run->metrics)
            metrics.insert(metric.key);
    for (const auto &[metric, direction] : m_subject.directions.overrides)
        metrics.insert(metric);
    for (const std::string &metric : metrics) {
        const int row = m_directionsTable->rowCount();
        m_directionsTable->insertRow(row);
        m_directionsTable->setItem(row, 0, new QTableWidgetItem(fromStd(metric)));
        auto *combo = new QComboBox(m_directionsTable);
        combo->addItem(tr("Higher is better"), static_cast<int>(MetricDirection::HigherIsBetter));
        combo->addItem(tr("Lower is better"), static_cast<int>(MetricDirection::LowerIsBetter));
        combo->addItem(tr("Neutral (no verdict)"), static_cast<int>(MetricDirection::Neutral));
        combo->setCurrentIndex(combo->findData(static_cast<int>(m_subject.directions.directionOf(metric))));
        combo->setProperty("metric", fromStd(metric));
        m_directionsTable->setCellWidget(row, 1, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &PolicyEditorDialog::updatePreview);
    }
    m_directionsTable->setMinimumHeight(120);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_directionsTable);
    return box;
}

QWidget *PolicyEditorDialog::buildRequirements()
{
    auto *box = new QGroupBox(tr("Required items and approvals"), this);
    m_requireSignature = new QCheckBox(tr("A model &signature"), box);
    m_requireCompatible = new QCheckBox(tr("A signature &compatible with the champion's"), box);
    m_requireExample = new QCheckBox(tr("An &input example"), box);
    m_requireDescription = new QCheckBox(tr("A version &description"), box);
    m_requireFinished = new QCheckBox(tr("A &finished source run"), box);
    m_requiredTags = new QLineEdit(box);
    m_requiredTags->setObjectName(QStringLiteral("requiredTags"));
    m_requiredTags->setPlaceholderText(tr("none"));
    m_approvals = new QSpinBox(box);
    m_approvals->setObjectName(QStringLiteral("requiredApprovals"));
    m_approvals->setRange(1, 10);
    m_allowBreakGlass = new QCheckBox(tr("Allow &break-glass self-approval by an author"), box);
    m_allowBreakGlass->setObjectName(QStringLiteral("allowBreakGlass"));
    m_breakGlassWarning = new QLabel(
        tr("Break-glass lets an author approve their own version with a written reason. It defeats the "
           "four-eyes rule; every such approval is marked in the trail and in every report."),
        box);
    m_breakGlassWarning->setWordWrap(true);
    m_breakGlassWarning->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto *layout = new QFormLayout(box);
    for (QCheckBox *check : {m_requireSignature, m_requireCompatible, m_requireExample, m_requireDescription,
                             m_requireFinished}) {
        layout->addRow(check);
        connect(check, &QCheckBox::toggled, this, &PolicyEditorDialog::updatePreview);
    }
    layout->addRow(tr("Required version &tags (comma-separated):"), m_requiredTags);
    layout->addRow(tr("Required a&pprovals:"), m_approvals);
    layout->addRow(m_allowBreakGlass);
    layout->addRow(m_breakGlassWarning);
    connect(m_requiredTags, &QLineEdit::textChanged, this, &PolicyEditorDialog::updatePreview);
    connect(m_approvals, &QSpinBox::valueChanged, this, &PolicyEditorDialog::updatePreview);
    connect(m_allowBreakGlass, &QCheckBox::toggled, this, &PolicyEditorDialog::updatePreview);
    return box;
}

QWidget *PolicyEditorDialog::buildPreview()
{
    auto *box =
        new QGroupBox(tr("Preview against v%1").arg(fromStd(m_subject.candidate.version.version)), this);
    m_previewCounts = new QLabel(box);
    m_previewCounts->setObjectName(QStringLiteral("previewCounts"));
    QFont bold = m_previewCounts->font();
    bold.setBold(true);
    m_previewCounts->setFont(bold);
    m_previewNote = new QLabel(box);
    m_previewNote->setWordWrap(true);
    m_previewNote->hide();
    m_previewModel = new CheckListModel(this);
    auto *proxy = new CheckFilterProxyModel(this);
    proxy->setSourceModel(m_previewModel);
    auto *view = new QTableView(box);
    view->setObjectName(QStringLiteral("previewView"));
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(CheckListModel::Status, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->hideColumn(CheckListModel::Detail);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_previewCounts);
    layout->addWidget(m_previewNote);
    layout->addWidget(view, 1);
    return box;
}

void PolicyEditorDialog::addThreshold(const QString &metric, std::optional<double> atLeast,
                                      std::optional<double> atMost)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_thresholds->rowCount();
    m_thresholds->insertRow(row);
    m_thresholds->setItem(row, 0, new QTableWidgetItem(metric));
    m_thresholds->setItem(row, 1, new QTableWidgetItem(boundText(atLeast)));
    m_thresholds->setItem(row, 2, new QTableWidgetItem(boundText(atMost)));
    m_loading = wasLoading;
    updatePreview();
}

void PolicyEditorDialog::loadPolicy(const ReleasePolicy &policy)
{
    m_loading = true;
    m_thresholds->setRowCount(0);
    for (const MetricThreshold &threshold : policy.thresholds)
        addThreshold(fromStd(threshold.metric), threshold.atLeast, threshold.atMost);
    m_championAlias->setText(fromStd(policy.championAlias));
    m_absoluteEnabled->setChecked(policy.maxRegressionAbsolute.has_value());
    m_absolute->setValue(policy.maxRegressionAbsolute.value_or(0.01));
    m_relativeEnabled->setChecked(policy.maxRegressionRelative.has_value());
    m_relative->setValue(policy.maxRegressionRelative.value_or(0.02) * 100.0);
    m_regressionMetrics->setText(joinList(policy.regressionMetrics));
    m_requireSignature->setChecked(policy.requireSignature);
    m_requireCompatible->setChecked(policy.requireCompatibleSignature);
    m_requireExample->setChecked(policy.requireInputExample);
    m_requireDescription->setChecked(policy.requireDescription);
    m_requireFinished->setChecked(policy.requireFinishedRun);
    m_requiredTags->setText(joinList(policy.requiredTags));
    m_approvals->setValue(policy.requiredApprovals);
    m_allowBreakGlass->setChecked(policy.allowBreakGlass);
    m_loading = false;
}

ReleasePolicy PolicyEditorDialog::editedPolicy() const
{
    ReleasePolicy policy;
    policy.thresholds.clear();
    for (int row = 0; row < m_thresholds->rowCount(); ++row) {
        MetricThreshold threshold;
        const QTableWidgetItem *metric = m_thresholds->item(row, 0);
        threshold.metric = metric ? metric->text().trimmed().toStdString() : std::string();
        bool bad = false;
        threshold.atLeast = boundOf(m_thresholds->item(row, 1), &bad);
        threshold.atMost = boundOf(m_thresholds->item(row, 2), &bad);
        if (bad) // an unreadable bound must not silently vanish: NaN fails validation
            threshold.atLeast = std::nan("");
        policy.thresholds.push_back(threshold);
    }
    policy.championAlias = m_championAlias->text().trimmed().toStdString();
    policy.maxRegressionAbsolute =
        m_absoluteEnabled->isChecked() ? std::optional<double>(m_absolute->value()) : std::nullopt;
    policy.maxRegressionRelative =
        m_relativeEnabled->isChecked() ? std::optional<double>(m_relative->value() / 100.0) : std::nullopt;
    policy.regressionMetrics.clear();
    for (const QString &metric : splitList(m_regressionMetrics->text()))
        policy.regressionMetrics.push_back(metric.toStdString());
    policy.requireSignature = m_requireSignature->isChecked();
    policy.requireCompatibleSignature = m_requireCompatible->isChecked();
    policy.requireInputExample = m_requireExample->isChecked();
    policy.requireDescription = m_requireDescription->isChecked();
    policy.requireFinishedRun = m_requireFinished->isChecked();
    policy.requiredTags.clear();
    for (const QString &tag : splitList(m_requiredTags->text()))
        policy.requiredTags.push_back(tag.toStdString());
    policy.requiredApprovals = m_approvals->value();
    policy.allowBreakGlass = m_allowBreakGlass->isChecked();
    return policy;
}

MetricDirectionMap PolicyEditorDialog::editedOverrides() const
{
    // Only what differs from the built-in rule is stored, plus the overrides already stored,
    // so that the tag stays small and a rule improvement still reaches untouched metrics.
    MetricDirectionMap overrides;
    for (int row = 0; row < m_directionsTable->rowCount(); ++row) {
        const auto *combo = qobject_cast<const QComboBox *>(m_directionsTable->cellWidget(row, 1));
        if (!combo)
            continue;
        const std::string metric = combo->property("metric").toString().toStdString();
        const auto direction = static_cast<MetricDirection>(combo->currentData().toInt());
        if (m_subject.directions.isOverridden(metric) || direction != defaultMetricDirection(metric))
            overrides[metric] = direction;
    }
    return overrides;
}

QString PolicyEditorDialog::previewSummary() const
{
    return m_previewCounts->text();
}

void PolicyEditorDialog::updatePreview()
{
    if (m_loading || !m_previewCounts)
        return;
    m_breakGlassWarning->setVisible(m_allowBreakGlass->isChecked());
    const ReleasePolicy policy = editedPolicy();
    const Status valid = validateReleasePolicy(policy);
    if (!valid.ok()) {
        m_problem = fromStd(valid.error().message);
        m_preview = {};
        m_previewModel->clear();
        m_previewCounts->setText(tr("The policy is not valid: %1").arg(m_problem));
        m_previewNote->hide();
        updateSaveButton();
        return;
    }
    m_problem.clear();
    std::optional<Comparison> comparison = m_subject.comparison;
    if (comparison) {
        // Re-judge the metrics with the edited directions: compareVersions is pure.
        MetricDirections directions;
        directions.overrides = editedOverrides();
        comparison = compareVersions(comparison->candidate, comparison->baseline, directions);
    }
    m_preview = evaluateReleaseChecks(policy, sha256Hex(releasePolicyToJson(policy)), m_subject.candidate,
                                      comparison);
    m_previewModel->setReport(m_preview);
    m_previewCounts->setText(tr("%n passed", nullptr, m_preview.passed) + QStringLiteral(" · ") +
                             tr("%n failed", nullptr, m_preview.failed) + QStringLiteral(" · ") +
                             tr("%n warning(s)", nullptr, m_preview.warnings));
    const bool aliasChanged = policy.championAlias != m_subject.policy.championAlias;
    m_previewNote->setText(
        tr("The preview still compares with the current champion; the new alias applies after saving."));
    m_previewNote->setVisible(aliasChanged);
    updateSaveButton();
}

void PolicyEditorDialog::updateSaveButton()
{
    m_save->setEnabled(!m_saving && m_problem.isEmpty() && !m_comment->toPlainText().trimmed().isEmpty());
    m_save->setToolTip(m_comment->toPlainText().trimmed().isEmpty()
                           ? tr("Write a comment saying why the rules change.")
                           : QString());
}

void PolicyEditorDialog::save()
{
    if (m_saving || !m_client || !m_problem.isEmpty() || m_comment->toPlainText().trimmed().isEmpty())
        return;
    const ReleasePolicy policy = editedPolicy();
    const bool policyChanged = !(policy == m_subject.policy);
    const MetricDirectionMap overrides = editedOverrides();
    const bool directionsChanged = overrides != m_subject.directions.overrides;
    m_saving = true;
    updateSaveButton();
    m_banner->dismiss();
    m_cancel = CancelToken();
    const std::string model = m_subject.model.toStdString();
    const std::string comment = m_comment->toPlainText().trimmed().toStdString();
    runAsync(
        this,
        [client = m_client, model, policy, comment, overrides, policyChanged, directionsChanged,
         cancel = m_cancel]() -> Result<int> {
            // Directions first: a plain tag write that fails cleanly on a 403 before any
            // record is appended to the trail.
            if (directionsChanged) {
                Status written = setMetricDirections(*client, model, overrides, cancel);
                if (!written.ok())
                    return written.error();
            }
            if (policyChanged) {
                Result<DecisionOutcome> outcome = setReleasePolicy(*client, model, policy, comment, cancel);
                if (!outcome.ok())
                    return outcome.error();
            }
            return (policyChanged ? 1 : 0) + (directionsChanged ? 2 : 0);
        },
        [this](const Result<int> &result) { finishSave(result); });
}

void PolicyEditorDialog::finishSave(const Result<int> &result)
{
    m_saving = false;
    updateSaveButton();
    if (!result.ok()) {
        const Error &error = result.error();
        if (error.kind != ErrorKind::Cancelled)
            m_banner->showMessage(ErrorBanner::Kind::Error, userMessage(error, Operation::SaveReleasePolicy),
                                  false);
        Q_EMIT saveFailed(error);
        return;
    }
    Q_EMIT saved(m_subject.model);
    accept();
}

} // namespace modelgate::ui
