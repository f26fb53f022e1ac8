// ModelGate desktop application: options, translations, the main window. Nothing else.
#include "shell/main_window.h"
#include "shell/screenshot_runner.h"
#include "shell/translations.h"
#include "workspaces/keychain_secret_store.h"
#include "workspaces/workspace_manager.h"

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

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
    QCommandLineOption screenshotSize{
        QStringLiteral("screenshot-size"),
        QStringLiteral("With --screenshots: render every screen at <width>x<height>, e.g. 1280x800 "
                       "(default: 1400x860, the release review 1920x960)."),
        QStringLiteral("size")};
    QCommandLineOption screenshotModel{
        QStringLiteral("screenshot-model"),
        QStringLiteral("With --screenshots: the registered model to show (default: the one with the most "
                       "versions)."),
        QStringLiteral("name")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QStringLiteral("Browse and review the models of an MLflow model registry."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({profile, lang, screenshots, screenshotSize, screenshotModel});
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

    QSize screenshotSize;
    if (parser.isSet(options.screenshotSize)) {
        const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"))
                                                 .match(parser.value(options.screenshotSize));
        if (!size.hasMatch()) {
            std::fprintf(stderr, "modelgate: --screenshot-size wants <width>x<height>, e.g. 1280x800\n");
            return 2;
        }
        screenshotSize = QSize(size.captured(1).toInt(), size.captured(2).toInt());
    }
    // Screenshot mode keeps its settings apart from the user's before anything reads them
    // (the main window reads its layout when constructed), and until everything is gone
    // (some views save theirs when destroyed): declared before the window, destroyed after.
    std::unique_ptr<ScreenshotSettings> screenshotSettings;
    if (parser.isSet(screenshotsOption))
        screenshotSettings = std::make_unique<ScreenshotSettings>();

    KeychainSecretStore secrets;
    WorkspaceManager workspaces(ProfileStore::defaultPath(), Environment::current(), &secrets);
    MainWindow window(&workspaces);

    if (parser.isSet(screenshotsOption))
        return runScreenshotMode(&window, &workspaces, parser.value(screenshotsOption),
                                 parser.value(profileOption), *screenshotSettings, screenshotSize,
                                 parser.value(options.screenshotModel));

    window.show();
    window.start(parser.value(profileOption));
    return QApplication::exec();
}
