// What monitoring needs of a local endpoint, kept apart from the lifecycle in local_target.cpp:
// its settings file and the sessions of its scoring servers.
#include "deploy/endpoint_state.h"
#include "modelgate/core/deploy/local_target.h"

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

} // namespace modelgate
