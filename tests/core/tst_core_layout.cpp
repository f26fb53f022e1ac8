// The core library's architecture, checked on its source tree: core is laid out by concern
// (one folder each under core/src and core/include/modelgate/core), and a folder includes
// only from the folders beneath it. The table below is the one statement of that rule;
// docs/architecture.md draws it and each folder's README.md repeats its own line, which this
// test holds against the table so that the three cannot drift apart.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QtTest/QTest>

namespace {

// Each folder and the folders it may include from (its own always allowed). The order is
// the layering from the bottom: util knows nothing, monitor knows everything below it.
const QMap<QString, QStringList> &allowedIncludes()
{
    static const QMap<QString, QStringList> table = {
        {QStringLiteral("util"), {}},
        {QStringLiteral("http"), {QStringLiteral("util")}},
        {QStringLiteral("mlflow"), {QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("azure"), {QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("workspace"),
         {QStringLiteral("azure"), QStringLiteral("mlflow"), QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("review"),
         {QStringLiteral("mlflow"), QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("release"),
         {QStringLiteral("review"), QStringLiteral("workspace"), QStringLiteral("mlflow"),
          QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("deploy"),
         {QStringLiteral("release"), QStringLiteral("review"), QStringLiteral("workspace"),
          QStringLiteral("azure"), QStringLiteral("mlflow"), QStringLiteral("http"), QStringLiteral("util")}},
        {QStringLiteral("monitor"),
         {QStringLiteral("deploy"), QStringLiteral("release"), QStringLiteral("review"),
          QStringLiteral("workspace"), QStringLiteral("azure"), QStringLiteral("mlflow"),
          QStringLiteral("http"), QStringLiteral("util")}},
    };
    return table;
}

QString coreDir()
{
    return QStringLiteral(MODELGATE_SOURCE_DIR "/core");
}

struct SourceFile
{
    QString path;   // relative to core/, for messages
    QString folder; // the concern it belongs to
    QString text;
};

// Every C++ file of core with the folder it lives in; files directly under src/ or the public
// include root belong to no concern and are reported as such.
QList<SourceFile> coreSources()
{
    QList<SourceFile> files;
    const QDir core(coreDir());
    for (const QString &root : {QStringLiteral("src"), QStringLiteral("include/modelgate/core")}) {
        QDirIterator it(core.filePath(root), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString absolute = it.next();
            const QString inRoot = QDir(core.filePath(root)).relativeFilePath(absolute);
            QFile file(absolute);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const qsizetype slash = inRoot.indexOf(QLatin1Char('/'));
            files.append({core.relativeFilePath(absolute), slash < 0 ? QString() : inRoot.left(slash),
                          QString::fromUtf8(file.readAll())});
        }
    }
    return files;
}

// The concern an include line names: "modelgate/core/<folder>/x.h" (public) or "<folder>/x.h"
// (private, from core/src). Empty for the standard library and third-party headers.
QString includedFolder(const QString &target)
{
    static const QRegularExpression publicHeader(QStringLiteral("^modelgate/core/([a-z_]+)/"));
    static const QRegularExpression privateHeader(QStringLiteral("^([a-z_]+)/[^/]+\\.h$"));
    if (const auto match = publicHeader.match(target); match.hasMatch())
        return match.captured(1);
    if (const auto match = privateHeader.match(target);
        match.hasMatch() && allowedIncludes().contains(match.captured(1)))
        return match.captured(1);
    return {};
}

} // namespace

class TestCoreLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFileBelongsToAKnownFolder();
    void includesFollowTheLayering();
    void restCallsStayInTheMlflowClient();
    void coreUsesNoQt();
    void everyFolderSaysWhatItOwnsAndMayInclude();
    void checkerCatchesAnUpwardInclude();
};

void TestCoreLayout::everyFileBelongsToAKnownFolder()
{
    const auto files = coreSources();
    QVERIFY2(files.size() > 20, "core's sources were not found");
    QStringList strays;
    for (const auto &file : files) {
        if (!allowedIncludes().contains(file.folder))
            strays << file.path;
    }
    QVERIFY2(strays.isEmpty(),
             qPrintable(QStringLiteral("files outside a known concern folder (add the folder to the table in "
                                       "tst_core_layout.cpp and docs/architecture.md): ") +
                        strays.join(QStringLiteral(", "))));
}

static QStringList layeringViolations(const QList<SourceFile> &files)
{
    static const QRegularExpression includeLine(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"),
                                                QRegularExpression::MultilineOption);
    QStringList violations;
    for (const auto &file : files) {
        const QStringList allowed = allowedIncludes().value(file.folder);
        auto matches = includeLine.globalMatch(file.text);
        while (matches.hasNext()) {
            const QString target = matches.next().captured(1);
            const QString folder = includedFolder(target);
            if (folder.isEmpty() || folder == file.folder || allowed.contains(folder))
                continue;
            violations
                << QStringLiteral("%1 (%2) includes %3 (%4)").arg(file.path, file.folder, target, folder);
        }
    }
    return violations;
}

void TestCoreLayout::includesFollowTheLayering()
{
    const QStringList violations = layeringViolations(coreSources());
    QVERIFY2(violations.isEmpty(),
             qPrintable(QStringLiteral("includes against the dependency direction:\n  ") +
                        violations.join(QStringLiteral("\n  "))));
}

void TestCoreLayout::restCallsStayInTheMlflowClient()
{
    // Every REST call is a typed method of the MLflow client: code elsewhere that builds a
    // request by endpoint name would bypass its error mapping, paging and request budget.
    static const QRegularExpression rawCall(QStringLiteral("\\bcall\\s*\\(\\s*HttpMethod::"));
    QStringList offenders;
    for (const auto &file : coreSources()) {
        if (file.folder != QLatin1String("mlflow") && rawCall.match(file.text).hasMatch())
            offenders << file.path;
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("REST calls outside core/src/mlflow: ") +
                                             offenders.join(QStringLiteral(", "))));
}

void TestCoreLayout::coreUsesNoQt()
{
    static const QRegularExpression qtInclude(QStringLiteral("^\\s*#\\s*include\\s*[<\"]Q[A-Za-z]+"),
                                              QRegularExpression::MultilineOption);
    QStringList offenders;
    for (const auto &file : coreSources()) {
        if (qtInclude.match(file.text).hasMatch())
            offenders << file.path;
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("core must build without Qt: ") +
                                             offenders.join(QStringLiteral(", "))));
}

void TestCoreLayout::everyFolderSaysWhatItOwnsAndMayInclude()
{
    // core/src/<folder>/README.md: what the folder owns, and a line "May include: a, b" (or
    // "May include: nothing") that must be the table's.
    static const QRegularExpression mayInclude(QStringLiteral("^May include: (.*)$"),
                                               QRegularExpression::MultilineOption);
    for (auto it = allowedIncludes().cbegin(); it != allowedIncludes().cend(); ++it) {
        const QString readmePath =
            coreDir() + QStringLiteral("/src/") + it.key() + QStringLiteral("/README.md");
        QFile readme(readmePath);
        QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("missing ") + readmePath));
        const QString text = QString::fromUtf8(readme.readAll());
        const auto match = mayInclude.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(readmePath + QStringLiteral(" has no \"May include:\" line")));
        QStringList stated;
        for (const QString &name : match.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            stated << name.trimmed().remove(QLatin1Char('`')).remove(QLatin1Char('.'));
        stated.removeAll(QStringLiteral("nothing"));
        QStringList expected = it.value();
        stated.sort();
        expected.sort();
        QCOMPARE(stated, expected);
    }
}

void TestCoreLayout::checkerCatchesAnUpwardInclude()
{
    // The rule is only as good as its checker: an upward include, public or private, is found.
    const QList<SourceFile> bad = {
        {QStringLiteral("src/http/x.cpp"), QStringLiteral("http"),
         QStringLiteral("#include \"modelgate/core/release/release_records.h\"\n")},
        {QStringLiteral("src/mlflow/y.cpp"), QStringLiteral("mlflow"),
         QStringLiteral("#include \"review/z.h\"\n")},
        {QStringLiteral("src/release/ok.cpp"), QStringLiteral("release"),
         QStringLiteral("#include <string>\n#include \"modelgate/core/mlflow/mlflow_client.h\"\n")},
    };
    const QStringList violations = layeringViolations(bad);
    QCOMPARE(violations.size(), 2);
    QVERIFY(violations.at(0).startsWith(QStringLiteral("src/http/x.cpp")));
    QVERIFY(violations.at(1).startsWith(QStringLiteral("src/mlflow/y.cpp")));
}

QTEST_GUILESS_MAIN(TestCoreLayout)
#include "tst_core_layout.moc"
