// HAProxy's request log lines (local_target.h's kRequestLogFormat), e.g.
// "mg1 1764846192.345 deployments/blue 200 14 12 245". HAProxy writes them, but the file is
// outside input all the same: a line cut by a rotation or of another format is skipped.
#include "modelgate/core/monitor/local_metrics.h"

#include <charconv>

namespace modelgate {

namespace {

// The year 3000: HAProxy logs the time of this machine; a larger number is a damaged line, and in
// milliseconds it would overflow.
constexpr std::int64_t kLatestUnixSeconds = 32'503'680'000;

// The next space-separated field of `rest`, consumed; empty at the end.
std::string_view nextField(std::string_view &rest)
{
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    const std::size_t end = rest.find(' ');
    const std::string_view field = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    return field;
}

template <typename Number>
bool toNumber(std::string_view text, Number &out)
{
    if (text.empty())
        return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

std::optional<RequestLogLine> parseRequestLogLine(std::string_view line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    std::string_view rest = line;
    if (nextField(rest) != "mg1")
        return std::nullopt;
    RequestLogLine out;
    const std::string_view time = nextField(rest);
    const std::size_t dot = time.find('.');
    std::int64_t seconds = 0;
    int millis = 0;
    if (dot == std::string_view::npos || time.size() - dot - 1 != 3 ||
        !toNumber(time.substr(0, dot), seconds) || !toNumber(time.substr(dot + 1), millis) || seconds < 0 ||
        seconds > kLatestUnixSeconds || millis < 0)
        return std::nullopt;
    out.timeMs = seconds * 1000 + millis;
    const std::string_view route = nextField(rest);
    const std::size_t slash = route.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= route.size())
        return std::nullopt;
    out.backend = std::string(route.substr(0, slash));
    out.server = std::string(route.substr(slash + 1));
    if (!toNumber(nextField(rest), out.status) || !toNumber(nextField(rest), out.totalMs) ||
        !toNumber(nextField(rest), out.responseMs) || !toNumber(nextField(rest), out.bytes))
        return std::nullopt;
    if (!nextField(rest).empty())
        return std::nullopt;
    return out;
}

} // namespace modelgate
