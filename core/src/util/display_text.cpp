#include "modelgate/core/util/display_text.h"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace modelgate {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";    // U+2026

struct Decoded
{
    char32_t codePoint = 0;
    std::size_t length = 0; // bytes; 0 for an invalid sequence (one byte is then replaced)
};

// One UTF-8 character at the start of `text`, strictly: no overlong forms, no surrogates,
// nothing above U+10FFFF.
Decoded decode(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return {};
    }
    if (text.size() < length)
        return {};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return {};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, length};
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

// Characters that change the order or the visibility of the text around them.
bool isHiddenOrReordering(char32_t c)
{
    return c == 0x00AD                     // soft hyphen
           || c == 0x061C                  // Arabic letter mark
           || (c >= 0x200B && c <= 0x200F) // zero-width space/non-joiner/joiner, LRM, RLM
           || (c >= 0x202A && c <= 0x202E) // embeddings and overrides
           || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
           || (c >= 0x2066 && c <= 0x2069) // isolates
           || c == 0xFEFF;                 // byte-order mark / zero-width no-break space
}

std::string visibleName(char32_t c)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "<U+%04X>", static_cast<unsigned>(c));
    return buffer;
}

// `text` cut to at most `maxBytes` bytes on a character boundary, with the ellipsis.
void capInPlace(std::string &text, std::size_t maxBytes)
{
    if (maxBytes == 0 || text.size() <= maxBytes)
        return;
    std::size_t keep = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80)
        --keep;
    text.resize(keep);
    text.append(kEllipsis);
}

// Calls `onCharacter(codePoint, bytes)` for each character of `text` in order, with
// codePoint nullopt for a byte that starts no valid UTF-8 character (bytes is then that byte);
// stops early when it returns false.
template <typename OnCharacter>
void forEachCharacter(std::string_view text, OnCharacter onCharacter)
{
    while (!text.empty()) {
        const Decoded next = decode(text);
        const std::size_t length = next.length == 0 ? 1 : next.length;
        const std::optional<char32_t> codePoint =
            next.length == 0 ? std::nullopt : std::optional<char32_t>(next.codePoint);
        if (!onCharacter(codePoint, text.substr(0, length)))
            return;
        text.remove_prefix(length);
    }
}

} // namespace

std::string safeForDisplay(std::string_view text, DisplayLimits limits)
{
    std::string out;
    out.reserve(limits.maxBytes > 0 && limits.maxBytes < text.size() ? limits.maxBytes + 8 : text.size());
    forEachCharacter(text, [&](std::optional<char32_t> c, std::string_view bytes) {
        // Past the cap nothing more is kept: a 1 MB name costs no more than its first bytes.
        if (limits.maxBytes > 0 && out.size() > limits.maxBytes + 8)
            return false;
        if (!c)
            out.append(kReplacement);
        else if (*c == U'\n' && limits.keepNewlines)
            out.push_back('\n');
        else if (isControl(*c))
            out.push_back(' ');
        else if (isHiddenOrReordering(*c))
            out.append(visibleName(*c));
        else
            out.append(bytes);
        return true;
    });
    capInPlace(out, limits.maxBytes);
    return out;
}

std::string safeJsonForDisplay(std::string_view jsonText)
{
    std::string out;
    out.reserve(jsonText.size());
    forEachCharacter(jsonText, [&](std::optional<char32_t> c, std::string_view bytes) {
        if (!c) {
            out.append(kReplacement);
        } else if (*c >= 0x7F && (isControl(*c) || isHiddenOrReordering(*c))) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(*c));
            out.append(buffer);
        } else {
            out.append(bytes);
        }
        return true;
    });
    return out;
}

bool hasHiddenOrControlCharacters(std::string_view text)
{
    bool found = false;
    forEachCharacter(text, [&](std::optional<char32_t> c, std::string_view) {
        found = !c || isControl(*c) || isHiddenOrReordering(*c);
        return !found;
    });
    return found;
}

} // namespace modelgate
