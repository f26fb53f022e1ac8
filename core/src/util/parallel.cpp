#include "modelgate/core/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <system_error>
#include <thread>

namespace modelgate {

std::vector<bool> runBounded(std::size_t count, std::size_t maxConcurrency,
                             const std::function<void(std::size_t)> &task, const CancelToken &cancel)
{
    // std::vector<bool> packs bits: concurrent writes to neighbours would race, so the
    // workers write bytes and the flags are copied out after the join.
    std::unique_ptr<std::atomic<bool>[]> ran(new std::atomic<bool>[count]);
    for (std::size_t i = 0; i < count; ++i)
        ran[i].store(false, std::memory_order_relaxed);
    std::atomic<std::size_t> next{0};

    const auto work = [&]() {
        while (true) {
            if (cancel.isCancelled())
                return;
            const std::size_t index = next.fetch_add(1);
            if (index >= count)
                return;
            ran[index].store(true, std::memory_order_relaxed);
            try {
                task(index);
            } catch (...) {
                // The task's owner decides what a failure means; nothing may cross threads.
            }
        }
    };

    const std::size_t workers = std::min(std::max<std::size_t>(maxConcurrency, 1), count);
    std::vector<std::thread> threads;
    if (workers > 1) {
        threads.reserve(workers - 1);
        for (std::size_t i = 0; i + 1 < workers; ++i) {
            try {
                threads.emplace_back(work);
            } catch (const std::system_error &) {
                break; // out of threads: the ones we have (at least the caller) do the work
            }
        }
    }
    work();
    for (auto &thread : threads)
        thread.join();

    std::vector<bool> flags(count);
    for (std::size_t i = 0; i < count; ++i)
        flags[i] = ran[i].load(std::memory_order_relaxed);
    return flags;
}

void parallelInvoke(const std::vector<std::function<void()>> &tasks, std::size_t maxConcurrency,
                    const CancelToken &cancel)
{
    runBounded(
        tasks.size(), maxConcurrency,
        [&](std::size_t index) {
            if (tasks[index])
                tasks[index]();
        },
        cancel);
}

namespace detail {

Error parallelTaskError(const char *what)
{
    Error error;
    error.kind = ErrorKind::Config;
    error.code = "internal";
    error.message = std::string("internal error in a concurrent task: ") + (what ? what : "");
    return error;
}

} // namespace detail

} // namespace modelgate
