#include "modelgate/core/util/cancel_token.h"

#include <algorithm>
#include <thread>

namespace modelgate {

namespace {

// Short enough that a cancelled wait ends promptly, long enough not to burn a core.
constexpr std::chrono::milliseconds kSleepSlice{20};

} // namespace

struct CancelToken::State
{
    std::atomic<bool> cancelled{false};
    // Set once at construction and never changed, so reading them needs no lock.
    std::shared_ptr<const State> parent;
    std::optional<Clock::time_point> deadline;
    bool ignoresCancel = false; // none()'s state
};

CancelToken::CancelToken()
    : m_state(std::make_shared<State>())
{}

CancelToken::CancelToken(std::shared_ptr<State> state)
    : m_state(std::move(state))
{}

void CancelToken::cancel() const
{
    // none() is shared by every caller that has nothing to cancel: cancelling it
    // would cancel all of them, so it ignores the request. (A flag, not a comparison with
    // none(): its first call would construct a static inside a signal handler.)
    if (m_state->ignoresCancel)
        return;
    m_state->cancelled.store(true, std::memory_order_release);
}

bool CancelToken::explicitlyCancelled() const
{
    for (const State *state = m_state.get(); state; state = state->parent.get()) {
        if (state->cancelled.load(std::memory_order_acquire))
            return true;
    }
    return false;
}

bool CancelToken::isCancelled() const
{
    return explicitlyCancelled() || deadlineExceeded();
}

std::optional<CancelToken::Clock::time_point> CancelToken::deadline() const
{
    std::optional<Clock::time_point> nearest;
    for (const State *state = m_state.get(); state; state = state->parent.get()) {
        if (state->deadline && (!nearest || *state->deadline < *nearest))
            nearest = state->deadline;
    }
    return nearest;
}

bool CancelToken::deadlineExceeded() const
{
    const auto nearest = deadline();
    return nearest && Clock::now() >= *nearest;
}

CancelToken CancelToken::child() const
{
    auto state = std::make_shared<State>();
    state->parent = m_state;
    return CancelToken(std::move(state));
}

CancelToken CancelToken::withDeadline(Clock::time_point deadline) const
{
    auto state = std::make_shared<State>();
    state->parent = m_state;
    state->deadline = deadline;
    return CancelToken(std::move(state));
}

CancelToken CancelToken::withTimeout(std::chrono::milliseconds timeout) const
{
    return withDeadline(Clock::now() + timeout);
}

Error CancelToken::stoppedError(std::string url) const
{
    if (!explicitlyCancelled() && deadlineExceeded()) {
        Error error = Error::of(ErrorKind::Transport, "the operation's deadline passed", "deadline_exceeded");
        error.url = std::move(url);
        return error;
    }
    return Error::cancelled(std::move(url));
}

const CancelToken &CancelToken::none()
{
    static const CancelToken token = [] {
        auto state = std::make_shared<State>();
        state->ignoresCancel = true;
        return CancelToken(std::move(state));
    }();
    return token;
}

bool sleepUnlessCancelled(std::chrono::milliseconds duration, const CancelToken &token)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + duration;
    while (!token.isCancelled()) {
        const auto now = Clock::now();
        if (now >= deadline)
            return true;
        const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        std::this_thread::sleep_for(std::min(remaining + std::chrono::milliseconds(1), kSleepSlice));
    }
    return false;
}

} // namespace modelgate
