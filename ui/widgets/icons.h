#pragma once

#include <QIcon>
#include <QStyle>

namespace modelgate::ui {

// An icon drawn for ModelGate (:/icons/<name>.svg). Where Qt's SVG plugin is missing
// the style's standard icon stands in, so a minimal installation still shows icons.
QIcon appIcon(const char *name, QStyle::StandardPixmap fallback);

} // namespace modelgate::ui
