#include "deploy/endpoint_state.h"

#include "modelgate/core/deploy/local_target.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace modelgate::detail {

namespace {

using Json = nlohmann::json;

Json handleJson(const ProcessHandle &handle)
{
    return Json::object({{"pid", handle.pid}, {"start_time", handle.startTime}});
}

ProcessHandle handleFrom(const Json &value)
{
    ProcessHandle handle;
    if (value.is_object()) {
        handle.pid = value.value("pid", 0);
        handle.startTime = value.value("start_time", 0LL);
    }
    return handle;
}

} // namespace

LocalDeployment *LocalEndpoint::find(const std::string &deployment)
{
    for (LocalDeployment &item : deployments)
        if (item.name == deployment)
            return &item;
    return nullptr;
}

const LocalDeployment *LocalEndpoint::find(const std::string &deployment) const
{
    return const_cast<LocalEndpoint *>(this)->find(deployment);
}

TrafficSplit LocalEndpoint::split() const
{
    TrafficSplit split;
    for (const LocalDeployment &item : deployments)
        split[item.name] = item.weight;
    return split;
}

Result<LocalEndpoint> readEndpointState(const std::string &dir)
{
    const std::string path = dir + "/" + kStateFile;
    std::ifstream file(path);
    if (!file)
        return Error::config("no endpoint state at '" + path + "'");
    std::ostringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    const Json object = Json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return Error::parse({}, "'" + path + "' is not a JSON object");
    try {
        LocalEndpoint endpoint;
        endpoint.name = object.at("name").get<std::string>();
        endpoint.production = object.value("production", false);
        endpoint.port = object.at("port").get<int>();
        endpoint.metricsPort = object.value("metrics_port", 0);
        endpoint.splitSinceMs = object.value("split_since_ms", std::int64_t(0));
        endpoint.created = object.value("created", std::string());
        endpoint.router = handleFrom(object.value("router", Json()));
        endpoint.haproxyExecutable = object.value("haproxy", std::string("haproxy"));
        for (const Json &item : object.at("deployments")) {
            LocalDeployment deployment;
            deployment.name = item.at("name").get<std::string>();
            deployment.model = item.at("model").get<std::string>();
            deployment.version = item.at("version").get<std::string>();
            deployment.port = item.at("port").get<int>();
            deployment.weight = item.at("weight").get<int>();
            deployment.process = handleFrom(item.value("process", Json()));
            deployment.mlflowExecutable = item.value("mlflow", std::string("mlflow"));
            deployment.trackingUri = item.value("tracking_uri", std::string());
            endpoint.deployments.push_back(std::move(deployment));
        }
        return endpoint;
    } catch (const std::exception &error) {
        return Error::parse({}, "'" + path + "' is not an endpoint state: " + error.what());
    }
}

Status writeTextFile(const std::string &path, const std::string &text)
{
    const std::string temp = path + ".tmp";
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::config("cannot write '" + temp + "': " + std::strerror(errno));
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = errno;
            close(fd);
            unlink(temp.c_str());
            return Error::config("cannot write '" + temp + "': " + std::strerror(error));
        }
        written += static_cast<std::size_t>(n);
    }
    fsync(fd);
    close(fd);
    if (std::rename(temp.c_str(), path.c_str()) != 0)
        return Error::config("cannot replace '" + path + "': " + std::strerror(errno));
    return success();
}

Status writeEndpointState(const std::string &dir, const LocalEndpoint &endpoint)
{
    Json deployments = Json::array();
    for (const LocalDeployment &item : endpoint.deployments)
        deployments.push_back(Json::object({{"name", item.name},
                                            {"model", item.model},
                                            {"version", item.version},
                                            {"port", item.port},
                                            {"weight", item.weight},
                                            {"process", handleJson(item.process)},
                                            {"mlflow", item.mlflowExecutable},
                                            {"tracking_uri", item.trackingUri}}));
    const Json object = Json::object({{"name", endpoint.name},
                                      {"target", "local"},
                                      {"production", endpoint.production},
                                      {"port", endpoint.port},
                                      {"metrics_port", endpoint.metricsPort},
                                      {"split_since_ms", endpoint.splitSinceMs},
                                      {"created", endpoint.created},
                                      {"router", handleJson(endpoint.router)},
                                      {"haproxy", endpoint.haproxyExecutable},
                                      {"deployments", deployments}});
    return writeTextFile(dir + "/" + kStateFile, object.dump(2) + "\n");
}

Result<std::vector<std::string>> readPendingRecords(const std::string &dir)
{
    std::ifstream file(dir + "/pending-records.json");
    if (!file)
        return std::vector<std::string>{};
    std::ostringstream buffer;
    buffer << file.rdbuf();
    const Json value = Json::parse(buffer.str(), nullptr, false);
    if (value.is_discarded() || !value.is_array())
        return Error::parse({}, "'" + dir + "/pending-records.json' is not a list");
    std::vector<std::string> records;
    for (const Json &item : value)
        if (item.is_string())
            records.push_back(item.get<std::string>());
    return records;
}

Status writePendingRecords(const std::string &dir, const std::vector<std::string> &records)
{
    if (records.empty()) {
        std::remove((dir + "/pending-records.json").c_str());
        return success();
    }
    return writeTextFile(dir + "/pending-records.json", Json(records).dump(2) + "\n");
}

std::string haproxyConfig(const LocalEndpoint &endpoint, const std::string &dir)
{
    // Names are checked by isValidResourceName ([a-z0-9-]), so they need no quoting here.
    std::string names;
    for (const LocalDeployment &item : endpoint.deployments)
        names += (names.empty() ? "" : " ") + item.name;
    std::string listed;
    for (const LocalDeployment &item : endpoint.deployments)
        listed += (listed.empty() ? "" : ", ") + item.name;
    const std::string unknown =
        "{\"error_code\":\"UNKNOWN_DEPLOYMENT\",\"message\":\"endpoint " + endpoint.name +
        " has no deployment of the name in the modelgate-deployment header; it has: " +
        (listed.empty() ? std::string("none") : listed) + "\"}";
    std::string text;
    text += "# Generated by ModelGate for endpoint " + endpoint.name +
            "; rewritten on every change (weights = percent of the traffic).\n";
    text += "global\n";
    text += "    stats socket " + dir + "/" + kSocketFile + " mode 600 level admin expose-fd listeners\n";
    // Requests to file descriptor 3: a file of this HAProxy process's own (LocalTarget gives each
    // process a new one), because HAProxy clears O_APPEND on its log descriptor, so two writers
    // of one file, or a truncation, would overwrite lines. Its own messages go to stdout.
    text += "    log fd@3 format raw local0\n";
    text += "defaults\n";
    text += "    mode http\n    log global\n";
    text += "    log-format \"" + std::string(kRequestLogFormat) + "\"\n";
    text += "    timeout connect 5s\n    timeout client 120s\n    timeout server 120s\n";
    // A busy scoring server answers /ping late: give it 5 s and three misses before it counts
    // as down, or a loaded machine would take healthy deployments out of the split.
    text += "    timeout check 5s\n";
    // A request that cannot reach a server is sent to another one; weights shift live.
    text += "    option redispatch\n    retries 3\n";
    if (endpoint.metricsPort > 0) {
        // Prometheus scrapes here; its own requests stay out of the request log.
        text += "frontend metrics\n";
        text += "    bind 127.0.0.1:" + std::to_string(endpoint.metricsPort) + "\n";
        text += "    no log\n";
        text += "    http-request use-service prometheus-exporter if { path /metrics }\n";
        text += "    http-request return status 404 content-type text/plain string 'GET /metrics'\n";
    }
    text += "frontend scoring\n";
    text += "    bind 127.0.0.1:" + std::to_string(endpoint.port) + "\n";
    text += "    http-request return status 404 content-type application/json string '" + unknown +
            "' if { req.hdr(modelgate-deployment) -m found }" +
            (names.empty() ? std::string() : " !{ req.hdr(modelgate-deployment) -m str " + names + " }") +
            "\n";
    for (const LocalDeployment &item : endpoint.deployments)
        text += "    use_backend only-" + item.name + " if { req.hdr(modelgate-deployment) -m str " +
                item.name + " }\n";
    text += "    default_backend " + std::string(kBackend) + "\n";
    text += "backend " + std::string(kBackend) + "\n";
    text += "    balance roundrobin\n    option httpchk GET /ping\n";
    for (const LocalDeployment &item : endpoint.deployments)
        text += "    server " + item.name + " 127.0.0.1:" + std::to_string(item.port) + " weight " +
                std::to_string(item.weight) + " check inter 2s fall 3 rise 2\n";
    // One deployment alone, whatever its weight (smoke tests at 0 %); never redispatched.
    for (const LocalDeployment &item : endpoint.deployments) {
        text += "backend only-" + item.name + "\n";
        text += "    no option redispatch\n";
        text += "    server " + item.name + " 127.0.0.1:" + std::to_string(item.port) + " track " + kBackend +
                "/" + item.name + "\n";
    }
    return text;
}

std::vector<std::string> routerCommandLine(const std::string &dir)
{
    return {"-f", dir + "/" + kConfigFile};
}

std::vector<std::string> scoringServerCommandLine(const LocalDeployment &deployment)
{
    return {"models", "serve",
            "-m",     "models:/" + deployment.model + "/" + deployment.version,
            "-p",     std::to_string(deployment.port)};
}

Result<std::string> runtimeCommand(const std::string &dir, const std::string &command)
{
    const std::string path = dir + "/" + kSocketFile;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        return Error::config("the runtime socket path '" + path + "' is too long for a Unix socket");
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error::of(ErrorKind::Transport, std::string("socket: ") + std::strerror(errno));
    if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        const int error = errno;
        close(fd);
        return Error::of(ErrorKind::Transport,
                         "HAProxy's runtime API at '" + path + "' does not answer: " + std::strerror(error));
    }
    const std::string line = command + "\n";
    std::size_t sent = 0;
    while (sent < line.size()) {
        const ssize_t n = send(fd, line.data() + sent, line.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            return Error::of(ErrorKind::Transport, "HAProxy's runtime API closed while sending");
        }
        sent += static_cast<std::size_t>(n);
    }
    // Non-interactive mode: HAProxy answers and closes.
    std::string answer;
    char buffer[4096];
    pollfd wait{fd, POLLIN, 0};
    while (poll(&wait, 1, 5000) > 0) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    return answer;
}

} // namespace modelgate::detail
