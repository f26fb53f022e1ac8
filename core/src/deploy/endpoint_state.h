#pragma once
// Private to core/src/deploy: what the local target keeps of an endpoint in its folder
// (endpoint.json), the HAProxy configuration generated from it, and HAProxy's runtime API.

#include "deploy/process_group.h"
#include "modelgate/core/release/release_records.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <vector>

namespace modelgate::detail {

struct LocalDeployment
{
    std::string name;
    std::string model;
    std::string version;
    int port = 0;
    int weight = 0; // = its percent of the traffic
    ProcessHandle process;
    std::string mlflowExecutable; // absolute, as started
    std::string trackingUri;      // where it loaded the model from (never with credentials)
};

struct LocalEndpoint
{
    std::string name;
    bool production = false;
    int port = 0;
    // HAProxy's Prometheus exporter (GET /metrics) on its own loopback port, for a Prometheus
    // that watches this endpoint; 0 for endpoints made before it (a restart adds it).
    int metricsPort = 0;
    std::int64_t splitSinceMs = 0; // when the weights last changed (Unix ms); 0: unknown
    std::string created;           // UTC
    ProcessHandle router;
    std::string haproxyExecutable; // absolute, as started
    std::vector<LocalDeployment> deployments;

    LocalDeployment *find(const std::string &deployment);
    const LocalDeployment *find(const std::string &deployment) const;
    TrafficSplit split() const;
};

inline constexpr const char *kStateFile = "endpoint.json";
inline constexpr const char *kConfigFile = "haproxy.cfg";
inline constexpr const char *kSocketFile = "haproxy.sock";
inline constexpr const char *kBackend = "deployments";

// endpoint.json: Parse error when it is not what writeEndpointState writes.
Result<LocalEndpoint> readEndpointState(const std::string &dir);
// Atomically (temp file + rename), mode 0600.
Status writeEndpointState(const std::string &dir, const LocalEndpoint &endpoint);
Status writeTextFile(const std::string &path, const std::string &text);

// pending-records.json: deployment records not yet written to a trail (an absent file: none).
Result<std::vector<std::string>> readPendingRecords(const std::string &dir);
Status writePendingRecords(const std::string &dir, const std::vector<std::string> &records);

// The configuration: a frontend on the endpoint's port; a request carrying the header
// modelgate-deployment goes to that deployment alone (its own backend tracking the
// server's health), an unknown name gets a 404 JSON error naming the deployments; every
// other request is balanced over the deployments by weight (= percent). Logs go to stdout.
std::string haproxyConfig(const LocalEndpoint &endpoint, const std::string &dir);

// Copy-and-truncate rotation of a log that a process appends to (O_APPEND, so it goes on at the
// start of the file) beyond `maxBytes` into <log>.1. Lines the writer appends between the copy
// and the truncation are copied too, but for the last microseconds.
void rotateLogIfLarge(const std::string &path, std::size_t maxBytes);
// A new file name in `dir` (created when missing) for a new HAProxy process's request log.
std::string newRequestLogPath(const std::string &dir);
// Deletes the oldest request logs of `dir` while they hold more than `maxBytes`, never the newest.
void pruneRequestLogs(const std::string &dir, std::size_t maxBytes);

// The command line HAProxy is recognised by.
std::vector<std::string> routerCommandLine(const std::string &dir);
// ... and a scoring server.
std::vector<std::string> scoringServerCommandLine(const LocalDeployment &deployment);

// One command on HAProxy's runtime API (the stats socket in `dir`); its answer. A Transport
// error when the socket does not answer.
Result<std::string> runtimeCommand(const std::string &dir, const std::string &command);

} // namespace modelgate::detail
