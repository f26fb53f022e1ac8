#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace modelgate {

// A cancellation handle shared between the caller (who may cancel) and the call
// (which polls it, including from inside libcurl's progress callback, so that an
// in-flight transfer stops within a fraction of a second). Copies share state.
class CancelToken
{
public:
    CancelToken();

    void cancel() const;
    bool isCancelled() const;

    // A token that is never cancelled, for callers that have nothing to cancel.
    static const CancelToken &none();

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// Sleeps up to `duration`, returning early (false) if the token is cancelled.
bool sleepUnlessCancelled(std::chrono::milliseconds duration, const CancelToken &token);

} // namespace modelgate
