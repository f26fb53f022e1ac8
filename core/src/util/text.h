#pragma once
// Small text helpers shared by core's sources (private: not part of the public API).
// ASCII only on purpose: wire names, header names and user names compare byte-wise, and a
// locale-dependent tolower would make "I" and "i" differ by the machine's language.

#include <cstddef>
#include <string>
#include <string_view>

namespace modelgate::text {

// Lower-cases A-Z and leaves every other byte (UTF-8 included) as it is.
std::string asciiLower(std::string text);

// Equal ignoring ASCII case.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// Without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trimmedView(std::string_view text);
std::string trimmed(std::string_view text);

// One line for a message: control characters as spaces, at most `maxBytes` bytes (cut on a
// UTF-8 character boundary, "..." appended), so that a server's text cannot break a log line
// or a terminal.
std::string cappedLine(std::string text, std::size_t maxBytes = 200);

} // namespace modelgate::text
