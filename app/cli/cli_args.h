#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate::cli {

// A small getopt-like parser: "--name value", "--name=value", boolean "--flag", and
// positional arguments. Unknown options are errors, so typos never pass silently.
class ArgParser
{
public:
    void addOption(const std::string &name, bool takesValue);

    // Parses `args`; on failure returns false and sets error().
    bool parse(const std::vector<std::string> &args);

    bool has(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const; // the last one given
    std::vector<std::string> values(const std::string &name) const;  // every one, in order
    const std::vector<std::string> &positional() const { return m_positional; }
    const std::string &error() const { return m_error; }

private:
    std::map<std::string, bool> m_known; // name -> takes a value
    std::map<std::string, std::string> m_values;
    std::map<std::string, std::vector<std::string>> m_allValues; // for options given repeatedly
    std::vector<std::string> m_positional;
    std::string m_error;
};

} // namespace modelgate::cli
