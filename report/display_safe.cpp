#include "display_safe.h"

#include <QChar>

#include <modelgate/core/util/display_text.h>

namespace modelgate {

namespace {

const QChar kEllipsis(0x2026);

// Cuts `text` to at most maxChars units with "…", never between the halves of a surrogate pair.
QString capped(QString text, int maxChars, bool alreadyCut)
{
    if (maxChars <= 0)
        return text;
    if (text.size() <= maxChars && !alreadyCut)
        return text;
    qsizetype keep = std::min<qsizetype>(text.size(), std::max(maxChars - 1, 0));
    if (keep > 0 && keep < text.size() && text.at(keep - 1).isHighSurrogate())
        --keep;
    text.truncate(keep);
    text.append(kEllipsis);
    return text;
}

QString safe(const QString &text, int maxChars, bool keepNewlines)
{
    // Only the part that can be shown is converted: a 1 MB name costs no more per paint than a
    // short one. safeForDisplay never drops a character, so the shown part of the whole text is
    // the safe form of its first maxChars units.
    bool cut = false;
    QString head = text;
    if (maxChars > 0 && head.size() > maxChars) {
        qsizetype keep = maxChars;
        if (head.at(keep - 1).isHighSurrogate())
            --keep;
        head.truncate(keep);
        cut = true;
    }
    const std::string bytes = head.toStdString();
    const QString shown = QString::fromStdString(safeForDisplay(bytes, DisplayLimits{0, keepNewlines}));
    return capped(shown, maxChars, cut);
}

QString safe(const std::string &text, int maxChars, bool keepNewlines)
{
    // A byte cap well above maxChars UTF-16 units (a unit is at most 3 bytes, a pair 4) keeps
    // the conversion cheap; the exact cap is applied on the Qt side.
    if (maxChars > 0 && text.size() > static_cast<std::size_t>(maxChars) * 4U) {
        const std::string head =
            safeForDisplay(std::string_view(text).substr(0, static_cast<std::size_t>(maxChars) * 4U),
                           DisplayLimits{0, keepNewlines});
        return capped(QString::fromStdString(head), maxChars, true);
    }
    return capped(QString::fromStdString(safeForDisplay(text, DisplayLimits{0, keepNewlines})), maxChars,
                  false);
}

} // namespace

QString displaySafe(const QString &text, int maxChars)
{
    return safe(text, maxChars, false);
}

QString displaySafe(const std::string &text, int maxChars)
{
    return safe(text, maxChars, false);
}

QString displaySafeMultiline(const QString &text, int maxChars)
{
    return safe(text, maxChars, true);
}

QString displaySafeMultiline(const std::string &text, int maxChars)
{
    return safe(text, maxChars, true);
}

QVariant displaySafeForRole(const QVariant &value, int role)
{
    if (value.typeId() != QMetaType::QString)
        return value;
    if (role == Qt::DisplayRole)
        return displaySafe(value.toString());
    if (role == Qt::ToolTipRole)
        return displaySafeMultiline(value.toString());
    return value;
}

} // namespace modelgate
