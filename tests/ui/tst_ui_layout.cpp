// The ui library's layout rule, checked on its source tree: ui/ is laid out by concern
// (docs/architecture.md, "ui: folders by concern"), and a folder includes only from the
// folders the table below allows. The table is the rule as that page words it: the shell
// uses everything; registry, release and deploy use evaluation but not each other; monitor uses
// deploy and evaluation, and deploy does not use monitor; workspaces and
// evaluation use only the generic folders (widgets, errors, async), which use nothing else
// of ui/. A new folder must be given its line here before it builds on anything.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtTest/QTest>

namespace {

const QMap<QString, QStringList> &allowedIncludes()
{
    static const QStringList generic = {QStringLiteral("widgets"), QStringLiteral("errors"),
                                        QStringLiteral("async")};
    static const QMap<QString, QStringList> table = {
        {QStringLiteral("widgets"), {}},
        {QStringLiteral("errors"), {}},
        {QStringLiteral("async"), {}},
        {QStringLiteral("evaluation"), generic},
        {QStringLiteral("workspaces"), generic},
        {QStringLiteral("registry"), generic + QStringList{QStringLiteral("evaluation")}},
        {QStringLiteral("release"), generic + QStringList{QStringLiteral("evaluation")}},
        {QStringLiteral("deploy"), generic + QStringList{QStringLiteral("evaluation")}},
        // Monitoring builds on deploy (its context, wording, scoring rows); deploy knows
        // nothing of it: the shell puts the charts into the Endpoints page and feeds its list.
        {QStringLiteral("monitor"),
         generic + QStringList{QStringLiteral("evaluation"), QStringLiteral("deploy")}},
        {QStringLiteral("shell"),
         generic + QStringList{QStringLiteral("evaluation"), QStringLiteral("registry"),
                               QStringLiteral("release"), QStringLiteral("deploy"), QStringLiteral("monitor"),
                               QStringLiteral("workspaces")}},
    };
    return table;
}

struct SourceFile
{
    QString path;   // relative to ui/, for messages
    QString folder; // its top-level folder under ui/ (release/inbox/x.h belongs to "release")
    QString text;
};

QList<SourceFile> uiSources()
{
    QList<SourceFile> files;
    const QDir ui(QStringLiteral(MODELGATE_SOURCE_DIR "/ui"));
    QDirIterator it(ui.path(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString absolute = it.next();
        const QString path = ui.relativeFilePath(absolute);
        QFile file(absolute);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        files.append({path, slash < 0 ? QString() : path.left(slash), QString::fromUtf8(file.readAll())});
    }
    return files;
}

// Every include that breaks the rule, one sentence each; `folders` are the folders that exist.
QStringList violations(const QList<SourceFile> &files, const QStringList &folders)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([a-z_]+)/[^\"]+\""),
                                            QRegularExpression::MultilineOption);
    QStringList found;
    for (const SourceFile &file : files) {
        if (file.folder.isEmpty()) {
            found
                << QStringLiteral("%1 lies directly in ui/: every file belongs to a concern").arg(file.path);
            continue;
        }
        if (!allowedIncludes().contains(file.folder)) {
            found << QStringLiteral("%1: the folder %2 has no line in the rule").arg(file.path, file.folder);
            continue;
        }
        auto matches = include.globalMatch(file.text);
        while (matches.hasNext()) {
            const QString target = matches.next().captured(1);
            if (target == file.folder || !folders.contains(target))
                continue; // its own folder, or another library's header (report/, core's private)
            if (!allowedIncludes().value(file.folder).contains(target))
                found << QStringLiteral("%1 includes from %2/, which %3/ may not use")
                             .arg(file.path, target, file.folder);
        }
    }
    return found;
}

QStringList existingFolders()
{
    return QDir(QStringLiteral(MODELGATE_SOURCE_DIR "/ui")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

} // namespace

class TestUiLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFolderHasARule()
    {
        for (const QString &folder : existingFolders())
            QVERIFY2(allowedIncludes().contains(folder),
                     qPrintable(QStringLiteral("ui/%1 has no line in tst_ui_layout's rule").arg(folder)));
    }

    void includesFollowTheRule()
    {
        const QList<SourceFile> files = uiSources();
        QVERIFY(files.size() > 50); // the tree was found
        const QStringList found = violations(files, existingFolders());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // The check itself: pages that use each other, a generic widget that uses a page, and
    // deploy using monitor are all reported; a page using evaluation and its own folder, and
    // monitor using deploy, are not.
    void theCheckFindsWhatBreaksTheRule()
    {
        const QStringList folders = existingFolders();
        const QList<SourceFile> files = {
            {QStringLiteral("registry/a.cpp"), QStringLiteral("registry"),
             QStringLiteral(
                 "#include \"registry/b.h\"\n#include \"evaluation/c.h\"\n#include \"release/d.h\"\n")},
            {QStringLiteral("widgets/e.cpp"), QStringLiteral("widgets"),
             QStringLiteral("#include \"widgets/e.h\"\n  #  include \"shell/main_window.h\"\n")},
            {QStringLiteral("stray.cpp"), QString(), QString()},
            {QStringLiteral("monitor/f.cpp"), QStringLiteral("monitor"),
             QStringLiteral("#include \"deploy/deploy_context.h\"\n#include \"monitor/g.h\"\n")},
            {QStringLiteral("deploy/h.cpp"), QStringLiteral("deploy"),
             QStringLiteral("#include \"monitor/endpoint_monitor_view.h\"\n")},
        };
        const QStringList found = violations(files, folders);
        QCOMPARE(found.size(), 4);
        QVERIFY(found.at(0).contains(QStringLiteral("registry/a.cpp includes from release/")));
        QVERIFY(found.at(1).contains(QStringLiteral("widgets/e.cpp includes from shell/")));
        QVERIFY(found.at(2).contains(QStringLiteral("stray.cpp lies directly in ui/")));
        QVERIFY(found.at(3).contains(QStringLiteral("deploy/h.cpp includes from monitor/")));
    }
};

QTEST_GUILESS_MAIN(TestUiLayout)
#include "tst_ui_layout.moc"
