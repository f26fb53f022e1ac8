#include "cli_args.h"

#include <QTest>

using namespace modelgate::cli;

class TestCliArgs final : public QObject
{
    Q_OBJECT

private:
    static ArgParser parser()
    {
        ArgParser p;
        p.addOption("profile", true);
        p.addOption("json", false);
        return p;
    }

private Q_SLOTS:
    void valuesFlagsAndPositionals()
    {
        ArgParser p = parser();
        QVERIFY(p.parse({"models", "--profile", "Local demo", "list", "--json"}));
        QCOMPARE(p.value("profile").value_or(""), std::string("Local demo"));
        QVERIFY(p.has("json"));
        QCOMPARE(p.positional(), (std::vector<std::string>{"models", "list"}));
    }

    void inlineValue()
    {
        ArgParser p = parser();
        QVERIFY(p.parse({"--profile=a=b"}));
        QCOMPARE(p.value("profile").value_or(""), std::string("a=b"));
    }

    void unknownOptionIsAnError()
    {
        ArgParser p = parser();
        QVERIFY(!p.parse({"--jsn"}));
        QCOMPARE(p.error(), std::string("unknown option '--jsn'"));
        ArgParser q = parser();
        QVERIFY(!q.parse({"-x"}));
    }

    void missingValueIsAnError()
    {
        ArgParser p = parser();
        QVERIFY(!p.parse({"--profile"}));
        QCOMPARE(p.error(), std::string("option '--profile' needs a value"));
    }

    void flagWithValueIsAnError()
    {
        ArgParser p = parser();
        QVERIFY(!p.parse({"--json=yes"}));
    }

    void doubleDashEndsOptions()
    {
        ArgParser p = parser();
        QVERIFY(p.parse({"version", "show", "--", "--odd-name", "@champion"}));
        QCOMPARE(p.positional(), (std::vector<std::string>{"version", "show", "--odd-name", "@champion"}));
        QVERIFY(!p.has("json"));
    }
};

QTEST_APPLESS_MAIN(TestCliArgs)
#include "tst_cli_args.moc"
