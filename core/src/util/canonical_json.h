#pragma once

// Private to modelgate_core: the text rules of release records (docs/design/release-records.md,
// section 4). Canonical JSON is nlohmann's own serialisation of its std::map-backed object:
// keys sorted, no whitespace, UTF-8 kept, control characters as \u00xx, numbers in shortest
// round-trip form. Every function here is pure and never throws.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace modelgate::detail {

// The one valid spelling of `value`. Invalid UTF-8 in a string becomes U+FFFD instead of
// throwing; writers refuse such strings beforehand (utf8CodePoints).
std::string canonicalDump(const nlohmann::json &value);

// Code points of valid UTF-8 (no overlongs, surrogates or values above U+10FFFF), else
// nullopt. MLflow counts a parameter's length in code points (Python's len).
std::optional<std::size_t> utf8CodePoints(std::string_view text);

// The deepest bracket nesting of JSON-like text, strings skipped. nlohmann's parser is
// iterative but dump() recurses, so foreign text is measured before it is parsed.
int maxNestingDepth(const std::string &text);

// A stored value quoted in a one-line English message: control characters as spaces,
// cut after `maxCodePoints` with "...".
std::string oneLine(const std::string &text, std::size_t maxCodePoints = 120);

} // namespace modelgate::detail
