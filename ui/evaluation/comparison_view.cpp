#include "evaluation/comparison_view.h"

#include "async/run_async.h"
#include "evaluation/metric_comparison_model.h"
#include "evaluation/review_support.h"
#include "evaluation/value_diff_model.h"
#include "widgets/loading_indicator.h"

#include <from_std.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <modelgate/core/review/metric_direction.h>

namespace modelgate::ui {

namespace {

bool holdsAlias(const ModelVersion &version, const std::string &alias)
{
    return std::find(version.aliases.begin(), version.aliases.end(), alias) != version.aliases.end();
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : LazyLoadView(parent)
    , m_baselineCombo(new QComboBox(this))
    , m_headline(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_metrics(new MetricComparisonModel(this))
    , m_params(new ValueDiffModel(this))
    , m_tags(new ValueDiffModel(this))
    , m_signature(new SignatureDiffModel(this))
    , m_loading(new LoadingIndicator(this))
{
    setObjectName(QStringLiteral("comparisonView"));
    m_baselineCombo->setObjectName(QStringLiteral("baselineCombo"));
    m_baselineCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baselineCombo->setMinimumContentsLength(16);
    m_headline->setObjectName(QStringLiteral("comparisonHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_warnings->setObjectName(QStringLiteral("comparisonWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->hide();
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *baselineLabel = new QLabel(tr("Compare with &baseline:"), this);
    baselineLabel->setBuddy(m_baselineCombo);
    auto *controls = new QHBoxLayout;
    controls->addWidget(baselineLabel);
    controls->addWidget(m_baselineCombo);
    controls->addStretch(1);

    m_metricsView =
        makeTable(m_metrics, MetricComparisonModel::SortRole, QStringLiteral("comparisonMetricsView"));
    m_metricsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_metricsView->setToolTip(tr("Right-click a metric to set whether higher or lower values are better."));
    connect(m_metricsView, &QWidget::customContextMenuRequested, this, &ComparisonView::showMetricMenu);
    QHeaderView *metricHeader = m_metricsView->horizontalHeader();
    metricHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    metricHeader->setStretchLastSection(true);

    QTableView *paramsView =
        makeTable(m_params, ValueDiffModel::SortRole, QStringLiteral("comparisonParamsView"));
    paramsView->hideColumn(ValueDiffModel::Scope);
    QTableView *tagsView = makeTable(m_tags, ValueDiffModel::SortRole, QStringLiteral("comparisonTagsView"));
    auto *signatureView = makeTable(m_signature, Qt::DisplayRole, QStringLiteral("comparisonSignatureView"));
    signatureView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    signatureView->horizontalHeader()->setStretchLastSection(true);
    m_signatureSummary = new QLabel(this);
    m_signatureSummary->setObjectName(QStringLiteral("signatureDiffSummary"));
    m_signatureSummary->setWordWrap(true);
    m_signatureSummary->setTextFormat(Qt::PlainText);
    auto *signaturePage = new QWidget(this);
    auto *signatureLayout = new QVBoxLayout(signaturePage);
    signatureLayout->setContentsMargins(0, 4, 0, 0);
    signatureLayout->addWidget(m_signatureSummary);
    signatureLayout->addWidget(signatureView, 1);

    m_diffTabs = new QTabWidget(this);
    m_diffTabs->setObjectName(QStringLiteral("comparisonDiffTabs"));
    m_diffTabs->addTab(paramsView, tr("Parameters"));
    m_diffTabs->addTab(tagsView, tr("Tags"));
    m_diffTabs->addTab(signaturePage, tr("Signature"));
    m_showUnchanged = new QCheckBox(tr("Show &unchanged"), this);
    m_showUnchanged->setObjectName(QStringLiteral("showUnchanged"));
    m_showUnchanged->setToolTip(tr("Unchanged parameters and tags are dimmed; untick to hide them."));
    m_showUnchanged->setChecked(reviewSetting(QStringLiteral("showUnchanged"), true).toBool());
    m_params->setShowUnchanged(m_showUnchanged->isChecked());
    m_tags->setShowUnchanged(m_showUnchanged->isChecked());
    m_diffTabs->setCornerWidget(m_showUnchanged, Qt::TopRightCorner);
    connect(m_showUnchanged, &QCheckBox::toggled, this, [this](bool show) {
        setReviewSetting(QStringLiteral("showUnchanged"), show);
        m_params->setShowUnchanged(show);
        m_tags->setShowUnchanged(show);
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("comparisonSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_metricsView);
    splitter->addWidget(m_diffTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_headline);
    contentLayout->addWidget(m_warnings);
    contentLayout->addWidget(splitter, 1);
    m_stack->addWidget(content);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_loading);

    connect(m_baselineCombo, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_filling)
            scheduleLoad();
    });
    connect(m_loading, &LoadingIndicator::cancelRequested, this, &ComparisonView::cancel);
    clear();
}

ComparisonView::~ComparisonView()
{
    m_cancel.cancel();
    m_directionCancel.cancel();
}

QTableView *ComparisonView::makeTable(QAbstractItemModel *model, int sortRole, const QString &objectName)
{
    auto *view = new QTableView(this);
    view->setObjectName(objectName);
    auto *sorted = new QSortFilterProxyModel(view);
    sorted->setSourceModel(model);
    sorted->setSortRole(sortRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    view->setModel(sorted);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(150);
    return view;
}

void ComparisonView::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_directionCancel.cancel();
    m_client = std::move(client);
}

void ComparisonView::setModelVersions(const std::vector<ModelVersion> &versions)
{
    m_versions = versions;
    fillBaselines();
}

void ComparisonView::clear()
{
    cancel();
    m_candidate = {};
    m_comparison.reset();
    m_metrics->clear();
    m_params->clear();
    m_tags->clear();
    m_signature->setDiff({});
    m_headline->clear();
    m_signatureSummary->clear();
    m_warnings->hide();
    fillBaselines();
    showPlaceholder(tr("Select a model version to compare it with the champion or another version."));
}

void ComparisonView::setVersion(const ModelVersion &candidate)
{
    clear();
    m_candidate = candidate;
    m_keepBaseline = false; // a new candidate starts from the default baseline
    fillBaselines();
    m_keepBaseline = true;
    showPlaceholder(tr("Loading the comparison…"));
    scheduleLoad();
}

void ComparisonView::fillBaselines()
{
    m_filling = true;
    const QString previous = m_baselineCombo->currentData().toString();
    m_baselineCombo->clear();
    std::vector<std::pair<std::string, const ModelVersion *>> aliases;
    for (const ModelVersion &version : m_versions)
        for (const std::string &alias : version.aliases)
            aliases.emplace_back(alias, &version);
    std::sort(aliases.begin(), aliases.end(), [](const auto &a, const auto &b) {
        // The champion first: it is what a candidate is normally measured against.
        if ((a.first == "champion") != (b.first == "champion"))
            return a.first == "champion";
        return a.first < b.first;
    });
    for (const auto &[alias, version] : aliases)
        m_baselineCombo->addItem(tr("@%1 (v%2)").arg(fromStd(alias), fromStd(version->version)),
                                 QString(u'@' + fromStd(alias)));
    for (const ModelVersion &version : m_versions)
        m_baselineCombo->addItem(tr("Version %1").arg(fromStd(version.version)), fromStd(version.version));

    // Default: @champion; if the candidate is the champion (or there is none), the newest
    // version older than the candidate, so that the comparison says something.
    // Keep a choice the user made for this candidate (the list is refilled when the versions
    // reload), but never compare a version with itself by default.
    const bool keep = !previous.isEmpty() && previous != fromStd(m_candidate.version) &&
                      !m_candidate.version.empty() && m_keepBaseline;
    int index = keep ? m_baselineCombo->findData(previous) : -1;
    if (index < 0 && !m_candidate.version.empty()) {
        const auto champion = std::find_if(m_versions.begin(), m_versions.end(),
                                           [](const ModelVersion &v) { return holdsAlias(v, "champion"); });
        if (champion != m_versions.end() && champion->version != m_candidate.version) {
            index = m_baselineCombo->findData(QStringLiteral("@champion"));
        } else {
            const ModelVersion *best = nullptr;
            for (const ModelVersion &version : m_versions)
                if (version.versionNumber() < m_candidate.versionNumber() &&
                    (!best || version.versionNumber() > best->versionNumber()))
                    best = &version;
            for (const ModelVersion &version : m_versions)
                if (!best && version.version != m_candidate.version)
                    best = &version;
            if (best)
                index = m_baselineCombo->findData(fromStd(best->version));
        }
    }
    m_baselineCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_filling = false;
}

void ComparisonView::setBaseline(const QString &versionOrAlias)
{
    int index = m_baselineCombo->findData(versionOrAlias);
    if (index < 0) {
        m_filling = true;
        m_baselineCombo->addItem(versionOrAlias, versionOrAlias);
        m_filling = false;
        index = m_baselineCombo->count() - 1;
    }
    if (index == m_baselineCombo->currentIndex())
        scheduleLoad();
    else
        m_baselineCombo->setCurrentIndex(index);
}

QString ComparisonView::baseline() const
{
    return m_baselineCombo->currentData().toString();
}

QString ComparisonView::headline() const
{
    return m_headline->text();
}

QString ComparisonView::signatureSummary() const
{
    return m_signatureSummary->text();
}

void ComparisonView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void ComparisonView::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    if (m_loadingComparison) {
        m_loadingComparison = false;
        m_loading->stop();
        showPlaceholder(tr("Loading the comparison was cancelled."));
        m_dirty = true; // showing the tab again retries
    }
}

void ComparisonView::load()
{
    m_dirty = false;
    const QString baselineRef = baseline();
    if (!m_client || m_candidate.version.empty() || baselineRef.isEmpty())
        return;
    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingComparison = true;
    m_loading->start(
        tr("Comparing v%1 with %2…").arg(fromStd(m_candidate.version), m_baselineCombo->currentText()));
    runAsync(
        this,
        [client = m_client, name = m_candidate.name, candidate = m_candidate.version,
         baselineRef = baselineRef.toStdString(),
         cancel = m_cancel]() { return loadComparison(*client, name, candidate, baselineRef, cancel); },
        [this, generation](Result<Comparison> result) {
            if (generation != m_generation)
                return;
            m_loadingComparison = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled) {
                    showPlaceholder(userMessage(result.error(), Operation::CompareVersions));
                    Q_EMIT failed(result.error(), Operation::CompareVersions);
                }
                return;
            }
            showComparison(result.value());
            m_comparison = std::move(result).value();
            Q_EMIT loaded();
        });
}

void ComparisonView::showComparison(const Comparison &comparison)
{
    m_metrics->setMetrics(comparison.metrics);
    m_params->setGroups({{QString(), comparison.params}});
    m_tags->setGroups({{tr("Version"), comparison.versionTags}, {tr("Run"), comparison.runTags}});
    m_signature->setDiff(comparison.signature);
    m_signatureSummary->setText(m_signature->summary());
    m_diffTabs->setTabText(0, tr("Parameters (%1 changed)").arg(m_params->changedCount()));
    m_diffTabs->setTabText(1, tr("Tags (%1 changed)").arg(m_tags->changedCount()));
    const QString signatureTab = comparison.signature.breaking ? tr("Signature ⚠ breaking") : tr("Signature");
    m_diffTabs->setTabText(2, signatureTab);

    const QString candidate = versionLabel(comparison.candidate.version);
    const QString baseline = versionLabel(comparison.baseline.version);
    QStringList verdicts;
    verdicts << tr("%n metric(s) better", nullptr, m_metrics->countOf(Verdict::Better))
             << tr("%n worse", nullptr, m_metrics->countOf(Verdict::Worse))
             << tr("%n equal", nullptr, m_metrics->countOf(Verdict::Equal));
    QString headline = tr("%1 (candidate) against %2 (baseline): %3")
                           .arg(candidate, baseline, verdicts.join(QStringLiteral(", ")));
    if (comparison.signature.breaking)
        headline += QStringLiteral(" · ") + tr("the signature has breaking changes");
    m_headline->setText(headline);

    QStringList warnings;
    for (const std::string &warning : comparison.warnings)
        warnings << fromStd(warning);
    if (!comparison.candidate.runNote.empty())
        warnings << tr("Candidate: %1").arg(fromStd(comparison.candidate.runNote));
    if (!comparison.baseline.runNote.empty())
        warnings << tr("Baseline: %1").arg(fromStd(comparison.baseline.runNote));
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
    m_stack->setCurrentIndex(0);
}

void ComparisonView::showMetricMenu(const QPoint &position)
{
    const QModelIndex index = m_metricsView->indexAt(position);
    if (!index.isValid() || !m_comparison)
        return;
    const QString key = index.data(MetricComparisonModel::MetricKeyRole).toString();
    const auto current =
        static_cast<MetricDirection>(index.data(MetricComparisonModel::DirectionRole).toInt());
    const bool overridden = index.data(MetricComparisonModel::DirectionOverriddenRole).toBool();
    QMenu menu(this);
    menu.setTitle(tr("Direction of %1").arg(key));
    const auto addChoice = [&](const QString &text, std::optional<MetricDirection> direction, bool checked) {
        QAction *action = menu.addAction(text);
        action->setCheckable(true);
        action->setChecked(checked);
        connect(action, &QAction::triggered, this,
                [this, key, direction]() { setMetricDirection(key, direction); });
    };
    addChoice(tr("Higher Is Better"), MetricDirection::HigherIsBetter,
              overridden && current == MetricDirection::HigherIsBetter);
    addChoice(tr("Lower Is Better"), MetricDirection::LowerIsBetter,
              overridden && current == MetricDirection::LowerIsBetter);
    addChoice(tr("Neither (No Verdict)"), MetricDirection::Neutral,
              overridden && current == MetricDirection::Neutral);
    menu.addSeparator();
    const MetricDirection builtIn = defaultMetricDirection(key.toStdString());
    addChoice(tr("Default (%1)").arg(MetricComparisonModel::directionText(builtIn)), std::nullopt,
              !overridden);
    menu.exec(m_metricsView->viewport()->mapToGlobal(position));
}

void ComparisonView::setMetricDirection(const QString &metric, std::optional<MetricDirection> direction)
{
    if (!m_client || m_candidate.name.empty())
        return;
    m_directionCancel.cancel();
    m_directionCancel = CancelToken();
    const quint64 generation = m_generation;
    m_loading->start(tr("Saving the direction of %1…").arg(metric));
    runAsync(
        this,
        [client = m_client, name = m_candidate.name, key = metric.toStdString(), direction,
         cancel = m_directionCancel]() {
            return updateMetricDirection(*client, name, key, direction, cancel);
        },
        [this, generation, metric](Result<MetricDirectionMap> result) {
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    Q_EMIT failed(result.error(), Operation::UpdateMetricDirection);
                return;
            }
            // Re-rate the comparison on screen with what the server now stores; no reload needed.
            if (generation == m_generation && m_comparison) {
                MetricDirections directions;
                directions.overrides = result.value();
                Comparison rerated =
                    compareVersions(m_comparison->candidate, m_comparison->baseline, directions);
                showComparison(rerated);
                m_comparison = std::move(rerated);
            }
            Q_EMIT directionSaved(metric);
        });
}

} // namespace modelgate::ui
