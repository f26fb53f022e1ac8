// The release report from data loaded off the shared basic-auth MLflow server (fixture
// "mlflow_auth") on which a reviewer rejected a version of the test's own copy of
// diabetes-classifier: self-contained HTML (no links, no scripts, images as data: URIs), the
// verified head hash, translated strings, and a PDF whose text pdftotext reads back: the full
// head hash on one line, the model's name, and every record of a trail several pages long.
#include "result_assertions.h"

#include <algorithm>
#include <cmath>
#include <mlflow_test_server.h>
#include <release_report.h>
#include <release_test_users.h>
#include <seeded_model_copy.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_review.h>

using namespace modelgate;

namespace {

// A copy of the seeded diabetes-classifier, under a name as long as that one ("classifier-" and
// 8 hex digits), so that the PDF's title fits on a line as it does, and with its "fi" for the
// ligature check.
const std::string kModelName = test::uniqueModelName("classifier");
const char *const kModel = kModelName.c_str();
constexpr const char *kRiley = "riley.release"; // enrolled by the fixture

// Stands in for the German .qm (the lead adds the real translations): proves the report's
// strings go through the translators installed when it is generated.
class FakeGermanTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (QByteArrayView(context) == "ReleaseReport" &&
            QByteArrayView(sourceText) == "Audit trail of the model")
            return QStringLiteral("Prüfpfad des Modells");
        if (QByteArrayView(context) == "ReleaseReport" &&
            QByteArrayView(sourceText) == "NOT APPROVED for release")
            return QStringLiteral("NICHT zur Freigabe genehmigt");
        return {};
    }
    bool isEmpty() const override { return false; }
};

// The PDF's text as a reader's viewer extracts it (copy, search): poppler's pdftotext.
QString pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        qWarning("pdftotext not found on PATH: install poppler-utils (scripts/setup.sh does)");
        return {};
    }
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("pdftotext failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

} // namespace

class TestReleaseReport final : public QObject
{
    Q_OBJECT

    test::SharedAuthMlflow m_shared;
    std::optional<report::ReleaseReportData> m_data;
    std::string m_recordHash;

    MlflowClient admin() const
    {
        return test::clientAs(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                              m_shared.adminPassword().toStdString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        const MlflowClient admin = this->admin();
        REQUIRE_OK(test::copySeededModel(admin, "diabetes-classifier", kModelName));
        const ReleaseLedger ledger(admin);
        REQUIRE_OK(ledger.grantModelPermission(kModel, kRiley, "EDIT", CancelToken::none()));

        const MlflowClient riley = test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley));
        DecisionRequest reject;
        reject.model = kModel;
        reject.version = "4";
        reject.action = ReleaseAction::Reject;
        reject.comment = "precision dropped below the champion's";
        const auto decided = decideRelease(riley, reject, CancelToken::none());
        REQUIRE_OK(decided);
        m_recordHash = decided->recordHash;

        auto data = report::loadReleaseReportData(riley, kModel, "4", CancelToken::none());
        REQUIRE_OK(data);
        m_data = std::move(data).value();
    }

    void cleanupTestCase()
    {
        if (!m_shared.uri().isEmpty())
            test::deleteModels(admin(), {kModelName});
    }

    void dataReflectsTheServer()
    {
        QVERIFY(m_data);
        const report::ReleaseReportData &data = *m_data;
        QVERIFY(!data.status.approved);
        QVERIFY(data.trail.verification.ok);
        QCOMPARE(data.trail.verification.recordCount, 1);
        QCOMPARE(data.trail.verification.headHash, m_recordHash);
        QCOMPARE(data.status.decisions.rejections.size(), std::size_t(1));
        QVERIFY(data.comparison.has_value()); // the seeded model has a champion (v3)
        QVERIFY(data.charts.size() <= report::kMaxCharts);
        QVERIFY2(!data.charts.empty(), data.chartsNote.c_str());
        // Only histories are charted (v4 logged its loss at 220 steps); a metric logged once
        // per run would be a lone dot, and is named as such instead.
        const auto finite = [](const std::vector<Metric> &points) {
            return std::count_if(points.begin(), points.end(),
                                 [](const Metric &point) { return std::isfinite(point.value); });
        };
        for (const report::ChartSeries &series : data.charts) {
            QVERIFY(!series.candidate.empty());
            QVERIFY2(finite(series.candidate) > 1 || finite(series.champion) > 1, series.metric.c_str());
            QVERIFY(std::find(data.singleValueMetrics.begin(), data.singleValueMetrics.end(),
                              series.metric) == data.singleValueMetrics.end());
        }
        QVERIFY(std::any_of(data.charts.begin(), data.charts.end(),
                            [](const report::ChartSeries &series) { return series.metric == "loss"; }));
        QVERIFY(data.generator.startsWith(QLatin1String("ModelGate ")));
    }

    void htmlIsSelfContained()
    {
        QVERIFY(m_data);
        const QString html = report::releaseReportHtml(*m_data);
        QVERIFY(!html.contains(QLatin1String("http://")));
        QVERIFY(!html.contains(QLatin1String("https://")));
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<link"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("@import")));
        static const QRegularExpression image(QStringLiteral("<img src=\"([^\"]*)\""));
        int images = 0;
        for (auto it = image.globalMatch(html); it.hasNext(); ++images)
            QVERIFY(it.next().captured(1).startsWith(QLatin1String("data:image/png;base64,")));
        QCOMPARE(images, static_cast<int>(m_data->charts.size()));
        QVERIFY(html.contains(QString::fromStdString(m_recordHash)));
        QVERIFY(html.contains(QLatin1String("precision dropped below the champion")));
        QVERIFY(html.contains(QLatin1String("NOT APPROVED")));
        QVERIFY(html.contains(QString::fromStdString(m_data->status.digest)));
        for (const ModelFileHash &file : m_data->status.manifest.files)
            QVERIFY(html.contains(QString::fromStdString(file.sha256)));
    }

    void htmlFollowsTheInstalledTranslator()
    {
        QVERIFY(m_data);
        FakeGermanTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString html = report::releaseReportHtml(*m_data);
        QCoreApplication::removeTranslator(&german);
        QVERIFY(html.contains(QStringLiteral("Prüfpfad des Modells")));
        QVERIFY(html.contains(QStringLiteral("NICHT zur Freigabe genehmigt")));
        QVERIFY(!html.contains(QLatin1String("Audit trail of the model")));
        // The embedded translations load from the report library's resources.
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/modelgate_de.qm")));
    }

    void writesHtmlAndPdf()
    {
        QVERIFY(m_data);
        QTemporaryDir dir;
        const QString htmlPath = dir.filePath(QStringLiteral("report.html"));
        REQUIRE_OK(report::writeReleaseReport(*m_data, htmlPath));
        QFile html(htmlPath);
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains(QByteArray::fromStdString(m_recordHash)));

        // A long trail: the one real record repeated (pure data) to fill several pages.
        report::ReleaseReportData longData = *m_data;
        const TrailEntry real = longData.trail.verification.entries.front();
        for (int n = 2; n <= 80; ++n) {
            TrailEntry entry = real;
            entry.sequence = n;
            entry.record->sequence = n;
            longData.trail.verification.entries.push_back(entry);
        }
        const QString pdfPath = dir.filePath(QStringLiteral("report.pdf"));
        REQUIRE_OK(report::writeReleaseReport(longData, pdfPath));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(pdfPageCount(bytes) > 1, qPrintable(QString::number(pdfPageCount(bytes))));
        // Page breaks lose nothing: each record's comment (on the row under it) is in the text
        // once, and the footer numbers the pages.
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is not installed: apt-get install poppler-utils (scripts/setup.sh lists it)");
        const QString text = pdfText(pdfPath);
        QCOMPARE(text.count(QLatin1String("Comment: precision dropped below the champion's")), 80);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pdfPageCount(bytes))));
    }

    // What an auditor copies out of the PDF or searches for in it must be there as text: the
    // whole head hash on one line (not wrapped, not cut off at the page's edge), the model's
    // name as typed (no "fi" ligature), and the title with the version.
    void pdfTextIsReadable()
    {
        QVERIFY(m_data);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is not installed: apt-get install poppler-utils (scripts/setup.sh lists it)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        REQUIRE_OK(report::writeReleaseReport(*m_data, path));
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext read no text from the report");
        const QStringList lines = text.split(QLatin1Char('\n'));
        const QString head = QString::fromStdString(m_recordHash);
        QCOMPARE(head.size(), 64);
        QVERIFY2(lines.contains(head), qPrintable(text.left(1500)));
        QVERIFY2(text.simplified().contains(
                     QStringLiteral("Release report: %1, version 4").arg(QLatin1String(kModel))),
                 qPrintable(text.left(600)));
        QVERIFY(text.contains(QLatin1String("precision dropped below the champion")));
        // Every full digest of the version's files, each on a line of its own.
        for (const ModelFileHash &file : m_data->status.manifest.files)
            QVERIFY2(lines.contains(QString::fromStdString(file.sha256)), file.path.c_str());
        QVERIFY(lines.contains(QString::fromStdString(m_data->status.digest)));
    }

    void badSuffixAndUnwritablePathAreConfigErrors()
    {
        QVERIFY(m_data);
        QTemporaryDir dir;
        const Status text = report::writeReleaseReport(*m_data, dir.filePath(QStringLiteral("report.txt")));
        QVERIFY(!text.ok());
        QCOMPARE(wireName(text.error().kind), wireName(ErrorKind::Config));
        const Status nowhere =
            report::writeReleaseReport(*m_data, dir.filePath(QStringLiteral("missing/dir/report.pdf")));
        QVERIFY(!nowhere.ok());
        QCOMPARE(wireName(nowhere.error().kind), wireName(ErrorKind::Config));
    }
};

QTEST_MAIN(TestReleaseReport)
#include "tst_release_report.moc"
