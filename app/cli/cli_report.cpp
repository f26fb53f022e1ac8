#include "cli_report.h"

#include "cli_app.h"
#include "cli_review.h"

#include <filesystem>
#include <memory>
#include <system_error>
#include <unistd.h>

#ifdef MODELGATE_WITH_REPORT
#include <release_report.h>

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QTemporaryDir>
#endif

namespace modelgate::cli {

namespace {

std::string lowerSuffix(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string suffix = path.substr(dot + 1);
    for (char &c : suffix)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return suffix;
}

// Checked before anything is loaded: a report that takes seconds to gather must not then
// fail on a folder that does not exist or cannot be written.
std::string unwritableReason(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path file(path);
    fs::path folder = file.parent_path();
    if (folder.empty())
        folder = ".";
    if (!fs::is_directory(folder, error))
        return "the folder '" + folder.string() + "' does not exist";
    if (fs::is_directory(file, error))
        return "'" + path + "' is a folder";
    if (fs::exists(file, error))
        return ::access(file.c_str(), W_OK) == 0 ? std::string() : "'" + path + "' is not writable";
    return ::access(folder.c_str(), W_OK | X_OK) == 0
               ? std::string()
               : "the folder '" + folder.string() + "' is not writable";
}

#ifdef MODELGATE_WITH_REPORT
// XDG_RUNTIME_DIR for the duration of one command, where the environment has none.
class PrivateRuntimeDir
{
public:
    PrivateRuntimeDir()
    {
        if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") || !m_dir.isValid())
            return;
        m_set = qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path()));
    }
    ~PrivateRuntimeDir()
    {
        if (m_set)
            qunsetenv("XDG_RUNTIME_DIR"); // the folder goes with this command
    }
    PrivateRuntimeDir(const PrivateRuntimeDir &) = delete;
    PrivateRuntimeDir &operator=(const PrivateRuntimeDir &) = delete;

private:
    QTemporaryDir m_dir; // created 0700, removed on destruction
    bool m_set = false;
};
#endif

} // namespace

CommandFailure checkReportCommand(const ReportRequest &request)
{
    if (!request.outPath || request.outPath->empty())
        return {ExitUsage, "'review report' needs --out FILE (.html or .pdf)"};
    const std::string suffix = lowerSuffix(*request.outPath);
    if (suffix != "html" && suffix != "pdf")
        return {ExitUsage, "the report file must end in .html or .pdf, got '" + *request.outPath + "'"};
    if (request.language && *request.language != "de" && *request.language != "en")
        return {ExitUsage, "--lang must be 'de' or 'en', got '" + *request.language + "'"};
    if (const std::string reason = unwritableReason(*request.outPath); !reason.empty())
        return {ExitUsage, "cannot write the report: " + reason};
#ifndef MODELGATE_WITH_REPORT
    return {ExitUsage, "this modelgate-cli was built without the release report (MODELGATE_BUILD_GUI=OFF)"};
#else
    return {};
#endif
}

CommandFailure runReportCommand(const MlflowClient &client, const ReportRequest &request, std::ostream &out,
                                const CancelToken &cancel)
{
    if (const CommandFailure usage = checkReportCommand(request); usage.exitCode != ExitSuccess)
        return usage;
#ifndef MODELGATE_WITH_REPORT
    (void)client;
    (void)out;
    (void)cancel;
    return {ExitUsage, "this modelgate-cli was built without the release report"};
#else
    // Qt's platform and font code ask for the user's runtime folder and, where a CI job or a
    // service has no XDG_RUNTIME_DIR, print a warning on stderr, which must hold one line per
    // failure only. A private folder (0700, removed afterwards) is what the XDG spec promises.
    const PrivateRuntimeDir runtimeDir;
    // Fonts, QPainter text and QPdfWriter need a QGuiApplication; a pipeline has no display.
    std::unique_ptr<QGuiApplication> ownApp;
    static int argc = 1;
    static char appName[] = "modelgate-cli";
    static char *argv[] = {appName, nullptr};
    if (!QCoreApplication::instance()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        ownApp = std::make_unique<QGuiApplication>(argc, argv);
    } else if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return {ExitUsage, "the report needs a GUI-capable application object (internal)"};
    }
    const QLocale locale =
        request.language ? QLocale(QString::fromStdString(*request.language)) : QLocale::system();
    report::installTranslations(QCoreApplication::instance(), locale);

    auto data = report::loadReleaseReportData(client, request.model, request.version, cancel);
    if (!data)
        return failureFor(data.error(), "cannot load the release review of '" + request.model + "' version " +
                                            request.version);
    const QString path = QString::fromStdString(*request.outPath);
    if (const Status written = report::writeReleaseReport(data.value(), path); !written)
        return failureFor(written.error(), "cannot write the report");
    const ReleaseStatus &status = data.value().status;
    out << "wrote " << QFileInfo(path).absoluteFilePath().toStdString() << ": " << request.model
        << " version " << status.version << (status.approved ? " is approved" : " is NOT approved") << " ("
        << oneLine(status.reason) << ")";
    if (status.trail.ok)
        out << "; trail head " << status.trail.headHash;
    else
        out << "; the trail is BROKEN";
    out << '\n';
    return {};
#endif
}

} // namespace modelgate::cli
