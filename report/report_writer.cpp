#include "display_safe.h"
#include "release_report.h"
#include "report_html.h"
#include "report_pages.h"
#include "report_tr.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
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

constexpr qreal kFooterHeight = 28.0; // pixels at 96 dpi, below each page's text

Status writePdf(const ReleaseReportData &data, const QString &path)
{
    std::vector<QImage> charts;
    const QString html = buildReportHtml(data, ImageMode::ResourceName, &charts);

    QPdfWriter writer(path);
    // The PDF's title is shown by viewers in their title bar: as safe as the page itself.
    const QString model = displaySafe(data.status.model);
    const QString version = displaySafe(data.status.version);
    writer.setTitle(ReleaseReport::tr("Release report: %1, version %2").arg(model, version));
    writer.setCreator(data.generator);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter));
    writer.setResolution(96); // the document is laid out in pixels at 96 dpi, like a screen

    // Laid out on pages of the printable area itself. QTextDocument::print() would add its
    // own 2 cm margins inside the writer's, leaving a column too narrow for a hash or a table.
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    for (std::size_t i = 0; i < charts.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(chartResourceName(i)), charts[i]);
    const QRectF printable = writer.pageLayout().paintRectPixels(writer.resolution());
    const QSizeF page(printable.width(), printable.height() - kFooterHeight);
    layOutPages(document, html, page);

    QPainter painter;
    if (!painter.begin(&writer))
        return configError("cannot write the report to '" + path.toStdString() + "'");
    const int pages = document.pageCount();
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(8);
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            writer.newPage();
        painter.save();
        const QRectF slice(0, index * page.height(), page.width(), page.height());
        painter.translate(0, -slice.top());
        document.drawContents(&painter, slice);
        painter.restore();
        // Every page says what it belongs to: a printed page may be read on its own.
        painter.setFont(footerFont);
        painter.setPen(QColor(0x57, 0x60, 0x6a));
        const QRectF footer(0, page.height() + 6, page.width(), kFooterHeight - 6);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         ReleaseReport::tr("%1, version %2").arg(model, version));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         ReleaseReport::tr("Page %1 of %2").arg(index + 1).arg(pages));
    }
    painter.end();
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
