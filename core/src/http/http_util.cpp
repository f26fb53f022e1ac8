#include "http/http_internal.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <ctime>
#include <curl/curl.h>

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
    case HttpMethod::Put:
        return "PUT";
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

std::optional<std::chrono::milliseconds> parseRetryAfter(const std::string &value)
{
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        long long seconds = 0;
        const auto [end, errc] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        // Absurdly large values saturate; they are beyond any maxRetryAfter anyway.
        if (errc == std::errc::result_out_of_range || seconds > 10LL * 365 * 24 * 3600)
            seconds = 10LL * 365 * 24 * 3600;
        else if (errc != std::errc() || end != value.data() + value.size())
            return std::nullopt;
        return std::chrono::milliseconds(seconds * 1000);
    }
    // curl_getdate understands the three date formats HTTP allows (IMF-fixdate, RFC 850, asctime).
    const time_t when = curl_getdate(value.c_str(), nullptr);
    if (when == -1)
        return std::nullopt;
    const auto delay = std::chrono::system_clock::from_time_t(when) - std::chrono::system_clock::now();
    return std::max(std::chrono::milliseconds(0), std::chrono::ceil<std::chrono::milliseconds>(delay));
}

} // namespace detail

} // namespace modelgate
