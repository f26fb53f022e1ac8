#pragma once

#include <streambuf>
#include <string>

namespace modelgate::cli {

// Everything the CLI writes passes through this buffer, line by line, on its way to the
// terminal or the pipeline's log (docs/reliability.md, "Input limits"). The CLI quotes names,
// tags, comments, server messages and scoring servers' logs from outside; a control character
// among them could move the cursor or recolour the terminal, and a bidirectional override could
// make "approved" read as something else. Plain text goes through safeForDisplay (line breaks
// kept); JSON through safeJsonForDisplay, which escapes instead, so the values stay the same.
class SafeOutputBuffer final : public std::streambuf
{
public:
    enum class Mode
    {
        Text,
        Json,
    };

    SafeOutputBuffer(std::streambuf *target, Mode mode);
    ~SafeOutputBuffer() override;

    // Lines written from now on are filtered as `mode` (a line begun is finished as before).
    void setMode(Mode mode) { m_mode = mode; }

    SafeOutputBuffer(const SafeOutputBuffer &) = delete;
    SafeOutputBuffer &operator=(const SafeOutputBuffer &) = delete;

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char *text, std::streamsize count) override;
    int sync() override;

private:
    void writeLine();

    std::streambuf *m_target;
    Mode m_mode;
    std::string m_line;
};

} // namespace modelgate::cli
