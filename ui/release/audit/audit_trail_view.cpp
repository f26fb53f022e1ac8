#include "release/audit/audit_trail_view.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "release/audit/audit_trail_model.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"

#include <display_safe.h>
#include <trail_text.h>

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/release/release_review.h>

namespace modelgate::ui {

namespace {

const char *kSplitterKey = "auditTrail/splitter";
const char *kHeaderKey = "auditTrail/header";

QString esc(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

std::string joinedProblems(const std::vector<std::string> &problems)
{
    std::string text;
    for (const std::string &problem : problems)
        text += (text.empty() ? "" : "; ") + problem;
    return text;
}

} // namespace

AuditTrailView::AuditTrailView(QWidget *parent)
    : QWidget(parent)
    , m_badge(new QLabel(this))
    , m_headHash(new QLineEdit(this))
    , m_copyButton(new QPushButton(this))
    , m_refreshButton(new QPushButton(this))
    , m_problems(new QLabel(this))
    , m_banner(new ErrorBanner(this))
    , m_loadingIndicator(new LoadingIndicator(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(m_splitter))
    , m_details(new QTextBrowser(m_splitter))
    , m_trailModel(new AuditTrailModel(this))
{
    m_badge->setObjectName(QStringLiteral("auditTrailBadge"));
    m_badge->setTextFormat(Qt::PlainText); // shows the model name
    m_badge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge->setMargin(6);
    m_headHash->setObjectName(QStringLiteral("auditTrailHeadHash"));
    m_headHash->setReadOnly(true);
    m_headHash->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The whole hash where there is room (the field takes the row's spare width); a fixed
    // 66-character minimum held the main window ~500 px wider once a trail was shown.
    m_headHash->setMinimumWidth(m_headHash->fontMetrics().horizontalAdvance(QString(16, QLatin1Char('0'))));
    m_copyButton->setObjectName(QStringLiteral("auditTrailCopyHead"));
    m_refreshButton->setObjectName(QStringLiteral("auditTrailRefresh"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    m_problems->setObjectName(QStringLiteral("auditTrailProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setTextFormat(Qt::PlainText); // tag values are the server's text
    m_problems->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_problems->hide();
    m_banner->hide();
    m_loadingIndicator->hide();

    m_table->setModel(m_trailModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(AuditTrailModel::CommentColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_details->setObjectName(QStringLiteral("auditTrailDetails"));
    m_details->setOpenLinks(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_badge);
    top->addWidget(m_headHash, 1);
    top->addStretch(); // takes the room while there is no hash to show
    top->addWidget(m_copyButton);
    top->addWidget(m_refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problems);
    layout->addWidget(m_banner);
    layout->addWidget(m_loadingIndicator);
    layout->addWidget(m_splitter, 1);

    connect(m_refreshButton, &QPushButton::clicked, this, &AuditTrailView::reload);
    connect(m_copyButton, &QPushButton::clicked, this, &AuditTrailView::copyHeadHash);
    connect(m_banner, &ErrorBanner::retryRequested, this, &AuditTrailView::reload);
    connect(m_loadingIndicator, &LoadingIndicator::cancelRequested, this, &AuditTrailView::cancel);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditTrailView::showDetails);
    connect(m_trailModel, &QAbstractItemModel::modelReset, this, &AuditTrailView::showDetails);

    QSettings settings;
    m_splitter->restoreState(settings.value(QLatin1String(kSplitterKey)).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(QLatin1String(kHeaderKey)).toByteArray());

    retranslate();
    clear();
}

AuditTrailView::~AuditTrailView()
{
    m_cancel.cancel();
    QSettings settings;
    settings.setValue(QLatin1String(kSplitterKey), m_splitter->saveState());
    settings.setValue(QLatin1String(kHeaderKey), m_table->horizontalHeader()->saveState());
}

void AuditTrailView::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
    clear();
}

void AuditTrailView::showModel(const QString &model)
{
    m_model = model;
    reload();
}

void AuditTrailView::clear()
{
    cancel();
    m_model.clear();
    m_hasTrail = false;
    m_tagMismatches.clear();
    m_policyProblemList.clear();
    m_trailModel->clear();
    m_banner->dismiss();
    m_banner->hide();
    showProblems();
    showTrailBadge();
}

void AuditTrailView::cancel()
{
    m_cancel.cancel();
    ++m_generation; // drop a result that is already on its way
    m_loading = false;
    m_loadingIndicator->stop();
    m_loadingIndicator->hide();
    m_refreshButton->setEnabled(!m_model.isEmpty());
}

void AuditTrailView::reload()
{
    cancel();
    if (!m_client || m_model.isEmpty()) {
        showTrailBadge();
        return;
    }
    m_cancel = CancelToken();
    const quint64 generation = m_generation;
    m_loading = true;
    m_banner->hide();
    m_loadingIndicator->show();
    m_loadingIndicator->start(tr("Loading and verifying the release trail of %1…").arg(displaySafe(m_model)));
    runAsync(
        this,
        [client = m_client, model = m_model.toStdString(), cancel = m_cancel]() {
            return loadCheckedAuditTrail(*client, model, cancel);
        },
        [this, generation](const Result<CheckedAuditTrail> &result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_loadingIndicator->stop();
            m_loadingIndicator->hide();
            m_refreshButton->setEnabled(true);
            if (!result) {
                if (result.error().kind == ErrorKind::Cancelled)
                    return;
                m_banner->showMessage(ErrorBanner::Kind::Error,
                                      userMessage(result.error(), Operation::LoadAuditTrail), true,
                                      isAuthenticationError(result.error()));
                m_banner->show();
                return;
            }
            const AuditTrail &trail = result.value().audit;
            m_hasTrail = true;
            m_tagMismatches = result.value().tagMismatches;
            m_policyProblemList = trail.policyProblems;
            m_trailModel->setTrail(trail.verification);
            // Times, names and short hashes fit their contents; the comment takes the rest.
            for (int column = 0; column < AuditTrailModel::ColumnCount; ++column)
                if (column != AuditTrailModel::CommentColumn)
                    m_table->resizeColumnToContents(column);
            showProblems();
            showTrailBadge();
            const int broken = m_trailModel->firstBrokenRow();
            const int row = broken >= 0 ? broken : m_trailModel->rowCount() - 1;
            if (row >= 0) {
                m_table->selectRow(row);
                m_table->scrollTo(m_trailModel->index(row, 0));
            }
            Q_EMIT loaded(trail.verification.ok);
        });
}

void AuditTrailView::showTrailBadge()
{
    const TrailVerification &trail = m_trailModel->trail();
    const QString red =
        QStringLiteral("background-color: #ffebe9; color: #a40e26; border: 1px solid #cf222e;");
    QString style;
    m_badge->setToolTip({});
    if (!m_hasTrail) {
        m_badge->setText(m_model.isEmpty() ? tr("Choose a model to see its release trail.")
                                           : tr("The release trail has not been loaded."));
        m_headHash->clear();
    } else if (!trail.ok) {
        m_badge->setText(
            tr("Broken at record %1: %2")
                .arg(trail.firstBroken ? QString::number(*trail.firstBroken) : QStringLiteral("?"),
                     report::trailBrokenReason(trail)));
        m_badge->setToolTip(displaySafeMultiline(trail.reason)); // core's exact wording, for support
        m_headHash->clear();
        style = red;
    } else if (!m_tagMismatches.empty() || !m_policyProblemList.empty()) {
        // The records verify, so their head may still be anchored; but what the registry shows
        // (tags) says something else than they do, and `review verify` fails.
        QStringList what;
        if (!m_tagMismatches.empty()) {
            QStringList versions;
            for (const VersionTagMismatch &mismatch : m_tagMismatches)
                versions << QString::fromStdString(mismatch.version);
            what << tr("the review tags of version(s) %1 differ from the records", nullptr,
                       static_cast<int>(versions.size()))
                        .arg(versions.join(QStringLiteral(", ")));
        }
        if (!m_policyProblemList.empty())
            what << tr("the policy tag differs from the records");
        m_badge->setText(tr("Not consistent: %1 · %n record(s) verified", nullptr, trail.recordCount)
                             .arg(what.join(QStringLiteral("; "))));
        m_headHash->setText(trail.recordCount > 0 ? QString::fromStdString(trail.headHash) : QString());
        m_headHash->setCursorPosition(0);
        style = red;
    } else if (trail.recordCount == 0) {
        m_badge->setText(tr("No release records for %1 yet.").arg(displaySafe(m_model)));
        m_headHash->clear();
    } else {
        const QString head = QString::fromStdString(trail.headHash);
        m_badge->setText(tr("Verified · %n record(s) · head %1", nullptr, trail.recordCount)
                             .arg(head.left(4) + QChar(0x2026)));
        m_headHash->setText(head);
        m_headHash->setCursorPosition(0);
        style = QStringLiteral("background-color: #dafbe1; color: #116329; border: 1px solid #1a7f37;");
    }
    m_badge->setStyleSheet(style.isEmpty() ? QString()
                                           : QStringLiteral("QLabel { %1 font-weight: bold; }").arg(style));
    const bool hasHead = !m_headHash->text().isEmpty();
    m_headHash->setVisible(hasHead);
    m_copyButton->setEnabled(hasHead);
    m_refreshButton->setEnabled(!m_model.isEmpty() && !m_loading);
}

void AuditTrailView::showProblems()
{
    m_problems->setText(problemsText());
    m_problems->setVisible(!m_problems->text().isEmpty());
}

QString AuditTrailView::problemsText() const
{
    if (!m_hasTrail || (m_tagMismatches.empty() && m_policyProblemList.empty()))
        return {};
    QStringList lines;
    for (const VersionTagMismatch &mismatch : m_tagMismatches) {
        QStringList problems;
        for (const ReviewTagDifference &difference : mismatch.differences)
            problems << report::tagDifferenceText(difference);
        lines << tr("Version %1: %2")
                     .arg(QString::fromStdString(mismatch.version), problems.join(QStringLiteral("; ")));
    }
    for (const std::string &problem : m_policyProblemList)
        lines << tr("Release policy: %1").arg(QString::fromStdString(problem));
    // `review sync` rewrites the model's policy tag too, whichever version it is given; it
    // refuses on a broken trail, whose badge says what to do first.
    if (m_trailModel->trail().ok)
        lines << tr("The records themselves are intact: %1 rewrites the tags from them.")
                     .arg(QStringLiteral("modelgate-cli review sync %1 VERSION").arg(m_model));
    return lines.join(QLatin1Char('\n'));
}

bool AuditTrailView::isConsistent() const
{
    return m_hasTrail && m_trailModel->trail().ok && m_tagMismatches.empty() && m_policyProblemList.empty();
}

void AuditTrailView::showDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const TrailEntry *entry = current.isValid() ? m_trailModel->entry(current.row()) : nullptr;
    if (!entry) {
        m_details->setHtml(m_hasTrail && m_trailModel->rowCount() > 0
                               ? tr("Select a record to see its details.")
                               : QString());
        return;
    }
    const TrailVerification &trail = m_trailModel->trail();
    QString html;
    const auto line = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
    };
    const auto mono = [](const std::string &text) {
        return QStringLiteral("<code>%1</code>").arg(esc(text));
    };
    if (trail.firstBroken && entry->sequence == *trail.firstBroken)
        html += QStringLiteral("<p style=\"color:#a40e26\"><b>%1</b></p>").arg(esc(trail.reason));
    else if (trail.firstBroken && entry->sequence > *trail.firstBroken)
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Not verified: an earlier record is broken."));
    if (entry->record && !entry->record->version.empty())
        for (const VersionTagMismatch &mismatch : m_tagMismatches)
            if (mismatch.version == entry->record->version)
                html += QStringLiteral("<p style=\"color:#a40e26\"><b>%1</b><br/>%2</p>")
                            .arg(tr("The review tags of version %1 do not match the trail:")
                                     .arg(esc(mismatch.version)),
                                 esc(joinedProblems(describeTagDifferences(mismatch.differences))));
    html += QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">");
    line(tr("Record"), QString::number(entry->sequence));
    line(tr("Hash"), mono(entry->hash));
    if (!entry->record) {
        line(tr("Action"), AuditTrailModel::actionText(entry->record));
        line(tr("Stored text"), mono(entry->text));
        html += QStringLiteral("</table>");
        m_details->setHtml(html);
        return;
    }
    const ReleaseRecord &record = *entry->record;
    line(tr("Action"), AuditTrailModel::actionText(entry->record));
    if (!record.version.empty())
        line(tr("Version"), esc(record.version));
    line(tr("Reviewer"), esc(record.reviewer));
    QStringList authors;
    for (const auto &author : record.authors)
        authors << QString::fromStdString(author);
    if (!authors.isEmpty())
        line(tr("Authors"), authors.join(QStringLiteral(", ")).toHtmlEscaped());
    line(tr("Time (UTC)"), esc(record.time));
    line(tr("Comment"), esc(record.comment).replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    if (!record.breakGlassReason.empty())
        line(tr("Break-glass reason"), QStringLiteral("<span style=\"color:#cf222e\"><b>%1</b></span>")
                                           .arg(esc(record.breakGlassReason)));
    if (record.revokes)
        line(tr("Revokes record"), QString::number(*record.revokes));
    if (record.action == ReleaseAction::Approve || record.action == ReleaseAction::Reject)
        line(tr("Checks"), tr("%1 passed, %2 failed, %3 warnings")
                               .arg(record.checks.passed)
                               .arg(record.checks.failed)
                               .arg(record.checks.warnings));
    if (!record.contentDigest.empty())
        line(tr("Content digest"), mono(record.contentDigest));
    line(tr("Policy hash"), mono(record.policyHash));
    line(tr("Previous hash"), mono(record.previousHash));
    html += QStringLiteral("</table>");
    if (record.policy) {
        // Indented for reading; the hashed canonical text is one long line.
        const QByteArray json = QByteArray::fromStdString(releasePolicyToJson(*record.policy));
        const QJsonDocument document = QJsonDocument::fromJson(json);
        const QString text =
            QString::fromUtf8(document.isNull() ? json : document.toJson(QJsonDocument::Indented));
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>").arg(tr("Policy"), text.toHtmlEscaped());
    }
    m_details->setHtml(html);
}

void AuditTrailView::copyHeadHash()
{
    if (!m_headHash->text().isEmpty())
        QGuiApplication::clipboard()->setText(m_headHash->text());
}

QString AuditTrailView::badgeText() const
{
    return m_badge->text();
}

QString AuditTrailView::headHash() const
{
    return m_headHash->text();
}

QString AuditTrailView::detailsText() const
{
    return m_details->toPlainText();
}

void AuditTrailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showTrailBadge();
        showDetails();
    }
    QWidget::changeEvent(event);
}

void AuditTrailView::retranslate()
{
    m_copyButton->setText(tr("Copy Head Hash"));
    m_copyButton->setToolTip(tr("Copy the verified head hash, e.g. to anchor it in a pipeline log"));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(
        tr("Read and verify the trail again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    m_headHash->setToolTip(tr("The hash of the last record of the verified trail"));
}

} // namespace modelgate::ui
