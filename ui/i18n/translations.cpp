#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace modelgate::ui {

bool installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;

    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *appTranslator = new QTranslator(app);
    if (!appTranslator->load(locale, QStringLiteral("modelgate"), QStringLiteral("_"),
                             QStringLiteral(":/i18n"))) {
        delete appTranslator;
        return false;
    }
    QCoreApplication::installTranslator(appTranslator);
    return true;
}

} // namespace modelgate::ui
