#pragma once

// Helpers shared by the transports inside core; not part of the public API.

#include <chrono>
#include <optional>
#include <string>

namespace modelgate::detail {

// The URL with any "user:password@" removed from its authority, so that it can be
// put in an Error or a log without leaking credentials.
std::string urlWithoutCredentials(const std::string &url);

// Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date, as a delay from now;
// nullopt when absent or unreadable. Shared by the retry policy and the operation poller.
std::optional<std::chrono::milliseconds> parseRetryAfter(const std::string &value);

} // namespace modelgate::detail
