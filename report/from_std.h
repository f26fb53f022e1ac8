#pragma once

// fromStd: text crossing from core (std::string, UTF-8) into Qt. It lives in the lowest library that
// has Qt (modelgate_report, linked by ui and the CLI) so that the report and the GUI share it.

#include <string>

#include <QString>

namespace modelgate {

inline QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace modelgate
