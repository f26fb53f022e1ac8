#pragma once

// Text from outside (a registry, a file, a user: model names, tags, descriptions, comments)
// made safe to show in a terminal, a table cell, a label or a report, where it stands beside
// text ModelGate vouches for. docs/reliability.md, "Input limits".

#include <cstddef>
#include <string>
#include <string_view>

namespace modelgate {

// What safeForDisplay does to a text, and how long it may be.
struct DisplayLimits
{
    // Longest result in bytes (cut on a character boundary, "…" appended); 0: no cap.
    std::size_t maxBytes = 0;
    // Keep line breaks (\n) for multi-line fields (a description, a comment); every other
    // control character becomes a space.
    bool keepNewlines = false;
};

// - invalid UTF-8 becomes U+FFFD (one per bad byte), so a terminal or a label never decodes a
//   different text from the same bytes;
// - C0 and C1 control characters, DEL and the line/paragraph separators become spaces: no
//   escape sequence reaches a terminal, no line break splits a table row;
// - the characters that reorder or hide text (bidirectional embeddings, overrides, isolates
//   and marks, zero-width spaces and joiners, the byte-order mark, soft hyphens) are shown as
//   a visible "<U+202E>", so "evil\u202Egnp.exe" cannot pass for another name;
// - longer than limits.maxBytes: cut, with "…".
std::string safeForDisplay(std::string_view text, DisplayLimits limits = {});

// JSON text as an encoder wrote it, safe on a terminal with the same meaning: the reordering and
// invisible characters, C1 controls and line separators (which encoders leave raw inside
// strings) written as \uXXXX escapes, and invalid UTF-8 as U+FFFD. Line breaks and the rest of
// the layout are kept.
std::string safeJsonForDisplay(std::string_view jsonText);

// True when safeForDisplay would change more than the length: the text holds a control,
// reordering or invisible character, or invalid UTF-8.
bool hasHiddenOrControlCharacters(std::string_view text);

} // namespace modelgate
