// ModelGate desktop application: options, translations, the main window. Nothing else.
#include "controllers/workspace_manager.h"
#include "i18n/translations.h"
#include "mainwindow/main_window.h"
#include "screenshots/screenshot_runner.h"
#include "secrets/keychain_secret_store.h"

#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

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

    if (parser.isSet(screenshotsOption)) {
        const QString suffix = u'-' + QLocale().name().section(u'_', 0, 0);
        ScreenshotRunner runner(&window, &workspaces, parser.value(screenshotsOption), suffix);
        int exitCode = 1;
        QObject::connect(&runner, &ScreenshotRunner::finished, &app, [&](bool ok) {
            QTextStream err(stderr);
            for (const QString &file : runner.writtenFiles())
                err << "wrote " << file << '\n';
            for (const QString &problem : runner.problems())
                err << "modelgate: screenshots: " << problem << '\n';
            exitCode = ok ? 0 : 1;
            window.close();
            QApplication::exit(exitCode);
        });
        runner.run(parser.value(profileOption));
        QApplication::exec();
        return exitCode;
    }

    window.show();
    window.start(parser.value(profileOption));
    return QApplication::exec();
}
