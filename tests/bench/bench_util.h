#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace modelgate::bench {

struct Options
{
    std::string mode;
    std::string uri;
    std::string runId;
    std::string metric;
    int repeat = 5;
    int points = 2000;
    std::vector<std::string> keys{"d", "di", "dia", "diab"};
};

// Parses "MODE URI [RUN METRIC] [--repeat R] [--points P] [--keys a,b]"; false and `error` on misuse.
bool parseOptions(int argc, char **argv, Options &options, std::string &error);

class Stopwatch
{
public:
    Stopwatch()
        : m_start(std::chrono::steady_clock::now())
    {}
    double elapsedMs() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// A field of /proc/self/status in kB (VmRSS, VmHWM), or -1 when unreadable.
long procStatusKb(const char *field);

double median(std::vector<double> values);

// Collects one measurement's figures and prints them as one JSON object on stdout.
class Report
{
public:
    Report(std::string mode, const Options &options);

    // Resident memory now is the baseline the peak is compared with (taken at construction
    // unless called again once setup is done).
    void markBaseline();
    void addTime(double ms) { m_times.push_back(ms); }
    void set(const std::string &key, double value);
    void set(const std::string &key, std::size_t value);
    // A raw JSON value (array, object) for a key.
    void setJson(const std::string &key, std::string json);

    // Prints the report; returns the exit status 0.
    int print() const;
    // Prints the error on stderr; returns the exit status 1.
    int fail(const std::string &message) const;

private:
    std::string m_mode;
    int m_repeat = 0;
    long m_baselineKb = -1;
    std::vector<double> m_times;
    std::map<std::string, std::string> m_fields; // key -> JSON text
};

std::string jsonNumber(double value);

} // namespace modelgate::bench
