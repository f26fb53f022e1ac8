#include "release/review/report_export.h"

#include "async/run_async.h"
#include "errors/error_text.h"

#include <release_report.h>

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

#include <modelgate/core/util/cancel_token.h>

// At global scope so that lupdate and the runtime agree on the context "ReportExport".
class ReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ReportExport)
};

namespace modelgate::ui {

namespace {

const char *kDirectoryKey = "releaseReport/directory";
const char *kFormatKey = "releaseReport/format";

QString askForPath(QWidget *parent, const QString &model, const QString &version)
{
    QSettings settings;
    const QString directory = settings.value(QLatin1String(kDirectoryKey), QDir::homePath()).toString();
    const QString format = settings.value(QLatin1String(kFormatKey), QStringLiteral("pdf")).toString();
    const QString pdfFilter = ReportExport::tr("PDF document (*.pdf)");
    const QString htmlFilter = ReportExport::tr("Web page (*.html)");
    QString safeModel = model;
    safeModel.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString suggested = QDir(directory).filePath(
        QStringLiteral("%1-v%2-release-report.%3")
            .arg(safeModel, version, format == QLatin1String("html") ? format : QStringLiteral("pdf")));
    QString selectedFilter = format == QLatin1String("html") ? htmlFilter : pdfFilter;
    QString path =
        QFileDialog::getSaveFileName(parent, ReportExport::tr("Export Release Report"), suggested,
                                     pdfFilter + QStringLiteral(";;") + htmlFilter, &selectedFilter);
    if (path.isEmpty())
        return {};
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html")) {
        suffix = selectedFilter == htmlFilter ? QStringLiteral("html") : QStringLiteral("pdf");
        path += u'.' + suffix;
    }
    settings.setValue(QLatin1String(kDirectoryKey), QFileInfo(path).absolutePath());
    settings.setValue(QLatin1String(kFormatKey), suffix);
    return path;
}

void showFailure(QWidget *parent, const Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, ReportExport::tr("Export Release Report"),
                                userMessage(error, Operation::ExportReport), QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("releaseReportFailed"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void showWritten(QWidget *parent, const QString &path)
{
    auto *box = new QMessageBox(
        QMessageBox::Information, ReportExport::tr("Export Release Report"),
        ReportExport::tr("The release report was written to %1.").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("releaseReportWritten"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = box->addButton(ReportExport::tr("Open Report"), QMessageBox::AcceptRole);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [open, path](QAbstractButton *clicked) {
        if (clicked == open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    box->open();
}

} // namespace

void exportReleaseReport(QWidget *parent, std::shared_ptr<const MlflowClient> client, const QString &model,
                         const QString &version)
{
    if (!client || model.isEmpty() || version.isEmpty())
        return;
    const QString path = askForPath(parent, model, version);
    if (!path.isEmpty())
        exportReleaseReportTo(parent, std::move(client), model, version, path);
}

void exportReleaseReportTo(QWidget *parent, std::shared_ptr<const MlflowClient> client, const QString &model,
                           const QString &version, const QString &path)
{
    if (!client || model.isEmpty() || version.isEmpty() || path.isEmpty())
        return;
    auto *progress = new QProgressDialog(
        ReportExport::tr("Collecting the evidence, checks and trail of %1 version %2…").arg(model, version),
        ReportExport::tr("Cancel"), 0, 0, parent);
    progress->setWindowTitle(ReportExport::tr("Export Release Report"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    CancelToken cancel;
    QObject::connect(progress, &QProgressDialog::canceled, progress, [cancel, progress]() mutable {
        cancel.cancel();
        progress->close();
    });
    progress->show();

    // The dialog is the context: closing the parent (or cancelling) drops the result. The file
    // is written in the background too: laying a long trail out on PDF pages takes a while.
    runAsync(
        progress,
        [client, model = model.toStdString(), version = version.toStdString(), path, cancel]() -> Status {
            const Result<report::ReleaseReportData> data =
                report::loadReleaseReportData(*client, model, version, cancel);
            if (!data)
                return data.error();
            if (cancel.isCancelled())
                return cancelledError();
            return report::writeReleaseReport(data.value(), path);
        },
        [progress, parent, path, cancel](const Status &written) {
            if (cancel.isCancelled())
                return;
            progress->close();
            if (!written)
                showFailure(parent, written.error());
            else
                showWritten(parent, path);
        });
}

} // namespace modelgate::ui
