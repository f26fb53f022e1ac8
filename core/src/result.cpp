#include "modelgate/core/result.h"

namespace modelgate {

std::string Error::describe() const
{
    std::string line;
    if (httpStatus != 0)
        line += "HTTP " + std::to_string(httpStatus);
    if (!code.empty()) {
        if (!line.empty())
            line += ' ';
        line += code;
    }
    // Without a status or a code the kind is the most useful prefix ("Cancelled: ...").
    if (line.empty())
        line = toString(kind);
    if (!message.empty())
        line += ": " + message;
    if (!field.empty())
        line += " (at " + field + ")";
    return line;
}

const char *toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Transport:
        return "Transport";
    case ErrorKind::HttpStatus:
        return "HttpStatus";
    case ErrorKind::Api:
        return "Api";
    case ErrorKind::Parse:
        return "Parse";
    case ErrorKind::Cancelled:
        return "Cancelled";
    case ErrorKind::Config:
        return "Config";
    case ErrorKind::Refused:
        return "Refused";
    }
    return "Unknown";
}

} // namespace modelgate
