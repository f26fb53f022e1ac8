// `modelgate-cli review report` in-process against the shared seeded MLflow server (open, no
// trail): the report is written for a version that is not approved, and says so, in German
// too, as text a PDF viewer can search.
#include "cli_app.h"
#include "mlflow_test_server.h"

#include <sstream>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace modelgate;

namespace {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliResult runCli(const std::vector<std::string> &args)
{
    std::ostringstream out;
    std::ostringstream err;
    CliResult result;
    result.exitCode = cli::run(args, out, err, Environment{});
    result.out = out.str();
    result.err = err.str();
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The PDF's text as poppler's pdftotext reads it; empty when it cannot.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestCliReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrorsNeedNoServer()
    {
        QTemporaryDir dir;
        const std::string uri = "http://127.0.0.1:9";
        const CliResult badSuffix = runCli({"--tracking-uri", uri, "review", "report", "m", "1", "--out",
                                            dir.filePath(QStringLiteral("report.txt")).toStdString()});
        QCOMPARE(badSuffix.exitCode, 2);
        QVERIFY2(badSuffix.err.find(".html or .pdf") != std::string::npos, badSuffix.err.c_str());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("report.txt"))));

        const CliResult noOut = runCli({"--tracking-uri", uri, "review", "report", "m", "1"});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY2(noOut.err.find("--out") != std::string::npos, noOut.err.c_str());

        const CliResult badLang =
            runCli({"--tracking-uri", uri, "review", "report", "m", "1", "--out",
                    dir.filePath(QStringLiteral("r.html")).toStdString(), "--lang", "fr"});
        QCOMPARE(badLang.exitCode, 2);

        const CliResult outElsewhere =
            runCli({"--tracking-uri", uri, "review", "status", "m", "1", "--out", "x.pdf"});
        QCOMPARE(outElsewhere.exitCode, 2);
    }

    void serverFailureIsExitThree()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.html"));
        const CliResult refused = runCli({"--tracking-uri", "http://127.0.0.1:9", "--timeout", "5", "review",
                                          "report", "m", "1", "--out", path.toStdString()});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(!QFile::exists(path));
    }

    void writesHtmlAndPdf()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("report.html"));
        const CliResult written =
            runCli({"--tracking-uri", uri.toStdString(), "review", "report", "diabetes-classifier", "4",
                    "--out", html.toStdString(), "--lang", "en"});
        QVERIFY2(written.exitCode == 0, written.err.c_str());
        QVERIFY2(written.out.find("is NOT approved") != std::string::npos, written.out.c_str());
        const QByteArray page = readAll(html);
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("diabetes-classifier"));
        QVERIFY(page.contains("NOT APPROVED"));
        QVERIFY(!page.contains("http://"));
        QVERIFY(!page.contains("https://"));
        QVERIFY(!page.contains("<script"));

        const QString pdf = dir.filePath(QStringLiteral("report.PDF"));
        const CliResult pdfWritten = runCli({"--tracking-uri", uri.toStdString(), "review", "report",
                                             "diabetes-classifier", "@champion", "--out", pdf.toStdString()});
        QVERIFY2(pdfWritten.exitCode == 0, pdfWritten.err.c_str());
        QVERIFY(readAll(pdf).startsWith("%PDF"));

        // German, with its longer words, keeps every heading and verdict readable in the PDF.
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is not installed: apt-get install poppler-utils (scripts/setup.sh lists it)");
        const QString germanPdf = dir.filePath(QStringLiteral("bericht.pdf"));
        const CliResult german =
            runCli({"--tracking-uri", uri.toStdString(), "review", "report", "diabetes-classifier", "4",
                    "--out", germanPdf.toStdString(), "--lang", "de"});
        QVERIFY2(german.exitCode == 0, german.err.c_str());
        const QString text = pdfText(germanPdf).simplified();
        QVERIFY2(text.contains(QStringLiteral("Freigabebericht: diabetes-classifier, Version 4")),
                 qPrintable(text.left(600)));
        QVERIFY(text.contains(QStringLiteral("NICHT FREIGEGEBEN")));
        QVERIFY(text.contains(QStringLiteral("Vorabprüfungen")));

        const CliResult missing =
            runCli({"--tracking-uri", uri.toStdString(), "review", "report", "no-such-model", "1", "--out",
                    dir.filePath(QStringLiteral("x.html")).toStdString()});
        QCOMPARE(missing.exitCode, 3);
    }
};

QTEST_MAIN(TestCliReport)
#include "tst_cli_report.moc"
