#include "safe_output.h"

#include <modelgate/core/util/display_text.h>

namespace modelgate::cli {

SafeOutputBuffer::SafeOutputBuffer(std::streambuf *target, Mode mode)
    : m_target(target)
    , m_mode(mode)
{}

SafeOutputBuffer::~SafeOutputBuffer()
{
    sync();
}

SafeOutputBuffer::int_type SafeOutputBuffer::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof()))
        return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    m_line.push_back(c);
    if (c == '\n')
        writeLine();
    return ch;
}

std::streamsize SafeOutputBuffer::xsputn(const char *text, std::streamsize count)
{
    for (std::streamsize i = 0; i < count; ++i) {
        m_line.push_back(text[i]);
        if (text[i] == '\n')
            writeLine();
    }
    return count;
}

int SafeOutputBuffer::sync()
{
    writeLine();
    return m_target->pubsync();
}

void SafeOutputBuffer::writeLine()
{
    if (m_line.empty())
        return;
    DisplayLimits limits;
    limits.keepNewlines = true;
    const std::string safe =
        m_mode == Mode::Json ? safeJsonForDisplay(m_line) : safeForDisplay(m_line, limits);
    m_target->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
    m_line.clear();
}

} // namespace modelgate::cli
