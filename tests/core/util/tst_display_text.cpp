// Text from outside shown safely (docs/reliability.md, "Input limits"): control characters,
// characters that reorder or hide text, invalid UTF-8 and oversized values.
#include <string>

#include <QTest>

#include <modelgate/core/util/display_text.h>

using namespace modelgate;

class TestDisplayText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextIsKept()
    {
        const std::string text = "diabetes-classifier v3 — Grüße, 糖尿病 🩺";
        QCOMPARE(safeForDisplay(text), text);
        QVERIFY(!hasHiddenOrControlCharacters(text));
    }

    void controlCharactersBecomeSpaces_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("a b");
        QTest::newRow("escape sequence") << QByteArray("red\x1b[31mtext") << QByteArray("red [31mtext");
        QTest::newRow("carriage return") << QByteArray("ok\rFAILED") << QByteArray("ok FAILED");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("a b");
        QTest::newRow("DEL") << QByteArray("a\x7f") << QByteArray("a ");
        QTest::newRow("C1 CSI") << QByteArray("a\xc2\x9b"
                                              "31m")
                                << QByteArray("a 31m");
        QTest::newRow("line separator") << QByteArray("a\xe2\x80\xa8z") << QByteArray("a z");
    }

    void controlCharactersBecomeSpaces()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(safeForDisplay(input.toStdString())), shown);
        QVERIFY(hasHiddenOrControlCharacters(input.toStdString()));
    }

    void newlinesCanBeKeptForMultiLineFields()
    {
        DisplayLimits limits;
        limits.keepNewlines = true;
        QCOMPARE(safeForDisplay("line one\nline two\r\n\x1b", limits), std::string("line one\nline two \n "));
    }

    void reorderingAndInvisibleCharactersAreShown_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("shown");
        // "approved-by-riley" would read as "approved-by-yelir" reversed: the override is shown.
        QTest::newRow("right-to-left override")
            << QByteArray("invoice\xe2\x80\xaegnp.exe") << QByteArray("invoice<U+202E>gnp.exe");
        QTest::newRow("isolate") << QByteArray("a\xe2\x81\xa6"
                                               "b\xe2\x81\xa9")
                                 << QByteArray("a<U+2066>b<U+2069>");
        QTest::newRow("zero-width space")
            << QByteArray("riley\xe2\x80\x8b.release") << QByteArray("riley<U+200B>.release");
        QTest::newRow("byte-order mark") << QByteArray("\xef\xbb\xbfname") << QByteArray("<U+FEFF>name");
        QTest::newRow("right-to-left mark") << QByteArray("x\xe2\x80\x8f") << QByteArray("x<U+200F>");
        QTest::newRow("soft hyphen") << QByteArray("cham\xc2\xadpion") << QByteArray("cham<U+00AD>pion");
    }

    void reorderingAndInvisibleCharactersAreShown()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(safeForDisplay(input.toStdString())), shown);
        QVERIFY(hasHiddenOrControlCharacters(input.toStdString()));
    }

    void invalidUtf8BecomesReplacementCharacters_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("shown");
        const QByteArray bad("\xef\xbf\xbd");
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << QByteArray("a" + bad + "z");
        QTest::newRow("truncated sequence") << QByteArray("a\xe2\x80") << QByteArray("a" + bad + bad);
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QByteArray(bad + bad);
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray(bad + bad + bad);
        QTest::newRow("beyond U+10FFFF")
            << QByteArray("\xf4\x90\x80\x80") << QByteArray(bad + bad + bad + bad);
    }

    void invalidUtf8BecomesReplacementCharacters()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(safeForDisplay(input.toStdString())), shown);
        QVERIFY(hasHiddenOrControlCharacters(input.toStdString()));
    }

    void oversizedValuesAreCutOnACharacterBoundary()
    {
        // A 1 MB model name of two-byte characters: cut to the cap, never inside a character.
        std::string huge;
        for (int i = 0; i < 512 * 1024; ++i)
            huge += "ä";
        DisplayLimits limits;
        limits.maxBytes = 200;
        const std::string shown = safeForDisplay(huge, limits);
        QVERIFY2(shown.size() <= 200, std::to_string(shown.size()).c_str());
        QVERIFY(shown.size() >= 190);
        QCOMPARE(shown.substr(shown.size() - 3), std::string("\xe2\x80\xa6"));
        QVERIFY(!hasHiddenOrControlCharacters(shown));
        QCOMPARE(safeForDisplay(huge).size(), huge.size()); // without a cap, all of it
        QCOMPARE(safeForDisplay("short", limits), std::string("short"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_display_text.moc"
