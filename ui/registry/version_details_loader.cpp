#include "registry/version_details_loader.h"

#include "async/run_async.h"

namespace modelgate::ui {

VersionDetailsLoader::VersionDetailsLoader(QObject *parent)
    : QObject(parent)
{}

VersionDetailsLoader::~VersionDetailsLoader()
{
    m_cancel.cancel();
}

void VersionDetailsLoader::setClient(std::shared_ptr<const MlflowClient> client)
{
    cancel();
    m_client = std::move(client);
}

void VersionDetailsLoader::start(const ModelVersion &version)
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    const quint64 generation = ++m_generation;
    m_pending = 0;
    m_allOk = true;
    if (!m_client)
        return;
    m_pending = version.runId.empty() ? 1 : 2;
    Q_EMIT started();

    if (!version.runId.empty()) {
        runAsync(
            this,
            [client = m_client, runId = version.runId, cancel = m_cancel]() {
                return client->getRun(runId, cancel);
            },
            [this, generation](const Result<Run> &run) {
                if (generation != m_generation)
                    return;
                if (run.ok())
                    Q_EMIT runLoaded(run.value());
                else if (run.error().kind != ErrorKind::Cancelled)
                    Q_EMIT runFailed(run.error());
                settle(run.ok());
            });
    }
    runAsync(
        this,
        [client = m_client, name = version.name, number = version.version, cancel = m_cancel]() {
            return client->getModelVersionSignature(name, number, cancel);
        },
        [this, generation](const Result<ModelSignature> &signature) {
            if (generation != m_generation)
                return;
            if (signature.ok())
                Q_EMIT signatureLoaded(signature.value());
            else if (signature.error().kind != ErrorKind::Cancelled)
                Q_EMIT signatureFailed(signature.error());
            settle(signature.ok());
        });
}

void VersionDetailsLoader::settle(bool ok)
{
    m_allOk = m_allOk && ok;
    if (--m_pending == 0)
        Q_EMIT finished(m_allOk);
}

void VersionDetailsLoader::cancel()
{
    m_cancel.cancel();
    ++m_generation;
    if (m_pending > 0) {
        m_pending = 0;
        Q_EMIT cancelled();
    }
}

} // namespace modelgate::ui
