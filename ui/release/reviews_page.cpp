#include "release/reviews_page.h"

#include "release/audit/audit_trail_view.h"
#include "release/inbox/inbox_model.h"
#include "release/inbox/inbox_view.h"
#include "release/review/review_panel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

namespace modelgate::ui {

ReviewsPage::ReviewsPage(QWidget *parent)
    : QWidget(parent)
    , m_inbox(new InboxView(this))
    , m_tabs(new QTabWidget(this))
    , m_panel(new ReviewPanel(this))
    , m_trail(new AuditTrailView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("reviewsPage"));
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_panel, QString());
    m_tabs->addTab(m_trail, QString());
    m_splitter->setObjectName(QStringLiteral("reviewsSplitter"));
    m_splitter->addWidget(m_inbox);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_inbox, &InboxView::versionSelected, this, &ReviewsPage::showVersion);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ReviewsPage::loadTrailIfShown);
    connect(m_inbox, &InboxView::countsChanged, this, [this](int mine, int) {
        if (mine == m_lastCount)
            return;
        m_lastCount = mine;
        Q_EMIT mineToReviewCountChanged(mine);
    });
    connect(m_panel, &ReviewPanel::decisionRecorded, this, [this](const QString &model, const QString &) {
        m_inbox->refresh();
        if (model == m_trailModel) { // the trail gained a record: read it again when shown
            m_trailModel.clear();
            loadTrailIfShown();
        }
    });
    connect(m_panel, &ReviewPanel::policyChanged, this, [this](const QString &model) {
        m_inbox->refresh();          // the checks of the model's versions may differ now
        if (model == m_trailModel) { // the trail gained a record: read it again when shown
            m_trailModel.clear();
            loadTrailIfShown();
        }
    });
    retranslate();
}

void ReviewsPage::retranslate()
{
    m_tabs->setTabText(ReviewTab, tr("Review"));
    m_tabs->setTabText(AuditTrailTab, tr("Audit trail"));
    if (m_pages)
        m_pages->setTabText(RegistryPage, tr("Registry"));
    if (m_pageActions[RegistryPage]) {
        m_pageActions[RegistryPage]->setText(tr("&Registry"));
        m_pageActions[ReviewsPageIndex]->setText(tr("Re&views"));
        m_reviewVersionAction->setText(tr("Re&view This Version"));
    }
    updateCount(m_lastCount);
}

QTabWidget *ReviewsPage::createPageSwitch(QWidget *registry, QLabel *countLabel)
{
    m_pages = new QTabWidget(parentWidget());
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(registry, QString());
    m_pages->addTab(this, QString());
    m_countLabel = countLabel;
    m_countLabel->setObjectName(QStringLiteral("reviewCount"));
    connect(this, &ReviewsPage::mineToReviewCountChanged, this, &ReviewsPage::updateCount);
    retranslate();
    return m_pages;
}

QAction *ReviewsPage::addPageActions(QMenu *menu,
                                     std::function<std::pair<QString, QString>()> selectedVersion)
{
    // Ctrl+Shift+1/2: Ctrl+1 … Ctrl+8 are the registry's details tabs.
    for (int page = RegistryPage; page <= ReviewsPageIndex; ++page) {
        m_pageActions[page] = menu->addAction(QString(), this, [this, page]() { showPage(page); });
        m_pageActions[page]->setShortcut(
            QKeySequence(Qt::CTRL | Qt::SHIFT | static_cast<Qt::Key>(Qt::Key_1 + page)));
    }
    m_reviewVersionAction =
        menu->addAction(QString(), this, [this, selectedVersion = std::move(selectedVersion)]() {
            const auto [model, version] = selectedVersion();
            if (!model.isEmpty() && !version.isEmpty())
                reviewVersion(model, version);
        });
    m_reviewVersionAction->setObjectName(QStringLiteral("reviewVersionAction"));
    m_reviewVersionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    retranslate();
    return m_reviewVersionAction;
}

void ReviewsPage::showPage(int page)
{
    if (m_pages && page >= RegistryPage && page <= ReviewsPageIndex)
        m_pages->setCurrentIndex(page);
}

int ReviewsPage::currentPage() const
{
    return m_pages ? m_pages->currentIndex() : ReviewsPageIndex;
}

void ReviewsPage::reviewVersion(const QString &model, const QString &version)
{
    showPage(ReviewsPageIndex);
    m_tabs->setCurrentIndex(ReviewTab);
    showVersion(model, version);
}

bool ReviewsPage::refreshIfShown()
{
    if (currentPage() != ReviewsPageIndex)
        return false;
    refresh();
    return true;
}

void ReviewsPage::updateCount(int count)
{
    // Until the first load the count is unknown: no number rather than a wrong one.
    if (m_pages)
        m_pages->setTabText(ReviewsPageIndex, count < 0 ? tr("Reviews") : tr("Reviews (%1)").arg(count));
    if (m_countLabel) {
        m_countLabel->setVisible(count >= 0);
        m_countLabel->setText(tr("%n version(s) to review", nullptr, qMax(count, 0)));
    }
}

void ReviewsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReviewsPage::setClient(std::shared_ptr<const MlflowClient> client, const QString &workspaceName)
{
    m_model.clear();
    m_version.clear();
    m_trailModel.clear();
    m_panel->clear();
    m_trail->clear();
    m_panel->setWorkspaceName(workspaceName);
    m_panel->setClient(client);
    m_trail->setClient(client);
    m_inbox->setClient(std::move(client));
    m_lastCount = -1; // unknown until the inbox has loaded
    updateCount(m_lastCount);
}

void ReviewsPage::showVersion(const QString &model, const QString &version)
{
    if (model.isEmpty() || version.isEmpty())
        return;
    if (model != m_model || version != m_version) {
        m_model = model;
        m_version = version;
        m_panel->showVersion(model, version);
    }
    loadTrailIfShown();
    m_inbox->selectVersion(model, version);
}

void ReviewsPage::loadTrailIfShown()
{
    // The trail costs requests (signatures included): read it only once someone looks at it.
    if (m_tabs->currentIndex() != AuditTrailTab || m_model.isEmpty() || m_model == m_trailModel)
        return;
    m_trailModel = m_model;
    m_trail->showModel(m_model);
}

void ReviewsPage::refresh()
{
    m_inbox->refresh();
    if (!m_model.isEmpty())
        m_panel->refresh();
    m_trailModel.clear();
    loadTrailIfShown();
}

void ReviewsPage::cancelLoads()
{
    m_inbox->cancel();
}

int ReviewsPage::mineToReviewCount() const
{
    return m_inbox->mineToReviewCount();
}

void ReviewsPage::resetLayout()
{
    QHeaderView *header = m_inbox->table()->horizontalHeader();
    const auto fit = [header](int column, int width) {
        header->resizeSection(column, qMax(width, header->sectionSizeHint(column)));
    };
    fit(InboxModel::Model, 160);
    fit(InboxModel::Version, 50);
    // Room for a full summary ("9 passed · 1 failed · 2 warnings") in the UI's language, icon included.
    fit(InboxModel::Checks,
        m_inbox->table()->fontMetrics().horizontalAdvance(InboxModel::checksText(CheckSummary{9, 1, 2})) +
            40);
    fit(InboxModel::Author, 110);
    fit(InboxModel::Age, 50);
    fit(InboxModel::Champion, 60);
    // The review panel is where the work is done: the inbox gets under a third of the page
    // (on a laptop screen model, version and the start of the checks; the rest scrolls).
    const int width = qMax(m_splitter->width(), 1000);
    const int inbox = width * 3 / 10;
    m_splitter->setSizes({inbox, width - inbox});
}

void ReviewsPage::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("reviewsSplitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("inboxHeader"), m_inbox->table()->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("inboxFilter"), static_cast<int>(m_inbox->filter()));
    settings.setValue(QStringLiteral("reviewTab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("page"), currentPage());
}

void ReviewsPage::restoreLayout(QSettings &settings)
{
    resetLayout();
    m_splitter->restoreState(settings.value(QStringLiteral("reviewsSplitter")).toByteArray());
    m_inbox->table()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("inboxHeader")).toByteArray());
    const int filter = settings.value(QStringLiteral("inboxFilter"), 0).toInt();
    if (filter >= 0 && filter <= static_cast<int>(InboxView::Filter::Rejected))
        m_inbox->setFilter(static_cast<InboxView::Filter>(filter));
    m_tabs->setCurrentIndex(qBound(0, settings.value(QStringLiteral("reviewTab"), 0).toInt(), 1));
    showPage(settings.value(QStringLiteral("page"), RegistryPage).toInt());
}

} // namespace modelgate::ui
