#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace modelgate::ui {

bool installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Translators installed earlier (a language switch in tests) would otherwise win.
    for (QTranslator *old : app->findChildren<QTranslator *>(QStringLiteral("modelgate-translator"))) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    const QLocale fileLocale = english ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;

    if (!english) {
        auto *qtTranslator = new QTranslator(app);
        qtTranslator->setObjectName(QStringLiteral("modelgate-translator"));
        if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qtTranslator);
        else
            delete qtTranslator;
    }

    auto *appTranslator = new QTranslator(app);
    appTranslator->setObjectName(QStringLiteral("modelgate-translator"));
    const auto loadFor = [appTranslator](const QLocale &wanted) {
        return appTranslator->load(wanted, QStringLiteral("modelgate"), QStringLiteral("_"),
                                   QStringLiteral(":/i18n"));
    };
    // A language ModelGate does not speak falls back to English (with its plural forms).
    const bool translated = loadFor(fileLocale);
    if (translated || loadFor(QLocale(QLocale::English, QLocale::UnitedStates)))
        QCoreApplication::installTranslator(appTranslator);
    else
        delete appTranslator;
    return translated;
}

} // namespace modelgate::ui
