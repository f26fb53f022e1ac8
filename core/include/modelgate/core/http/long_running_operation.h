#pragma once

#include "modelgate/core/http/http.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <chrono>
#include <functional>
#include <string>

namespace modelgate {

// Waiting for an Azure Resource Manager long-running operation (create or update an endpoint
// or a deployment, delete, ...), as the Azure SDK's PollUntilDone does: the start request
// answers 201 or 202 and names where to ask how it goes, in `Azure-AsyncOperation` (a status
// resource: {"status": "InProgress" | "Succeeded" | "Failed" | "Canceled", "error": {...}})
// or else in `Location` (202 while running, then the result). ARM cannot cancel such an
// operation: the cancel token and the deadline stop the WAITING, and the operation goes on.
struct OperationPollOptions
{
    // Bounds on the wait between two polls; Retry-After is honoured within them, and
    // `defaultInterval` is used where the server gives none.
    std::chrono::milliseconds minInterval{1'000};
    std::chrono::milliseconds maxInterval{60'000};
    std::chrono::milliseconds defaultInterval{5'000};
    // Headers for each poll (e.g. a bearer token that may have been refreshed since the start).
    std::function<HttpHeaders()> headers;
};

struct OperationProgress
{
    int polls = 0;
    std::string status; // the operation's status as the server words it ("InProgress", "Running", ...)
    std::chrono::milliseconds elapsed{0};
    std::chrono::milliseconds nextPollIn{0}; // 0 once finished
};

using OperationProgressCallback = std::function<void(const OperationProgress &)>;

// Polls the operation that `started` (the start request's response to `startUrl`) began,
// until it ends, and returns the last response: the status resource for Azure-AsyncOperation,
// the result for Location, or `started` itself when the operation ended at once (200, 204,
// or 201 without a poll URL). Errors:
//  - the operation failed or was cancelled at the server: Api, with ARM's error code and message
//    (code "OperationFailed" / "Canceled" when the server gives none);
//  - a poll answered with an error status: Api (ARM error body) or HttpStatus;
//  - a poll URL on another host than startUrl's: Parse (credentials go only where they went);
//  - the cancel token: Cancelled, its message saying the operation goes on at the server;
//  - the token's deadline: Transport "deadline_exceeded".
Result<HttpResponse> pollUntilDone(HttpTransport &transport, const std::string &startUrl,
                                   const HttpResponse &started, const CancelToken &cancel,
                                   const OperationPollOptions &options = {},
                                   const OperationProgressCallback &onProgress = {});

} // namespace modelgate
