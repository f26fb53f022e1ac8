#include "release_report.h"
#include "report_html.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTranslator>

namespace modelgate::report {

namespace {

Error configError(const std::string &message)
{
    return Error{ErrorKind::Config, 0, {}, message, {}, {}};
}

Status writePdf(const ReleaseReportData &data, const QString &path)
{
    std::vector<QImage> charts;
    const QString html = buildReportHtml(data, ImageMode::ResourceName, &charts);

    QTextDocument document;
    for (std::size_t i = 0; i < charts.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(chartResourceName(i)), charts[i]);
    document.setHtml(html);

    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("%1 %2").arg(QString::fromStdString(data.status.model),
                                                QString::fromStdString(data.status.version)));
    writer.setCreator(data.generator);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setResolution(96); // the charts are drawn in pixels at screen size
    // print() paginates a copy of the document and numbers the pages at the bottom.
    document.print(&writer);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return configError("cannot write the report to '" + path.toStdString() + "'");
    return success();
}

} // namespace

Status writeReleaseReport(const ReleaseReportData &data, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf")) {
        // QPdfWriter reports no error; make sure the path is writable first.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return configError("cannot write the report to '" + path.toStdString() +
                               "': " + probe.errorString().toStdString());
        probe.close();
        return writePdf(data, path);
    }
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm"))
        return configError("the report file must end in .html or .pdf, got '" + path.toStdString() + "'");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return configError("cannot write the report to '" + path.toStdString() +
                           "': " + file.errorString().toStdString());
    file.write(releaseReportHtml(data).toUtf8());
    if (!file.commit())
        return configError("cannot write the report to '" + path.toStdString() +
                           "': " + file.errorString().toStdString());
    return success();
}

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

} // namespace modelgate::report
