// Hostile outside text (a bidirectional override, a terminal escape, a line break, a 1 MB
// name, markup) through the real paths that show it: the registry's model list fed pages as
// the registry page does, the audit trail model over a verified trail, the review panel's
// headline and the release report's HTML. Shown safely: no reordering, no control character,
// one line per cell, a capped length, no markup interpreted.
#include "registry/registered_model_list_model.h"
#include "release/audit/audit_trail_model.h"
#include "release/review/review_panel.h"

#include <display_safe.h>
#include <release_report.h>

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_records.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

const std::string kBidi = "evil\u202Egnp.exe";
const std::string kEscape = "\x1b[31mred";
const std::string kNewline = "first\nsecond";
const std::string kMarkup = "<b>bold</b>";
const std::string kHuge(1024 * 1024, 'x');

// No character that would reorder, hide or break a line.
bool looksSafe(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x2028 || u == 0x2029)
            return false;
    }
    return true;
}

ReleaseRecord hostileRecord(int sequence, const std::string &comment)
{
    ReleaseRecord r;
    r.sequence = sequence;
    r.model = "m";
    r.version = kBidi;
    r.action = ReleaseAction::Reject;
    r.reviewer = kEscape;
    r.authors = {"dana.scientist"};
    r.time = "2026-11-27T14:03:12.000Z";
    r.comment = comment;
    r.contentDigest = std::string(64, 'a');
    r.policyHash = std::string(64, 'b');
    return r;
}

} // namespace

class TestDisplaySafe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helper()
    {
        QCOMPARE(displaySafe(kBidi), QStringLiteral("evil<U+202E>gnp.exe"));
        QCOMPARE(displaySafe(kEscape), QStringLiteral(" [31mred"));
        QCOMPARE(displaySafe(kNewline), QStringLiteral("first second"));
        QCOMPARE(displaySafeMultiline(kNewline), QStringLiteral("first\nsecond"));
        QCOMPARE(displaySafe(kMarkup), QStringLiteral("<b>bold</b>")); // escaped where HTML is built
        const QString huge = displaySafe(kHuge);
        QCOMPARE(huge.size(), kMaxDisplayChars);
        QVERIFY(huge.endsWith(QChar(0x2026)));
        QCOMPARE(displaySafe(QString::fromStdString(kHuge)), huge);
        QCOMPARE(displaySafeMultiline(kHuge).size(), kMaxLongDisplayChars);
        // A cut never splits a surrogate pair.
        const QString emoji =
            displaySafe(QString(300, QChar(u'a')).replace(198, 1, QStringLiteral("\U0001F600")));
        QVERIFY(!emoji.at(emoji.size() - 2).isHighSurrogate());
    }

    void registryModelList()
    {
        RegisteredModelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto makeModel = [](const std::string &name, const std::string &description) {
            RegisteredModel m;
            m.name = name;
            m.description = description;
            m.tags = {{"owner", kEscape}, {"note", kBidi}};
            m.aliases = {{"champion", kBidi}};
            ModelVersion version;
            version.name = name;
            version.version = "1";
            m.latestVersions.push_back(version);
            return m;
        };
        model.appendPage({makeModel("plain", "one line"), makeModel(kHuge, kMarkup + "\n" + kNewline),
                          makeModel(kBidi, kEscape), makeModel(kMarkup, kNewline)},
                         false);
        QCOMPARE(model.rowCount(), 4);
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < RegisteredModelListModel::ColumnCount; ++column) {
                const QString shown = model.index(row, column).data().toString();
                QVERIFY2(looksSafe(shown),
                         qPrintable(QStringLiteral("%1,%2: %3").arg(row).arg(column).arg(shown)));
                QVERIFY(!shown.contains(u'\n'));
                QVERIFY(shown.size() <= kMaxDisplayChars);
                const QString tip = model.index(row, column).data(Qt::ToolTipRole).toString();
                QVERIFY(tip.size() <= kMaxLongDisplayChars);
            }
        }
        const auto name = [&](int row) {
            return model.index(row, RegisteredModelListModel::Name).data().toString();
        };
        QCOMPARE(name(1).size(), kMaxDisplayChars);
        QCOMPARE(name(2), QStringLiteral("evil<U+202E>gnp.exe"));
        QCOMPARE(name(3), QStringLiteral("<b>bold</b>")); // literal: a view never renders it as markup
        QVERIFY(model.index(2, RegisteredModelListModel::Tags).data().toString().contains(u" [31mred"));

        // In a table, the hostile rows are as high as the plain one and no column runs away.
        QTableView view;
        view.setModel(&model);
        view.resize(800, 400);
        view.resizeRowsToContents();
        view.resizeColumnsToContents();
        for (int row = 1; row < model.rowCount(); ++row)
            QCOMPARE(view.rowHeight(row), view.rowHeight(0));
        QVERIFY(view.columnWidth(RegisteredModelListModel::Name) < 4000);
    }

    void auditTrailModel()
    {
        std::map<std::string, std::string> params;
        std::string previous = kGenesisHash;
        std::vector<ReleaseRecord> records{hostileRecord(1, kMarkup + kBidi + kNewline),
                                           hostileRecord(2, kHuge.substr(0, 1800) + "\x1b[2J")};
        for (ReleaseRecord &r : records) {
            r.previousHash = previous;
            const std::string text = recordToCanonicalJson(r);
            params[recordParamKey(r.sequence)] = text;
            previous = recordHash(text);
        }
        const TrailVerification trail = verifyTrail(params, "m", nullptr);
        QVERIFY(trail.ok);
        AuditTrailModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrail(trail);
        QCOMPARE(model.rowCount(), 2);
        for (int row = 0; row < model.rowCount(); ++row)
            for (int column = 0; column < AuditTrailModel::ColumnCount; ++column) {
                const QString shown = model.index(row, column).data().toString();
                QVERIFY2(looksSafe(shown), qPrintable(shown));
                QVERIFY(!shown.contains(u'\n'));
                QVERIFY(shown.size() <= kMaxDisplayChars);
                QVERIFY(looksSafe(model.index(row, column).data(Qt::ToolTipRole).toString().remove(u'\n')));
            }
        const QString comment = model.index(0, AuditTrailModel::CommentColumn).data().toString();
        QVERIFY2(comment.startsWith(QStringLiteral("<b>bold</b>evil<U+202E>gnp.exefirst second")),
                 qPrintable(comment));
        QCOMPARE(model.index(0, AuditTrailModel::ReviewerColumn).data().toString(),
                 QStringLiteral(" [31mred"));
        QCOMPARE(model.index(0, AuditTrailModel::VersionColumn).data().toString(),
                 QStringLiteral("evil<U+202E>gnp.exe"));
    }

    void reviewPanelHeadline()
    {
        ReviewPanel panel;
        panel.showVersion(QString::fromStdString(kMarkup + kBidi + kHuge), QStringLiteral("1\n2"));
        auto *headline = panel.findChild<QLabel *>(QStringLiteral("reviewHeadline"));
        QVERIFY(headline);
        QCOMPARE(headline->textFormat(), Qt::PlainText);
        QVERIFY(headline->text().startsWith(QStringLiteral("<b>bold</b>evil<U+202E>gnp.exe")));
        QVERIFY(looksSafe(headline->text()));
        QVERIFY(headline->text().size() < 2 * kMaxDisplayChars);
        panel.clear();
    }

    void reportHtml()
    {
        report::ReleaseReportData data;
        data.status.model = kMarkup + kBidi;
        data.status.version = kEscape;
        data.status.reviewer = kHuge;
        data.generatedAt = QStringLiteral("2026-11-27T14:03:12Z");
        data.generator = QStringLiteral("ModelGate test");
        const QString html = report::releaseReportHtml(data);
        QVERIFY(!html.contains(QStringLiteral("<b>bold</b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;evil&lt;U+202E&gt;gnp.exe")));
        QVERIFY(!html.contains(QChar(0x202E)));
        QVERIFY(!html.contains(QChar(0x1b)));
        QVERIFY(!html.contains(QString::fromStdString(kHuge.substr(0, 1000))));
        QVERIFY(html.size() < 200'000);
    }
};

QTEST_MAIN(TestDisplaySafe)
#include "tst_display_safe.moc"
