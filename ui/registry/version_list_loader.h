#pragma once

#include <memory>
#include <vector>

#include <QObject>
#include <QString>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/util/cancel_token.h>

namespace modelgate::ui {

// Loads every version of one registered model off the GUI thread. Selecting another
// model while a load runs cancels it and makes its result stale.
class VersionListLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionListLoader)

public:
    explicit VersionListLoader(QObject *parent = nullptr);
    ~VersionListLoader() override;

    void setClient(std::shared_ptr<const MlflowClient> client);
    void start(const QString &modelName);
    void cancel();
    bool isLoading() const { return m_loading; }
    QString modelName() const { return m_modelName; }

Q_SIGNALS:
    void started(const QString &modelName);
    void loaded(const QString &modelName, const std::vector<modelgate::ModelVersion> &versions);
    void failed(const QString &modelName, const modelgate::Error &error);
    void cancelled();

private:
    std::shared_ptr<const MlflowClient> m_client;
    CancelToken m_cancel;
    QString m_modelName;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace modelgate::ui
