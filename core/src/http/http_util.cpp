#include "http/http_internal.h"
#include "util/text.h"

#include <array>
#include <cstdint>

#include <modelgate/core/http/http.h>

namespace modelgate {

const char *wireName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return "GET";
    case HttpMethod::Post:
        return "POST";
    case HttpMethod::Patch:
        return "PATCH";
    case HttpMethod::Delete:
        return "DELETE";
    }
    return "GET";
}

std::string HttpResponse::header(const std::string &name) const
{
    const std::string wanted = text::asciiLower(name);
    for (const auto &[headerName, value] : headers) {
        // Stored names are lower-cased by the transport; lower-case again so that a
        // hand-built response (tests, fakes) behaves the same.
        if (text::asciiLower(headerName) == wanted)
            return value;
    }
    return {};
}

std::string urlEncode(const std::string &text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~';
        if (unreserved) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[byte >> 4];
            encoded += kHex[byte & 0x0F];
        }
    }
    return encoded;
}

std::string base64Encode(const std::string &bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded;
    encoded.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group = (std::uint32_t(static_cast<unsigned char>(bytes[i])) << 16) |
                                    (std::uint32_t(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                                    std::uint32_t(static_cast<unsigned char>(bytes[i + 2]));
        encoded += kAlphabet[(group >> 18) & 0x3F];
        encoded += kAlphabet[(group >> 12) & 0x3F];
        encoded += kAlphabet[(group >> 6) & 0x3F];
        encoded += kAlphabet[group & 0x3F];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t group = std::uint32_t(static_cast<unsigned char>(bytes[i])) << 16;
        encoded += kAlphabet[(group >> 18) & 0x3F];
        encoded += kAlphabet[(group >> 12) & 0x3F];
        encoded += "==";
    } else if (rest == 2) {
        const std::uint32_t group = (std::uint32_t(static_cast<unsigned char>(bytes[i])) << 16) |
                                    (std::uint32_t(static_cast<unsigned char>(bytes[i + 1])) << 8);
        encoded += kAlphabet[(group >> 18) & 0x3F];
        encoded += kAlphabet[(group >> 12) & 0x3F];
        encoded += kAlphabet[(group >> 6) & 0x3F];
        encoded += '=';
    }
    return encoded;
}

namespace detail {

std::string urlWithoutCredentials(const std::string &url)
{
    const auto schemeEnd = url.find("://");
    const std::size_t authorityStart = schemeEnd == std::string::npos ? 0 : schemeEnd + 3;
    const auto authorityEnd = url.find_first_of("/?#", authorityStart);
    const std::size_t authorityLength =
        authorityEnd == std::string::npos ? std::string::npos : authorityEnd - authorityStart;
    // Userinfo is whatever precedes the authority's last '@' (a password may contain an unescaped '@').
    const auto at = url.substr(authorityStart, authorityLength).rfind('@');
    if (at == std::string::npos)
        return url;
    return url.substr(0, authorityStart) + url.substr(authorityStart + at + 1);
}

} // namespace detail

} // namespace modelgate
