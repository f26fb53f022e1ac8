// ModelGate desktop application: options, translations, the main window. Nothing else.
#include "controllers/workspace_manager.h"
#include "i18n/translations.h"
#include "mainwindow/main_window.h"
#include "screenshots/screenshot_runner.h"
#include "secrets/keychain_secret_store.h"

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>

#include <modelgate/ui/app_info.h>

using namespace modelgate;
using namespace modelgate::ui;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral(MODELGATE_APP_NAME));
    QApplication::setOrganizationName(QStringLiteral(MODELGATE_ORGANIZATION));
    QApplication::setApplicationVersion(QStringLiteral(MODELGATE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("modelgate"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Browse and review the models of an MLflow model registry."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("Open the workspace <name>."), QStringLiteral("name"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("User interface language: de or en (default: system)."),
        QStringLiteral("language"));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QStringLiteral("Load the workspace, save a screenshot of every main screen into <dir> and exit "
                       "(non-zero when something failed to load)."),
        QStringLiteral("dir"));
    parser.addOptions({profileOption, langOption, screenshotsOption});
    parser.process(app);

    QLocale locale = QLocale::system();
    if (parser.isSet(langOption)) {
        const QString language = parser.value(langOption).toLower();
        if (language != QLatin1String("de") && language != QLatin1String("en")) {
            std::fprintf(stderr, "modelgate: unsupported language '%s' (use de or en)\n",
                         qPrintable(language));
            return 2;
        }
        locale = QLocale(language == QLatin1String("de") ? QLocale::German : QLocale::English,
                         language == QLatin1String("de") ? QLocale::Germany : QLocale::UnitedStates);
    }
    installTranslations(&app, locale);

    KeychainSecretStore secrets;
    WorkspaceManager workspaces(ProfileStore::defaultPath(), Environment::current(), &secrets);
    MainWindow window(&workspaces);

    if (parser.isSet(screenshotsOption))
        return runScreenshotMode(&window, &workspaces, parser.value(screenshotsOption),
                                 parser.value(profileOption));

    window.show();
    window.start(parser.value(profileOption));
    return QApplication::exec();
}
