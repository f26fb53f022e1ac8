#include "modelgate/core/monitor/load_generator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <curl/curl.h>
#include <memory>
#include <numeric>
#include <optional>
#include <set>

namespace modelgate {

namespace {

// Which body request `index` sends: every body once in each run of `count` requests (so a run
// of whole rounds sends each body equally often), in an order that changes from round to round.
// Bodies strictly in turn would march in lockstep with a load balancer's round robin (two
// deployments at 50/50 and six bodies: one deployment only ever gets the even rows), so a
// canary's failing rows might never reach it. The order is an affine permutation a*i+b mod count
// with a and b from a fixed mix (splitmix64) of the round: reproducible from run to run.
std::uint64_t mix(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::size_t bodyIndex(std::uint64_t index, std::size_t count)
{
    if (count <= 1)
        return 0;
    const std::uint64_t n = count;
    const std::uint64_t round = index / n;
    std::uint64_t a = mix(2 * round) % n;
    while (std::gcd(a, n) != 1) // a unit modulo n makes the map a permutation
        a = (a + 1) % n;
    const std::uint64_t b = mix(2 * round + 1) % n;
    return static_cast<std::size_t>((a * (index % n) + b) % n);
}

using Clock = std::chrono::steady_clock;

constexpr auto kLateAfter = std::chrono::milliseconds(10);

struct Flight
{
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    Clock::time_point started;
};

std::size_t discardBody(char *, std::size_t size, std::size_t count, void *)
{
    return size * count;
}

// "http://host:port" of a URL (scheme, host and port lower-cased as written), or empty.
std::string originOf(const std::string &url)
{
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return {};
    const auto end = url.find_first_of("/?#", scheme + 3);
    return url.substr(0, end);
}

bool isLoopback(const std::string &url)
{
    const std::string origin = originOf(url);
    for (const char *host : {"http://127.0.0.1", "http://localhost", "http://[::1]", "https://127.0.0.1",
                             "https://localhost", "https://[::1]"}) {
        const std::string prefix = host;
        if (origin == prefix || origin.rfind(prefix + ":", 0) == 0)
            return true;
    }
    return false;
}

} // namespace

std::int64_t LoadReport::failed() const
{
    std::int64_t total = transportErrors;
    for (const auto &[status, count] : failedByStatus)
        total += count;
    return total;
}

double LoadReport::achievedRate() const
{
    return elapsedSeconds > 0 ? static_cast<double>(sent) / elapsedSeconds : 0;
}

Status validateLoadPlan(const LoadPlan &plan)
{
    if (!std::isfinite(plan.rate) || plan.rate <= 0 || plan.rate > kMaxLoadRate)
        return Error::config("the rate must be above 0 and at most " + std::to_string(int(kMaxLoadRate)) +
                             " requests per second");
    if (plan.durationSeconds < 1 || plan.durationSeconds > kMaxLoadDurationSeconds)
        return Error::config("the duration must be 1 to " + std::to_string(kMaxLoadDurationSeconds) +
                             " seconds");
    if (plan.bodies.empty())
        return Error::config("a load test needs at least one request body");
    if (plan.timeoutSeconds < 1 || plan.timeoutSeconds > 300)
        return Error::config("the request timeout must be 1 to 300 seconds");
    const std::string origin = originOf(plan.url);
    if (origin.empty() || (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0))
        return Error::config("the load test's URL '" + plan.url + "' is not an http(s) URL");
    const bool ownEndpoint = !plan.allowedUri.empty() && originOf(plan.allowedUri) == origin &&
                             plan.url.rfind(plan.allowedUri, 0) == 0;
    if (!ownEndpoint && !isLoopback(plan.url))
        return Error::config("load is sent only to the endpoint's own scoring URI or to loopback, not to '" +
                             origin + "'");
    return success();
}

Result<LoadReport> runLoad(const LoadPlan &plan, const std::function<void(const LoadReport &)> &progress,
                           const CancelToken &cancel)
{
    if (Status valid = validateLoadPlan(plan); !valid.ok())
        return valid.error();
    std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(), curl_multi_cleanup);
    if (!multi)
        return Error::config("libcurl could not create a multi handle");

    LoadReport report;
    report.planned = static_cast<std::int64_t>(std::llround(plan.rate * plan.durationSeconds));
    const Clock::time_point start = Clock::now();
    const auto scheduled = [&](std::int64_t i) {
        return start + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(static_cast<double>(i) / plan.rate));
    };
    std::int64_t next = 0;
    int running = 0;
    Clock::time_point nextProgress = start + std::chrono::seconds(1);
    std::optional<Clock::time_point> drainUntil;
    std::set<CURL *> inFlight;

    const auto launch = [&](std::int64_t index, Clock::time_point now) {
        auto flight = std::make_unique<Flight>();
        flight->easy = curl_easy_init();
        if (!flight->easy) {
            ++report.transportErrors;
            return;
        }
        flight->headers = curl_slist_append(flight->headers, "Content-Type: application/json");
        if (!plan.deployment.empty())
            flight->headers =
                curl_slist_append(flight->headers, ("modelgate-deployment: " + plan.deployment).c_str());
        for (const auto &[name, value] : plan.headers)
            flight->headers = curl_slist_append(flight->headers, (name + ": " + value).c_str());
        const std::string &body =
            plan.bodies[bodyIndex(static_cast<std::uint64_t>(index), plan.bodies.size())];
        CURL *easy = flight->easy;
        curl_easy_setopt(easy, CURLOPT_URL, plan.url.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, flight->headers);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discardBody);
        curl_easy_setopt(easy, CURLOPT_TIMEOUT, static_cast<long>(plan.timeoutSeconds));
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        flight->started = now;
        curl_easy_setopt(easy, CURLOPT_PRIVATE, flight.get());
        if (curl_multi_add_handle(multi.get(), easy) != CURLM_OK) {
            curl_slist_free_all(flight->headers);
            curl_easy_cleanup(easy);
            ++report.transportErrors;
            return;
        }
        flight.release();
        inFlight.insert(easy);
        ++running;
        ++report.sent;
        if (now - scheduled(index) > kLateAfter)
            ++report.late;
    };
    const auto finish = [&](CURL *easy, CURLcode code, bool countIt) {
        Flight *flight = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &flight);
        if (countIt) {
            long status = 0;
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
            if (code != CURLE_OK || status == 0) {
                ++report.transportErrors;
            } else {
                const auto micros =
                    std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - flight->started)
                        .count();
                report.latency.add(static_cast<int>((micros + 500) / 1000));
                if (status >= 200 && status < 300)
                    ++report.succeeded;
                else
                    ++report.failedByStatus[static_cast<int>(status)];
            }
        }
        curl_multi_remove_handle(multi.get(), easy);
        inFlight.erase(easy);
        curl_slist_free_all(flight->headers);
        curl_easy_cleanup(easy);
        delete flight;
        --running;
    };

    while (true) {
        Clock::time_point now = Clock::now();
        if (cancel.isCancelled() && !report.cancelled) {
            report.cancelled = true;
            drainUntil = now + std::chrono::seconds(2);
        }
        if (!report.cancelled)
            while (next < report.planned && scheduled(next) <= now && running < kMaxLoadInFlight)
                launch(next++, now);
        if ((next >= report.planned || report.cancelled) && running == 0)
            break;
        if (drainUntil && now >= *drainUntil)
            break;
        int still = 0;
        curl_multi_perform(multi.get(), &still);
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(multi.get(), &queued))
            if (message->msg == CURLMSG_DONE)
                finish(message->easy_handle, message->data.result, true);
        now = Clock::now();
        if (now >= nextProgress && progress) {
            report.inFlight = running;
            report.elapsedSeconds = std::chrono::duration<double>(now - start).count();
            progress(report);
            nextProgress += std::chrono::seconds(1);
        }
        // Sleep until the next start is due (or an answer arrives), at most 50 ms.
        auto wait = std::chrono::milliseconds(50);
        if (!report.cancelled && next < report.planned && running < kMaxLoadInFlight) {
            const auto untilNext =
                std::chrono::duration_cast<std::chrono::milliseconds>(scheduled(next) - Clock::now());
            wait = std::clamp(untilNext, std::chrono::milliseconds(0), wait);
        }
        if (wait.count() > 0)
            curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
    }
    // Whatever is still in flight after a cancel's grace is abandoned, not counted.
    const std::set<CURL *> abandoned = inFlight;
    for (CURL *easy : abandoned)
        finish(easy, CURLE_ABORTED_BY_CALLBACK, false);
    report.inFlight = 0;
    report.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (progress)
        progress(report);
    return report;
}

} // namespace modelgate
