#include "modelgate/core/workspace/identity.h"

#include "modelgate/core/mlflow/model_filter.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace modelgate {

namespace {

using Json = nlohmann::json;

// The claims that name a person, most specific first: Entra ID puts the sign-in name in
// preferred_username/upn/unique_name, generic OIDC providers in preferred_username or email;
// oid and sub are stable but opaque, so they come last.
constexpr std::array<const char *, 6> kIdentityClaims = {
    "preferred_username", "upn", "unique_name", "email", "oid", "sub"};

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

// base64url (RFC 4648 §5) as JWTs use it: unpadded, though trailing '=' is tolerated.
std::optional<std::string> base64UrlDecode(std::string_view text)
{
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned int buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = base64UrlValue(c);
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned int>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

std::optional<Json> decodeJsonObject(std::string_view part)
{
    const auto decoded = base64UrlDecode(part);
    if (!decoded)
        return std::nullopt;
    Json value = Json::parse(*decoded, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return std::nullopt;
    return value;
}

} // namespace

std::optional<std::vector<std::pair<std::string, std::string>>> jwtIdentityClaims(const std::string &token)
{
    // A signed JWT (JWS compact form) is header.payload.signature; an encrypted one (JWE, five
    // parts) has no readable payload and is not a JWT we can read.
    const std::string text = text::trimmed(token);
    const auto firstDot = text.find('.');
    const auto secondDot = firstDot == std::string::npos ? std::string::npos : text.find('.', firstDot + 1);
    if (secondDot == std::string::npos || text.find('.', secondDot + 1) != std::string::npos)
        return std::nullopt;
    const std::string_view view(text);
    if (!decodeJsonObject(view.substr(0, firstDot)))
        return std::nullopt;
    const auto payload = decodeJsonObject(view.substr(firstDot + 1, secondDot - firstDot - 1));
    if (!payload)
        return std::nullopt;
    std::vector<std::pair<std::string, std::string>> claims;
    for (const char *claim : kIdentityClaims) {
        const auto found = payload->find(claim);
        if (found != payload->end() && found->is_string())
            claims.emplace_back(claim, found->get<std::string>());
    }
    return claims;
}

std::string reviewerIdentity(const Credentials &credentials)
{
    if (credentials.kind == AuthKind::Bearer) {
        if (const auto claims = jwtIdentityClaims(credentials.secret)) {
            for (const auto &[claim, value] : *claims) {
                if (auto identity = text::trimmed(value); !identity.empty())
                    return identity;
            }
        }
    }
    return text::trimmed(credentials.username);
}

std::vector<std::string> authorIdentities(const ModelVersion &version, const std::optional<Run> &run)
{
    std::vector<std::string> candidates{version.userId};
    auto tagOf = [](const TagMap &tags, const char *key) {
        const auto found = tags.find(key);
        return found == tags.end() ? std::string() : found->second;
    };
    if (run)
        candidates.push_back(tagOf(run->tags, "mlflow.user"));
    candidates.push_back(tagOf(version.tags, kAuthorTag));
    if (run)
        candidates.push_back(tagOf(run->tags, kAuthorTag));

    std::vector<std::string> authors;
    for (const auto &candidate : candidates) {
        auto identity = text::trimmed(candidate);
        if (!identity.empty() && !isAuthor(identity, authors))
            authors.push_back(std::move(identity));
    }
    return authors;
}

bool sameIdentity(const std::string &a, const std::string &b)
{
    const std::string_view left = text::trimmedView(a);
    return !left.empty() && text::equalsIgnoringCase(left, text::trimmedView(b));
}

bool isAuthor(const std::string &identity, const std::vector<std::string> &authors)
{
    return std::any_of(authors.begin(), authors.end(),
                       [&](const std::string &author) { return sameIdentity(identity, author); });
}

} // namespace modelgate
