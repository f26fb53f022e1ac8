// The local target: HAProxy in front of `mlflow models serve` processes (local_target.h).
#include "modelgate/core/deploy/local_target.h"

#include "deploy/endpoint_state.h"
#include "deploy/process_group.h"
#include "modelgate/core/http/http.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace modelgate {

using namespace detail;

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string nowUtc()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// An exclusive lock on an endpoint's folder for the time of a change: the console and a CLI
// acting on one endpoint at once take turns.
class FolderLock
{
public:
    explicit FolderLock(const std::string &dir)
        : m_fd(open((dir + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600))
    {
        if (m_fd >= 0)
            while (flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~FolderLock()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;
    bool ok() const { return m_fd >= 0; }

private:
    int m_fd;
};

std::string tailOf(const std::string &path, int lines)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return {};
    std::deque<std::string> kept;
    std::string line;
    while (std::getline(file, line)) {
        kept.push_back(line);
        if (lines > 0 && static_cast<int>(kept.size()) > lines)
            kept.pop_front();
    }
    std::string text;
    for (const std::string &item : kept)
        text += item + "\n";
    return text;
}

// A tracking URI as it may be written down: without user information ("user:password@"),
// which the scoring server still gets through its environment.
std::string withoutUserInfo(const std::string &uri)
{
    const auto scheme = uri.find("://");
    if (scheme == std::string::npos)
        return uri;
    const auto hostStart = scheme + 3;
    const auto pathStart = uri.find('/', hostStart);
    const auto at = uri.rfind('@', pathStart == std::string::npos ? std::string::npos : pathStart);
    if (at == std::string::npos || at < hostStart)
        return uri;
    return uri.substr(0, hostStart) + uri.substr(at + 1);
}

Error notFound(const std::string &endpoint)
{
    Error error = Error::config("there is no local endpoint '" + endpoint + "'");
    error.code = kEndpointNotFound;
    return error;
}

} // namespace

std::string LocalTargetConfig::defaultStateRoot(const Environment &env)
{
    const std::string xdg = env.get("XDG_DATA_HOME");
    if (!xdg.empty() && xdg.front() == '/')
        return xdg + "/modelgate/endpoints";
    std::string home = env.get("HOME");
    if (home.empty()) {
        if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_dir)
            home = entry->pw_dir;
    }
    return home + "/.local/share/modelgate/endpoints";
}

struct LocalTarget::Impl
{
    const LocalTargetConfig &config;
    std::shared_ptr<HttpTransport> probe;   // short timeouts: /ping
    std::shared_ptr<HttpTransport> scoring; // predictions may take a while

    explicit Impl(const LocalTargetConfig &c)
        : config(c)
    {
        TransportOptions quick;
        quick.connectTimeout = 1s;
        quick.totalTimeout = 2s;
        quick.stallTimeout = 2s;
        probe = makeCurlTransport(quick);
        TransportOptions slow;
        slow.connectTimeout = 5s;
        slow.totalTimeout = 120s;
        scoring = makeCurlTransport(slow);
    }

    std::string dirOf(const std::string &endpoint) const { return config.stateRoot + "/" + endpoint; }
    std::string logOf(const std::string &endpoint, const std::string &deployment) const
    {
        return dirOf(endpoint) + "/logs/" + (deployment.empty() ? std::string("haproxy") : deployment) +
               ".log";
    }

    Result<LocalEndpoint> load(const std::string &endpoint) const
    {
        if (!isValidResourceName(endpoint))
            return notFound(endpoint);
        struct stat info
        {};
        if (stat((dirOf(endpoint) + "/" + kStateFile).c_str(), &info) != 0)
            return notFound(endpoint);
        return readEndpointState(dirOf(endpoint));
    }

    // Loads an endpoint for a change, under its folder's lock (taken once the endpoint is known
    // to exist, then read again: another process may have changed it meanwhile).
    Result<LocalEndpoint> loadLocked(const std::string &endpoint, std::optional<FolderLock> &lock) const
    {
        if (Result<LocalEndpoint> exists = load(endpoint); !exists.ok())
            return exists;
        lock.emplace(dirOf(endpoint));
        return load(endpoint);
    }

    bool routerAlive(const LocalEndpoint &endpoint) const
    {
        return isSameProcess(endpoint.router, routerCommandLine(dirOf(endpoint.name)));
    }

    bool pings(int port, const CancelToken &cancel) const
    {
        HttpRequest request;
        request.url = "http://127.0.0.1:" + std::to_string(port) + "/ping";
        Result<HttpResponse> response = probe->send(request, cancel);
        return response.ok() && response.value().status == 200;
    }

    EndpointInfo info(const LocalEndpoint &endpoint, const CancelToken &cancel) const
    {
        EndpointInfo out;
        out.name = endpoint.name;
        out.target = "local";
        out.scoringUri = "http://127.0.0.1:" + std::to_string(endpoint.port);
        if (endpoint.splitSinceMs > 0)
            out.splitSinceMs = endpoint.splitSinceMs;
        if (endpoint.metricsPort > 0)
            out.metricsUri = "http://127.0.0.1:" + std::to_string(endpoint.metricsPort) + "/metrics";
        out.authMode = "none";
        out.production = endpoint.production;
        const bool router = routerAlive(endpoint);
        bool servingTrouble = false;
        for (const LocalDeployment &item : endpoint.deployments) {
            DeploymentInfo deployment;
            deployment.name = item.name;
            deployment.model = item.model;
            deployment.version = item.version;
            deployment.traffic = item.weight;
            deployment.directUri = "http://127.0.0.1:" + std::to_string(item.port);
            if (!isSameProcess(item.process, scoringServerCommandLine(item))) {
                deployment.health = DeploymentHealth::Dead;
                deployment.healthDetail = "its scoring server (pid " + std::to_string(item.process.pid) +
                                          ") is not running; restart the endpoint";
            } else if (pings(item.port, cancel)) {
                deployment.health = DeploymentHealth::Healthy;
            } else {
                deployment.health = DeploymentHealth::Unhealthy;
                deployment.healthDetail = "its scoring server runs but does not answer /ping";
            }
            if (deployment.health != DeploymentHealth::Healthy)
                servingTrouble = true;
            rotateLogIfLarge(logOf(endpoint.name, item.name), config.maxLogBytes);
            out.deployments.push_back(std::move(deployment));
        }
        rotateLogIfLarge(logOf(endpoint.name, {}), config.maxLogBytes);
        pruneRequestLogs(dirOf(endpoint.name) + "/logs/requests", config.maxRequestLogBytes);
        std::sort(out.deployments.begin(), out.deployments.end(),
                  [](const DeploymentInfo &a, const DeploymentInfo &b) { return a.name < b.name; });
        if (!router) {
            out.health = EndpointHealth::Down;
            out.healthDetail = "its HAProxy (pid " + std::to_string(endpoint.router.pid) +
                               ") is not running; restart the endpoint";
        } else if (servingTrouble) {
            out.health = EndpointHealth::Degraded;
            out.healthDetail = "a deployment is not healthy";
        } else {
            out.health = EndpointHealth::Running;
        }
        return out;
    }

    // Starts HAProxy on the endpoint's configuration. With a running predecessor, the new
    // process takes its listening socket over (-x) and tells it to finish its connections
    // and leave (-sf): a reload drops no request.
    Status startRouter(LocalEndpoint &endpoint, const CancelToken &cancel) const
    {
        const std::string dir = dirOf(endpoint.name);
        const std::string executable =
            endpoint.haproxyExecutable.empty() ? config.haproxyExecutable : endpoint.haproxyExecutable;
        SpawnSpec spec;
        spec.executable = executable;
        spec.args = {"-db", "-f", dir + "/" + kConfigFile};
        const bool reload = routerAlive(endpoint);
        if (reload)
            spec.args.insert(spec.args.end(),
                             {"-x", dir + "/" + kSocketFile, "-sf", std::to_string(endpoint.router.pid)});
        spec.workDir = dir;
        spec.logPath = logOf(endpoint.name, {});
        spec.fd3Path = newRequestLogPath(dir + "/logs/requests");
        Result<ProcessHandle> started = spawnInOwnGroup(spec);
        if (!started.ok())
            return started.error();
        const ProcessHandle previous = endpoint.router;
        endpoint.router = started.value();
        // Ready when the runtime API answers from the new process.
        const std::string pidLine = "Pid: " + std::to_string(endpoint.router.pid);
        for (int i = 0; i < 200; ++i) {
            if (!isSameProcess(endpoint.router, routerCommandLine(dir)))
                return Error::config("HAProxy did not start for endpoint " + endpoint.name + ": " +
                                     tailOf(logOf(endpoint.name, {}), 5));
            Result<std::string> answer = runtimeCommand(dir, "show info");
            if (answer.ok() && answer.value().find(pidLine + "\n") != std::string::npos)
                return success();
            if (!sleepUnlessCancelled(50ms, cancel))
                break;
        }
        // Not ready in time (or cancelled): the previous router, if any, keeps serving.
        stopGroup(endpoint.router, routerCommandLine(dir), 2s);
        endpoint.router = previous;
        if (cancel.isCancelled())
            return cancelledError();
        return Error::config("HAProxy for endpoint " + endpoint.name +
                             " did not answer on its runtime socket");
    }

    Status writeConfig(const LocalEndpoint &endpoint) const
    {
        return writeTextFile(dirOf(endpoint.name) + "/" + kConfigFile,
                             haproxyConfig(endpoint, dirOf(endpoint.name)));
    }

    // Starts a scoring server for `deployment` and waits for its /ping.
    Status startScoringServer(const std::string &endpoint, LocalDeployment &deployment,
                              const RegistryAccess &access, const ProgressFn &progress,
                              const CancelToken &cancel) const
    {
        const char *pathVariable = std::getenv("PATH");
        const std::string path = pathVariable ? pathVariable : "/usr/bin:/bin";
        Result<std::string> executable = resolveExecutable(
            deployment.mlflowExecutable.empty() ? config.mlflowExecutable : deployment.mlflowExecutable,
            path);
        if (!executable.ok())
            return Error::config("cannot start MLflow's scoring server: " + executable.error().message +
                                 " (set the workspace profile's MLflow executable)");
        deployment.mlflowExecutable = executable.value();
        SpawnSpec spec;
        spec.executable = executable.value();
        spec.args = {"models",
                     "serve",
                     "-m",
                     "models:/" + deployment.model + "/" + deployment.version,
                     "--env-manager",
                     "local",
                     "-h",
                     "127.0.0.1",
                     "-p",
                     std::to_string(deployment.port)};
        // MLflow starts uvicorn by name: its environment's bin folder goes first on PATH.
        spec.env.emplace_back("PATH", fs::path(executable.value()).parent_path().string() + ":" + path);
        spec.env.emplace_back("MLFLOW_TRACKING_URI", access.trackingUri);
        // Credentials through the environment only (never argv, a file or a log).
        spec.unset = {"MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN",
                      "MLFLOW_TRACKING_INSECURE_TLS", "MLFLOW_TRACKING_SERVER_CERT_PATH"};
        if (access.credentials.kind == AuthKind::Basic) {
            spec.env.emplace_back("MLFLOW_TRACKING_USERNAME", access.credentials.username);
            spec.env.emplace_back("MLFLOW_TRACKING_PASSWORD", access.credentials.secret);
        } else if (access.credentials.kind == AuthKind::Bearer) {
            spec.env.emplace_back("MLFLOW_TRACKING_TOKEN", access.credentials.secret);
        }
        if (access.insecureTls)
            spec.env.emplace_back("MLFLOW_TRACKING_INSECURE_TLS", "true");
        if (!access.caBundlePath.empty())
            spec.env.emplace_back("MLFLOW_TRACKING_SERVER_CERT_PATH", access.caBundlePath);
        spec.workDir = dirOf(endpoint);
        spec.logPath = logOf(endpoint, deployment.name);
        rotateLogIfLarge(spec.logPath, config.maxLogBytes);
        if (progress)
            progress("starting the scoring server for " + deployment.model + " v" + deployment.version, 10);
        Result<ProcessHandle> started = spawnInOwnGroup(spec);
        if (!started.ok())
            return started.error();
        deployment.process = started.value();
        const auto begin = std::chrono::steady_clock::now();
        const auto deadline = begin + config.startTimeout;
        long long reported = -1; // the waiting step is reported every 5 s
        while (std::chrono::steady_clock::now() < deadline) {
            if (!isSameProcess(deployment.process, scoringServerCommandLine(deployment)))
                return Error::config("the scoring server for " + deployment.model + " v" +
                                     deployment.version + " exited while starting; its log ends:\n" +
                                     tailOf(spec.logPath, 12));
            if (pings(deployment.port, cancel))
                return success();
            if (!sleepUnlessCancelled(200ms, cancel))
                break;
            const auto waited =
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - begin);
            if (progress && waited.count() != reported && waited.count() % 5 == 0) {
                reported = waited.count();
                progress("waiting for the scoring server to answer (" + std::to_string(waited.count()) +
                             " s)",
                         static_cast<int>(10 + 80 * waited.count() /
                                                   std::max<long long>(1, config.startTimeout.count())));
            }
        }
        stopGroup(deployment.process, scoringServerCommandLine(deployment), 3s);
        if (cancel.isCancelled())
            return cancelledError();
        return Error::config("the scoring server for " + deployment.model + " v" + deployment.version +
                             " did not answer within " + std::to_string(config.startTimeout.count()) +
                             " s; its log ends:\n" + tailOf(spec.logPath, 12));
    }
};

LocalTarget::LocalTarget(LocalTargetConfig config)
    : m_config(std::move(config))
    , m_impl(std::make_unique<Impl>(m_config))
{}

LocalTarget::~LocalTarget() = default;

std::string LocalTarget::endpointDir(const std::string &endpoint) const
{
    return m_impl->dirOf(endpoint);
}

std::string LocalTarget::logPath(const std::string &endpoint, const std::string &deployment) const
{
    return m_impl->logOf(endpoint, deployment);
}

Result<std::vector<EndpointInfo>> LocalTarget::listEndpoints(const CancelToken &cancel) const
{
    std::vector<EndpointInfo> endpoints;
    DIR *root = opendir(m_config.stateRoot.c_str());
    if (!root)
        return endpoints; // no endpoint yet
    std::vector<std::string> names;
    while (const dirent *entry = readdir(root))
        if (isValidResourceName(entry->d_name))
            names.emplace_back(entry->d_name);
    closedir(root);
    std::sort(names.begin(), names.end());
    for (const std::string &name : names) {
        Result<LocalEndpoint> endpoint = m_impl->load(name);
        if (endpoint.ok()) {
            endpoints.push_back(m_impl->info(endpoint.value(), cancel));
        } else if (endpoint.error().code != kEndpointNotFound) {
            // A folder whose state cannot be read is listed, not hidden: its processes may run.
            EndpointInfo unreadable;
            unreadable.name = name;
            unreadable.target = kind();
            unreadable.authMode = "none";
            unreadable.health = EndpointHealth::Down;
            unreadable.healthDetail = "its state cannot be read: " + endpoint.error().message;
            endpoints.push_back(std::move(unreadable));
        }
        if (cancel.isCancelled())
            return cancelledError();
    }
    return endpoints;
}

Result<EndpointInfo> LocalTarget::endpoint(const std::string &name, const CancelToken &cancel) const
{
    Result<LocalEndpoint> endpoint = m_impl->load(name);
    if (!endpoint.ok())
        return endpoint.error();
    return m_impl->info(endpoint.value(), cancel);
}

Status LocalTarget::createEndpoint(const EndpointSpec &spec, const ProgressFn &progress,
                                   const CancelToken &cancel)
{
    if (!isValidResourceName(spec.name))
        return Error::config(
            "'" + spec.name +
            "' is not a valid endpoint name (1-32 of a-z, 0-9 and '-', starting with a letter)");
    const std::string dir = m_impl->dirOf(spec.name);
    if ((dir + "/" + kSocketFile).size() >= 100)
        return Error::config(
            "the endpoint folder '" + dir +
            "' is too long for HAProxy's runtime socket; set XDG_DATA_HOME to a shorter path");
    std::error_code error;
    fs::create_directories(m_config.stateRoot, error);
    chmod(m_config.stateRoot.c_str(), 0700);
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return Error::config("cannot create '" + dir + "': " + std::strerror(errno));
    FolderLock lock(dir);
    struct stat info
    {};
    if (stat((dir + "/" + kStateFile).c_str(), &info) == 0) {
        Error exists = Error::refused(kEndpointExists, "endpoint " + spec.name + " exists");
        return exists;
    }
    fs::create_directories(dir + "/logs", error);
    chmod(dir.c_str(), 0700);
    chmod((dir + "/logs").c_str(), 0700);
    if (progress)
        progress("starting HAProxy for endpoint " + spec.name, 5);
    LocalEndpoint endpoint;
    endpoint.name = spec.name;
    endpoint.production = spec.production;
    endpoint.created = nowUtc();
    const char *path = std::getenv("PATH");
    Result<std::string> haproxy =
        resolveExecutable(m_config.haproxyExecutable, path ? path : "/usr/sbin:/usr/bin");
    if (!haproxy.ok()) {
        fs::remove_all(dir, error);
        return Error::config("HAProxy is needed for local endpoints: " + haproxy.error().message +
                             " (scripts/setup.sh installs the Debian package haproxy)");
    }
    endpoint.haproxyExecutable = haproxy.value();
    Result<int> port = freeLoopbackPort();
    if (!port.ok())
        return port.error();
    endpoint.port = port.value();
    Result<int> metricsPort = freeLoopbackPort();
    if (!metricsPort.ok())
        return metricsPort.error();
    endpoint.metricsPort = metricsPort.value();
    Status written = m_impl->writeConfig(endpoint);
    if (written.ok())
        written = m_impl->startRouter(endpoint, cancel);
    if (written.ok())
        written = writeEndpointState(dir, endpoint);
    if (!written.ok()) {
        stopGroup(endpoint.router, routerCommandLine(dir), 2s);
        fs::remove_all(dir, error);
        return written;
    }
    return success();
}

Status LocalTarget::createDeployment(const DeploymentSpec &spec, const RegistryAccess &access,
                                     const ProgressFn &progress, const CancelToken &cancel)
{
    if (!isValidResourceName(spec.name))
        return Error::config(
            "'" + spec.name +
            "' is not a valid deployment name (1-32 of a-z, 0-9 and '-', starting with a letter)");
    if (spec.version.empty() || !std::all_of(spec.version.begin(), spec.version.end(), ::isdigit))
        return Error::config("a deployment serves a version number, not '" + spec.version + "'");
    const std::string dir = m_impl->dirOf(spec.endpoint);
    std::optional<FolderLock> lock;
    Result<LocalEndpoint> loaded = m_impl->loadLocked(spec.endpoint, lock);
    if (!loaded.ok())
        return loaded.error();
    LocalEndpoint endpoint = loaded.value();
    if (endpoint.find(spec.name))
        return Error::refused(kDeploymentExists,
                              "endpoint " + spec.endpoint + " already has a deployment " + spec.name);
    if (!m_impl->routerAlive(endpoint))
        return Error::config("endpoint " + spec.endpoint +
                             " is down (its HAProxy is not running): restart it first");
    LocalDeployment deployment;
    deployment.name = spec.name;
    deployment.model = spec.model;
    deployment.version = spec.version;
    deployment.weight = 0;
    deployment.mlflowExecutable = m_config.mlflowExecutable;
    deployment.trackingUri = withoutUserInfo(access.trackingUri);
    Result<int> port = freeLoopbackPort();
    if (!port.ok())
        return port.error();
    deployment.port = port.value();
    if (Status started = m_impl->startScoringServer(spec.endpoint, deployment, access, progress, cancel);
        !started.ok())
        return started;
    if (cancel.isCancelled()) {
        stopGroup(deployment.process, scoringServerCommandLine(deployment), 3s);
        return cancelledError();
    }
    if (progress)
        progress("adding " + spec.name + " to the endpoint at 0 %", 92);
    LocalEndpoint updated = endpoint;
    updated.deployments.push_back(deployment);
    Status done = m_impl->writeConfig(updated);
    if (done.ok())
        done = m_impl->startRouter(updated, CancelToken());
    if (done.ok())
        done = writeEndpointState(dir, updated);
    if (!done.ok()) {
        // Leave the endpoint as it was: its configuration back, the new server stopped.
        (void)m_impl->writeConfig(endpoint);
        stopGroup(deployment.process, scoringServerCommandLine(deployment), 3s);
        return done;
    }
    if (progress)
        progress(spec.name + " is healthy", 100);
    return success();
}

Status LocalTarget::setTraffic(const std::string &name, const TrafficSplit &split, const CancelToken &cancel)
{
    (void)cancel; // a split is set in a few local calls; it is not left half-done by a cancel
    const std::string dir = m_impl->dirOf(name);
    std::optional<FolderLock> lock;
    Result<LocalEndpoint> loaded = m_impl->loadLocked(name, lock);
    if (!loaded.ok())
        return loaded.error();
    LocalEndpoint endpoint = loaded.value();
    TrafficSplit full = split;
    for (const LocalDeployment &item : endpoint.deployments)
        full.emplace(item.name, 0); // an unnamed deployment gets 0
    for (const auto &[deployment, percent] : full)
        if (!endpoint.find(deployment))
            return Error::refused(kBadSplit, "endpoint " + name + " has no deployment " + deployment);
    if (full.empty() || !isValidSplit(full))
        return Error::refused(kBadSplit,
                              "a split must give whole percents summing to 100, not " + describeSplit(full));
    if (!m_impl->routerAlive(endpoint))
        return Error::config("endpoint " + name + " is down (its HAProxy is not running): restart it first");
    const TrafficSplit before = endpoint.split();
    // Live, through the runtime API; a failure part-way puts back what was changed.
    std::vector<std::string> changed;
    for (const auto &[deployment, percent] : full) {
        if (before.at(deployment) == percent)
            continue;
        Result<std::string> answer = runtimeCommand(dir, "set weight " + std::string(kBackend) + "/" +
                                                             deployment + " " + std::to_string(percent));
        const bool ok = answer.ok() && answer.value().find_first_not_of("\r\n ") == std::string::npos;
        if (!ok) {
            for (const std::string &undo : changed)
                (void)runtimeCommand(dir, "set weight " + std::string(kBackend) + "/" + undo + " " +
                                              std::to_string(before.at(undo)));
            return answer.ok()
                       ? Error::config("HAProxy refused the weight of " + deployment + ": " + answer.value())
                       : answer.error();
        }
        changed.push_back(deployment);
    }
    for (LocalDeployment &item : endpoint.deployments)
        item.weight = full.at(item.name);
    if (!changed.empty())
        endpoint.splitSinceMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
    // The same split in the configuration, so that a restarted HAProxy comes back with it.
    if (Status written = m_impl->writeConfig(endpoint); !written.ok())
        return written;
    return writeEndpointState(dir, endpoint);
}

Status LocalTarget::deleteDeployment(const std::string &name, const std::string &deploymentName,
                                     const CancelToken &cancel)
{
    const std::string dir = m_impl->dirOf(name);
    std::optional<FolderLock> lock;
    Result<LocalEndpoint> loaded = m_impl->loadLocked(name, lock);
    if (!loaded.ok())
        return loaded.error();
    LocalEndpoint endpoint = loaded.value();
    const LocalDeployment *found = endpoint.find(deploymentName);
    if (!found) {
        Error error = Error::config("endpoint " + name + " has no deployment " + deploymentName);
        error.code = kDeploymentNotFound;
        return error;
    }
    if (found->weight > 0)
        return Error::refused(kHasTraffic, deploymentName + " has " + std::to_string(found->weight) +
                                               " % of the traffic of " + name + "; give it 0 % first");
    const LocalDeployment removed = *found;
    endpoint.deployments.erase(
        std::remove_if(endpoint.deployments.begin(), endpoint.deployments.end(),
                       [&](const LocalDeployment &item) { return item.name == deploymentName; }),
        endpoint.deployments.end());
    if (Status written = m_impl->writeConfig(endpoint); !written.ok())
        return written;
    if (m_impl->routerAlive(endpoint))
        if (Status reloaded = m_impl->startRouter(endpoint, cancel); !reloaded.ok())
            return reloaded;
    if (Status written = writeEndpointState(dir, endpoint); !written.ok())
        return written;
    stopGroup(removed.process, scoringServerCommandLine(removed), 5s);
    return success();
}

Status LocalTarget::deleteEndpoint(const std::string &name, const CancelToken &cancel)
{
    (void)cancel;
    const std::string dir = m_impl->dirOf(name);
    {
        std::optional<FolderLock> lock;
        Result<LocalEndpoint> loaded = m_impl->loadLocked(name, lock);
        if (!loaded.ok())
            return loaded.error();
        const LocalEndpoint &endpoint = loaded.value();
        stopGroup(endpoint.router, routerCommandLine(dir), 3s);
        for (const LocalDeployment &item : endpoint.deployments)
            stopGroup(item.process, scoringServerCommandLine(item), 5s);
    }
    std::error_code error;
    fs::remove_all(dir, error);
    if (error)
        return Error::config("cannot remove '" + dir + "': " + error.message());
    return success();
}

Status LocalTarget::restartEndpoint(const std::string &name, const RegistryAccess &access,
                                    const ProgressFn &progress, const CancelToken &cancel)
{
    const std::string dir = m_impl->dirOf(name);
    std::optional<FolderLock> lock;
    Result<LocalEndpoint> loaded = m_impl->loadLocked(name, lock);
    if (!loaded.ok())
        return loaded.error();
    LocalEndpoint endpoint = loaded.value();
    bool configChanged = false;
    if (endpoint.metricsPort == 0) {
        Result<int> metricsPort = freeLoopbackPort();
        if (!metricsPort.ok())
            return metricsPort.error();
        endpoint.metricsPort = metricsPort.value();
        configChanged = true;
        if (Status written = writeEndpointState(dir, endpoint); !written.ok())
            return written;
    }
    for (LocalDeployment &item : endpoint.deployments) {
        if (isSameProcess(item.process, scoringServerCommandLine(item)))
            continue;
        // Its port may have been taken meanwhile.
        Result<int> port = freeLoopbackPort();
        if (!port.ok())
            return port.error();
        if (port.value() != item.port) {
            item.port = port.value();
            configChanged = true;
        }
        const ProgressFn step = [&](const std::string &text, int percent) {
            if (progress)
                progress(item.name + ": " + text, percent);
        };
        if (Status started = m_impl->startScoringServer(name, item, access, step, cancel); !started.ok())
            return started;
        if (Status written = writeEndpointState(dir, endpoint); !written.ok())
            return written;
    }
    if (Status written = m_impl->writeConfig(endpoint); !written.ok())
        return written;
    if (!m_impl->routerAlive(endpoint) || configChanged) {
        if (progress)
            progress("starting HAProxy with the split " + describeSplit(endpoint.split()), 95);
        if (Status started = m_impl->startRouter(endpoint, cancel); !started.ok())
            return started;
    }
    return writeEndpointState(dir, endpoint);
}

Result<std::string> LocalTarget::deploymentLogs(const std::string &name, const std::string &deployment,
                                                int tailLines, const CancelToken &cancel) const
{
    (void)cancel;
    Result<LocalEndpoint> loaded = m_impl->load(name);
    if (!loaded.ok())
        return loaded.error();
    if (!deployment.empty() && !loaded.value().find(deployment)) {
        Error error = Error::config("endpoint " + name + " has no deployment " + deployment);
        error.code = kDeploymentNotFound;
        return error;
    }
    return tailOf(m_impl->logOf(name, deployment), tailLines);
}

Result<InvokeResponse> LocalTarget::invoke(const std::string &name, const std::string &deployment,
                                           const std::string &jsonBody, const CancelToken &cancel) const
{
    Result<LocalEndpoint> loaded = m_impl->load(name);
    if (!loaded.ok())
        return loaded.error();
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = "http://127.0.0.1:" + std::to_string(loaded.value().port) + "/invocations";
    request.headers = {{"Content-Type", "application/json"}};
    if (!deployment.empty())
        request.headers.emplace_back("modelgate-deployment", deployment);
    request.body = jsonBody;
    request.idempotent = false;
    Result<HttpResponse> response = m_impl->scoring->send(request, cancel);
    if (!response.ok())
        return response.error();
    InvokeResponse out;
    out.status = response.value().status;
    out.body = response.value().body;
    out.contentType = response.value().header("content-type");
    return out;
}

Result<std::vector<std::string>> LocalTarget::pendingRecords(const std::string &name) const
{
    Result<LocalEndpoint> loaded = m_impl->load(name);
    if (!loaded.ok())
        return loaded.error();
    return readPendingRecords(m_impl->dirOf(name));
}

Status LocalTarget::setPendingRecords(const std::string &name, const std::vector<std::string> &records)
{
    Result<LocalEndpoint> loaded = m_impl->load(name);
    if (!loaded.ok())
        return loaded.error();
    FolderLock lock(m_impl->dirOf(name));
    return writePendingRecords(m_impl->dirOf(name), records);
}

Status LocalTarget::stopRouter(const std::string &name)
{
    Result<LocalEndpoint> loaded = m_impl->load(name);
    if (!loaded.ok())
        return loaded.error();
    stopGroup(loaded.value().router, routerCommandLine(m_impl->dirOf(name)), 3s);
    return success();
}

} // namespace modelgate
