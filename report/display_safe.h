#pragma once

// displaySafe: outside text (model names, versions, tags, descriptions, comments, reasons) as
// the GUI and the report show it, over core's safeForDisplay: control characters become
// spaces, characters that reorder or hide text become a visible "<U+202E>", invalid UTF-8
// becomes U+FFFD, and a cap keeps a 1 MB name from breaking a row or a page. It lives beside
// fromStd, in the lowest library with Qt, so that the GUI and the report share one rule.

#include <string>

#include <QString>
#include <QVariant>

namespace modelgate {

// A name in a table cell or a headline.
inline constexpr int kMaxDisplayChars = 200;
// A tooltip, a description, a comment.
inline constexpr int kMaxLongDisplayChars = 2000;

// One line: line breaks become spaces as well. At most maxChars UTF-16 units, "…" included.
QString displaySafe(const QString &text, int maxChars = kMaxDisplayChars);
QString displaySafe(const std::string &text, int maxChars = kMaxDisplayChars);
// Several lines (a description, a comment, a tooltip): line breaks are kept.
QString displaySafeMultiline(const QString &text, int maxChars = kMaxLongDisplayChars);
QString displaySafeMultiline(const std::string &text, int maxChars = kMaxLongDisplayChars);

// An item model's value for `role`: a string for Qt::DisplayRole as one safe line, for
// Qt::ToolTipRole as safe lines; anything else (numbers, colours, other roles) unchanged.
QVariant displaySafeForRole(const QVariant &value, int role);

} // namespace modelgate
