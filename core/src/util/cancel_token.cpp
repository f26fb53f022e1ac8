#include "modelgate/core/util/cancel_token.h"

#include <algorithm>
#include <thread>

namespace modelgate {

namespace {

// Short enough that a cancelled wait ends promptly, long enough not to burn a core.
constexpr std::chrono::milliseconds kSleepSlice{20};

} // namespace

CancelToken::CancelToken()
    : m_flag(std::make_shared<std::atomic<bool>>(false))
{}

void CancelToken::cancel() const
{
    // none() is shared by every caller that has nothing to cancel: cancelling it
    // would cancel all of them, so it ignores the request.
    if (m_flag == none().m_flag)
        return;
    m_flag->store(true, std::memory_order_release);
}

bool CancelToken::isCancelled() const
{
    return m_flag->load(std::memory_order_acquire);
}

const CancelToken &CancelToken::none()
{
    static const CancelToken token;
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
