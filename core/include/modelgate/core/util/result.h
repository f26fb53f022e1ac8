#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace modelgate {

// Why a call failed. The kinds are kept apart on purpose: a caller (and the UI's
// single error-to-message mapping) treats "could not reach the server" very
// differently from "the server said no" or "the server said something we cannot read".
enum class ErrorKind
{
    Transport,  // no usable HTTP response: refused, reset, timeout, DNS, TLS (code = curl error name)
    HttpStatus, // an HTTP error status without an MLflow error body (plain-text 401/403, HTML 404, 502...)
    Api,        // an MLflow error body {"error_code", "message"} (code = error_code)
    Parse,      // a 2xx response whose payload is malformed (field = the offending JSON path)
    Cancelled,  // the caller's cancel token fired
    Config,     // bad local input: unusable URI, missing profile, unreadable file
    Refused,    // a release rule forbids the action (four-eyes, a failing check, a conflict); code says which
    Unsupported, // the server lacks an endpoint or feature ModelGate needs; the message names both
};

struct Error
{
    ErrorKind kind = ErrorKind::Transport;
    int httpStatus = 0;  // 0 when no response was received
    std::string code;    // curl error name, MLflow error_code, or empty
    std::string message; // English technical detail (for logs and the CLI); the UI maps kind/code to tr()
    std::string field;   // for Parse: JSON path of the malformed field, e.g. "registered_models[3].name"
    std::string url;     // the request URL (never carries credentials)

    // One line for a terminal or a log: "HTTP 404 RESOURCE_DOES_NOT_EXIST: Registered Model ... not found".
    std::string describe() const;

    // Named constructors for the kinds that core raises itself (Transport, HttpStatus and Api
    // come from a response and are built where it is read), so that no file keeps its own
    // makeError/parseError copy.
    static Error parse(std::string field, std::string message);
    static Error config(std::string message);
    static Error refused(std::string code, std::string message);
    static Error unsupported(std::string message);
    static Error cancelled(std::string url = {});
    static Error of(ErrorKind kind, std::string message, std::string code = {});
};

const char *wireName(ErrorKind kind);

// A value or an Error; the caller must look before using the value.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T &value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    const Error &error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

private:
    std::variant<T, Error> m_data;
};

struct Unit
{};

// For calls that return nothing but success or an Error.
using Status = Result<Unit>;

inline Status success()
{
    return Unit{};
}

// Success or the error of a call whose value the caller does not need (a write's echo).
template <typename T>
Status toStatus(const Result<T> &result)
{
    if (!result.ok())
        return result.error();
    return success();
}

// The error of an operation stopped through its CancelToken.
inline Error cancelledError()
{
    return Error::cancelled();
}

} // namespace modelgate
