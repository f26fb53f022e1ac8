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

        // A folder that does not exist is refused before anything is loaded, even with a
        // server that would take its time (here: one that refuses every connection).
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/report.pdf"));
        const CliResult noFolder =
            runCli({"--tracking-uri", uri, "review", "report", "m", "1", "--out", missing.toStdString()});
        QCOMPARE(noFolder.exitCode, 2);
        QVERIFY2(noFolder.err.find("does not exist") != std::string::npos, noFolder.err.c_str());
        QVERIFY(std::count(noFolder.err.begin(), noFolder.err.end(), '\n') == 1);
        const CliResult aFolder = runCli(
            {"--tracking-uri", uri, "review", "report", "m", "1", "--out", dir.path().toStdString() + "/"});
        QCOMPARE(aFolder.exitCode, 2);

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

    void pipelineStderrHoldsNothingButFailures()
    {
        // As a CI job runs it: a separate process, no display, no XDG_RUNTIME_DIR. Qt would warn
        // about the runtime folder on stderr; the CLI gives it a private one instead.
        MODELGATE_REQUIRE_MLFLOW(uri);
        QTemporaryDir dir;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        cli.setProcessEnvironment(env);
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        cli.start(QStringLiteral(MODELGATE_CLI_EXECUTABLE),
                  {QStringLiteral("--tracking-uri"), uri, QStringLiteral("review"), QStringLiteral("report"),
                   QStringLiteral("diabetes-classifier"), QStringLiteral("4"), QStringLiteral("--out"), pdf});
        QVERIFY(cli.waitForFinished(240000));
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        QVERIFY2(err.isEmpty(), err.constData());
        QVERIFY(readAll(pdf).startsWith("%PDF"));
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
