#pragma once
// The local stand-in of Azure Machine Learning (scripts/azure_ml_fake.py, docs/azure.md) for
// a test: Entra ID's token endpoint, ARM, the workspace's MLflow endpoint in front of a REAL
// MLflow server, and scoring URIs in front of REAL `mlflow models serve` processes. Owned by
// one test: its own state folder and ports; stop() or the destructor stops it and every
// scoring server it started (the fake also stops when the test process dies).

#include <memory>
#include <string>
#include <vector>

#include <QString>
#include <QtGlobal>

#include <modelgate/core/azure/azure_workspace.h>

class QProcess;
class QTemporaryDir;

namespace modelgate::test {

class SharedAuthMlflow;

class AzureMlFake final
{
    Q_DISABLE_COPY_MOVE(AzureMlFake)

public:
    // Who may sign in, and as which MLflow user the workspace's MLflow endpoint forwards them.
    struct Principal
    {
        std::string name;   // service principal: its client ID; user: its upn
        std::string secret; // client secret or password
        std::string oid;
        std::string mlflowUser;
        std::string mlflowPassword;
    };
    struct Options
    {
        QString mlflowUri; // the real MLflow server behind the workspace
        std::string mlflowAdminUser;
        std::string mlflowAdminPassword;
        std::vector<Principal> clients;
        std::vector<Principal> users;
        int tokenLifetimeSeconds = 3599;
        int endpointCreateSeconds = 1;
        int trafficUpdateSeconds = 1;
        int provisionTimeoutSeconds = 240;
        int pageSize = 10;
        // Azure Monitor's ingestion delay: a minute's metrics appear this long after it ends
        // (-60: the running minute at once).
        double metricsDelaySeconds = 60;
    };

    // In front of the shared basic-auth server (fixture "mlflow_auth"): its admin, no one yet.
    static Options optionsFor(const SharedAuthMlflow &shared);
    // Who signs in as `name` with `secret`, forwarded to the shared server as its `mlflowUser`.
    static Principal forwardedTo(const SharedAuthMlflow &shared, std::string name, std::string secret,
                                 std::string oid, const std::string &mlflowUser);

    AzureMlFake();
    ~AzureMlFake();

    // Starts the fake and waits until it listens; false with errorString() otherwise.
    bool start(const Options &options);
    void stop();

    QString errorString() const { return m_error; }
    QString stateDir() const;
    std::string loginUrl() const { return m_login; }
    std::string armUrl() const { return m_arm; }
    std::string scoringUrl() const { return m_scoring; }
    std::string tenant() const { return m_tenant; }
    // The fake's workspace with its ARM base URL and authority host.
    AzureWorkspace workspace() const { return m_workspace; }
    // Makes every token issued so far invalid (as if it had expired).
    bool revokeTokens();
    // The fake's own log (requests without secrets), for failure messages.
    QString logTail(int lines = 40) const;
    // Writes the login file scripts/fake-az reads (MODELGATE_FAKE_AZ_LOGIN) for `user`; returns its path.
    QString writeAzLogin(const Principal &user) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
    std::string m_login;
    std::string m_arm;
    std::string m_scoring;
    std::string m_tenant;
    AzureWorkspace m_workspace;
};

} // namespace modelgate::test
