#pragma once
// The rows of the fault matrix: every public call of the core clients that talks to a
// server (MLflow, its permission stores, Azure Resource Manager, the metrics sources), each
// built against one server base URL with the bounds the test chose.

#include "fault_catalogue.h"
#include "misbehaving_server.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <modelgate/core/azure/arm_client.h>
#include <modelgate/core/http/http.h>
#include <modelgate/core/http/rest_call.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/mlflow/permissions.h>
#include <modelgate/core/monitor/azure_monitor_metrics.h>
#include <modelgate/core/monitor/prometheus_metrics.h>

namespace modelgate::test {

// What a call does with a 2xx answer: malformed JSON is only an error for a call that reads it.
enum class Reads
{
    Json,    // the answer's payload is the result
    Text,    // the answer is passed on as text (a file, the version string)
    Nothing, // a write whose answer is not read: a 2xx means done
};

struct CallSetup
{
    std::string baseUrl; // http://127.0.0.1:<port>
    TransportOptions transport;
    RetryPolicy retry;
    ArmClient::Options arm;
    CancelToken cancel;
};

struct FaultCall
{
    std::string name;
    ServiceFamily family = ServiceFamily::Mlflow;
    Reads reads = Reads::Json;
    bool writes = false;
    bool notFoundIsDone = false; // a delete: 404 means the resource is gone, as asked
    // Good answers before the fault, given the server's base URL: the fault then meets a later
    // step of the call (the poll of a long-running operation, the PUT after a GET).
    std::function<std::vector<Behaviour>(const std::string &baseUrl)> prelude;
    // nullopt: the call succeeded.
    std::function<std::optional<Error>(const CallSetup &)> run;
};

template <typename T>
std::optional<Error> errorOf(const Result<T> &result)
{
    if (result.ok())
        return std::nullopt;
    return result.error();
}

namespace calls_detail {

inline MlflowClient mlflow(const CallSetup &setup)
{
    ClientConfig config;
    config.trackingUri = setup.baseUrl;
    config.credentials = {AuthKind::Basic, "riley", "not-a-secret"};
    config.transport = setup.transport;
    config.retry = setup.retry;
    return MlflowClient(config);
}

inline std::shared_ptr<HttpTransport> retrying(const CallSetup &setup)
{
    return std::make_shared<RetryingTransport>(
        std::shared_ptr<HttpTransport>(makeCurlTransport(setup.transport)), setup.retry);
}

inline std::shared_ptr<ArmClient> arm(const CallSetup &setup)
{
    AzureWorkspace workspace;
    workspace.subscriptionId = "00000000-0000-0000-0000-000000000000";
    workspace.resourceGroup = "rg";
    workspace.workspace = "ws";
    workspace.region = "westeurope";
    workspace.armBaseUrl = setup.baseUrl;
    return std::make_shared<ArmClient>(
        workspace, retrying(setup),
        std::make_shared<FixedCredentials>(Credentials{AuthKind::Bearer, {}, "not-a-token"}), setup.arm);
}

inline MetricsQuery metricsQuery()
{
    MetricsQuery query;
    query.endpoint = "ep";
    query.toMs = unixMillisNow();
    query.fromMs = query.toMs - 5 * 60 * 1000;
    query.stepMs = 60 * 1000;
    return query;
}

inline std::string endpointJson()
{
    return R"({"name": "ep", "location": "westeurope", "properties": {"authMode": "Key", )"
           R"("scoringUri": "http://127.0.0.1:1/score", "provisioningState": "Succeeded", )"
           R"("traffic": {"blue": 100}}, "tags": {}})";
}

// 201 with Azure-AsyncOperation on the same server: the poll that follows meets the fault.
inline std::vector<Behaviour> operationStarted(const std::string &baseUrl)
{
    return {Behaviour::respond(201, endpointJson(),
                               {{"Content-Type", "application/json"},
                                {"Azure-AsyncOperation", baseUrl + "/operations/op-1?api-version=2025-12-01"},
                                {"Retry-After", "0"}})};
}

inline std::vector<Behaviour> endpointRead(const std::string &)
{
    return {Behaviour::respond(200, endpointJson(), {{"Content-Type", "application/json"}})};
}

} // namespace calls_detail

inline std::vector<FaultCall> mlflowCalls()
{
    using calls_detail::mlflow;
    const auto S = ServiceFamily::Mlflow;
    std::vector<FaultCall> calls;
    const auto read = [&](std::string name, auto fn, Reads reads = Reads::Json) {
        calls.push_back({std::move(name), S, reads, false, false, {}, fn});
    };
    const auto write = [&](std::string name, auto fn, Reads reads = Reads::Nothing) {
        calls.push_back({std::move(name), S, reads, true, false, {}, fn});
    };
    read("searchRegisteredModels",
         [](const CallSetup &s) { return errorOf(mlflow(s).searchRegisteredModels({}, s.cancel)); });
    read("searchAllRegisteredModels",
         [](const CallSetup &s) { return errorOf(mlflow(s).searchAllRegisteredModels({}, s.cancel)); });
    read("getRegisteredModel",
         [](const CallSetup &s) { return errorOf(mlflow(s).getRegisteredModel("fraud", s.cancel)); });
    write("setRegisteredModelTag", [](const CallSetup &s) {
        return errorOf(mlflow(s).setRegisteredModelTag("fraud", "team", "risk", s.cancel));
    });
    write("setRegisteredModelAlias", [](const CallSetup &s) {
        return errorOf(mlflow(s).setRegisteredModelAlias("fraud", "champion", "3", s.cancel));
    });
    read("searchModelVersions", [](const CallSetup &s) {
        SearchVersionsQuery query;
        query.filter = "name='fraud'";
        return errorOf(mlflow(s).searchModelVersions(query, s.cancel));
    });
    read("listModelVersions",
         [](const CallSetup &s) { return errorOf(mlflow(s).listModelVersions("fraud", s.cancel)); });
    read("getModelVersion",
         [](const CallSetup &s) { return errorOf(mlflow(s).getModelVersion("fraud", "3", s.cancel)); });
    read("getModelVersionByAlias", [](const CallSetup &s) {
        return errorOf(mlflow(s).getModelVersionByAlias("fraud", "champion", s.cancel));
    });
    read("resolveModelVersion @alias", [](const CallSetup &s) {
        return errorOf(mlflow(s).resolveModelVersion("fraud", "@champion", s.cancel));
    });
    write("setModelVersionTag", [](const CallSetup &s) {
        return errorOf(mlflow(s).setModelVersionTag("fraud", "3", "stage", "review", s.cancel));
    });
    read("getRun", [](const CallSetup &s) { return errorOf(mlflow(s).getRun("r1", s.cancel)); });
    read("getMetricHistory",
         [](const CallSetup &s) { return errorOf(mlflow(s).getMetricHistory("r1", "auc", s.cancel)); });
    read("getMetricHistoryBulkInterval", [](const CallSetup &s) {
        return errorOf(mlflow(s).getMetricHistoryBulkInterval({"r1", "r2"}, "auc", 100, std::nullopt,
                                                              std::nullopt, s.cancel));
    });
    read("getExperiment", [](const CallSetup &s) { return errorOf(mlflow(s).getExperiment("1", s.cancel)); });
    read("searchExperiments",
         [](const CallSetup &s) { return errorOf(mlflow(s).searchExperiments("", 100, "", s.cancel)); });
    read("getExperimentByName",
         [](const CallSetup &s) { return errorOf(mlflow(s).getExperimentByName("fraud", s.cancel)); });
    write(
        "createExperiment",
        [](const CallSetup &s) { return errorOf(mlflow(s).createExperiment("fraud-2", s.cancel)); },
        Reads::Json);
    write(
        "createRun",
        [](const CallSetup &s) {
            return errorOf(mlflow(s).createRun("1", "probe", {{"k", "v"}}, s.cancel));
        },
        Reads::Json);
    write("logParam",
          [](const CallSetup &s) { return errorOf(mlflow(s).logParam("r1", "lr", "0.1", s.cancel)); });
    write("setRunTag",
          [](const CallSetup &s) { return errorOf(mlflow(s).setRunTag("r1", "k", "v", s.cancel)); });
    read("searchRuns",
         [](const CallSetup &s) { return errorOf(mlflow(s).searchRuns({"1"}, "", 100, "", s.cancel)); });
    read("listRunArtifacts",
         [](const CallSetup &s) { return errorOf(mlflow(s).listRunArtifacts("r1", "", "", s.cancel)); });
    read("listLoggedModelArtifacts",
         [](const CallSetup &s) { return errorOf(mlflow(s).listLoggedModelArtifacts("m-1", "", s.cancel)); });
    read(
        "getModelVersionArtifact",
        [](const CallSetup &s) {
            return errorOf(mlflow(s).getModelVersionArtifact("fraud", "3", "MLmodel", s.cancel));
        },
        Reads::Text);
    read("getModelVersionSignature", [](const CallSetup &s) {
        return errorOf(mlflow(s).getModelVersionSignature("fraud", "3", s.cancel));
    });
    write("updateModelVersionDescription", [](const CallSetup &s) {
        return errorOf(mlflow(s).updateModelVersionDescription("fraud", "3", "d", s.cancel));
    });
    write("deleteModelVersionTag", [](const CallSetup &s) {
        return errorOf(mlflow(s).deleteModelVersionTag("fraud", "3", "stage", s.cancel));
    });
    write("updateRegisteredModelDescription", [](const CallSetup &s) {
        return errorOf(mlflow(s).updateRegisteredModelDescription("fraud", "d", s.cancel));
    });
    read(
        "serverVersion", [](const CallSetup &s) { return errorOf(mlflow(s).serverVersion(s.cancel)); },
        Reads::Text);
    read("capabilities", [](const CallSetup &s) { return errorOf(mlflow(s).capabilities(s.cancel)); });
    return calls;
}

// Both permission stores, built from capabilities given here (detecting them is a row of its own).
inline std::vector<FaultCall> permissionCalls()
{
    std::vector<FaultCall> calls;
    for (const PermissionApi api : {PermissionApi::V2, PermissionApi::V3}) {
        const std::string prefix = std::string("permissions ") + wireName(api) + " ";
        const auto withStore = [api](const CallSetup &s, auto use) -> std::optional<Error> {
            ServerCapabilities capabilities;
            capabilities.version = api == PermissionApi::V2 ? "3.6.0" : "3.7.0";
            capabilities.major = 3;
            capabilities.minor = api == PermissionApi::V2 ? 6 : 7;
            capabilities.authRequired = true;
            capabilities.signedIn = true;
            capabilities.permissions = api;
            const MlflowClient client = calls_detail::mlflow(s);
            auto store = permissionStoreFor(client, capabilities);
            if (!store.ok())
                return store.error();
            return use(*store.value());
        };
        const auto add = [&](std::string name, bool writes, Reads reads, auto fn) {
            calls.push_back({prefix + name,
                             ServiceFamily::Mlflow,
                             reads,
                             writes,
                             false,
                             {},
                             [withStore, fn](const CallSetup &s) { return withStore(s, fn); }});
        };
        add("grant", true, Reads::Nothing, [](const PermissionStore &store) {
            return errorOf(store.grant("sam", PermissionResource::RegisteredModel, "fraud", "READ",
                                       CancelToken::none()));
        });
        add("revoke", true, Reads::Nothing, [](const PermissionStore &store) {
            return errorOf(store.revoke("sam", PermissionResource::Experiment, "1", CancelToken::none()));
        });
        add("recorded", false, Reads::Json, [](const PermissionStore &store) {
            return errorOf(store.recorded("sam", PermissionResource::Experiment, "1", CancelToken::none()));
        });
        add("effective", false, Reads::Json, [](const PermissionStore &store) {
            return errorOf(
                store.effective("sam", PermissionResource::RegisteredModel, "fraud", CancelToken::none()));
        });
    }
    return calls;
}

inline std::vector<FaultCall> armCalls()
{
    using calls_detail::arm;
    using calls_detail::endpointJson;
    using calls_detail::operationStarted;
    const auto A = ServiceFamily::Arm;
    std::vector<FaultCall> calls;
    using Prelude = std::function<std::vector<Behaviour>(const std::string &)>;
    const auto add = [&](std::string name, bool writes, Reads reads, auto fn, Prelude prelude = {},
                         bool notFoundIsDone = false) {
        calls.push_back({"ARM " + std::move(name), A, reads, writes, notFoundIsDone, std::move(prelude), fn});
    };
    const std::map<std::string, int> split{{"blue", 90}, {"green", 10}};
    add("mlflowTrackingUri", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->mlflowTrackingUri(s.cancel)); });
    add("listEndpoints", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->listEndpoints(s.cancel)); });
    add("getEndpoint", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->getEndpoint("ep", s.cancel)); });
    add("putEndpoint", true, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->putEndpoint("ep", endpointJson(), {}, s.cancel)); });
    add(
        "putEndpoint (fault in the poll)", true, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->putEndpoint("ep", endpointJson(), {}, s.cancel)); },
        &operationStarted);
    add("setTraffic", true, Reads::Json,
        [split](const CallSetup &s) { return errorOf(arm(s)->setTraffic("ep", split, {}, s.cancel)); });
    add(
        "setTraffic (fault in the PUT)", true, Reads::Json,
        [split](const CallSetup &s) { return errorOf(arm(s)->setTraffic("ep", split, {}, s.cancel)); },
        &calls_detail::endpointRead);
    add(
        "deleteEndpoint", true, Reads::Nothing,
        [](const CallSetup &s) { return errorOf(arm(s)->deleteEndpoint("ep", {}, s.cancel)); }, {}, true);
    add("listKeys", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->listKeys("ep", s.cancel)); });
    add("listDeployments", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->listDeployments("ep", s.cancel)); });
    add("getDeployment", false, Reads::Json,
        [](const CallSetup &s) { return errorOf(arm(s)->getDeployment("ep", "blue", s.cancel)); });
    add("putDeployment", true, Reads::Json, [](const CallSetup &s) {
        ArmDeploymentSpec spec;
        spec.name = "green";
        spec.modelId = arm(s)->workspace().modelVersionId("fraud", "3");
        return errorOf(arm(s)->putDeployment("ep", spec, {}, s.cancel));
    });
    add(
        "deleteDeployment", true, Reads::Nothing,
        [](const CallSetup &s) { return errorOf(arm(s)->deleteDeployment("ep", "green", {}, s.cancel)); }, {},
        true);
    add("deploymentLogs", false, Reads::Json, [](const CallSetup &s) {
        return errorOf(arm(s)->deploymentLogs("ep", "blue", "InferenceServer", 100, s.cancel));
    });
    add("metrics", false, Reads::Text, [](const CallSetup &s) {
        return errorOf(
            arm(s)->metrics("onlineEndpoints/ep", {{"metricnames", "RequestsPerMinute"}}, s.cancel));
    });
    return calls;
}

inline std::vector<FaultCall> metricsCalls()
{
    std::vector<FaultCall> calls;
    calls.push_back({"Prometheus query",
                     ServiceFamily::Prometheus,
                     Reads::Json,
                     false,
                     false,
                     {},
                     [](const CallSetup &s) -> std::optional<Error> {
                         auto queries = prometheusPreset("haproxy", s.baseUrl);
                         if (!queries.ok())
                             return queries.error();
                         PrometheusMetricsSource source(queries.value(), calls_detail::retrying(s));
                         return errorOf(source.query(calls_detail::metricsQuery(), s.cancel));
                     }});
    calls.push_back(
        {"Azure Monitor query", ServiceFamily::Arm, Reads::Json, false, false, {}, [](const CallSetup &s) {
             AzureMonitorMetricsSource source(calls_detail::arm(s));
             return errorOf(source.query(calls_detail::metricsQuery(), s.cancel));
         }});
    return calls;
}

inline std::vector<FaultCall> allFaultCalls()
{
    std::vector<FaultCall> all;
    for (auto family : {mlflowCalls(), permissionCalls(), armCalls(), metricsCalls()}) {
        for (auto &call : family)
            all.push_back(std::move(call));
    }
    return all;
}

} // namespace modelgate::test
