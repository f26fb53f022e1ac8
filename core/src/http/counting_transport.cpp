#include "modelgate/core/http/counting_transport.h"

#include <utility>

namespace modelgate {

namespace {

void add(TrafficCount &count, std::uint64_t sent, std::uint64_t received, bool failed)
{
    ++count.requests;
    count.failures += failed ? 1 : 0;
    count.bytesSent += sent;
    count.bytesReceived += received;
}

} // namespace

TrafficCount TrafficSnapshot::of(HttpMethod method, const std::string &path) const
{
    const auto found = byEndpoint.find(Endpoint{method, path});
    return found == byEndpoint.end() ? TrafficCount{} : found->second;
}

std::string urlPath(const std::string &url)
{
    std::string::size_type start = 0;
    if (const auto scheme = url.find("://"); scheme != std::string::npos) {
        start = url.find_first_of("/?#", scheme + 3);
        if (start == std::string::npos)
            return "/";
    }
    const auto end = url.find_first_of("?#", start);
    std::string path = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    return path.empty() ? "/" : path;
}

CountingTransport::CountingTransport(std::shared_ptr<HttpTransport> inner)
    : m_inner(std::move(inner))
{}

Result<HttpResponse> CountingTransport::send(const HttpRequest &request, const CancelToken &cancel)
{
    Result<HttpResponse> response = m_inner->send(request, cancel);
    const std::uint64_t received = response.ok() ? response.value().body.size() : 0;
    const Endpoint endpoint{request.method, urlPath(request.url)};
    const std::lock_guard lock(m_mutex);
    add(m_counts.total, request.body.size(), received, !response.ok());
    add(m_counts.byEndpoint[endpoint], request.body.size(), received, !response.ok());
    return response;
}

TrafficSnapshot CountingTransport::snapshot() const
{
    const std::lock_guard lock(m_mutex);
    return m_counts;
}

TrafficSnapshot CountingTransport::takeSnapshot()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_counts, TrafficSnapshot{});
}

void CountingTransport::reset()
{
    const std::lock_guard lock(m_mutex);
    m_counts = TrafficSnapshot{};
}

} // namespace modelgate
