#pragma once

#include <QLocale>

class QCoreApplication;

namespace modelgate::ui {

// Installs ModelGate's own translation (embedded under :/i18n) and Qt's translations
// for standard dialogs (qtbase_<lang>.qm from the Qt installation, when present) for
// `locale`, and makes it the default QLocale so dates and numbers follow it too.
// English needs no file: the source strings are English. Returns false when ModelGate
// has no translation for the locale's language (the UI then stays English).
bool installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace modelgate::ui
