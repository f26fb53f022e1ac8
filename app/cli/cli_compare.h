#pragma once

#include <ostream>
#include <string>

#include <modelgate/core/util/cancel_token.h>

namespace modelgate {
class MlflowClient;
}

namespace modelgate::cli {

struct CompareRequest
{
    std::string model;
    std::string candidate;              // "7" or "@alias"
    std::string baseline = "@champion"; // --against
    bool json = false;
    bool colour = false; // ANSI colours for verdicts and BREAKING (a terminal without NO_COLOR)
};

struct CommandFailure
{
    int exitCode = 0;
    std::string message; // one line, without the "modelgate-cli: " prefix
};

// `modelgate-cli compare`: prints the comparison to `out` and returns exitCode 0 whether
// or not the candidate is better; otherwise the exit code and message to report.
CommandFailure runCompare(const MlflowClient &client, const CompareRequest &request, std::ostream &out,
                          const CancelToken &cancel);

} // namespace modelgate::cli
