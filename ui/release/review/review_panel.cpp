#include "release/review/review_panel.h"

#include "async/run_async.h"
#include "evaluation/comparison_view.h"
#include "evaluation/metric_history_view.h"
#include "release/policy/policy_editor_dialog.h"
#include "release/review/check_list_model.h"
#include "release/review/decision_area.h"
#include "release/review/report_export.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"

#include <check_text.h>
#include <display_safe.h>
#include <from_std.h>
#include <trail_text.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <modelgate/core/mlflow/model_filter.h>
#include <modelgate/core/release/approve_blockers.h>
#include <modelgate/core/workspace/identity.h>

namespace modelgate::ui {

namespace {

// The reviewer's own standing approval or rejection (what a revoke withdraws).
const StandingDecision *ownStanding(const ReleaseStatus &status)
{
    if (const StandingDecision *approval = standingOf(status.decisions.approvals, status.reviewer))
        return approval;
    return standingOf(status.decisions.rejections, status.reviewer);
}

} // namespace

ReviewPanel::ReviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_stateLine(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_editPolicy(new QPushButton(tr("Edit &Policy…"), this))
    , m_exportReport(new QPushButton(tr("E&xport Report…"), this))
    , m_deploy(new QPushButton(tr("Deploy…"), this))
    , m_banner(new ErrorBanner(this))
    , m_loading(new LoadingIndicator(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_evidence(new QTabWidget(this))
    , m_comparison(new ComparisonView(this))
    , m_charts(new MetricHistoryView(this))
    , m_checks(new CheckListModel(this))
    , m_checksView(new QTableView(this))
    , m_checkSummary(new QLabel(this))
    , m_decisions(new QTreeWidget(this))
    , m_decision(new DecisionArea(this))
{
    setObjectName(QStringLiteral("reviewPanel"));
    m_headline->setObjectName(QStringLiteral("reviewHeadline"));
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_headline->setFont(big);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true); // a long model name must not hold the window wide
    m_stateLine->setObjectName(QStringLiteral("reviewState"));
    m_stateLine->setWordWrap(true);
    m_stateLine->setTextFormat(Qt::PlainText);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Reload the checks and decisions (F5)"));
    m_exportReport->setObjectName(QStringLiteral("exportReportButton"));
    m_exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportReport->setToolTip(tr("Write this version's release report as PDF or HTML for an auditor: "
                                  "evidence, checks, decisions and the verified trail (Ctrl+Shift+E)."));
    m_editPolicy->setObjectName(QStringLiteral("editPolicyButton"));
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    m_deploy->setToolTip(tr("Deploy this approved version to an endpoint, step by step."));
    m_deploy->hide(); // offered once the loaded status says approved
    m_editPolicy->setToolTip(tr("Change the release rules of this model (needs EDIT permission on it)."));
    m_banner->hide();

    m_evidence->setObjectName(QStringLiteral("reviewEvidenceTabs"));
    m_evidence->addTab(m_comparison, tr("Comparison"));
    m_evidence->addTab(m_charts, tr("Charts"));
    // The charts' toolbar is wide (in German ~770 px); a hidden tab's minimum would hold the
    // whole main window at that much more. The evidence keeps the comparison's minimum.
    m_charts->setSizePolicy(QSizePolicy::Ignored, m_charts->sizePolicy().verticalPolicy());

    auto *proxy = new CheckFilterProxyModel(this);
    proxy->setSourceModel(m_checks);
    m_checksView->setObjectName(QStringLiteral("checksView"));
    m_checksView->setModel(proxy);
    m_checksView->setSortingEnabled(true);
    m_checksView->sortByColumn(CheckListModel::Status, Qt::AscendingOrder);
    m_checksView->verticalHeader()->hide();
    m_checksView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checksView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checksView->setWordWrap(false);
    m_checksView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checksView->horizontalHeader()->setStretchLastSection(true);
    // Measured against expected says it; the longer explanation is each row's tooltip.
    m_checksView->hideColumn(CheckListModel::Detail);
    m_checkSummary->setObjectName(QStringLiteral("checkSummary"));

    m_decisions->setObjectName(QStringLiteral("standingDecisions"));
    m_decisions->setRootIsDecorated(false);
    m_decisions->setHeaderLabels({tr("Decision"), tr("Reviewer"), tr("When"), tr("Comment")});
    m_decisions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_decisions->header()->setStretchLastSection(true);
    m_decisions->setMaximumHeight(m_decisions->fontMetrics().height() * 8);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Pre-checks</b>"), right));
    rightLayout->addWidget(m_checkSummary);
    rightLayout->addWidget(m_checksView, 2);
    rightLayout->addWidget(new QLabel(tr("<b>Standing decisions</b>"), right));
    rightLayout->addWidget(m_decisions, 1);
    rightLayout->addWidget(m_decision);

    m_splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_splitter->addWidget(m_evidence);
    m_splitter->addWidget(right);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->restoreState(QSettings().value(QStringLiteral("ReviewPanel/splitter")).toByteArray());
    connect(m_splitter, &QSplitter::splitterMoved, this, [this]() {
        QSettings().setValue(QStringLiteral("ReviewPanel/splitter"), m_splitter->saveState());
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_headline, 1);
    header->addWidget(m_deploy);
    header->addWidget(m_exportReport);
    header->addWidget(m_editPolicy);
    header->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stateLine);
    layout->addWidget(m_banner);
    layout->addWidget(m_loading);
    layout->addWidget(m_splitter, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ReviewPanel::refresh);
    connect(m_editPolicy, &QPushButton::clicked, this, &ReviewPanel::openPolicyEditor);
    connect(m_deploy, &QPushButton::clicked, this, [this]() { Q_EMIT deployRequested(m_model, m_version); });
    connect(m_exportReport, &QPushButton::clicked, this,
            [this]() { exportReleaseReport(this, m_client, m_model, m_version); });
    connect(m_banner, &ErrorBanner::retryRequested, this, &ReviewPanel::refresh);
    connect(m_loading, &LoadingIndicator::cancelRequested, this, [this]() {
        m_loadCancel.cancel();
        m_decideCancel.cancel();
    });
    connect(m_decision, &DecisionArea::approveRequested, this, &ReviewPanel::approve);
    connect(m_decision, &DecisionArea::rejectRequested, this, &ReviewPanel::reject);
    connect(m_decision, &DecisionArea::revokeRequested, this, &ReviewPanel::revoke);
    connect(m_decision, &DecisionArea::breakGlassRequested, this, &ReviewPanel::askBreakGlass);
    connect(m_decision, &DecisionArea::retryDraftRequested, this, &ReviewPanel::retryDraft);
    connect(m_decision, &DecisionArea::discardDraftRequested, this, &ReviewPanel::discardDraft);
    connect(m_decision, &DecisionArea::repairTagsRequested, this, &ReviewPanel::repairTags);
    connect(m_decision->commentEdit(), &QPlainTextEdit::textChanged, this,
            [this]() { m_autosave.commentEdited(m_decision->commentEdit()->toPlainText()); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, m_loading, &LoadingIndicator::cancelRequested);
    clear();
}

ReviewPanel::~ReviewPanel()
{
    m_loadCancel.cancel();
    m_decideCancel.cancel();
}

void ReviewPanel::setClient(std::shared_ptr<const MlflowClient> client)
{
    clear();
    m_client = std::move(client);
    m_comparison->setClient(m_client);
    m_charts->setClient(m_client);
    m_noEditModels.clear();
    m_notEnrolledFor.clear();
}

void ReviewPanel::setDraftsFile(const QString &path)
{
    m_drafts = DecisionDrafts(path);
}

void ReviewPanel::clear()
{
    m_autosave.setSubject({}, {}, {}); // writes a pending edit; clearing the box below is no edit
    m_restoredNote.clear();
    m_loadCancel.cancel();
    m_decideCancel.cancel();
    ++m_generation;
    m_loadingStatus = false;
    m_deciding = false;
    m_loading->stop();
    m_model.clear();
    m_version.clear();
    m_status.reset();
    m_lastOutcome.reset();
    m_checks->clear();
    m_decisions->clear();
    m_comparison->clear();
    m_charts->clear();
    m_banner->dismiss();
    m_headline->setText(tr("No version selected"));
    m_deploy->hide();
    m_stateLine->setText(tr("Select a model version to review it."));
    m_checkSummary->clear();
    m_decision->setComment({});
    m_decision->showDraft({});
    m_decision->showRecord({}, false);
    updateDecisionArea();
}

void ReviewPanel::showVersion(const QString &model, const QString &version)
{
    clear();
    m_model = model;
    m_version = version;
    m_headline->setText(tr("%1 — version %2").arg(displaySafe(model), displaySafe(version)));
    // The comment typed before a crash or a restart goes back in the box before saving resumes.
    if (const auto unsent = m_drafts.find(model, version, m_workspace, DraftKind::Unsent)) {
        m_decision->setComment(unsent->comment);
        m_restoredNote = DraftAutosave::restoredNote(*unsent);
    }
    m_autosave.setSubject(model, version, m_workspace);
    showDraftFor(m_drafts.find(model, version, m_workspace));
    load();
}

void ReviewPanel::refresh()
{
    if (m_model.isEmpty())
        return;
    m_noEditModels.erase(m_model);
    m_notEnrolledFor.clear();
    load();
}

void ReviewPanel::load()
{
    if (!m_client || m_model.isEmpty())
        return;
    m_loadCancel.cancel();
    m_loadCancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_loadingStatus = true;
    m_banner->dismiss();
    m_loading->start(
        tr("Loading the checks and decisions of %1 v%2…").arg(displaySafe(m_model), displaySafe(m_version)));
    updateDecisionArea();
    runAsync(
        this,
        [client = m_client, model = m_model.toStdString(), version = m_version.toStdString(),
         cancel = m_loadCancel]() { return loadReleaseStatus(*client, model, version, cancel); },
        [this, generation](const Result<ReleaseStatus> &result) {
            if (generation != m_generation)
                return; // another version was chosen meanwhile
            m_loadingStatus = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    m_banner->showMessage(ErrorBanner::Kind::Error,
                                          userMessage(result.error(), Operation::LoadReleaseStatus), true,
                                          isAuthenticationError(result.error()));
                updateDecisionArea();
                Q_EMIT loadFailed(result.error());
                return;
            }
            applyStatus(result.value());
            Q_EMIT statusLoaded();
        });
}

void ReviewPanel::applyStatus(const ReleaseStatus &status)
{
    const bool sameVersion = m_status && m_status->version == status.version;
    m_status = status;
    m_version = fromStd(status.version);
    m_headline->setText(tr("%1 — version %2").arg(displaySafe(m_model), displaySafe(m_version)));
    const CheckReport &report = status.checks.report;
    m_checks->setReport(report);
    m_checkSummary->setText(tr("%n passed", nullptr, report.passed) + QStringLiteral(" · ") +
                            tr("%n failed", nullptr, report.failed) + QStringLiteral(" · ") +
                            tr("%n warning(s)", nullptr, report.warnings));
    QString state;
    switch (status.decisions.state) {
    case ReviewState::Pending:
        state = tr("Pending: no decision yet.");
        break;
    case ReviewState::InReview:
        state = tr("In review: %1 of %2 approvals.")
                    .arg(status.decisions.approvals.size())
                    .arg(status.decisions.requiredApprovals);
        break;
    case ReviewState::Approved:
        state = tr("Approved.");
        break;
    case ReviewState::Rejected:
        state = tr("Rejected.");
        break;
    case ReviewState::Stale:
        state = tr("Stale: the version changed after it was approved.");
        break;
    }
    if (!status.trail.ok)
        state += u' ' + tr("The release trail is BROKEN at record %1: %2.")
                            .arg(status.trail.firstBroken ? QString::number(*status.trail.firstBroken)
                                                          : QStringLiteral("?"),
                                 report::trailBrokenReason(status.trail));
    else if (!status.approved && !status.tagDifferences.empty()) {
        // Name the tags: a hand-edited tag is what a reviewer must see, not just that something differs.
        QStringList mismatches;
        for (const ReviewTagDifference &difference : status.tagDifferences)
            mismatches << report::tagDifferenceText(difference);
        state +=
            u' ' + tr("NOT consistent: the review tags do not match the trail (%1); until they are "
                      "rewritten from it (modelgate-cli review sync), the version counts as not approved.")
                       .arg(mismatches.join(QStringLiteral("; ")));
    }
    m_stateLine->setText(state + u' ' + tr("Reviewing as %1.").arg(displaySafe(status.reviewer)));
    // Offer the repair where the reviewer is. It replaces a just-written decision's notice:
    // that record is in the trail, and tags that disagree with it make the version unapproved.
    m_decision->showTagRepair(status.trail.ok && !status.tagDifferences.empty()
                                  ? tr("The version's review tags do not match its release trail. Repair "
                                       "Tags rewrites them from the trail (this needs EDIT on the model).")
                                  : QString());
    fillDecisions(status);
    m_deploy->setVisible(status.approved);

    if (!sameVersion) {
        // The evidence views load themselves when shown, so a hidden tab costs no request.
        std::vector<ModelVersion> versions{status.checks.candidate.version};
        if (status.checks.comparison)
            versions.push_back(status.checks.comparison->baseline.version);
        m_comparison->setModelVersions(versions);
        m_comparison->setVersion(status.checks.candidate.version);
        m_charts->setModelVersions(versions);
        m_charts->setVersion(status.checks.candidate.version);
        QStringList keys;
        if (status.checks.candidate.run)
            for (const Metric &metric : status.checks.candidate.run->metrics)
                keys.append(fromStd(metric.key));
        m_charts->setMetricKeys(keys);
        // Without a champion there is nothing to compare with (the view would compare the
        // candidate with itself): the charts stand in until a version with a champion is shown.
        const bool hasChampion = status.checks.comparison.has_value();
        const bool wasDisabled = !m_evidence->isTabEnabled(0);
        m_evidence->setTabEnabled(0, hasChampion);
        m_evidence->setTabToolTip(0, hasChampion ? QString()
                                                 : tr("%1 has no champion to compare with.").arg(m_model));
        if (!hasChampion)
            m_evidence->setCurrentWidget(m_charts);
        else if (wasDisabled)
            m_evidence->setCurrentWidget(m_comparison);
    }
    updateDecisionArea();
}

void ReviewPanel::fillDecisions(const ReleaseStatus &status)
{
    m_decisions->clear();
    const auto add = [this](const StandingDecision &decision, const QString &what) {
        const ReleaseRecord &record = decision.record;
        QString label = what;
        if (!record.breakGlassReason.empty())
            label = tr("%1 (BREAK-GLASS)").arg(what);
        else if (!decision.digestMatches)
            label = tr("%1 (for older content)").arg(what);
        QString comment = displaySafe(record.comment, kMaxLongDisplayChars);
        if (!record.breakGlassReason.empty())
            comment = tr("%1 — break-glass reason: %2")
                          .arg(comment, displaySafe(record.breakGlassReason, kMaxLongDisplayChars));
        auto *item =
            new QTreeWidgetItem(m_decisions, {label, displaySafe(record.reviewer), displaySafe(record.time),
                                              displaySafe(comment, kMaxLongDisplayChars)});
        item->setToolTip(3, comment);
        if (!record.breakGlassReason.empty())
            for (int column = 0; column < 4; ++column)
                item->setForeground(column, QColor(0xc6, 0x28, 0x28));
    };
    for (const StandingDecision &decision : status.decisions.approvals)
        add(decision, tr("Approved"));
    for (const StandingDecision &decision : status.decisions.rejections)
        add(decision, tr("Rejected"));
    if (m_decisions->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(m_decisions, {tr("No standing decision")});
        item->setFlags(Qt::NoItemFlags);
    }
}

QStringList ReviewPanel::approveBlockers() const
{
    QStringList reasons;
    if (!m_status)
        return reasons;
    const ReleaseStatus &status = *m_status;
    const QString me = fromStd(status.reviewer);
    LearntRefusals learnt;
    learnt.editRefused = m_noEditModels.count(m_model) > 0;
    learnt.enrolmentRefused = !me.isEmpty() && m_notEnrolledFor == me;
    for (const ApproveBlocker &blocker : modelgate::approveBlockers(status, learnt)) {
        switch (blocker.kind) {
        case ApproveBlockerKind::TrailBroken:
            reasons
                << tr("The release trail of %1 is broken (%2); nothing can be added until it is repaired.")
                       .arg(m_model, report::trailBrokenReason(status.trail));
            break;
        case ApproveBlockerKind::NotEnrolled:
            reasons << tr("You (%1) are not enrolled as a reviewer. An administrator enrols you with "
                          "“modelgate-cli audit grant %1”.")
                           .arg(me);
            break;
        case ApproveBlockerKind::NoIdentity:
            reasons << tr("The workspace has no user name, so ModelGate cannot tell who is reviewing.");
            break;
        case ApproveBlockerKind::Author: {
            QStringList where;
            for (const AuthorSource source : blocker.authorSources) {
                switch (source) {
                case AuthorSource::VersionUser:
                    where << tr("the user of the version");
                    break;
                case AuthorSource::RunUser:
                    where << tr("the mlflow.user tag of its run");
                    break;
                case AuthorSource::VersionAuthorTag:
                    where << tr("the %1 tag of the version").arg(QLatin1String(kAuthorTag));
                    break;
                case AuthorSource::RunAuthorTag:
                    where << tr("the %1 tag of its run").arg(QLatin1String(kAuthorTag));
                    break;
                }
            }
            QString reason = tr("You (%1) are an author of this version (recorded in %2); someone else must "
                                "approve it.")
                                 .arg(me, where.join(QStringLiteral(", ")));
            if (blocker.breakGlassAllowed)
                reason += u' ' + tr("The policy allows a break-glass approval with a reason.");
            reasons << reason;
            break;
        }
        case ApproveBlockerKind::NoEditPermission:
            reasons
                << tr("Your account lacks EDIT permission on %1, which deciding needs. Ask an administrator; "
                      "then press Refresh.")
                       .arg(m_model);
            break;
        case ApproveBlockerKind::ChecksFailed: {
            QStringList failed;
            for (const CheckResult &check : blocker.failedChecks)
                failed << report::checkTitle(check);
            reasons << tr("Required checks fail: %1.").arg(failed.join(QStringLiteral(", ")));
            break;
        }
        case ApproveBlockerKind::RejectionStands:
            reasons << tr("%1 rejected this version (record %2); the rejection stands until they revoke it.")
                           .arg(fromStd(blocker.standing->record.reviewer))
                           .arg(blocker.standing->record.sequence);
            break;
        case ApproveBlockerKind::AlreadyApproved:
            reasons << tr("You approved this content already (record %1).")
                           .arg(blocker.standing->record.sequence);
            break;
        }
    }
    return reasons;
}

void ReviewPanel::updateDecisionArea()
{
    const bool loaded = m_status.has_value() && !m_loadingStatus;
    const bool busy = m_deciding || m_loadingStatus;
    m_editPolicy->setEnabled(loaded && !m_deciding);
    m_exportReport->setEnabled(loaded && !m_deciding);
    m_refresh->setEnabled(!m_model.isEmpty());
    if (!m_status) {
        m_decision->setActions(false, false, false, false, busy);
        m_decision->setApproveReason({});
        return;
    }
    const ReleaseStatus &status = *m_status;
    const QStringList blockers = approveBlockers();
    const bool writable = status.trail.ok && m_noEditModels.count(m_model) == 0 && status.reviewerEnrolled &&
                          m_notEnrolledFor != fromStd(status.reviewer) && !status.reviewer.empty();
    const bool author = isAuthor(status.reviewer, status.authors);
    const bool breakGlass = author && status.checks.policy.policy.allowBreakGlass && writable &&
                            !status.checks.report.anyFailed();
    m_decision->setActions(loaded && blockers.isEmpty(), loaded && writable,
                           loaded && writable && ownStanding(status) != nullptr,
                           author && status.checks.policy.policy.allowBreakGlass, busy);
    m_decision->breakGlassButton()->setEnabled(m_decision->breakGlassButton()->isEnabled() && breakGlass);
    m_decision->setApproveReason(blockers.join(u'\n'));
}

void ReviewPanel::approve()
{
    decide(ReleaseAction::Approve, m_decision->comment(), {});
}

void ReviewPanel::reject()
{
    decide(ReleaseAction::Reject, m_decision->comment(), {});
}

void ReviewPanel::revoke()
{
    decide(ReleaseAction::Revoke, m_decision->comment(), {});
}

void ReviewPanel::approveWithBreakGlass(const QString &reason)
{
    decide(ReleaseAction::Approve, m_decision->comment(), reason.trimmed());
}

void ReviewPanel::askBreakGlass()
{
    const QString reason = askBreakGlassReason(this, m_autosave);
    if (!reason.trimmed().isEmpty())
        approveWithBreakGlass(reason);
}

void ReviewPanel::decide(ReleaseAction action, const QString &comment, const QString &breakGlassReason)
{
    if (!m_client || !m_status || m_deciding || comment.isEmpty())
        return;
    DecisionRequest request;
    request.model = m_model.toStdString();
    request.version = m_status->version;
    request.action = action;
    request.comment = comment.toStdString();
    request.breakGlassReason = breakGlassReason.toStdString();
    m_autosave.sending(QLatin1String(wireName(action)), m_decision->commentEdit()->toPlainText(),
                       breakGlassReason);
    m_deciding = true;
    m_decideCancel = CancelToken();
    m_banner->dismiss();
    m_loading->start(tr("Recording your decision…"));
    updateDecisionArea();
    const quint64 generation = m_generation;
    runAsync(
        this,
        // The status the reviewer looked at: its checks are not read again unless the content
        // or the policy changed since.
        [client = m_client, request, seen = *m_status, cancel = m_decideCancel]() {
            return decideRelease(*client, request, seen, cancel);
        },
        [this, request, generation](const Result<DecisionOutcome> &result) {
            if (generation != m_generation)
                return;
            finishDecision(request, result);
        });
}

void ReviewPanel::finishDecision(const DecisionRequest &request, const Result<DecisionOutcome> &result)
{
    m_deciding = false;
    m_loading->stop();
    if (result.ok()) {
        m_autosave.discard();
        m_restoredNote.clear();
        m_drafts.remove(m_model, fromStd(request.version), m_workspace);
        m_decision->showDraft({});
        m_decision->setComment({});
        showOutcome(result.value());
        applyStatus(result.value().after);
        Q_EMIT decisionRecorded(m_model, fromStd(request.version));
        return;
    }
    const Error &error = result.error();
    m_autosave.notSent();
    Q_EMIT decisionFailed(error);
    if (error.kind == ErrorKind::Cancelled) {
        updateDecisionArea();
        return;
    }
    if (error.kind == ErrorKind::Refused || error.kind == ErrorKind::Config) {
        // An answer, not a failure: nothing to retry, so no draft.
        if (error.code == kRefusedNotEnrolled && m_status)
            m_notEnrolledFor = fromStd(m_status->reviewer);
        m_banner->showMessage(ErrorBanner::Kind::Warning, userMessage(error, Operation::DecideRelease),
                              false);
        updateDecisionArea();
        return;
    }
    if (error.httpStatus == 403 || error.code == "PERMISSION_DENIED")
        m_noEditModels.insert(m_model);
    DecisionDraft draft;
    draft.model = m_model;
    draft.version = fromStd(request.version);
    draft.action = QLatin1String(wireName(request.action));
    draft.comment = fromStd(request.comment);
    draft.breakGlassReason = fromStd(request.breakGlassReason);
    draft.workspace = m_workspace;
    draft.time = QDateTime::currentDateTimeUtc();
    draft.error = userMessage(error, Operation::DecideRelease);
    m_drafts.save(draft);
    showDraftFor(draft);
    updateDecisionArea();
}

void ReviewPanel::showDraftFor(const std::optional<DecisionDraft> &draft)
{
    if (!draft) {
        m_decision->showDraft(m_restoredNote, false);
        return;
    }
    QString text;
    if (draft->action == QLatin1String("approve"))
        text = tr("Your approval was NOT recorded: %1 It is kept as a draft.");
    else if (draft->action == QLatin1String("reject"))
        text = tr("Your rejection was NOT recorded: %1 It is kept as a draft.");
    else
        text = tr("Your revocation was NOT recorded: %1 It is kept as a draft.");
    text = text.arg(draft->error);
    text +=
        u'\n' + tr("Draft of %1 (UTC): “%2”")
                    .arg(draft->time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), draft->comment);
    if (!m_restoredNote.isEmpty())
        text += u'\n' + m_restoredNote;
    m_decision->showDraft(text);
}

void ReviewPanel::retryDraft()
{
    const std::optional<DecisionDraft> draft = m_drafts.find(m_model, m_version, m_workspace);
    if (!draft)
        return;
    const auto action = releaseActionFromString(draft->action.toStdString());
    if (!action)
        return;
    if (m_status && m_noEditModels.count(m_model) > 0)
        m_noEditModels.erase(m_model); // the user asks to try again: maybe the permission was granted
    decide(*action, draft->comment, draft->breakGlassReason);
}

void ReviewPanel::discardDraft()
{
    // Both the failed decision and the text being typed: discarding means starting afresh.
    m_autosave.discard();
    m_restoredNote.clear();
    m_drafts.remove(m_model, m_version, m_workspace);
    m_decision->showDraft({});
    m_decision->setComment({});
}

void ReviewPanel::showOutcome(const DecisionOutcome &outcome)
{
    m_lastOutcome = outcome;
    const ReleaseRecord &record = outcome.record;
    QString what;
    switch (record.action) {
    case ReleaseAction::Approve:
        what = record.breakGlassReason.empty() ? tr("Approval") : tr("BREAK-GLASS approval");
        break;
    case ReleaseAction::Reject:
        what = tr("Rejection");
        break;
    case ReleaseAction::Revoke:
        what = tr("Revocation");
        break;
    case ReleaseAction::Policy:
        what = tr("Policy change");
        break;
    case ReleaseAction::Deploy:
    case ReleaseAction::Traffic:
    case ReleaseAction::Rollback:
    case ReleaseAction::Undeploy:
    case ReleaseAction::Breach:
        what = tr("Deployment action"); // not written from this panel; named for completeness
        break;
    }
    QString text = tr("%1 recorded as record %2 of the trail.\nHash: %3\nTime: %4\nReviewer: %5\nComment: %6")
                       .arg(what)
                       .arg(record.sequence)
                       .arg(fromStd(outcome.recordHash), fromStd(record.time), fromStd(record.reviewer),
                            fromStd(record.comment));
    if (!record.breakGlassReason.empty())
        text += u'\n' + tr("Break-glass reason: %1").arg(fromStd(record.breakGlassReason));
    if (!outcome.tagsWritten)
        text += u'\n' + tr("The decision stands, but the version's review tags could not be written (%1). "
                           "Until they are repaired, verification reports a mismatch.")
                            .arg(fromStd(outcome.tagError));
    m_decision->showRecord(text, !outcome.tagsWritten);
}

void ReviewPanel::repairTags()
{
    if (!m_client || m_model.isEmpty() || m_deciding)
        return;
    m_deciding = true;
    m_loading->start(tr("Repairing the review tags…"));
    updateDecisionArea();
    const quint64 generation = m_generation;
    runAsync(
        this,
        [client = m_client, model = m_model.toStdString(), version = m_version.toStdString(),
         cancel = m_decideCancel]() { return syncReviewTags(*client, model, version, cancel); },
        [this, generation](const Status &result) {
            if (generation != m_generation)
                return;
            m_deciding = false;
            m_loading->stop();
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    m_banner->showMessage(ErrorBanner::Kind::Error,
                                          userMessage(result.error(), Operation::SyncReviewTags), false);
                updateDecisionArea();
                return;
            }
            m_decision->repairTagsButton()->hide();
            load();
        });
}

PolicyEditorDialog *ReviewPanel::openPolicyEditor()
{
    if (!m_status || !m_client)
        return nullptr;
    PolicyEditorDialog::Subject subject;
    subject.model = m_model;
    subject.policy = m_status->checks.policy.policy;
    subject.candidate = m_status->checks.candidate;
    subject.comparison = m_status->checks.comparison;
    if (m_status->checks.comparison)
        for (const MetricComparison &metric : m_status->checks.comparison->metrics)
            if (metric.directionOverridden)
                subject.directions.overrides[metric.key] = metric.direction;
    auto *dialog = new PolicyEditorDialog(m_client, std::move(subject), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PolicyEditorDialog::saved, this, [this](const QString &model) {
        Q_EMIT policyChanged(model);
        if (model == m_model)
            load();
    });
    dialog->open();
    return dialog;
}

QPushButton *ReviewPanel::approveButton() const
{
    return m_decision->approveButton();
}

QPushButton *ReviewPanel::rejectButton() const
{
    return m_decision->rejectButton();
}

QPushButton *ReviewPanel::revokeButton() const
{
    return m_decision->revokeButton();
}

QPushButton *ReviewPanel::breakGlassButton() const
{
    return m_decision->breakGlassButton();
}

QString ReviewPanel::approveDisabledReason() const
{
    return m_decision->approveReason();
}

QPlainTextEdit *ReviewPanel::commentEdit() const
{
    return m_decision->commentEdit();
}

QString ReviewPanel::recordText() const
{
    return m_decision->recordText();
}

QString ReviewPanel::draftText() const
{
    return m_decision->draftText();
}

QString ReviewPanel::headline() const
{
    return m_headline->text();
}

} // namespace modelgate::ui
