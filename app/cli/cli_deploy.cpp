#include "cli_deploy.h"

#include "cli_app.h"
#include "cli_format.h"
#include "cli_monitor.h"
#include "cli_review.h"
#include "text_table.h"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/deploy/scoring_input.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/workspace/azure_session.h>

namespace modelgate::cli {

namespace {

using Json = nlohmann::json;

struct Shape
{
    int minOperands;
    int maxOperands; // -1: any number
    const char *synopsis;
};

const std::map<std::string, Shape> &shapes()
{
    static const std::map<std::string, Shape> table = {
        {"deploy",
         {2, 2,
          "deploy MODEL VERSION --endpoint NAME --deployment NAME [--traffic PERCENT] [--target "
          "local|azureml] "
          "[--instance-type SKU] [--instance-count N] [--production] [--comment TEXT]"}},
        {"endpoint list", {0, 0, "endpoint list"}},
        {"endpoint status", {1, 1, "endpoint status NAME"}},
        {"endpoint traffic", {2, -1, "endpoint traffic NAME DEPLOYMENT=PERCENT... [--comment TEXT]"}},
        {"endpoint rollback", {1, 1, "endpoint rollback NAME [--comment TEXT]"}},
        {"endpoint logs", {1, 1, "endpoint logs NAME --deployment NAME [--tail N]"}},
        {"endpoint delete", {1, 1, "endpoint delete NAME [--deployment NAME] [--comment TEXT]"}},
        {"endpoint restart", {1, 1, "endpoint restart NAME"}},
        {"endpoint invoke",
         {1, 1,
          "endpoint invoke NAME (--csv FILE | --json FILE) [--deployment NAME] [--batch ROWS] [--json]"}},
        {"endpoint metrics", {1, 1, "endpoint metrics NAME [--window 5m] [--json]"}},
        {"endpoint load",
         {1, 1,
          "endpoint load NAME --csv FILE --rps N --duration SECONDS [--batch ROWS] [--deployment NAME] "
          "[--json]"}},
        {"endpoint watch", {1, 1, "endpoint watch NAME [--interval SECONDS] [--once] [--json]"}},
        {"endpoint slo", {1, 1, "endpoint slo NAME [--rules FILE] [--auto-rollback on|off] [--json]"}},
        {"endpoint metrics-source",
         {1, 1,
          "endpoint metrics-source NAME [--prometheus URL [--preset haproxy|kserve] | --queries FILE | "
          "--own] "
          "[--json]"}},
    };
    return table;
}

} // namespace

std::optional<int> wholeNumber(const std::string &text, int min, int max)
{
    if (text.empty())
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || value < min || value > max)
        return std::nullopt;
    return static_cast<int>(value);
}

CommandFailure failureOf(const Error &error, const std::string &what)
{
    if (error.kind == ErrorKind::Cancelled)
        return {ExitInterrupted, "interrupted"};
    if (error.kind == ErrorKind::Config)
        return {ExitUsage, what + ": " + oneLine(error.describe())};
    return failureFor(error, what);
}

std::string readFile(const std::string &path, bool &ok)
{
    std::ifstream file(path, std::ios::binary);
    ok = static_cast<bool>(file);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

namespace {

Json splitJson(const TrafficSplit &split)
{
    Json object = Json::object();
    for (const auto &[name, percent] : split)
        object[name] = percent;
    return object;
}

Json outcomeJson(const RolloutOutcome &outcome)
{
    Json records = Json::array();
    for (const RolloutRecord &record : outcome.records)
        records.push_back(Json::object({{"action", wireName(record.action)},
                                        {"model", record.model},
                                        {"version", record.version},
                                        {"recorded", record.written},
                                        {"record", record.written ? Json(record.sequence) : Json(nullptr)},
                                        {"hash", record.written ? Json(record.hash) : Json(nullptr)},
                                        {"error", record.written ? Json(nullptr) : Json(record.error)}}));
    return Json::object(
        {{"endpoint", outcome.endpoint},
         {"split_before", splitJson(outcome.before)},
         {"split_after", splitJson(outcome.after)},
         {"recorded", outcome.recorded()},
         {"records", records},
         {"champion_moved", outcome.championMoved.empty() ? Json(nullptr) : Json(outcome.championMoved)},
         {"champion_error", outcome.championError.empty() ? Json(nullptr) : Json(outcome.championError)}});
}

// Prints what an action did and what it recorded; exit 3 when done but NOT recorded.
CommandFailure reportOutcome(const RolloutOutcome &outcome, const std::string &done, bool json,
                             std::ostream &out, std::ostream &err)
{
    if (json) {
        out << outcomeJson(outcome).dump(2) << '\n';
    } else {
        out << done << "\nSplit: " << describeSplit(outcome.before) << " -> " << describeSplit(outcome.after)
            << '\n';
        for (const RolloutRecord &record : outcome.records)
            if (record.written)
                out << "Recorded: " << wireName(record.action) << " as record " << record.sequence << " of "
                    << record.model << "'s release trail (" << shortHash(record.hash) << ")\n";
        if (!outcome.championMoved.empty())
            out << "Champion: " << outcome.championMoved << '\n';
    }
    if (!outcome.championError.empty())
        err << "modelgate-cli: warning: " << oneLine(outcome.championError) << '\n';
    for (const RolloutRecord &record : outcome.records)
        if (!record.written)
            return {ExitServer, "done on the endpoint, NOT recorded in the release trail of " + record.model +
                                    ": " + oneLine(record.error)};
    return {};
}

Result<TrafficSplit> parseSplit(const std::vector<std::string> &operands)
{
    TrafficSplit split;
    for (std::size_t i = 1; i < operands.size(); ++i) {
        const std::string &item = operands[i];
        const auto equals = item.find('=');
        const auto percent =
            equals == std::string::npos ? std::nullopt : wholeNumber(item.substr(equals + 1), 0, 100);
        if (!percent || equals == 0)
            return Error::config("'" + item + "' is not DEPLOYMENT=PERCENT (a whole percent 0..100)");
        if (!split.emplace(item.substr(0, equals), *percent).second)
            return Error::config("deployment '" + item.substr(0, equals) + "' is named twice");
    }
    int sum = 0;
    for (const auto &[name, percent] : split)
        sum += percent;
    if (sum != 100)
        return Error::config("the shares sum to " + std::to_string(sum) + ", not 100");
    return split;
}

} // namespace

RegistryAccess accessOf(const MlflowClient *client)
{
    RegistryAccess access;
    if (!client)
        return access;
    access.trackingUri = client->config().trackingUri;
    access.credentials = client->config().credentials;
    access.insecureTls = !client->config().transport.verifyTls;
    access.caBundlePath = client->config().transport.caBundlePath;
    return access;
}

namespace {

CommandFailure endpointStatus(const MlflowClient *client, DeploymentTarget &target, const std::string &name,
                              bool json, std::ostream &out, const CancelToken &cancel)
{
    Result<EndpointInfo> endpoint = target.endpoint(name, cancel);
    if (!endpoint.ok())
        return failureOf(endpoint.error(), "cannot read endpoint " + name);
    std::map<std::string, DeploymentApproval> approvals;
    std::string approvalNote;
    if (client) {
        Rollout rollout(*client, target, accessOf(client));
        // Records an earlier, killed or failed action left with the endpoint are written first
        // (best effort: a reader may not write; the count below says what is left), so that
        // what is shown here and what the trail says agree.
        (void)rollout.recordPending(name, cancel);
        Result<std::map<std::string, DeploymentApproval>> read = rollout.approvals(endpoint.value(), cancel);
        if (!read.ok())
            return failureOf(read.error(), "cannot read the approvals of endpoint " + name + "'s versions");
        approvals = read.value();
    }
    const EndpointInfo &info = endpoint.value();
    Result<std::vector<std::string>> pending = target.pendingRecords(name);
    const std::size_t unrecorded = pending.ok() ? pending.value().size() : 0;
    if (json) {
        Json deployments = Json::array();
        for (const DeploymentInfo &item : info.deployments) {
            const auto approval = approvals.find(item.name);
            deployments.push_back(Json::object(
                {{"name", item.name},
                 {"model", item.model},
                 {"version", item.version},
                 {"traffic", item.traffic},
                 {"state", wireName(item.health)},
                 {"state_detail", item.healthDetail.empty() ? Json(nullptr) : Json(item.healthDetail)},
                 {"approved", approval == approvals.end() ? Json(nullptr) : Json(approval->second.approved)},
                 {"approval_reason",
                  approval == approvals.end() ? Json(nullptr) : Json(approval->second.reason)},
                 {"direct_uri", item.directUri}}));
        }
        out << Json::object(
                   {{"name", info.name},
                    {"target", info.target},
                    {"scoring_uri", info.scoringUri},
                    {"metrics_uri", info.metricsUri.empty() ? Json(nullptr) : Json(info.metricsUri)},
                    {"auth_mode", info.authMode},
                    {"production", info.production},
                    {"state", wireName(info.health)},
                    {"state_detail", info.healthDetail.empty() ? Json(nullptr) : Json(info.healthDetail)},
                    {"split", splitJson(info.traffic())},
                    {"unrecorded_actions", unrecorded},
                    {"deployments", deployments}})
                   .dump(2)
            << '\n';
        return {};
    }
    out << "Endpoint:    " << info.name << "\nTarget:      " << info.target
        << "\nScoring URI: " << info.scoringUri << "/invocations"
        << (info.metricsUri.empty() ? "" : "\nMetrics:     " + info.metricsUri + " (Prometheus exporter)")
        << "\nState:       " << wireName(info.health)
        << (info.healthDetail.empty() ? "" : " (" + info.healthDetail + ")")
        << "\nProduction:  " << (info.production ? "yes (100 % moves the champion alias)" : "no")
        << "\nSplit:       " << describeSplit(info.traffic())
        << (unrecorded == 0 ? ""
                            : "\nUnrecorded:  " + std::to_string(unrecorded) +
                                  " action(s) not yet in the release trail (written before the next action)")
        << "\n\n";
    TextTable table({"DEPLOYMENT", "MODEL", "VERSION", "TRAFFIC", "STATE", "APPROVED"});
    table.setMaxWidth(5, 60);
    for (const DeploymentInfo &item : info.deployments) {
        const auto approval = approvals.find(item.name);
        std::string approved = "-";
        if (approval != approvals.end())
            approved = approval->second.approved ? "yes" : "NO: " + approval->second.reason;
        table.addRow({item.name, item.model, item.version, std::to_string(item.traffic) + " %",
                      wireName(item.health), approved});
    }
    table.print(out);
    if (info.health != EndpointHealth::Running)
        out << "\nWhat died is started again, with the same split, by: modelgate-cli endpoint restart "
            << info.name << '\n';
    return {};
}

CommandFailure endpointList(DeploymentTarget &target, bool json, std::ostream &out, const CancelToken &cancel)
{
    Result<std::vector<EndpointInfo>> endpoints = target.listEndpoints(cancel);
    if (!endpoints.ok())
        return failureOf(endpoints.error(), "cannot list endpoints");
    if (json) {
        Json list = Json::array();
        for (const EndpointInfo &info : endpoints.value()) {
            Json deployments = Json::array();
            for (const DeploymentInfo &item : info.deployments)
                deployments.push_back(Json::object({{"name", item.name},
                                                    {"model", item.model},
                                                    {"version", item.version},
                                                    {"traffic", item.traffic},
                                                    {"state", wireName(item.health)}}));
            list.push_back(Json::object({{"name", info.name},
                                         {"target", info.target},
                                         {"scoring_uri", info.scoringUri},
                                         {"state", wireName(info.health)},
                                         {"production", info.production},
                                         {"deployments", deployments}}));
        }
        out << Json::object({{"endpoints", list}}).dump(2) << '\n';
        return {};
    }
    TextTable table({"ENDPOINT", "TARGET", "STATE", "SCORING URI", "SPLIT"});
    for (const EndpointInfo &info : endpoints.value()) {
        std::string split;
        for (const DeploymentInfo &item : info.deployments)
            split += (split.empty() ? "" : ", ") + item.name + " (" + item.model + " v" + item.version +
                     ")=" + std::to_string(item.traffic) + "%";
        table.addRow(
            {info.name, info.target, wireName(info.health), info.scoringUri, split.empty() ? "-" : split});
    }
    table.print(out);
    return {};
}

} // namespace

CommandFailure scoringBodiesFor(const MlflowClient *client, const EndpointInfo &endpoint,
                                const DeployCommand &command, const CsvTable &table, const std::string &path,
                                int batch, ScoringBatches &batches, std::ostream &err,
                                const CancelToken &cancel)
{
    // The signature of the deployment asked for, or of the one with most traffic.
    const DeploymentInfo *deployment = nullptr;
    for (const DeploymentInfo &item : endpoint.deployments)
        if (command.deployment ? item.name == *command.deployment
                               : (!deployment || item.traffic > deployment->traffic))
            deployment = &item;
    if (!deployment)
        return {ExitUsage, command.deployment
                               ? "endpoint " + endpoint.name + " has no deployment " + *command.deployment
                               : "endpoint " + endpoint.name + " has no deployment"};
    ModelSignature signature;
    if (client) {
        Result<ModelSignature> read =
            client->getModelVersionSignature(deployment->model, deployment->version, cancel);
        if (!read.ok())
            return failureOf(read.error(), "cannot read the signature of " + deployment->model + " v" +
                                               deployment->version);
        signature = read.value();
    }
    Result<ScoringBatches> built = scoringBatches(table, signature, batch);
    if (!built.ok())
        return {ExitUsage, path + ": " + oneLine(built.error().message) + "; nothing was sent"};
    if (!built.value().ignoredColumns.empty())
        err << "modelgate-cli: note: columns not in the model's signature, not sent: "
            << join(built.value().ignoredColumns) << '\n';
    batches = built.value();
    return {};
}

namespace {

CommandFailure endpointInvoke(const MlflowClient *client, DeploymentTarget &target,
                              const DeployCommand &command, std::ostream &out, std::ostream &err,
                              const CancelToken &cancel)
{
    const std::string &name = command.operands[0];
    bool readOk = false;
    const std::string path = command.csv ? *command.csv : *command.jsonInput;
    const std::string text = readFile(path, readOk);
    if (!readOk)
        return {ExitUsage, "cannot read '" + path + "'"};
    Result<CsvTable> table = command.csv ? parseCsv(text) : tableFromJson(text);
    if (!table.ok())
        return {ExitUsage, path + ": " + oneLine(table.error().message)};
    Result<EndpointInfo> endpoint = target.endpoint(name, cancel);
    if (!endpoint.ok())
        return failureOf(endpoint.error(), "cannot read endpoint " + name);
    const int batch = command.batch ? *wholeNumber(*command.batch, 1, 100000) : 100;
    ScoringBatches batches;
    if (CommandFailure failure = scoringBodiesFor(client, endpoint.value(), command, table.value(), path,
                                                  batch, batches, err, cancel);
        failure.exitCode != ExitSuccess)
        return failure;
    std::vector<std::string> predictions;
    std::size_t row = 0;
    for (const std::string &body : batches.bodies) {
        const std::size_t rows =
            std::min<std::size_t>(static_cast<std::size_t>(batch), table.value().rows.size() - row);
        Result<InvokeResponse> answer =
            target.invoke(name, command.deployment.value_or(std::string()), body, cancel);
        if (!answer.ok())
            return failureOf(answer.error(), "no answer from endpoint " + name);
        if (answer.value().status != 200)
            return {ExitServer, "endpoint " + name + " answered HTTP " +
                                    std::to_string(answer.value().status) + " for rows " +
                                    std::to_string(row + 1) + "-" + std::to_string(row + rows) + ": " +
                                    oneLine(answer.value().body.substr(0, 400))};
        Result<std::vector<std::string>> parsed = predictionsOf(answer.value().body, rows);
        if (!parsed.ok())
            return failureOf(parsed.error(), "endpoint " + name + " answered rows " +
                                                 std::to_string(row + 1) + "-" + std::to_string(row + rows));
        predictions.insert(predictions.end(), parsed.value().begin(), parsed.value().end());
        row += rows;
    }
    if (command.json) {
        Json list = Json::array();
        for (const std::string &item : predictions)
            list.push_back(Json::parse(item));
        out << Json::object({{"endpoint", name},
                             {"deployment", command.deployment ? Json(*command.deployment) : Json(nullptr)},
                             {"predictions", list}})
                   .dump(2)
            << '\n';
        return {};
    }
    for (const std::string &item : predictions)
        out << item << '\n';
    return {};
}

} // namespace

bool isDeployCommand(const std::string &command)
{
    return shapes().count(command) != 0;
}

const char *deploySynopsis(const std::string &command)
{
    const auto found = shapes().find(command);
    return found == shapes().end() ? "" : found->second.synopsis;
}

std::pair<int, int> deployOperandCount(const std::string &command)
{
    const auto found = shapes().find(command);
    return found == shapes().end() ? std::pair{0, 0}
                                   : std::pair{found->second.minOperands, found->second.maxOperands};
}

CommandFailure checkDeployCommand(const DeployCommand &command)
{
    const std::string usage = std::string("usage: modelgate-cli ") + deploySynopsis(command.command);
    for (const std::string &operand : command.operands)
        if (operand.find_first_not_of(" \t") == std::string::npos)
            return {ExitUsage, usage};
    if (command.target && *command.target != "local" && *command.target != "azureml")
        return {ExitUsage, "--target '" + *command.target + "' is not a target (targets: local, azureml)"};
    if (command.instanceCount && !wholeNumber(*command.instanceCount, 1, 100))
        return {ExitUsage, "--instance-count needs a number of instances from 1 to 100, got '" +
                               *command.instanceCount + "'"};
    if (command.instanceType &&
        (command.instanceType->empty() || command.instanceType->size() > 64 ||
         command.instanceType->find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos))
        return {ExitUsage, "--instance-type needs an Azure VM size such as Standard_DS3_v2, got '" +
                               *command.instanceType + "'"};
    if (command.command == "deploy") {
        if (!command.endpoint || !command.deployment)
            return {ExitUsage, usage};
        if (!isValidResourceName(*command.endpoint))
            return {ExitUsage,
                    "--endpoint '" + *command.endpoint +
                        "' is not a valid name (1-32 of a-z, 0-9 and '-', starting with a letter)"};
        if (!isValidResourceName(*command.deployment))
            return {ExitUsage,
                    "--deployment '" + *command.deployment +
                        "' is not a valid name (1-32 of a-z, 0-9 and '-', starting with a letter)"};
        if (command.traffic && !wholeNumber(*command.traffic, 0, 100))
            return {ExitUsage,
                    "--traffic needs a whole percent from 0 to 100, got '" + *command.traffic + "'"};
    }
    if (command.command == "endpoint logs" && !command.deployment)
        return {ExitUsage, usage};
    if (command.tail && !wholeNumber(*command.tail, 0, 1000000))
        return {ExitUsage, "--tail needs a number of lines, got '" + *command.tail + "'"};
    if (command.command == "endpoint invoke") {
        if (command.csv.has_value() == command.jsonInput.has_value())
            return {ExitUsage, "'endpoint invoke' needs one of --csv FILE and --json FILE"};
        if (command.batch && !wholeNumber(*command.batch, 1, 100000))
            return {ExitUsage,
                    "--batch needs a number of rows from 1 to 100000, got '" + *command.batch + "'"};
    }
    if (command.command == "endpoint traffic")
        if (Result<TrafficSplit> split = parseSplit(command.operands); !split.ok())
            return {ExitUsage, split.error().message};
    return checkMonitorCommand(command);
}

bool deployCommandNeedsRegistry(const DeployCommand &command)
{
    return command.command != "endpoint list" && command.command != "endpoint logs" &&
           command.command != "endpoint metrics" && command.command != "endpoint slo" &&
           command.command != "endpoint metrics-source";
}

CommandFailure runDeployCommand(const MlflowClient *client, const Profile *profile, const AzureSession *azure,
                                const DeployCommand &command, const Environment &env, std::ostream &out,
                                std::ostream &err, const CancelToken &cancel)
{
    const std::string targetKind = command.target.value_or(azure ? "azureml" : "local");
    if (targetKind == "azureml" && !azure)
        return {ExitUsage,
                "--target azureml needs an Azure ML workspace: pass --profile NAME of a profile of kind "
                "azureml (docs/azure.md)"};
    if (targetKind == "local" && azure)
        return {ExitUsage,
                "the local target serves models of an MLflow server; profile '" +
                    (profile ? profile->name : std::string()) +
                    "' is an Azure ML workspace, whose endpoints are the target (--target azureml)"};
    if ((command.instanceType || command.instanceCount) && targetKind != "azureml")
        return {ExitUsage,
                "--instance-type and --instance-count are for Azure ML endpoints (--target azureml)"};
    std::unique_ptr<DeploymentTarget> chosen;
    if (azure) {
        AzureMlTargetConfig config;
        config.stateRoot = AzureMlTargetConfig::defaultStateRoot(env);
        chosen = std::make_unique<AzureMlTarget>(
            config, azure->arm, std::shared_ptr<HttpTransport>(makeCurlTransport(azure->registry.transport)));
    } else {
        LocalTargetConfig config;
        config.stateRoot = LocalTargetConfig::defaultStateRoot(env);
        if (command.mlflow)
            config.mlflowExecutable = *command.mlflow;
        else if (profile && !profile->mlflowExecutable.empty())
            config.mlflowExecutable = profile->mlflowExecutable;
        chosen = std::make_unique<LocalTarget>(config);
    }
    DeploymentTarget &target = *chosen;
    const std::string &cmd = command.command;
    const std::string comment = command.comment.value_or(std::string());

    if (cmd == "endpoint list")
        return endpointList(target, command.json, out, cancel);
    if (cmd == "endpoint logs") {
        const int tail = command.tail ? *wholeNumber(*command.tail, 0, 1000000) : 100;
        Result<std::string> logs =
            target.deploymentLogs(command.operands[0], *command.deployment, tail, cancel);
        if (!logs.ok())
            return failureOf(logs.error(), "cannot read the log of " + *command.deployment);
        if (command.json)
            out << Json::object({{"endpoint", command.operands[0]},
                                 {"deployment", *command.deployment},
                                 {"log", logs.value()}})
                       .dump(2)
                << '\n';
        else
            out << logs.value();
        return {};
    }
    if (cmd == "endpoint status")
        return endpointStatus(client, target, command.operands[0], command.json, out, cancel);
    if (cmd == "endpoint invoke")
        return endpointInvoke(client, target, command, out, err, cancel);
    if (isMonitorCommand(cmd))
        return runMonitorCommand(client, target, command, out, err, cancel);
    if (!client)
        return {ExitUsage, "'" + cmd + "' needs the registry: pass --profile NAME or --tracking-uri URI"};

    Rollout rollout(*client, target, accessOf(client));
    const ProgressFn progress = [&err](const std::string &step, int) {
        err << "modelgate-cli: " << step << '\n';
    };
    if (cmd == "deploy") {
        DeployRequest request;
        request.model = command.operands[0];
        request.version = command.operands[1];
        request.endpoint = *command.endpoint;
        request.deployment = *command.deployment;
        if (command.traffic)
            request.traffic = wholeNumber(*command.traffic, 0, 100);
        request.production = command.production;
        request.comment = comment;
        request.instanceType = command.instanceType.value_or(std::string());
        request.instanceCount = command.instanceCount ? *wholeNumber(*command.instanceCount, 1, 100) : 0;
        Result<RolloutOutcome> done = rollout.deploy(request, progress, cancel);
        if (!done.ok())
            return failureOf(done.error(), "cannot deploy " + request.model + " " + request.version);
        return reportOutcome(done.value(),
                             "Deployed " + request.model + " " + request.version + " as " +
                                 request.deployment + " on endpoint " + request.endpoint,
                             command.json, out, err);
    }
    const std::string &name = command.operands[0];
    if (cmd == "endpoint traffic") {
        Result<RolloutOutcome> done =
            rollout.setTraffic(name, parseSplit(command.operands).value(), comment, cancel);
        if (!done.ok())
            return failureOf(done.error(), "cannot change the traffic of endpoint " + name);
        return reportOutcome(done.value(), "Traffic of endpoint " + name + " changed", command.json, out,
                             err);
    }
    if (cmd == "endpoint rollback") {
        Result<RolloutOutcome> done = rollout.rollback(name, comment, cancel);
        if (!done.ok())
            return failureOf(done.error(), "cannot roll back endpoint " + name);
        return reportOutcome(done.value(), "Endpoint " + name + " rolled back", command.json, out, err);
    }
    if (cmd == "endpoint delete") {
        Result<RolloutOutcome> done = command.deployment
                                          ? rollout.undeploy(name, *command.deployment, comment, cancel)
                                          : rollout.deleteEndpoint(name, comment, cancel);
        if (!done.ok())
            return failureOf(done.error(),
                             "cannot delete " +
                                 (command.deployment ? *command.deployment + " of " : std::string()) +
                                 "endpoint " + name);
        return reportOutcome(done.value(),
                             command.deployment
                                 ? "Deployment " + *command.deployment + " of endpoint " + name + " deleted"
                                 : "Endpoint " + name + " deleted",
                             command.json, out, err);
    }
    if (cmd == "endpoint restart") {
        Status restarted = target.restartEndpoint(name, accessOf(client), progress, cancel);
        if (!restarted.ok())
            return failureOf(restarted.error(), "cannot restart endpoint " + name);
        return endpointStatus(client, target, name, command.json, out, cancel);
    }
    return {ExitUsage, "unknown command '" + cmd + "'"};
}

} // namespace modelgate::cli
