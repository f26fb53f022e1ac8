#pragma once

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace modelgate {

// Bounded parallelism for independent REST calls (histories of many runs, evidence of
// several versions). Plain std::thread workers pull the next index from a shared counter,
// so at most `maxConcurrency` tasks run at once whatever the number of items; the calling
// thread is one of the workers and every worker is joined before the call returns.
// A good bound for one MLflow server is kDefaultRequestConcurrency: enough to hide
// latency, few enough that a small server (gunicorn with 4 workers) is not flooded.
inline constexpr std::size_t kDefaultRequestConcurrency = 8;

// Runs task(i) for every i in [0, count) with at most maxConcurrency (0 counts as 1) at a
// time. Once `cancel` fires, tasks not yet started are skipped; ran[i] says whether task i
// ran. An exception leaving a task is caught (and the task counts as run): use parallelMap
// to turn it into an Error. Returns the `ran` flags.
std::vector<bool> runBounded(std::size_t count, std::size_t maxConcurrency,
                             const std::function<void(std::size_t)> &task, const CancelToken &cancel);

// Runs every task with at most maxConcurrency at a time; an exception from a task is
// swallowed (tasks report through what they capture). Tasks skipped after cancellation
// never run.
void parallelInvoke(const std::vector<std::function<void()>> &tasks, std::size_t maxConcurrency,
                    const CancelToken &cancel);

namespace detail {
Error parallelTaskError(const char *what);
} // namespace detail

// fn(item) -> Result<T> for every item, at most maxConcurrency at a time; results in input
// order. A task that throws gives an Error (kind Config, code "internal") naming the
// exception instead of escaping; an item skipped after `cancel` fired gives a Cancelled error.
template <typename Item, typename Fn>
auto parallelMap(const std::vector<Item> &items, std::size_t maxConcurrency, Fn fn, const CancelToken &cancel)
    -> std::vector<std::invoke_result_t<Fn &, const Item &>>
{
    using R = std::invoke_result_t<Fn &, const Item &>;
    std::vector<std::optional<R>> resultSlots(items.size());
    const std::vector<bool> ran = runBounded(
        items.size(), maxConcurrency,
        [&](std::size_t index) {
            try {
                resultSlots[index].emplace(fn(items[index]));
            } catch (const std::exception &e) {
                resultSlots[index].emplace(detail::parallelTaskError(e.what()));
            } catch (...) {
                resultSlots[index].emplace(detail::parallelTaskError("unknown exception"));
            }
        },
        cancel);
    std::vector<R> results;
    results.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (resultSlots[i])
            results.push_back(std::move(*resultSlots[i]));
        else
            results.push_back(ran[i] ? detail::parallelTaskError("task produced no result")
                                     : cancelledError());
    }
    return results;
}

} // namespace modelgate
