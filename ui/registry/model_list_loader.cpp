#include "registry/model_list_loader.h"

#include "async/run_async.h"
#include "registry/registered_model_list_model.h"

namespace modelgate::ui {

ModelListLoader::ModelListLoader(RegisteredModelListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(m_model, &RegisteredModelListModel::fetchMoreRequested, this, &ModelListLoader::fetchNextPage);
}

ModelListLoader::~ModelListLoader()
{
    m_cancel.cancel(); // a worker still waiting on the network stops at once
}

void ModelListLoader::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
}

void ModelListLoader::start()
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    ++m_generation;
    m_nextPageToken.clear();
    m_model->clear();
    if (!m_client)
        return;
    m_loading = true;
    Q_EMIT started();
    fetchNextPage();
}

void ModelListLoader::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    m_model->stopPaging();
    if (m_loading) {
        m_loading = false;
        Q_EMIT cancelled(m_model->rowCount());
    }
}

void ModelListLoader::fetchNextPage()
{
    if (!m_client)
        return;
    if (!m_loading) {
        // A fetchMore while idle (the model still had a page to offer) starts loading again.
        m_loading = true;
        Q_EMIT started();
    }
    SearchModelsQuery query;
    query.maxResults = m_pageSize;
    query.orderBy = {"name ASC"};
    query.pageToken = m_nextPageToken;
    const quint64 generation = m_generation;
    runAsync(
        this,
        [client = m_client, query, cancel = m_cancel]() {
            return client->searchRegisteredModels(query, cancel);
        },
        [this, generation](const Result<Page<RegisteredModel>> &page) {
            if (generation != m_generation)
                return; // a newer load or a cancel made this page stale
            if (!page.ok()) {
                finishWithError(page.error());
                return;
            }
            m_nextPageToken = page->nextPageToken;
            const bool morePages = !m_nextPageToken.empty();
            m_model->appendPage(page->items, morePages);
            Q_EMIT progress(m_model->rowCount(), morePages);
            if (morePages) {
                m_model->fetchMore({}); // comes back to fetchNextPage through fetchMoreRequested
            } else {
                m_loading = false;
                Q_EMIT finished(m_model->rowCount());
            }
        });
}

void ModelListLoader::finishWithError(const Error &error)
{
    m_model->stopPaging();
    m_loading = false;
    if (error.kind == ErrorKind::Cancelled) {
        Q_EMIT cancelled(m_model->rowCount());
        return;
    }
    Q_EMIT failed(error);
}

} // namespace modelgate::ui
