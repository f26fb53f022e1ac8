#include "release/name_lists.h"

#include "util/text.h"

#include <algorithm>

namespace modelgate::detail {

std::string joined(const std::vector<std::string> &items, const char *separator)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

std::vector<std::string> sortedCaseInsensitive(std::vector<std::string> names)
{
    std::sort(names.begin(), names.end(), [](const std::string &a, const std::string &b) {
        const auto la = text::asciiLower(a);
        const auto lb = text::asciiLower(b);
        return la != lb ? la < lb : a < b;
    });
    return names;
}

} // namespace modelgate::detail
