#include "registry/registry_page.h"

#include "evaluation/comparison_view.h"
#include "evaluation/metric_history_view.h"
#include "evaluation/metric_trend_view.h"
#include "registry/model_filter_proxy_model.h"
#include "registry/model_list_loader.h"
#include "registry/model_version_list_model.h"
#include "registry/registered_model_list_model.h"
#include "registry/version_details_loader.h"
#include "registry/version_details_pane.h"
#include "registry/version_list_loader.h"
#include "widgets/error_banner.h"
#include "widgets/loading_indicator.h"

#include <display_safe.h>

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace modelgate::ui {

namespace {

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

RegistryPage::RegistryPage(ErrorBanner *banner, QWidget *parent)
    : QWidget(parent)
    , m_banner(banner)
    , m_models(new RegisteredModelListModel(this))
    , m_filter(new ModelFilterProxyModel(this))
    , m_versions(new ModelVersionListModel(this))
    , m_modelLoader(new ModelListLoader(m_models, this))
    , m_versionLoader(new VersionListLoader(this))
    , m_detailsLoader(new VersionDetailsLoader(this))
{
    setObjectName(QStringLiteral("registryPage"));
    m_filter->setSourceModel(m_models);

    m_details = new VersionDetailsPane(this);
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(createVersionsPanel());
    m_rightSplitter->addWidget(m_details);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(createModelsPanel());
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mainSplitter);

    connectLoaders();
    connectReviewTabs();
    connect(m_banner, &ErrorBanner::retryRequested, this, [this]() {
        if (m_retry)
            m_retry();
    });
}

RegistryPage::~RegistryPage()
{
    // Stop background calls now; their results would have nowhere to go.
    m_modelLoader->cancel();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
}

QWidget *RegistryPage::createModelsPanel()
{
    auto *panel = new QWidget(this);
    auto *title = new QLabel(tr("Registered models"), panel);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_filterEdit = new QLineEdit(panel);
    m_filterEdit->setObjectName(QStringLiteral("modelFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, tag or alias (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &ModelFilterProxyModel::setFilterText);

    m_modelsView = new QTableView(panel);
    m_modelsView->setObjectName(QStringLiteral("modelsView"));
    m_modelsView->setModel(m_filter);
    setUpTable(m_modelsView);
    m_modelsView->sortByColumn(RegisteredModelListModel::Name, Qt::AscendingOrder);
    connect(m_modelsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPage::onModelSelected);

    m_modelsLoading = new LoadingIndicator(panel);
    m_modelsLoading->setObjectName(QStringLiteral("modelsLoading"));
    connect(m_modelsLoading, &LoadingIndicator::cancelRequested, this, &RegistryPage::cancelRequested);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_modelsView, 1);
    layout->addWidget(m_modelsLoading);
    return panel;
}

QWidget *RegistryPage::createVersionsPanel()
{
    auto *panel = new QWidget(this);
    m_versionsTitle = new QLabel(tr("Versions"), panel);
    m_versionsTitle->setObjectName(QStringLiteral("versionsTitle"));
    m_versionsTitle->setTextFormat(Qt::PlainText); // shows the model name
    QFont bold = m_versionsTitle->font();
    bold.setBold(true);
    m_versionsTitle->setFont(bold);

    auto *sorted = new QSortFilterProxyModel(panel);
    sorted->setSourceModel(m_versions);
    sorted->setSortRole(ModelVersionListModel::RawValueRole);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_versionsView = new QTableView(panel);
    m_versionsView->setObjectName(QStringLiteral("versionsView"));
    m_versionsView->setModel(sorted);
    setUpTable(m_versionsView);
    m_versionsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_versionsView->sortByColumn(ModelVersionListModel::Version, Qt::DescendingOrder);
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPage::onVersionSelected);

    m_versionsLoading = new LoadingIndicator(panel);
    m_versionsLoading->setObjectName(QStringLiteral("versionsLoading"));
    connect(m_versionsLoading, &LoadingIndicator::cancelRequested, m_versionLoader,
            &VersionListLoader::cancel);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_versionsTitle);
    layout->addWidget(m_versionsView, 1);
    layout->addWidget(m_versionsLoading);
    return panel;
}

void RegistryPage::connectLoaders()
{
    const auto notifyLoading = [this]() { Q_EMIT loadingChanged(); };

    connect(m_modelLoader, &ModelListLoader::started, this, [this, notifyLoading]() {
        m_modelsLoading->start(tr("Loading registered models…"));
        Q_EMIT statusMessage(tr("Loading registered models…"));
        notifyLoading();
    });
    connect(m_modelLoader, &ModelListLoader::progress, this, [this](int loaded, bool morePages) {
        if (morePages)
            m_modelsLoading->setText(tr("Loading… %n model(s) so far", nullptr, loaded));
        trySelectPendingModel();
    });
    connect(m_modelLoader, &ModelListLoader::finished, this, [this, notifyLoading](int loaded) {
        m_modelsLoading->stop();
        Q_EMIT statusMessage(tr("%n registered model(s) loaded.", nullptr, loaded));
        clearErrorFor(Operation::ListModels);
        notifyLoading();
        trySelectPendingModel();
        Q_EMIT modelsLoaded(loaded);
    });
    connect(m_modelLoader, &ModelListLoader::cancelled, this, [this, notifyLoading](int loaded) {
        m_modelsLoading->stop();
        Q_EMIT statusMessage(tr("Loading cancelled: %n model(s) loaded.", nullptr, loaded));
        notifyLoading();
    });
    connect(m_modelLoader, &ModelListLoader::failed, this, [this, notifyLoading](const Error &error) {
        m_modelsLoading->stop();
        Q_EMIT statusMessage(QString());
        notifyLoading();
        showError(error, Operation::ListModels, [this]() { refresh(); });
    });

    connect(m_versionLoader, &VersionListLoader::started, this, [this, notifyLoading](const QString &name) {
        m_versionsLoading->start(tr("Loading the versions of %1…").arg(displaySafe(name)));
        notifyLoading();
    });
    connect(m_versionLoader, &VersionListLoader::loaded, this,
            [this, notifyLoading](const QString &name, const std::vector<ModelVersion> &versions) {
                m_versionsLoading->stop();
                m_versions->setVersions(name, versions);
                m_details->setModelVersions(versions);
                m_versionsTitle->setText(
                    tr("Versions of %1 (%2)").arg(displaySafe(name)).arg(versions.size()));
                clearErrorFor(Operation::ListVersions);
                notifyLoading();
                trySelectPendingVersion();
                Q_EMIT versionsLoaded(name);
            });
    connect(m_versionLoader, &VersionListLoader::cancelled, this, [this, notifyLoading]() {
        m_versionsLoading->stop();
        Q_EMIT statusMessage(tr("Loading the versions was cancelled."));
        notifyLoading();
    });
    connect(m_versionLoader, &VersionListLoader::failed, this,
            [this, notifyLoading](const QString &name, const Error &error) {
                m_versionsLoading->stop();
                notifyLoading();
                showError(error, Operation::ListVersions, [this, name]() { loadVersions(name); });
            });

    LoadingIndicator *detailsLoading = m_details->loadingIndicator();
    connect(detailsLoading, &LoadingIndicator::cancelRequested, m_detailsLoader,
            &VersionDetailsLoader::cancel);
    connect(m_detailsLoader, &VersionDetailsLoader::started, this, [detailsLoading, notifyLoading]() {
        detailsLoading->start(tr("Loading the run and the signature…"));
        notifyLoading();
    });
    connect(m_detailsLoader, &VersionDetailsLoader::runLoaded, m_details, &VersionDetailsPane::setRun);
    connect(m_detailsLoader, &VersionDetailsLoader::signatureLoaded, m_details,
            &VersionDetailsPane::setSignature);
    connect(m_detailsLoader, &VersionDetailsLoader::runFailed, this, [this](const Error &error) {
        const QString message = userMessage(error, Operation::LoadRun);
        m_details->setRunError(message);
        showError(error, Operation::LoadRun, [this]() { loadDetails(); });
    });
    connect(m_detailsLoader, &VersionDetailsLoader::signatureFailed, this, [this](const Error &error) {
        m_details->setSignatureError(userMessage(error, Operation::LoadSignature));
        showError(error, Operation::LoadSignature, [this]() { loadDetails(); });
    });
    connect(m_detailsLoader, &VersionDetailsLoader::finished, this,
            [this, detailsLoading, notifyLoading](bool ok) {
                detailsLoading->stop();
                if (ok) {
                    clearErrorFor(Operation::LoadRun);
                    clearErrorFor(Operation::LoadSignature);
                }
                notifyLoading();
                Q_EMIT detailsLoaded(ok);
            });
    connect(m_detailsLoader, &VersionDetailsLoader::cancelled, this, [this, detailsLoading, notifyLoading]() {
        detailsLoading->stop();
        Q_EMIT statusMessage(tr("Loading the version details was cancelled."));
        notifyLoading();
    });
}

void RegistryPage::connectReviewTabs()
{
    // The review tabs load by themselves; their failures use the same banner and Retry.
    connect(m_details->chartsView(), &MetricHistoryView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this]() { m_details->chartsView()->reload(); });
            });
    connect(m_details->comparisonView(), &ComparisonView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this, operation]() {
                    if (operation == Operation::CompareVersions)
                        m_details->comparisonView()->reload();
                });
            });
    connect(m_details->trendView(), &MetricTrendView::failed, this,
            [this](const Error &error, Operation operation) {
                showError(error, operation, [this]() { m_details->trendView()->reload(); });
            });
    connect(m_details->chartsView(), &MetricHistoryView::loaded, this,
            [this]() { clearErrorFor(Operation::LoadMetricHistory); });
    connect(m_details->comparisonView(), &ComparisonView::loaded, this,
            [this]() { clearErrorFor(Operation::CompareVersions); });
    connect(m_details->trendView(), &MetricTrendView::loaded, this,
            [this]() { clearErrorFor(Operation::LoadMetricTrend); });
}

void RegistryPage::setWorkspace(std::shared_ptr<const MlflowClient> client, bool editable)
{
    m_workspaceEditable = editable;
    m_retry = nullptr;
    m_pendingModel.clear();
    m_pendingVersion.clear();
    m_selectedVersion.clear();
    m_versions->clear();
    m_versionsTitle->setText(tr("Versions"));
    m_details->clear();
    m_modelLoader->setClient(client);
    m_versionLoader->setClient(client);
    m_detailsLoader->setClient(client);
    m_details->setReviewClient(client);
    m_modelLoader->start();
}

void RegistryPage::refresh()
{
    // Keep the user's place: reselect the model and version once they are loaded again.
    const QModelIndex current = m_modelsView->currentIndex();
    if (current.isValid() && m_pendingModel.isEmpty())
        m_pendingModel = current.data(RegisteredModelListModel::ModelNameRole).toString();
    if (!m_selectedVersion.isEmpty() && m_pendingVersion.isEmpty())
        m_pendingVersion = m_selectedVersion;
    m_banner->dismiss();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
    m_versions->clear();
    m_details->clear();
    m_selectedVersion.clear();
    m_modelLoader->start();
}

void RegistryPage::cancelLoads()
{
    m_modelLoader->cancel();
    m_versionLoader->cancel();
    m_detailsLoader->cancel();
    m_details->cancelReviewLoads();
}

void RegistryPage::setModelPageSize(int pageSize)
{
    m_modelLoader->setPageSize(pageSize);
}

bool RegistryPage::isLoading() const
{
    return m_modelLoader->isLoading() || m_versionLoader->isLoading() || m_detailsLoader->isLoading();
}

std::pair<QString, QString> RegistryPage::selectedVersion() const
{
    return {m_versions->modelName(), m_selectedVersion};
}

void RegistryPage::addVersionAction(QAction *action)
{
    m_versionsView->addAction(action);
}

void RegistryPage::selectModel(const QString &name)
{
    m_pendingModel = name;
    trySelectPendingModel();
}

void RegistryPage::trySelectPendingModel()
{
    if (m_pendingModel.isEmpty())
        return;
    const int row = m_models->rowOfName(m_pendingModel);
    if (row < 0)
        return;
    const QModelIndex proxyIndex =
        m_filter->mapFromSource(m_models->index(row, RegisteredModelListModel::Name));
    if (!proxyIndex.isValid())
        return; // hidden by the filter; stays pending
    m_pendingModel.clear();
    m_modelsView->setCurrentIndex(proxyIndex);
    m_modelsView->scrollTo(proxyIndex);
}

void RegistryPage::onModelSelected()
{
    const QModelIndex current = m_modelsView->currentIndex();
    if (!current.isValid())
        return;
    const QString name = current.data(RegisteredModelListModel::ModelNameRole).toString();
    if (name == m_versions->modelName() && !m_versionLoader->isLoading())
        return;
    loadVersions(name);
}

void RegistryPage::loadVersions(const QString &modelName)
{
    m_detailsLoader->cancel();
    m_details->clear();
    m_selectedVersion.clear();
    m_versions->clear();
    m_versionsTitle->setText(tr("Versions of %1").arg(displaySafe(modelName)));
    m_versionLoader->start(modelName);
}

void RegistryPage::selectVersion(const QString &versionOrAlias)
{
    m_pendingVersion = versionOrAlias;
    trySelectPendingVersion();
}

void RegistryPage::trySelectPendingVersion()
{
    if (m_pendingVersion.isEmpty())
        return;
    const int row = m_versions->rowOf(m_pendingVersion);
    if (row < 0)
        return;
    m_pendingVersion.clear();
    auto *sorted = qobject_cast<QSortFilterProxyModel *>(m_versionsView->model());
    const QModelIndex index = sorted->mapFromSource(m_versions->index(row, ModelVersionListModel::Version));
    m_versionsView->setCurrentIndex(index);
    m_versionsView->scrollTo(index);
}

void RegistryPage::onVersionSelected()
{
    const QModelIndex current = m_versionsView->currentIndex();
    if (!current.isValid())
        return;
    const QString version = current.data(ModelVersionListModel::VersionRole).toString();
    if (version == m_selectedVersion)
        return;
    m_selectedVersion = version;
    loadDetails();
}

void RegistryPage::loadDetails()
{
    const int row = m_versions->rowOf(m_selectedVersion);
    if (row < 0)
        return;
    const ModelVersion &version = m_versions->versionAt(row);
    m_details->showVersion(version);
    m_detailsLoader->start(version);
}

void RegistryPage::showDetailsTab(int tab)
{
    if (tab >= 0 && tab < m_details->tabs()->count())
        m_details->tabs()->setCurrentIndex(tab);
}

void RegistryPage::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

void RegistryPage::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void RegistryPage::showError(const Error &error, Operation operation, std::function<void()> retry)
{
    const QString message = userMessage(error, operation);
    m_bannerOperation = operation;
    m_retry = std::move(retry);
    m_banner->showMessage(ErrorBanner::Kind::Error, message, true,
                          m_workspaceEditable &&
                              (isAuthenticationError(error) || error.kind == ErrorKind::Config));
    Q_EMIT statusMessage(message.section(u'.', 0, 0) + u'.', 10'000);
    Q_EMIT loadFailed(message);
}

void RegistryPage::clearErrorFor(Operation operation)
{
    if (m_bannerOperation == operation && m_retry) {
        m_banner->dismiss();
        m_retry = nullptr;
    }
}

void RegistryPage::resetLayout()
{
    // Column widths that fit typical content, never narrower than the (translated) header.
    const auto fit = [](QTableView *view, int column, int width) {
        QHeaderView *header = view->horizontalHeader();
        header->resizeSection(column, qMax(width, header->sectionSizeHint(column)));
    };
    fit(m_modelsView, RegisteredModelListModel::Name, 170);
    fit(m_modelsView, RegisteredModelListModel::LatestVersion, 60);
    fit(m_modelsView, RegisteredModelListModel::Aliases, 165);
    fit(m_modelsView, RegisteredModelListModel::Tags, 150);
    // Wide enough for the longest short date of the UI language ("12/28/26 11:59 PM").
    const QString longestDate =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
    const int dateWidth = m_modelsView->fontMetrics().horizontalAdvance(longestDate) + 16;
    fit(m_modelsView, RegisteredModelListModel::LastUpdated, dateWidth);
    fit(m_versionsView, ModelVersionListModel::Version, 60);
    fit(m_versionsView, ModelVersionListModel::Aliases, 100);
    fit(m_versionsView, ModelVersionListModel::Status, 70);
    fit(m_versionsView, ModelVersionListModel::Created, dateWidth);
    fit(m_versionsView, ModelVersionListModel::SourceRun, 110);
    fit(m_versionsView, ModelVersionListModel::Tags, 150);

    // Split the window's width (the page is not laid out yet when the window restores it).
    const int width = qMax(window()->width(), 1000);
    m_mainSplitter->setSizes({width / 2, width / 2});
    m_rightSplitter->setSizes({300, 500});
}

void RegistryPage::restoreLayout(QSettings &settings)
{
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("rightSplitter")).toByteArray());
    m_modelsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("modelsHeader")).toByteArray());
    m_versionsView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("versionsHeader")).toByteArray());
}

void RegistryPage::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("modelsHeader"), m_modelsView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("versionsHeader"), m_versionsView->horizontalHeader()->saveState());
}

} // namespace modelgate::ui
