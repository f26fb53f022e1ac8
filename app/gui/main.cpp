// ModelGate desktop application: options, translations, the main window. Nothing else.
#include "controllers/workspace_manager.h"
#include "i18n/translations.h"
#include "mainwindow/main_window.h"
#include "screenshots/screenshot_runner.h"
#include "secrets/keychain_secret_store.h"

#include <cstdio>
#include <cstring>
#include <initializer_list>

#include <QApplication>
#include <QCommandLineParser>

#include <modelgate/ui/app_info.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

struct Options
{
    QCommandLineOption profile{QStringLiteral("profile"), QStringLiteral("Open the workspace <name>."),
                               QStringLiteral("name")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("User interface language: de or en (default: system)."),
                            QStringLiteral("language")};
    QCommandLineOption screenshots{
        QStringLiteral("screenshots"),
        QStringLiteral("Load the workspace, save a screenshot of every main screen into <dir> and exit "
                       "(non-zero when something failed to load)."),
        QStringLiteral("dir")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QStringLiteral("Browse and review the models of an MLflow model registry."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({profile, lang, screenshots});
    }
};

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral(MODELGATE_APP_NAME));
    QCoreApplication::setOrganizationName(QStringLiteral(MODELGATE_ORGANIZATION));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELGATE_VERSION));
}

bool hasArgument(int argc, char *argv[], std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i)
        for (const char *name : names)
            if (std::strcmp(argv[i], name) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version must work where no display exists (a CI log, an ssh session),
    // so they are answered before a GUI platform is loaded.
    if (hasArgument(argc, argv, {"-h", "--help", "--help-all", "-v", "--version"})) {
        QCoreApplication core(argc, argv);
        setApplicationIdentity();
        QCommandLineParser parser;
        Options().addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }
    // Screenshots need no screen: without a display, render offscreen rather than fail.
    if (hasArgument(argc, argv, {"--screenshots"}) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral("modelgate"));

    const Options options;
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);
    const QCommandLineOption &profileOption = options.profile;
    const QCommandLineOption &langOption = options.lang;
    const QCommandLineOption &screenshotsOption = options.screenshots;

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
