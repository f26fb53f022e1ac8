#include "bench_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace modelgate::bench {

namespace {

bool parsePositiveInt(const std::string &text, int &value)
{
    char *end = nullptr;
    const long parsed = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || parsed < 1 || parsed > 1'000'000)
        return false;
    value = int(parsed);
    return true;
}

std::vector<std::string> splitComma(const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ','))
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

} // namespace

bool parseOptions(int argc, char **argv, Options &options, std::string &error)
{
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" || arg == "--points" || arg == "--keys") {
            if (i + 1 >= argc) {
                error = arg + " needs a value";
                return false;
            }
            const std::string value = argv[++i];
            if (arg == "--keys") {
                options.keys = splitComma(value);
                if (options.keys.empty()) {
                    error = "--keys needs at least one filter text";
                    return false;
                }
            } else if (!parsePositiveInt(value, arg == "--repeat" ? options.repeat : options.points)) {
                error = arg + " needs a positive number, got '" + value + "'";
                return false;
            }
        } else if (arg.rfind("--", 0) == 0) {
            error = "unknown option " + arg;
            return false;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() < 2) {
        error = "need a mode and a tracking URI";
        return false;
    }
    options.mode = positional[0];
    options.uri = positional[1];
    const bool wantsRun =
        options.mode == "history" || options.mode == "overview" || options.mode == "raw-history";
    if (positional.size() != (wantsRun ? 4u : 2u)) {
        error = wantsRun ? "history, overview and raw-history need URI RUN_ID METRIC" : "too many arguments";
        return false;
    }
    if (wantsRun) {
        options.runId = positional[2];
        options.metric = positional[3];
    }
    return true;
}

long procStatusKb(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line))
        if (line.rfind(prefix, 0) == 0)
            return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    return -1;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string jsonNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

Report::Report(std::string mode, const Options &options)
    : m_mode(std::move(mode))
    , m_repeat(options.repeat)
{
    markBaseline();
}

void Report::markBaseline()
{
    m_baselineKb = procStatusKb("VmRSS");
}

void Report::set(const std::string &key, double value)
{
    m_fields[key] = jsonNumber(value);
}

void Report::set(const std::string &key, std::size_t value)
{
    m_fields[key] = std::to_string(value);
}

void Report::setJson(const std::string &key, std::string json)
{
    m_fields[key] = std::move(json);
}

int Report::print() const
{
    std::ostringstream out;
    out << "{\"mode\": \"" << m_mode << "\", \"repeat\": " << m_repeat << ", \"times_ms\": [";
    for (std::size_t i = 0; i < m_times.size(); ++i)
        out << (i ? ", " : "") << jsonNumber(m_times[i]);
    out << "], \"median_ms\": " << jsonNumber(median(m_times)) << ", \"baseline_rss_kb\": " << m_baselineKb
        << ", \"peak_rss_kb\": " << procStatusKb("VmHWM");
    for (const auto &[key, value] : m_fields)
        out << ", \"" << key << "\": " << value;
    out << "}\n";
    std::cout << out.str() << std::flush;
    return 0;
}

int Report::fail(const std::string &message) const
{
    std::cerr << "modelgate-bench " << m_mode << ": " << message << '\n';
    return 1;
}

} // namespace modelgate::bench
