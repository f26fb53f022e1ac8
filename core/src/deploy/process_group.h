#pragma once
// Private to core/src/deploy: processes that outlive their starter. Each runs in its own
// session and process group (pgid = its PID), detached by a double fork so that nothing
// waits for it and no zombie is left behind; it is recognised again by PID, start time and
// command line together, and stopped by its group.

#include "modelgate/core/util/result.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace modelgate::detail {

struct ProcessHandle
{
    int pid = 0;             // also the process group id
    long long startTime = 0; // /proc/<pid>/stat field 22: clock ticks after boot
};

struct SpawnSpec
{
    std::string executable;        // absolute, or a name looked up on PATH
    std::vector<std::string> args; // after the executable
    // Variables set (or replaced) in the inherited environment; `unset` removes others.
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::string> unset;
    std::string workDir;
    std::string logPath; // stdout and stderr, appended (mode 0600)
    // When set: a new file (created, mode 0600) given to the process as file descriptor 3, for
    // a second stream of its own (HAProxy's request log: a writer that clears O_APPEND, so a
    // file that no other process writes to).
    std::string fd3Path;
};

// The absolute path of `executable` (as is when it holds a '/'), or a Config error naming it.
Result<std::string> resolveExecutable(const std::string &executable, const std::string &pathVariable);

// Starts the process. Config error when it cannot be executed (the reason from execve).
Result<ProcessHandle> spawnInOwnGroup(const SpawnSpec &spec);

// The process's command line, empty when it is gone or a zombie.
std::vector<std::string> commandLineOf(int pid);

// True when the process started as `handle` still runs: same PID, same start time, not a
// zombie, and `expected` occurs in its command line in order (not necessarily adjacent).
bool isSameProcess(const ProcessHandle &handle, const std::vector<std::string> &expected);

// Stops the group of `handle`: SIGTERM, then SIGKILL after `grace`. When the leader is gone
// (a PID never alone decides), only group members whose command line holds `expected` are
// signalled. Returns once no member is left (or after a last SIGKILL).
void stopGroup(const ProcessHandle &handle, const std::vector<std::string> &expected,
               std::chrono::milliseconds grace);

// A loopback TCP port free now (bound and released; the caller binds it next), below the
// ephemeral range where one is free, so that no outgoing connection takes it meanwhile.
Result<int> freeLoopbackPort();

} // namespace modelgate::detail
