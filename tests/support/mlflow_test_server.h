#pragma once

// Real MLflow tracking servers for integration tests. Nothing here fakes MLflow. The shared
// servers are the seeded ones the CTest fixtures start once per run
// (scripts/mlflow-test-server.sh): "mlflow" without authentication, "mlflow_auth" with the
// basic-auth app and the release users. A PrivateMlflowServer is a real `mlflow server` of the
// test's own, for a test that needs a server whose whole state it controls. All of them go
// through scripts/mlflow_server.py.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <QString>
#include <QtTest/QTest>

class QProcess;
class QTemporaryDir;

namespace modelgate::test {

// URI of the shared seeded server (read from <MODELGATE_TEST_SERVER_DIR>/uri), or an empty
// string when the fixture did not start one or it no longer accepts connections.
QString sharedMlflowUri();

// The directory the shared server keeps its state in; seed.json there describes the seeded
// content (versions, run ids, metrics) as scripts/seed_demo.py wrote it.
QString sharedMlflowStateDir();

// The seeded basic-auth server of the fixture "mlflow_auth": the demo's content and users
// (dana.scientist, the author of the seeded diabetes-classifier v1, v2 and v4; riley.release,
// EDIT on every seeded model), a second reviewer (sam.second) and a READ-only user
// (rita.readonly), all four enrolled as reviewers. Tests running at the same time share it:
// a test writes only under model names of its own (seeded_model_copy.h), never to the seeded
// models, and never changes these users or their enrolment.
// Read-only, like a PrivateMlflowServer that is running: uri(), adminPassword().
class SharedAuthMlflow final
{
public:
    QString uri() const { return m_uri; }
    QString stateDir() const { return m_stateDir; } // seed.json there describes the seeded content
    static QString adminUser();
    QString adminPassword() const;
    // The password of a user the fixture made; empty for any other name.
    std::string password(const std::string &user) const;
    const std::map<std::string, std::string> &passwords() const { return m_passwords; } // the admin's too

private:
    friend std::optional<SharedAuthMlflow> sharedAuthMlflow(QString *whyNot);

    QString m_uri;
    QString m_stateDir;
    std::map<std::string, std::string> m_passwords; // user -> password
};

// The shared basic-auth server, or nothing when the fixture did not set one up (or it no
// longer accepts connections); `whyNot`, if given, then says which.
std::optional<SharedAuthMlflow> sharedAuthMlflow(QString *whyNot = nullptr);

// The directory the fixture "mlflow_auth" keeps its server's state, users.json and seed.json in.
QString sharedAuthMlflowStateDir();

// The version of MLflow in the environment mlflowPython() finds ("3.6.0"), for tests that
// compare what a server reports; empty if it cannot be asked.
QString mlflowVersion();

// True when the environment says CI=true: a missing MLflow is then a failure, not a skip.
bool isCiRun();

// The Python of the virtual environment with the pinned MLflow: $MODELGATE_VENV, else the
// venv CMake was configured with, else the one `scripts/setup.sh --print-venv --no-apt` gives.
// Empty if none can be found (errorMessage, if given, says why).
QString mlflowPython(QString *errorMessage = nullptr);

// A real MLflow server owned by one test: own temporary state, own free port, stopped by
// stop() or the destructor. If the test process dies, the helper notices and stops it too.
class PrivateMlflowServer final
{
    Q_DISABLE_COPY_MOVE(PrivateMlflowServer)

public:
    struct Options
    {
        bool seed = false;      // fill it with the demo content (scripts/seed_demo.py), ~15-30 s
        bool basicAuth = false; // run MLflow's basic-auth app; see adminUser()/adminPassword()
        // With basicAuth, on servers that have it: remember checked passwords (fast; see
        // scripts/mlflow_server.py). Off for a test of the server's own refusals: MLflow 3.17
        // answers a Bearer header with a 500 instead of a 401 while the cache is on.
        bool credentialCache = true;
        std::chrono::seconds timeout{240}; // for start-up plus seeding
    };

    PrivateMlflowServer();
    ~PrivateMlflowServer();

    // Starts the server and blocks until it answers /health (and is seeded, if asked).
    // On failure returns false and errorString() says why, with the server log's tail.
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    // Starts it again on the same port and the same data, after stop(); false if the port
    // was taken meanwhile (errorString() says so).
    bool restart();
    // Stops the server and every process it started; the data stays until destruction.
    void stop();

    bool isRunning() const;
    QString uri() const { return m_uri; }
    QString errorString() const { return m_errorString; }
    QString stateDir() const;
    // Last lines of the server's own log, for failure messages.
    QString serverLogTail(int lines = 30) const;

    static QString adminUser();
    // A random password made for this server; empty unless basicAuth.
    QString adminPassword() const { return m_adminPassword; }

private:
    bool launch(int port);
    void killLeftovers();

    std::unique_ptr<QTemporaryDir> m_stateDir;
    std::unique_ptr<QProcess> m_helper;
    Options m_options;
    QString m_uri;
    QString m_errorString;
    QString m_adminPassword;
    int m_port = 0;
};

} // namespace modelgate::test

// Declares `const QString uriVar` holding the shared server's URI. Without a server the
// test is skipped, or fails when CI=true, since CI must never pass by skipping MLflow.
#define MODELGATE_REQUIRE_MLFLOW(uriVar)                                                                     \
    const QString uriVar = ::modelgate::test::sharedMlflowUri();                                             \
    do {                                                                                                     \
        if (uriVar.isEmpty()) {                                                                              \
            if (::modelgate::test::isCiRun())                                                                \
                QFAIL("No MLflow test server. With CI=true a missing MLflow is a failure "                   \
                      "(run the tests through ctest so the 'mlflow' fixture starts it).");                   \
            QSKIP("No MLflow test server (run through ctest, or scripts/setup.sh first).");                  \
        }                                                                                                    \
    } while (false)

// Fills `target` (a SharedAuthMlflow) with the shared basic-auth server; without one the test
// is skipped, or fails when CI=true.
#define MODELGATE_REQUIRE_MLFLOW_AUTH(target)                                                                \
    do {                                                                                                     \
        QString modelgateWhyNot_;                                                                            \
        auto modelgateShared_ = ::modelgate::test::sharedAuthMlflow(&modelgateWhyNot_);                      \
        if (!modelgateShared_) {                                                                             \
            if (::modelgate::test::isCiRun())                                                                \
                QFAIL(qPrintable(QStringLiteral("With CI=true a missing MLflow is a failure: ") +            \
                                 modelgateWhyNot_));                                                         \
            QSKIP(qPrintable(modelgateWhyNot_));                                                             \
        }                                                                                                    \
        (target) = std::move(*modelgateShared_);                                                             \
    } while (false)

// The same for a private server: starts `server` (a PrivateMlflowServer) with `options`,
// skipping (or, with CI=true, failing) when no MLflow environment exists, and failing
// when one exists but the server does not come up.
#define MODELGATE_START_PRIVATE_MLFLOW(server, options)                                                      \
    do {                                                                                                     \
        QString modelgateVenvError_;                                                                         \
        if (::modelgate::test::mlflowPython(&modelgateVenvError_).isEmpty()) {                               \
            if (::modelgate::test::isCiRun())                                                                \
                QFAIL(qPrintable(QStringLiteral("With CI=true a missing MLflow is a failure: ") +            \
                                 modelgateVenvError_));                                                      \
            QSKIP(qPrintable(modelgateVenvError_));                                                          \
        }                                                                                                    \
        QVERIFY2((server).start(options), qPrintable((server).errorString()));                               \
    } while (false)
