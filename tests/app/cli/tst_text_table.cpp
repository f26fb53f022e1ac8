#include "text_table.h"

#include <algorithm>
#include <sstream>

#include <QTest>

using namespace modelgate::cli;

class TestTextTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widthCountsCodePoints()
    {
        QCOMPARE(displayWidth("abc"), std::size_t(3));
        QCOMPARE(displayWidth("Größe"), std::size_t(5));
        QCOMPARE(displayWidth(""), std::size_t(0));
    }

    void truncatesWithEllipsisOnCodePointBoundary()
    {
        QCOMPARE(truncateToWidth("abcdef", 4), std::string("abc\u2026"));
        QCOMPARE(truncateToWidth("Größenwahn", 4), std::string("Grö\u2026"));
        QCOMPARE(truncateToWidth("abc", 3), std::string("abc"));
        QCOMPARE(truncateToWidth("abc", 0), std::string());
    }

    void columnsAlignAndTrailingSpaceIsTrimmed()
    {
        TextTable table({"NAME", "V"});
        table.addRow({"diabetes-classifier", "3"});
        table.addRow({"ä", "12"});
        std::ostringstream out;
        table.print(out);
        QCOMPARE(out.str(), std::string("NAME                 V\n"
                                        "diabetes-classifier  3\n"
                                        "ä                    12\n"));
    }

    void controlCharactersCannotBreakTheTable()
    {
        TextTable table({"A", "B"});
        table.addRow({"line1\nline2\x1b[31m", "x"});
        std::ostringstream out;
        table.print(out);
        const std::string text = out.str();
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 2L);
        QVERIFY(text.find('\x1b') == std::string::npos);
    }

    void maxWidthCutsLongCells()
    {
        TextTable table({"DESCRIPTION"});
        table.setMaxWidth(0, 8);
        table.addRow({"a very long description"});
        std::ostringstream out;
        table.print(out);
        QCOMPARE(out.str(), std::string("DESCRIPTION\na very \u2026\n"));
    }

    void shortRowsArePadded()
    {
        TextTable table({"A", "B", "C"});
        table.addRow({"1"});
        QCOMPARE(table.rowCount(), std::size_t(1));
        std::ostringstream out;
        table.print(out);
        QCOMPARE(out.str(), std::string("A  B  C\n1\n"));
    }
};

QTEST_APPLESS_MAIN(TestTextTable)
#include "tst_text_table.moc"
