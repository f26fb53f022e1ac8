#include "deploy/process_group.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <optional>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace modelgate::detail {

namespace {

struct ProcStat
{
    char state = 0;
    int pgid = 0;
    long long startTime = 0;
};

std::optional<ProcStat> procStat(int pid)
{
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(file, text);
    // The command name (field 2) is in parentheses and may hold anything: read after the last ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    std::istringstream rest(text.substr(close + 1));
    ProcStat stat;
    std::string skip;
    int ppid = 0;
    rest >> stat.state >> ppid >> stat.pgid;
    // fields 6..21, then 22 = starttime
    for (int field = 6; field <= 21 && rest; ++field)
        rest >> skip;
    rest >> stat.startTime;
    if (!rest)
        return std::nullopt;
    return stat;
}

bool containsInOrder(const std::vector<std::string> &haystack, const std::vector<std::string> &needles)
{
    auto at = haystack.begin();
    for (const std::string &needle : needles) {
        at = std::find(at, haystack.end(), needle);
        if (at == haystack.end())
            return false;
        ++at;
    }
    return true;
}

// Live members of process group `pgid` (zombies are not alive).
std::vector<int> groupMembers(int pgid)
{
    std::vector<int> members;
    DIR *proc = opendir("/proc");
    if (!proc)
        return members;
    while (const dirent *entry = readdir(proc)) {
        const int pid = std::atoi(entry->d_name);
        if (pid <= 0)
            continue;
        const auto stat = procStat(pid);
        if (stat && stat->pgid == pgid && stat->state != 'Z')
            members.push_back(pid);
    }
    closedir(proc);
    return members;
}

} // namespace

Result<std::string> resolveExecutable(const std::string &executable, const std::string &pathVariable)
{
    if (executable.empty())
        return Error::config("no executable named");
    if (executable.find('/') != std::string::npos) {
        if (access(executable.c_str(), X_OK) != 0)
            return Error::config("'" + executable + "' is not an executable file");
        return executable;
    }
    std::istringstream dirs(pathVariable);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty())
            continue;
        const std::string candidate = dir + "/" + executable;
        struct stat info
        {};
        if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return Error::config("'" + executable + "' is not on PATH");
}

Result<ProcessHandle> spawnInOwnGroup(const SpawnSpec &spec)
{
    const char *path = std::getenv("PATH");
    Result<std::string> executable = resolveExecutable(spec.executable, path ? path : "/usr/bin:/bin");
    if (!executable.ok())
        return executable.error();

    // Everything the child needs is built before fork(): after it, in a threaded process,
    // only async-signal-safe calls are allowed.
    std::vector<std::string> argvText{executable.value()};
    argvText.insert(argvText.end(), spec.args.begin(), spec.args.end());
    std::vector<char *> argv;
    for (std::string &arg : argvText)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    std::vector<std::string> envText;
    for (char **var = environ; var && *var; ++var) {
        const std::string entry(*var);
        const std::string name = entry.substr(0, entry.find('='));
        const bool replaced = std::any_of(spec.env.begin(), spec.env.end(),
                                          [&](const auto &pair) { return pair.first == name; });
        const bool removed = std::find(spec.unset.begin(), spec.unset.end(), name) != spec.unset.end();
        if (!replaced && !removed)
            envText.push_back(entry);
    }
    for (const auto &[name, value] : spec.env)
        envText.push_back(name + "=" + value);
    std::vector<char *> envp;
    for (std::string &entry : envText)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const int logFd = open(spec.logPath.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (logFd < 0)
        return Error::config("cannot open log file '" + spec.logPath + "': " + std::strerror(errno));
    int extraFd = -1;
    if (!spec.fd3Path.empty()) {
        extraFd = open(spec.fd3Path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (extraFd < 0) {
            const int error = errno;
            close(logFd);
            return Error::config("cannot open '" + spec.fd3Path + "': " + std::strerror(error));
        }
    }
    const int nullFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int report[2];
    if (nullFd < 0 || pipe2(report, O_CLOEXEC) != 0) {
        close(logFd);
        if (nullFd >= 0)
            close(nullFd);
        return Error::config(std::string("cannot start a process: ") + std::strerror(errno));
    }
    const char *workDir = spec.workDir.empty() ? "/" : spec.workDir.c_str();

    const pid_t child = fork();
    if (child == 0) {
        // Intermediate: fork again and leave, so the process is nobody's child to wait for.
        if (fork() != 0)
            _exit(0);
        setsid(); // own session and group: pgid = pid, no controlling terminal
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction defaults
        {};
        defaults.sa_handler = SIG_DFL;
        for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            sigaction(sig, &defaults, nullptr); // an ignored signal would stay ignored across execve
        const pid_t self = getpid();
        (void)!write(report[1], &self, sizeof self);
        dup2(nullFd, STDIN_FILENO);
        dup2(logFd, STDOUT_FILENO);
        dup2(logFd, STDERR_FILENO);
        if (extraFd >= 0)
            dup2(extraFd, 3); // dup2 leaves the copy open across execve
        if (chdir(workDir) == 0)
            execve(argv[0], argv.data(), envp.data());
        const int error = errno;
        (void)!write(report[1], &error, sizeof error);
        _exit(127);
    }
    close(report[1]);
    close(logFd);
    if (extraFd >= 0)
        close(extraFd);
    close(nullFd);
    if (child < 0) {
        close(report[0]);
        return Error::config(std::string("cannot start a process: ") + std::strerror(errno));
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    pid_t pid = 0;
    int error = 0;
    ssize_t got = 0;
    while ((got = read(report[0], &pid, sizeof pid)) < 0 && errno == EINTR) {
    }
    const bool havePid = got == static_cast<ssize_t>(sizeof pid);
    while ((got = read(report[0], &error, sizeof error)) < 0 && errno == EINTR) {
    }
    close(report[0]);
    if (!havePid)
        return Error::config("cannot start '" + executable.value() + "'");
    if (got == static_cast<ssize_t>(sizeof error))
        return Error::config("cannot run '" + executable.value() + "': " + std::strerror(error));
    ProcessHandle handle;
    handle.pid = pid;
    const auto stat = procStat(pid);
    handle.startTime = stat ? stat->startTime : 0;
    return handle;
}

std::vector<std::string> commandLineOf(int pid)
{
    std::vector<std::string> args;
    const auto stat = procStat(pid);
    if (!stat || stat->state == 'Z')
        return args;
    std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string arg;
    while (std::getline(file, arg, '\0'))
        args.push_back(arg);
    return args;
}

bool isSameProcess(const ProcessHandle &handle, const std::vector<std::string> &expected)
{
    if (handle.pid <= 0)
        return false;
    const auto stat = procStat(handle.pid);
    if (!stat || stat->state == 'Z' || stat->startTime != handle.startTime)
        return false;
    return containsInOrder(commandLineOf(handle.pid), expected);
}

void stopGroup(const ProcessHandle &handle, const std::vector<std::string> &expected,
               std::chrono::milliseconds grace)
{
    if (handle.pid <= 0)
        return;
    const bool leaderIsOurs = isSameProcess(handle, expected);
    // Without the leader, signal only members that are recognisably ours (the PID may be
    // someone else's group by now).
    const auto ours = [&] {
        std::vector<int> members;
        for (int pid : groupMembers(handle.pid))
            if (leaderIsOurs || containsInOrder(commandLineOf(pid), expected))
                members.push_back(pid);
        return members;
    };
    const auto signalAll = [&](int sig) {
        if (leaderIsOurs) {
            kill(-handle.pid, sig);
            return;
        }
        for (int pid : ours())
            kill(pid, sig);
    };
    if (ours().empty())
        return;
    signalAll(SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
        if (groupMembers(handle.pid).empty())
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    signalAll(SIGKILL);
    for (int i = 0; i < 40 && !groupMembers(handle.pid).empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

namespace {

// Binds `port` on loopback (0: any) and releases it; its number, or -1 with errno set.
int bindAndRelease(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        const int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    close(fd);
    return static_cast<int>(ntohs(address.sin_port));
}

// The lowest port of the kernel's ephemeral range (net.ipv4.ip_local_port_range).
int ephemeralLow()
{
    std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    int high = 0;
    if (range >> low >> high && low > 1024)
        return low;
    return 32768;
}

} // namespace

Result<int> freeLoopbackPort()
{
    // Below the ephemeral range: a scoring server binds its port seconds after it is chosen
    // (Python starts, the model loads), and an outgoing connection of any process on this
    // machine may take an ephemeral port meanwhile. Ports below it are handed out only on
    // request, so a free one stays free until the server binds it.
    static std::atomic<unsigned> next{static_cast<unsigned>(getpid()) * 7919u};
    const int low = 10000;
    const int high = ephemeralLow() - 1;
    if (high > low + 100) {
        for (int attempt = 0; attempt < 64; ++attempt) {
            const int candidate =
                low + static_cast<int>((next.fetch_add(7919u) + attempt) % static_cast<unsigned>(high - low));
            if (const int port = bindAndRelease(candidate); port > 0)
                return port;
        }
    }
    const int port = bindAndRelease(0);
    if (port < 0)
        return Error::config(std::string("no free loopback port: ") + std::strerror(errno));
    return port;
}

} // namespace modelgate::detail
