// "Export Report…" of the review panel without its file dialog: the report of a version of
// the shared seeded server is loaded off the GUI thread and written, and the outcome (written
// or failed) is told in a non-blocking message box. Nothing is written to the server.
#include "mlflow_test_server.h"
#include "release/review/report_export.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <modelgate/core/mlflow/mlflow_client.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int kTimeout = 120000;

std::shared_ptr<const MlflowClient> clientFor(const QString &uri)
{
    ClientConfig config;
    config.trackingUri = uri.toStdString();
    return std::make_shared<const MlflowClient>(config);
}

QMessageBox *messageBox(QWidget *parent, const QString &name)
{
    return parent->findChild<QMessageBox *>(name);
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheReportAndSaysWhere()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const auto client = clientFor(uri);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QWidget parent;
        parent.show();

        const QString path = dir.filePath(QStringLiteral("diabetes-v2.html"));
        exportReleaseReportTo(&parent, client, QStringLiteral("diabetes-classifier"), QStringLiteral("2"),
                              path);
        QTRY_VERIFY_WITH_TIMEOUT(messageBox(&parent, QStringLiteral("releaseReportWritten")) ||
                                     messageBox(&parent, QStringLiteral("releaseReportFailed")),
                                 kTimeout);
        QMessageBox *failed = messageBox(&parent, QStringLiteral("releaseReportFailed"));
        QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");
        QMessageBox *written = messageBox(&parent, QStringLiteral("releaseReportWritten"));
        QVERIFY(written->text().contains(QDir::toNativeSeparators(path)));
        QVERIFY(written->isVisible());
        written->close();

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.contains(QStringLiteral("diabetes-classifier")));
        QVERIFY(html.contains(QStringLiteral("Pre-checks")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http"))); // self-contained
    }

    void aFileThatCannotBeWrittenIsReported()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        const auto client = clientFor(uri);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QWidget parent;
        parent.show();

        const QString path = dir.filePath(QStringLiteral("no/such/folder/report.pdf"));
        exportReleaseReportTo(&parent, client, QStringLiteral("diabetes-classifier"), QStringLiteral("2"),
                              path);
        QTRY_VERIFY_WITH_TIMEOUT(messageBox(&parent, QStringLiteral("releaseReportFailed")), kTimeout);
        QMessageBox *failed = messageBox(&parent, QStringLiteral("releaseReportFailed"));
        QVERIFY2(failed->text().contains(QStringLiteral("report.pdf")), qPrintable(failed->text()));
        QVERIFY(!messageBox(&parent, QStringLiteral("releaseReportWritten")));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_report_export.moc"
