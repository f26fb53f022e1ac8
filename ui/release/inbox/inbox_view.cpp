#include "release/inbox/inbox_view.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "release/inbox/inbox_model.h"
#include "widgets/error_banner.h"
#include "widgets/flow_layout.h"
#include "widgets/icons.h"
#include "widgets/loading_indicator.h"

#include <QApplication>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <modelgate/core/release/release_inbox.h>
#include <modelgate/core/workspace/identity.h>

namespace modelgate::ui {

namespace {

constexpr int kDefaultAutoRefreshMs = 5 * 60 * 1000;
constexpr InboxFilterProxyModel::Filter kFilters[] = {
    InboxFilterProxyModel::Filter::AllPending, InboxFilterProxyModel::Filter::MineToReview,
    InboxFilterProxyModel::Filter::FailedChecks, InboxFilterProxyModel::Filter::Rejected};

} // namespace

InboxView::InboxView(QWidget *parent)
    : QWidget(parent)
    , m_model(new InboxModel(this))
    , m_proxy(new InboxFilterProxyModel(this))
{
    setObjectName(QStringLiteral("inboxView"));
    m_proxy->setSourceModel(m_model);

    m_banner = new ErrorBanner(this);
    connect(m_banner, &ErrorBanner::retryRequested, this, &InboxView::refresh);

    // Filter chips: exclusive, checkable, each with its count. They wrap onto more rows where
    // the pane is narrow (German labels are long), so the inbox never holds the window wide.
    auto *chipFlow = new FlowLayout(4, 4);
    m_chips = new QButtonGroup(this);
    m_chips->setExclusive(true);
    for (const Filter filter : kFilters) {
        auto *chip = new QPushButton(this);
        chip->setCheckable(true);
        chip->setFlat(false);
        chip->setObjectName(QStringLiteral("inboxChip%1").arg(static_cast<int>(filter)));
        m_chips->addButton(chip, static_cast<int>(filter));
        chipFlow->addWidget(chip);
    }
    m_chips->button(static_cast<int>(Filter::AllPending))->setChecked(true);
    connect(m_chips, &QButtonGroup::idClicked, this, [this](int id) { setFilter(static_cast<Filter>(id)); });
    m_refreshButton = new QToolButton(this);
    m_refreshButton->setObjectName(QStringLiteral("inboxRefresh"));
    m_refreshButton->setIcon(appIcon("refresh", QStyle::SP_BrowserReload));
    m_refreshButton->setAutoRaise(true);
    connect(m_refreshButton, &QToolButton::clicked, this, &InboxView::refresh);
    auto *chipRow = new QHBoxLayout;
    chipRow->addLayout(chipFlow, 1);
    chipRow->addWidget(m_refreshButton, 0, Qt::AlignTop);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("inboxFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &InboxFilterProxyModel::setFilterText);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("inboxTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->sortByColumn(InboxModel::Age, Qt::AscendingOrder); // newest first
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InboxView::onCurrentRowChanged);

    m_loadingIndicator = new LoadingIndicator(this);
    m_loadingIndicator->setObjectName(QStringLiteral("inboxLoading"));
    connect(m_loadingIndicator, &LoadingIndicator::cancelRequested, this, &InboxView::cancel);
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("inboxUpdated"));
    m_updated->setEnabled(false); // secondary text
    m_updated->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(chipRow);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_loadingIndicator);
    layout->addWidget(m_updated);

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(kDefaultAutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, [this]() {
        if (!m_loading && m_client)
            refresh();
    });
    retranslate();
}

InboxView::~InboxView()
{
    if (m_cancel)
        m_cancel->cancel();
}

void InboxView::retranslate()
{
    for (const Filter filter : kFilters) {
        const int count = m_proxy->countFor(filter);
        QString text;
        switch (filter) {
        case Filter::AllPending:
            text = tr("All pending (%1)").arg(count);
            break;
        case Filter::MineToReview:
            text = tr("Mine to review (%1)").arg(count);
            break;
        case Filter::FailedChecks:
            text = tr("Failed checks (%1)").arg(count);
            break;
        case Filter::Rejected:
            text = tr("Rejected (%1)").arg(count);
            break;
        }
        m_chips->button(static_cast<int>(filter))->setText(text);
    }
    m_refreshButton->setToolTip(tr("Refresh the inbox (F5)"));
    m_filterEdit->setPlaceholderText(tr("Filter by model, version or author"));
    if (m_lastLoaded.isValid())
        m_updated->setText(tr("Updated %1; refreshes every %n minute(s).", nullptr,
                              qMax(1, m_autoRefresh->interval() / 60000))
                               .arg(QLocale().toString(m_lastLoaded.time(), QLocale::ShortFormat)));
    else
        m_updated->clear();
}

void InboxView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InboxView::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
    m_reviewer =
        m_client ? QString::fromStdString(reviewerIdentity(m_client->config().credentials)) : QString();
    m_selectedModel.clear();
    m_selectedVersion.clear();
    m_lastLoaded = {};
    m_banner->dismiss();
    m_model->clear();
    updateCounts();
    if (m_client) {
        refresh();
        if (m_autoRefresh->interval() > 0)
            m_autoRefresh->start();
    } else {
        m_autoRefresh->stop();
    }
}

void InboxView::setAutoRefreshInterval(int milliseconds)
{
    m_autoRefresh->stop();
    m_autoRefresh->setInterval(milliseconds);
    if (milliseconds > 0 && m_client)
        m_autoRefresh->start();
    retranslate();
}

int InboxView::autoRefreshInterval() const
{
    return m_autoRefresh->interval();
}

void InboxView::refresh()
{
    if (!m_client)
        return;
    if (m_cancel)
        m_cancel->cancel();
    m_cancel.emplace();
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_loadingIndicator->start(tr("Loading the versions waiting for review…"));
    if (m_autoRefresh->interval() > 0)
        m_autoRefresh->start(); // the next automatic refresh counts from now

    // The progress callback runs on the worker thread: hand the rows to the GUI thread, where
    // the guard is checked (the view may be gone by then).
    const QPointer<InboxView> guard(this);
    auto progress = [guard, generation](const std::vector<InboxEntry> &soFar) {
        QMetaObject::invokeMethod(
            qApp,
            [guard, generation, soFar]() {
                if (guard)
                    guard->onProgress(generation, soFar);
            },
            Qt::QueuedConnection);
    };
    runAsync(
        this,
        [client = m_client, reviewer = m_reviewer.toStdString(), cancel = *m_cancel, progress]() {
            return loadReviewInbox(*client, reviewer, cancel, progress);
        },
        [this, generation](const Result<std::vector<InboxEntry>> &result) {
            onFinished(generation, result);
        });
}

void InboxView::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
    if (m_loading) {
        m_loading = false;
        ++m_generation; // a late result of the cancelled load is ignored
        m_loadingIndicator->stop();
    }
}

void InboxView::onProgress(quint64 generation, const std::vector<InboxEntry> &entries)
{
    if (generation != m_generation)
        return;
    m_loadingIndicator->setText(
        tr("Evaluating the checks of %n version(s)…", nullptr, static_cast<int>(entries.size())));
    // Keep the previous rows' checks visible while a refresh evaluates them again.
    std::vector<InboxEntry> merged = entries;
    for (InboxEntry &entry : merged) {
        const int row = m_model->rowOf(QString::fromStdString(entry.model),
                                       QString::fromStdString(entry.version.version));
        if (row >= 0 && m_model->entryAt(row).checks)
            entry.checks = m_model->entryAt(row).checks;
    }
    applyEntries(std::move(merged), true);
}

void InboxView::onFinished(quint64 generation, const Result<std::vector<InboxEntry>> &result)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_loadingIndicator->stop();
    if (!result.ok()) {
        if (result.error().kind == ErrorKind::Cancelled)
            return;
        m_banner->showMessage(ErrorBanner::Kind::Error,
                              userMessage(result.error(), Operation::LoadReviewInbox), true);
        Q_EMIT failed(result.error());
        return;
    }
    m_banner->dismiss();
    m_lastLoaded = QDateTime::currentDateTime();
    applyEntries(result.value(), false);
    Q_EMIT loaded();
}

void InboxView::applyEntries(std::vector<InboxEntry> entries, bool checksLoading)
{
    // Keep the user's place across the reset.
    if (m_pendingModel.isEmpty() && !m_selectedModel.isEmpty()) {
        m_pendingModel = m_selectedModel;
        m_pendingVersion = m_selectedVersion;
    }
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_model->setEntries(std::move(entries), checksLoading);
    }
    updateCounts();
    trySelectPending();
}

void InboxView::updateCounts()
{
    retranslate();
    Q_EMIT countsChanged(mineToReviewCount(), totalCount());
}

int InboxView::mineToReviewCount() const
{
    return m_model->mineToReviewCount();
}

int InboxView::totalCount() const
{
    return m_model->rowCount();
}

QAbstractButton *InboxView::filterButton(Filter filter) const
{
    return m_chips->button(static_cast<int>(filter));
}

void InboxView::setFilter(Filter filter)
{
    m_chips->button(static_cast<int>(filter))->setChecked(true);
    m_proxy->setFilter(filter);
}

void InboxView::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

void InboxView::selectVersion(const QString &model, const QString &version)
{
    m_pendingModel = model;
    m_pendingVersion = version;
    trySelectPending();
}

void InboxView::trySelectPending()
{
    if (m_pendingModel.isEmpty())
        return;
    const int row = m_model->rowOf(m_pendingModel, m_pendingVersion);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, InboxModel::Model));
    if (!index.isValid())
        return; // filtered out: stays pending
    const bool same = m_pendingModel == m_selectedModel && m_pendingVersion == m_selectedVersion;
    m_pendingModel.clear();
    m_pendingVersion.clear();
    {
        // A reselection after a refresh is not a new choice: the panel keeps what it shows.
        const QSignalBlocker blocker(same ? m_table->selectionModel() : nullptr);
        m_table->setCurrentIndex(index);
    }
    m_table->scrollTo(index);
    if (!same)
        onCurrentRowChanged();
}

void InboxView::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString model = current.data(InboxModel::ModelNameRole).toString();
    const QString version = current.data(InboxModel::VersionRole).toString();
    if (model == m_selectedModel && version == m_selectedVersion)
        return;
    m_selectedModel = model;
    m_selectedVersion = version;
    Q_EMIT versionSelected(model, version);
}

} // namespace modelgate::ui
