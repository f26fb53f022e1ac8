#pragma once

#include <memory>
#include <string>

#include <QObject>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/cancel_token.h>

namespace modelgate::ui {

class RegisteredModelListModel;

// Loads the registered models of a workspace into a RegisteredModelListModel, one page
// per background call: the first page appears at once, the following pages are appended
// as they arrive (the loader asks for the next page through the model's fetchMore, so a
// view scrolling to the end and the background loop share one path). Cancel keeps what
// has arrived. Results of an older load (refresh, workspace switch) are discarded.
class ModelListLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelListLoader)

public:
    explicit ModelListLoader(RegisteredModelListModel *model, QObject *parent = nullptr);
    ~ModelListLoader() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    // Empties the model and loads from the first page.
    void start();
    void cancel();
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void started();
    // After each page: rows so far, and whether more pages are coming.
    void progress(int loaded, bool morePages);
    void finished(int loaded);
    void cancelled(int loaded);
    void failed(const modelgate::Error &error);

private:
    void fetchNextPage();
    void finishWithError(const Error &error);

    RegisteredModelListModel *m_model;
    std::shared_ptr<const MlflowClient> m_client;
    CancelToken m_cancel;
    std::string m_nextPageToken;
    quint64 m_generation = 0;
    int m_pageSize = 100;
    bool m_loading = false;
};

} // namespace modelgate::ui
