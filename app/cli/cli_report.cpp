#include "cli_report.h"

#include "cli_app.h"
#include "cli_review.h"

#include <memory>

#ifdef MODELGATE_WITH_REPORT
#include <release_report.h>

#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
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
