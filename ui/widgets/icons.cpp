#include "widgets/icons.h"

#include <QApplication>

namespace modelgate::ui {

QIcon appIcon(const char *name, QStyle::StandardPixmap fallback)
{
    QIcon icon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
    if (!icon.pixmap(16, 16).isNull())
        return icon;
    return QApplication::style()->standardIcon(fallback);
}

} // namespace modelgate::ui
