#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/workspace/profiles.h>

namespace modelgate::cli {

// Exit statuses, a contract with pipelines.
enum ExitCode : int
{
    ExitSuccess = 0,
    ExitCheckSaysNo = 1, // reserved: a check or a verification says no
    ExitUsage = 2,       // bad arguments, unknown profile, unusable URI
    ExitServer = 3,      // server, transport or payload error
    ExitInterrupted = 130,
};

// Runs one modelgate-cli command. Results go to `out`; every failure prints exactly one
// line starting with "modelgate-cli: " to `err`. Never throws.
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, const Environment &env,
        const CancelToken &cancel = CancelToken::none());

} // namespace modelgate::cli
