#include "text_table.h"

#include <algorithm>

#include <modelgate/core/util/display_text.h>

namespace modelgate::cli {

namespace {

bool isContinuationByte(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

} // namespace

std::size_t displayWidth(const std::string &text)
{
    std::size_t width = 0;
    for (const char c : text)
        if (!isContinuationByte(static_cast<unsigned char>(c)))
            ++width;
    return width;
}

std::string truncateToWidth(const std::string &text, std::size_t width)
{
    if (displayWidth(text) <= width)
        return text;
    if (width == 0)
        return {};
    std::size_t kept = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        if (!isContinuationByte(static_cast<unsigned char>(text[i]))) {
            if (kept == width - 1)
                break;
            ++kept;
        }
    }
    return text.substr(0, i) + "\u2026";
}

TextTable::TextTable(std::vector<std::string> headers)
    : m_headers(std::move(headers))
    , m_maxWidths(m_headers.size(), kDefaultMaxWidth)
{}

void TextTable::setMaxWidth(std::size_t column, std::size_t width)
{
    if (column < m_maxWidths.size())
        m_maxWidths[column] = width;
}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(m_headers.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        // Names, tags and messages from outside: no control, reordering or invisible character
        // may break the table or change what it says (a newline, an escape sequence, U+202E).
        cells[c] = safeForDisplay(cells[c]);
        if (m_maxWidths[c] > 0)
            cells[c] = truncateToWidth(cells[c], m_maxWidths[c]);
    }
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream &out) const
{
    std::vector<std::size_t> widths(m_headers.size(), 0);
    for (std::size_t c = 0; c < m_headers.size(); ++c)
        widths[c] = displayWidth(m_headers[c]);
    for (const auto &row : m_rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));

    const auto printRow = [&](const std::vector<std::string> &cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            line += cells[c];
            if (c + 1 < cells.size())
                line.append(widths[c] - displayWidth(cells[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    printRow(m_headers);
    for (const auto &row : m_rows)
        printRow(row);
}

} // namespace modelgate::cli
