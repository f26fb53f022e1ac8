#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace modelgate::cli {

// A plain-text table for terminals: columns padded to their widest cell (counted in
// UTF-8 code points, so names with umlauts line up), long cells cut with an ellipsis.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> headers);

    // A column is cut at kDefaultMaxWidth code points unless given another width here (0: never
    // cut): a name of a megabyte must not make a line of a megabyte.
    static constexpr std::size_t kDefaultMaxWidth = 100;
    void setMaxWidth(std::size_t column, std::size_t width);
    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return m_rows.size(); }

    void print(std::ostream &out) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::size_t> m_maxWidths;
    std::vector<std::vector<std::string>> m_rows;
};

// Number of code points in a UTF-8 string (invalid bytes count as one each).
std::size_t displayWidth(const std::string &text);
// The first `width` code points, with "…" replacing the tail when it was cut.
std::string truncateToWidth(const std::string &text, std::size_t width);

} // namespace modelgate::cli
