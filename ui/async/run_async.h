#pragma once

#include <exception>
#include <new>
#include <type_traits>
#include <utility>

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <modelgate/core/util/result.h>

namespace modelgate::ui {

// Runs `work` on the global thread pool and calls `done(result)` on `context`'s thread
// (the GUI thread) when it finishes. The watcher is a child of `context`: if the context
// is destroyed first, `done` is never called, so a closed window or dialog cannot be
// touched by a late result. `work` must be self-contained (capture values and shared
// pointers, never widgets). Core calls return errors as values; anything thrown anyway
// (std::bad_alloc on an absurd response) is turned into an Error here, because an
// exception would otherwise reach the GUI thread wrapped in QUnhandledException.
template <typename Work, typename Done>
void runAsync(QObject *context, Work work, Done done)
{
    using ResultType = std::invoke_result_t<Work>;
    static_assert(std::is_constructible_v<ResultType, Error>, "runAsync expects a Result<T>");

    auto *watcher = new QFutureWatcher<ResultType>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() == 0)
                             return; // cancelled before it ran
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() mutable -> ResultType {
        try {
            return work();
        } catch (const std::bad_alloc &) {
            return Error{ErrorKind::Parse, 0, {}, "out of memory while handling the response", {}, {}};
        } catch (const std::exception &exception) {
            return Error{ErrorKind::Parse, 0, {}, exception.what(), {}, {}};
        } catch (...) {
            return Error{ErrorKind::Parse, 0, {}, "unexpected failure", {}, {}};
        }
    }));
}

} // namespace modelgate::ui
