#pragma once

#include "modelgate/core/util/result.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace modelgate {

// A cancellation handle shared between the caller (who may cancel) and the call
// (which polls it, including from inside libcurl's progress callback, so that an
// in-flight transfer stops within a fraction of a second). Copies share state.
//
// Like the Azure SDK's Context, tokens form a tree: a child is cancelled when its parent
// is, or on its own (a step of an operation stopped without stopping the operation), and a
// token may carry a deadline after which it counts as stopped (a long-running operation
// that must finish within its rollout window). Reads never lock: each token is an atomic
// flag plus an immutable link to its parent.
class CancelToken
{
public:
    using Clock = std::chrono::steady_clock;

    CancelToken();

    // Async-signal-safe (one atomic store): the CLI cancels from its SIGINT handler.
    void cancel() const;
    // True once this token or an ancestor was cancelled, or a deadline on the way has passed.
    bool isCancelled() const;

    // A token cancelled with this one, which can also be cancelled alone.
    CancelToken child() const;
    // A child that also stops at `deadline` (or earlier, if an ancestor's deadline is earlier).
    CancelToken withDeadline(Clock::time_point deadline) const;
    CancelToken withTimeout(std::chrono::milliseconds timeout) const;

    // The nearest deadline of this token and its ancestors, if any: transports bound a request by it.
    std::optional<Clock::time_point> deadline() const;
    // True when the token stopped because a deadline passed, not because someone cancelled it.
    bool deadlineExceeded() const;
    // The error of a call stopped by this token: Cancelled, or a Transport "deadline_exceeded"
    // error when a deadline (not a person) stopped it, so that the two are worded apart.
    Error stoppedError(std::string url = {}) const;

    // A token that is never cancelled, for callers that have nothing to cancel.
    static const CancelToken &none();

private:
    struct State;
    explicit CancelToken(std::shared_ptr<State> state);
    bool explicitlyCancelled() const;

    std::shared_ptr<State> m_state;
};

// Sleeps up to `duration`, returning early (false) if the token is cancelled or its deadline
// passes meanwhile.
bool sleepUnlessCancelled(std::chrono::milliseconds duration, const CancelToken &token);

} // namespace modelgate
