#pragma once

// What every fuzz target starts from: libFuzzer's bytes as the text a parser is given. The
// parsers take std::string (a response body, a file's content), so the bytes are passed as they
// are, NUL bytes and invalid UTF-8 included.

#include <cstddef>
#include <cstdint>
#include <string>

namespace modelgate::fuzz {

inline std::string textOf(const std::uint8_t *data, std::size_t size)
{
    return std::string(reinterpret_cast<const char *>(data), size);
}

// Keeps the optimiser from dropping a parse whose result is not otherwise used.
template <typename T>
void use(const T &value)
{
    asm volatile("" : : "r"(&value) : "memory");
}

} // namespace modelgate::fuzz
