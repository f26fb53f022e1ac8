#pragma once
// Private to core/src/release: lists of reviewer names in messages and in the reviewers tag.

#include <string>
#include <vector>

namespace modelgate::detail {

// "a, b, c" (or with another separator).
std::string joined(const std::vector<std::string> &items, const char *separator = ", ");

// Sorted ignoring ASCII case, the spelling deciding ties: one order on every machine.
std::vector<std::string> sortedCaseInsensitive(std::vector<std::string> names);

} // namespace modelgate::detail
