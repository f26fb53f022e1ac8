#pragma once

#include "modelgate/core/http/http.h"

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace modelgate {

// What went over one transport: requests sent, and the bytes of their bodies both ways
// (headers are the transport's business and left out, so counts compare across transports).
struct TrafficCount
{
    std::uint64_t requests = 0;
    std::uint64_t failures = 0; // requests that got no response (an Error from the transport)
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;

    bool operator==(const TrafficCount &) const = default;
};

// One REST endpoint: the method and the URL's path (no scheme, host, query or fragment).
struct Endpoint
{
    HttpMethod method = HttpMethod::Get;
    std::string path; // e.g. "/api/2.0/mlflow/runs/get"

    auto operator<=>(const Endpoint &) const = default;
};

struct TrafficSnapshot
{
    TrafficCount total;
    std::map<Endpoint, TrafficCount> byEndpoint; // sorted by method, then path

    // The count of one endpoint; zero when it was never called.
    TrafficCount of(HttpMethod method, const std::string &path) const;
};

// The path of an absolute or relative URL: "http://h:1/a/b?x=1#f" -> "/a/b"; "/" when empty.
std::string urlPath(const std::string &url);

// Decorator counting what passes through to `inner`, thread-safe, so a test or a benchmark
// can measure what an operation costs. Put it under a RetryingTransport to count every
// attempt on the wire, above it to count the caller's requests.
class CountingTransport final : public HttpTransport
{
public:
    explicit CountingTransport(std::shared_ptr<HttpTransport> inner);

    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &cancel) override;

    // The counts since construction or the last reset.
    TrafficSnapshot snapshot() const;
    // The counts so far, and zero from now on, in one step (no request is lost in between).
    TrafficSnapshot takeSnapshot();
    void reset();

private:
    std::shared_ptr<HttpTransport> m_inner;
    mutable std::mutex m_mutex;
    TrafficSnapshot m_counts;
};

} // namespace modelgate
