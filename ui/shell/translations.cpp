#include "shell/translations.h"

#include <release_report.h>

namespace modelgate::ui {

bool installTranslations(QCoreApplication *app, const QLocale &locale)
{
    // The translations are embedded by the report library, which the CLI shares.
    return report::installTranslations(app, locale);
}

} // namespace modelgate::ui
