// What monitoring needs of a local endpoint, kept apart from the lifecycle in local_target.cpp:
// its settings file and the sessions of its scoring servers.
#include "deploy/endpoint_state.h"
#include "modelgate/core/deploy/local_target.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

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

namespace detail {

void rotateLogIfLarge(const std::string &path, std::size_t maxBytes)
{
    struct stat info
    {};
    if (stat(path.c_str(), &info) != 0 || static_cast<std::size_t>(info.st_size) <= maxBytes)
        return;
    std::error_code failed;
    std::filesystem::copy_file(path, path + ".1", std::filesystem::copy_options::overwrite_existing, failed);
    if (failed)
        return;
    // What the writer appended while we copied goes after the copy, then the file is emptied.
    std::ifstream rest(path, std::ios::binary);
    rest.seekg(static_cast<std::streamoff>(std::filesystem::file_size(path + ".1", failed)));
    std::ofstream copy(path + ".1", std::ios::binary | std::ios::app);
    copy << rest.rdbuf();
    copy.close();
    (void)truncate(path.c_str(), 0);
}

std::string newRequestLogPath(const std::string &dir)
{
    std::filesystem::create_directories(dir);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    for (long long ms = now;; ++ms) {
        char name[32];
        std::snprintf(name, sizeof name, "%013lld.log", ms);
        const std::string path = dir + "/" + name;
        struct stat info
        {};
        if (stat(path.c_str(), &info) != 0)
            return path;
    }
}

void pruneRequestLogs(const std::string &dir, std::size_t maxBytes)
{
    std::error_code failed;
    std::vector<std::pair<std::string, std::uintmax_t>> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir, failed))
        if (entry.path().extension() == ".log")
            files.emplace_back(entry.path().string(), entry.file_size(failed));
    std::sort(files.begin(), files.end());
    std::uintmax_t total = 0;
    for (const auto &[path, size] : files)
        total += size;
    // Oldest first; the newest is the running HAProxy's and stays.
    for (std::size_t i = 0; i + 1 < files.size() && total > maxBytes; ++i) {
        std::filesystem::remove(files[i].first, failed);
        total -= files[i].second;
    }
}

} // namespace detail

std::string LocalTarget::requestLogDir(const std::string &endpoint) const
{
    return endpointDir(endpoint) + "/logs/requests";
}

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
