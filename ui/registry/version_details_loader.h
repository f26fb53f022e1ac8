#pragma once

#include <memory>

#include <QObject>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/cancel_token.h>

namespace modelgate::ui {

// Loads what the details pane shows beyond the version itself: the source run (params,
// metrics, tags) and the MLmodel signature, as two concurrent background calls.
// finished() follows once both have answered (or the version has no run).
class VersionDetailsLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionDetailsLoader)

public:
    explicit VersionDetailsLoader(QObject *parent = nullptr);
    ~VersionDetailsLoader() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void start(const ModelVersion &version);
    void cancel();
    bool isLoading() const { return m_pending > 0; }

Q_SIGNALS:
    void started();
    void runLoaded(const modelgate::Run &run);
    void runFailed(const modelgate::Error &error);
    void signatureLoaded(const modelgate::ModelSignature &signature);
    void signatureFailed(const modelgate::Error &error);
    // Both calls answered; ok is false when either failed.
    void finished(bool ok);
    void cancelled();

private:
    void settle(bool ok);

    std::shared_ptr<const MlflowClient> m_client;
    CancelToken m_cancel;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_allOk = true;
};

} // namespace modelgate::ui
