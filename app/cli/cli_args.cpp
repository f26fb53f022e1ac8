#include "cli_args.h"

namespace modelgate::cli {

void ArgParser::addOption(const std::string &name, bool takesValue)
{
    m_known[name] = takesValue;
}

bool ArgParser::parse(const std::vector<std::string> &args)
{
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (onlyPositional || arg.size() < 3 || arg.rfind("--", 0) != 0) {
            if (arg == "--") {
                onlyPositional = true;
                continue;
            }
            if (!onlyPositional && arg.size() > 1 && arg[0] == '-' && arg != "-") {
                m_error = "unknown option '" + arg + "'";
                return false;
            }
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const auto known = m_known.find(name);
        if (known == m_known.end()) {
            m_error = "unknown option '--" + name + "'";
            return false;
        }
        if (!known->second) {
            if (inlineValue) {
                m_error = "option '--" + name + "' takes no value";
                return false;
            }
            m_values[name] = {};
            continue;
        }
        if (inlineValue) {
            m_values[name] = *inlineValue;
        } else if (i + 1 < args.size()) {
            m_values[name] = args[++i];
        } else {
            m_error = "option '--" + name + "' needs a value";
            return false;
        }
        m_allValues[name].push_back(m_values[name]);
    }
    return true;
}

bool ArgParser::has(const std::string &name) const
{
    return m_values.count(name) != 0;
}

std::optional<std::string> ArgParser::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> ArgParser::values(const std::string &name) const
{
    const auto it = m_allValues.find(name);
    return it == m_allValues.end() ? std::vector<std::string>{} : it->second;
}

} // namespace modelgate::cli
