#pragma once
// Small text helpers shared by core's sources (private: not part of the public API).
// ASCII only on purpose: wire names, header names and user names compare byte-wise, and a
// locale-dependent tolower would make "I" and "i" differ by the machine's language.

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

} // namespace modelgate::text
