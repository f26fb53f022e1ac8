#pragma once

#include "cli_compare.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/util/result.h>

namespace modelgate {
class MlflowClient;
}

namespace modelgate::cli {

// One `review …` or `audit …` command (docs/release-review.md), as parsed by cli_app.
struct ReviewCommand
{
    std::string command;                         // e.g. "review approve", "review policy set", "audit grant"
    std::vector<std::string> operands;           // MODEL VERSION, MODEL, or USER
    std::optional<std::string> comment;          // --comment
    std::optional<std::string> breakGlassReason; // --break-glass
    std::optional<std::string> policyFile;       // --file
    std::vector<std::string> models;             // --model, every one given (audit grant)
    bool json = false;
};

// True for the commands runReviewCommand handles.
bool isReviewCommand(const std::string &command);

// Usage problems found without a server (a missing or blank --comment, no --file, a blank
// operand): exitCode ExitUsage and the message; exitCode 0 when there is none.
CommandFailure checkReviewCommand(const ReviewCommand &command);

// Runs a review or audit command: prints its result to `out` and returns exitCode 0, or the
// exit code and one-line message to report (ExitCheckSaysNo when a check or a verification
// says no, or a release rule refuses; ExitServer when the server or the transport fails).
CommandFailure runReviewCommand(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                                const CancelToken &cancel);

// --- shared by cli_review.cpp and cli_audit.cpp

// The exit code and message for an error of `what` ("cannot read the trail of 'm'").
CommandFailure failureFor(const Error &error, const std::string &what);
// Newlines and tabs as spaces: every failure is one line on stderr.
std::string oneLine(std::string text);
// error.describe() without core's "not recorded: " mark, for a line that says so itself.
std::string withoutNotRecorded(Error error);
// The first 12 hex digits, enough to tell records apart in a table.
std::string shortHash(const std::string &hash);

// The audit and policy commands (cli_audit.cpp).
CommandFailure runAuditShow(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel);
CommandFailure runAuditVerify(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                              const CancelToken &cancel);
CommandFailure runAuditGrant(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                             const CancelToken &cancel);
CommandFailure runPolicyShow(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                             const CancelToken &cancel);
CommandFailure runPolicySet(const MlflowClient &client, const ReviewCommand &command, std::ostream &out,
                            const CancelToken &cancel);

} // namespace modelgate::cli
