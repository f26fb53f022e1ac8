#include "registry/version_list_loader.h"

#include "async/run_async.h"

namespace modelgate::ui {

VersionListLoader::VersionListLoader(QObject *parent)
    : QObject(parent)
{}

VersionListLoader::~VersionListLoader()
{
    m_cancel.cancel();
}

void VersionListLoader::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
}

void VersionListLoader::start(const QString &modelName)
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_modelName = modelName;
    if (!m_client)
        return;
    m_loading = true;
    Q_EMIT started(modelName);
    runAsync(
        this,
        [client = m_client, name = modelName.toStdString(), cancel = m_cancel]() {
            return client->listModelVersions(name, cancel);
        },
        [this, generation, modelName](const Result<std::vector<ModelVersion>> &versions) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (versions.ok())
                Q_EMIT loaded(modelName, versions.value());
            else if (versions.error().kind == ErrorKind::Cancelled)
                Q_EMIT cancelled();
            else
                Q_EMIT failed(modelName, versions.error());
        });
}

void VersionListLoader::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT cancelled();
    }
}

} // namespace modelgate::ui
