#pragma once
// Compact JSON text for request bodies and stored values (private to core). Invalid UTF-8
// in a value is replaced rather than thrown on: a server's or a user's bad byte must not
// abort a request that carries it.

#include <nlohmann/json.hpp>
#include <string>

namespace modelgate {

inline std::string jsonText(const nlohmann::json &value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace modelgate
