#include "modelgate/core/util/result.h"

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
        line = wireName(kind);
    if (!message.empty())
        line += ": " + message;
    if (!field.empty())
        line += " (at " + field + ")";
    return line;
}

Error Error::of(ErrorKind kind, std::string message, std::string code)
{
    Error error;
    error.kind = kind;
    error.message = std::move(message);
    error.code = std::move(code);
    return error;
}

Error Error::parse(std::string field, std::string message)
{
    Error error = of(ErrorKind::Parse, std::move(message));
    error.field = std::move(field);
    return error;
}

Error Error::config(std::string message)
{
    return of(ErrorKind::Config, std::move(message));
}

Error Error::refused(std::string code, std::string message)
{
    return of(ErrorKind::Refused, std::move(message), std::move(code));
}

Error Error::unsupported(std::string message)
{
    return of(ErrorKind::Unsupported, std::move(message));
}

Error Error::cancelled(std::string url)
{
    Error error = of(ErrorKind::Cancelled, "cancelled");
    error.url = std::move(url);
    return error;
}

const char *wireName(ErrorKind kind)
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
    case ErrorKind::Unsupported:
        return "Unsupported";
    }
    return "Unknown";
}

} // namespace modelgate
