// HAProxy's request log of a local endpoint, line by line as the local metrics read it: the
// file is written by another process and can end in the middle of a line.

#include "fuzz_input.h"

#include <string_view>

#include <modelgate/core/monitor/local_metrics.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view rest(reinterpret_cast<const char *>(data), size);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        modelgate::fuzz::use(modelgate::parseRequestLogLine(rest.substr(0, end)));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    return 0;
}
