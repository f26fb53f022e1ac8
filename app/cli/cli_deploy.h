#pragma once
// `deploy` and `endpoint …` (docs/deployment.md): deployment of approved versions to online
// endpoints, traffic, rollback, logs and predictions, all through core's Rollout so that the
// release gate and the trail records are the GUI's.

#include "cli_compare.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/workspace/profiles.h>

namespace modelgate {
class MlflowClient;
struct CsvTable;
struct EndpointInfo;
struct Error;
struct RegistryAccess;
struct ScoringBatches;
struct AzureSession;
} // namespace modelgate

namespace modelgate::cli {

struct DeployCommand
{
    std::string command;                      // "deploy", "endpoint list", "endpoint status", ...
    std::vector<std::string> operands;        // after the command words
    std::optional<std::string> endpoint;      // --endpoint (deploy)
    std::optional<std::string> deployment;    // --deployment
    std::optional<std::string> traffic;       // --traffic PERCENT (deploy)
    std::optional<std::string> target;        // --target local|azureml (the profile's kind when absent)
    std::optional<std::string> instanceType;  // --instance-type (deploy, azureml)
    std::optional<std::string> instanceCount; // --instance-count (deploy, azureml)
    std::optional<std::string> tail;          // --tail N (endpoint logs)
    std::optional<std::string> csv;           // --csv FILE (endpoint invoke)
    std::optional<std::string> jsonInput;     // --json FILE (endpoint invoke)
    std::optional<std::string> batch;         // --batch ROWS (endpoint invoke)
    std::optional<std::string> comment;       // --comment (kept in the trail record)
    std::optional<std::string> mlflow;        // --mlflow PATH: the mlflow executable for scoring servers
    std::optional<std::string> window;        // --window 5m (endpoint metrics)
    std::optional<std::string> rps;           // --rps N (endpoint load)
    std::optional<std::string> duration;      // --duration SECONDS (endpoint load)
    std::optional<std::string> interval;      // --interval SECONDS (endpoint watch)
    std::optional<std::string> rules;         // --rules FILE (endpoint slo)
    std::optional<std::string> autoRollback;  // --auto-rollback on|off (endpoint slo)
    std::optional<std::string> prometheus;    // --prometheus URL (endpoint metrics-source)
    std::optional<std::string> preset;        // --preset haproxy|kserve (endpoint metrics-source)
    std::optional<std::string> queries;       // --queries FILE (endpoint metrics-source)
    bool ownSource = false;                   // --own (endpoint metrics-source)
    bool once = false;                        // --once (endpoint watch)
    bool production = false;                  // --production (deploy, new endpoint)
    bool json = false;
};

// Commands of this file, with their synopsis.
bool isDeployCommand(const std::string &command);
const char *deploySynopsis(const std::string &command);
// How many operands a command takes: exactly `min` (== max), or at least `min` (max = -1).
std::pair<int, int> deployOperandCount(const std::string &command);

// Usage problems found before anything is read (exitCode 0 when none).
CommandFailure checkDeployCommand(const DeployCommand &command);

// Which commands need the registry (the gate, the records, credentials for scoring servers).
bool deployCommandNeedsRegistry(const DeployCommand &command);

// Runs the command. `client` may be null for commands that do not need the registry;
// `profile` gives the mlflow executable when the command line does not. Progress lines go
// to `err`.
// `azure`: the signed-in Azure ML workspace when the profile is one (its endpoints are the target).
CommandFailure runDeployCommand(const MlflowClient *client, const Profile *profile, const AzureSession *azure,
                                const DeployCommand &command, const Environment &env, std::ostream &out,
                                std::ostream &err, const CancelToken &cancel);

// Shared with cli_monitor: numbers, files, errors and request bodies as the deploy commands
// read and word them.
std::optional<int> wholeNumber(const std::string &text, int min, int max);
std::string readFile(const std::string &path, bool &ok);
CommandFailure failureOf(const Error &error, const std::string &what);
RegistryAccess accessOf(const MlflowClient *client);
// The request bodies for `table` in the signature of the deployment the command names (else
// the one with the most traffic); notes on ignored columns go to `err`.
CommandFailure scoringBodiesFor(const MlflowClient *client, const EndpointInfo &endpoint,
                                const DeployCommand &command, const CsvTable &table, const std::string &path,
                                int batch, ScoringBatches &batches, std::ostream &err,
                                const CancelToken &cancel);

} // namespace modelgate::cli
