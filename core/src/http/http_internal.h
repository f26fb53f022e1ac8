#pragma once

// Helpers shared by the transports inside core; not part of the public API.

#include <string>

namespace modelgate::detail {

// The URL with any "user:password@" removed from its authority, so that it can be
// put in an Error or a log without leaking credentials.
std::string urlWithoutCredentials(const std::string &url);

} // namespace modelgate::detail
