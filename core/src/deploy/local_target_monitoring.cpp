// What monitoring needs of a local endpoint, kept apart from the lifecycle in local_target.cpp:
// its settings file and the sessions of its scoring servers.
#include "deploy/endpoint_state.h"
#include "modelgate/core/deploy/local_target.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace modelgate {

using namespace detail;

namespace {

constexpr const char *kMonitorSettingsFile = "monitor.json";

Result<LocalEndpoint> existing(const LocalTarget &target, const std::string &name)
{
    struct stat info
    {};
    if (!isValidResourceName(name) ||
        stat((target.endpointDir(name) + "/" + kStateFile).c_str(), &info) != 0) {
        Error error = Error::config("there is no local endpoint '" + name + "'");
        error.code = kEndpointNotFound;
        return error;
    }
    return readEndpointState(target.endpointDir(name));
}

} // namespace

Result<std::string> LocalTarget::monitorSettings(const std::string &name) const
{
    if (Result<LocalEndpoint> loaded = existing(*this, name); !loaded.ok())
        return loaded.error();
    std::ifstream file(endpointDir(name) + "/" + kMonitorSettingsFile, std::ios::binary);
    if (!file)
        return std::string();
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Status LocalTarget::setMonitorSettings(const std::string &name, const std::string &json)
{
    if (Result<LocalEndpoint> loaded = existing(*this, name); !loaded.ok())
        return loaded.error();
    // Atomic (temp file + rename): a watcher reading it meanwhile sees the old or the new rules.
    return writeTextFile(endpointDir(name) + "/" + kMonitorSettingsFile, json);
}

Result<std::map<std::string, int>> LocalTarget::deploymentSessions(const std::string &name) const
{
    Result<LocalEndpoint> loaded = existing(*this, name);
    if (!loaded.ok())
        return loaded.error();
    std::map<std::string, int> sessions;
    for (const LocalDeployment &deployment : loaded.value().deployments)
        if (isSameProcess(deployment.process, scoringServerCommandLine(deployment)))
            sessions[deployment.name] = deployment.process.pid;
    return sessions;
}

Result<std::map<std::string, LocalTarget::ServerLoad>> LocalTarget::serverLoad(const std::string &name) const
{
    if (Result<LocalEndpoint> loaded = existing(*this, name); !loaded.ok())
        return loaded.error();
    Result<std::string> stat = runtimeCommand(endpointDir(name), "show stat");
    if (!stat.ok())
        return stat.error();
    // CSV with a header line "# pxname,svname,qcur,qmax,scur,...": find the columns by name.
    std::istringstream lines(stat.value());
    std::string line;
    std::vector<std::string> header;
    std::map<std::string, ServerLoad> load;
    const auto split = [](const std::string &text) {
        std::vector<std::string> fields;
        std::string field;
        std::istringstream stream(text);
        while (std::getline(stream, field, ','))
            fields.push_back(field);
        return fields;
    };
    const auto column = [&](const char *key) {
        const auto found = std::find(header.begin(), header.end(), key);
        return found == header.end() ? std::size_t(-1) : static_cast<std::size_t>(found - header.begin());
    };
    while (std::getline(lines, line)) {
        if (line.rfind("# ", 0) == 0) {
            header = split(line.substr(2));
            continue;
        }
        const std::vector<std::string> fields = split(line);
        const std::size_t proxy = column("pxname"), server = column("svname"), queued = column("qcur"),
                          sessions = column("scur");
        if (header.empty() || std::max({proxy, server, queued, sessions}) >= fields.size() ||
            fields[proxy] != kBackend || fields[server] == "BACKEND" || fields[server] == "FRONTEND")
            continue;
        ServerLoad item;
        item.queued = std::atoi(fields[queued].c_str());
        item.connections = std::atoi(fields[sessions].c_str());
        load[fields[server]] = item;
    }
    return load;
}

} // namespace modelgate
