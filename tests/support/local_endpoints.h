#pragma once

// Local endpoints in tests: where their scoring servers come from, and taking down every
// endpoint a test made (in cleanupTestCase, so that a failed test leaves no process running).
// Header-only, like seeded_model_copy.h.

#include "mlflow_test_server.h"
#include "release_test_users.h"
#include "seeded_model_copy.h"

#include <fstream>
#include <sstream>
#include <string>

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/monitor/load_generator.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>

namespace modelgate::test {

// The `mlflow` executable beside the Python that mlflowPython() finds.
inline std::string mlflowExecutable()
{
    return QFileInfo(mlflowPython()).absolutePath().toStdString() + "/mlflow";
}

// A file's whole text ("" when it cannot be read).
inline std::string readTextFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

inline MlflowClient sharedAdmin(const SharedAuthMlflow &shared)
{
    return clientAs(shared.uri(), SharedAuthMlflow::adminUser().toStdString(),
                    shared.adminPassword().toStdString());
}

// A deployment test's own copy of the seeded diabetes-classifier under `model`, with `user`
// (its release manager) given EDIT on it.
inline Status copyModelForDeployment(const SharedAuthMlflow &shared, const std::string &model,
                                     const std::string &user)
{
    const MlflowClient admin = sharedAdmin(shared);
    if (Status copied = copySeededModel(admin, "diabetes-classifier", model); !copied.ok())
        return copied;
    return ReleaseLedger(admin).grantModelPermission(model, user, "EDIT", CancelToken::none());
}

// Deletes every endpoint `target` lists, stopping their process groups.
inline void deleteEndpoints(DeploymentTarget &target)
{
    auto endpoints = target.listEndpoints(CancelToken::none());
    if (!endpoints.ok())
        return;
    for (const EndpointInfo &endpoint : endpoints.value())
        (void)target.deleteEndpoint(endpoint.name, CancelToken::none());
}

// Registers a faulty version of `model` (scripts/register_faulty_version.py): it wraps
// `sourceVersion` and fails on rows with BMI above 40 (3 of the 6 rows of
// scripts/demo_patients.csv), answering `delayMs` late. As `user` (credentials through the
// environment only). With `failLoad`, its model cannot even load (a scoring server for it
// exits at start). Returns the new version number, or an empty string after a qWarning.
inline std::string registerFaultyVersion(const QString &uri, const std::string &user,
                                         const std::string &password, const std::string &model,
                                         const std::string &sourceVersion, int delayMs = 0,
                                         bool failLoad = false)
{
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLFLOW_TRACKING_USERNAME"), QString::fromStdString(user));
    env.insert(QStringLiteral("MLFLOW_TRACKING_PASSWORD"), QString::fromStdString(password));
    script.setProcessEnvironment(env);
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/register_faulty_version.py"),
                          QStringLiteral("--tracking-uri"),
                          uri,
                          QStringLiteral("--model"),
                          QString::fromStdString(model),
                          QStringLiteral("--source-version"),
                          QString::fromStdString(sourceVersion),
                          QStringLiteral("--delay-ms"),
                          QString::number(delayMs)};
    if (failLoad)
        arguments << QStringLiteral("--fail-load");
    script.start(mlflowPython(), arguments);
    if (!script.waitForFinished(5 * 60 * 1000) || script.exitStatus() != QProcess::NormalExit ||
        script.exitCode() != 0) {
        script.kill();
        qWarning("register_faulty_version.py failed (exit %d)", script.exitCode());
        return {};
    }
    const QStringList lines =
        QString::fromUtf8(script.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? std::string() : lines.last().trimmed().toStdString();
}

// The canary drill's approvals: the faulty version carries v4's evaluation, so a policy with
// wide margins lets `client` (the release manager) approve it, as a hurried hot-fix would be,
// and then every one of `versions` is approved with `comment`.
inline Status approveForCanaryDrill(const MlflowClient &client, const std::string &model,
                                    const std::vector<std::string> &versions, const std::string &comment)
{
    ReleasePolicy policy = defaultReleasePolicy();
    policy.maxRegressionAbsolute = 1;
    policy.maxRegressionRelative = 1;
    if (auto set = setReleasePolicy(client, model, policy, "a canary drill", CancelToken::none()); !set.ok())
        return set.error();
    for (const std::string &version : versions) {
        DecisionRequest approve;
        approve.model = model;
        approve.version = version;
        approve.action = ReleaseAction::Approve;
        approve.comment = comment;
        if (auto decided = decideRelease(client, approve, CancelToken::none()); !decided.ok())
            return decided.error();
    }
    return success();
}

// The canary drill on `rollout`'s target: `model`, riley's copy of the seeded
// diabetes-classifier, gets a faulty version of v4 (registered by the admin) and both it and
// v3 are approved; v3 serves `endpoint` as blue with all the traffic, the faulty version is
// green at 0 %. Returns the faulty version's number.
inline Result<std::string> setUpCanaryDrill(const SharedAuthMlflow &shared, const MlflowClient &riley,
                                            Rollout &rollout, const std::string &model,
                                            const std::string &endpoint)
{
    if (Status copied = copyModelForDeployment(shared, model, riley.config().credentials.username);
        !copied.ok())
        return copied.error();
    const std::string faulty =
        registerFaultyVersion(shared.uri(), SharedAuthMlflow::adminUser().toStdString(),
                              shared.adminPassword().toStdString(), model, "4");
    if (faulty.empty())
        return Error::config("the faulty version was not registered");
    if (Status approved = approveForCanaryDrill(riley, model, {"3", faulty}, "approved for the canary drill");
        !approved.ok())
        return approved.error();
    if (auto blue = rollout.deploy({model, "3", endpoint, "blue", std::nullopt, false, {}, {}, 0}, {},
                                   CancelToken::none());
        !blue.ok())
        return blue.error();
    if (auto green =
            rollout.deploy({model, faulty, endpoint, "green", 0, false, {}, {}, 0}, {}, CancelToken::none());
        !green.ok())
        return green.error();
    return faulty;
}

// Load of the demo patients' rows (a body a row; 3 of the 6 make the canary fail) at `rate`
// for `seconds` through `endpoint`'s scoring URI, to `deployment` alone when one is named.
inline LoadPlan demoRowsLoad(const DeploymentTarget &target, const MlflowClient &client,
                             const std::string &model, const std::string &endpoint, double rate, int seconds,
                             const std::string &deployment = {})
{
    auto info = target.endpoint(endpoint, CancelToken::none());
    auto table = parseCsv(readTextFile(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
    auto signature = client.getModelVersionSignature(model, "3", CancelToken::none());
    if (!info.ok() || !table.ok() || !signature.ok())
        qFatal("no endpoint, demo rows or signature");
    auto batches = scoringBatches(table.value(), signature.value(), 1);
    if (!batches.ok())
        qFatal("cannot build the request bodies");
    LoadPlan plan;
    plan.url = info.value().scoringUri + "/invocations";
    plan.allowedUri = info.value().scoringUri;
    plan.bodies = batches.value().bodies;
    plan.rate = rate;
    plan.durationSeconds = seconds;
    plan.deployment = deployment;
    return plan;
}

// What a deployment test leaves behind, also after a failure: every endpoint under
// `stateRoot` (their processes stopped) and its model copies.
inline void cleanUpDeploymentTest(const SharedAuthMlflow &shared, const std::string &stateRoot,
                                  const std::vector<std::string> &models)
{
    LocalTargetConfig config;
    config.stateRoot = stateRoot;
    LocalTarget target(config);
    deleteEndpoints(target);
    if (!shared.uri().isEmpty())
        deleteModels(sharedAdmin(shared), models);
}

} // namespace modelgate::test
