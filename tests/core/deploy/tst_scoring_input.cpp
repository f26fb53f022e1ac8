// Scoring input (CSV and JSON tables mapped to a signature), predictions, and the split
// arithmetic of a rollout: pure functions, no server.
#include <QTest>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/deploy/scoring_input.h>

using namespace modelgate;

namespace {

ModelSignature diabetesSignature()
{
    ModelSignature signature;
    signature.present = true;
    signature.inputs = {
        {"Pregnancies", "long", true, {}}, {"BMI", "double", true, {}}, {"Smoker", "boolean", false, {}}};
    return signature;
}

} // namespace

class TestScoringInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvWithQuotesAndCrlf()
    {
        auto table = parseCsv("id,name,BMI\r\n1,\"Doe, \"\"J\"\"\",22.5\r\n2,\"multi\nline\",30\r\n");
        QVERIFY(table.ok());
        QCOMPARE(table.value().columns, (std::vector<std::string>{"id", "name", "BMI"}));
        QCOMPARE(table.value().rows.size(), std::size_t(2));
        QCOMPARE(table.value().rows[0][1], std::string("Doe, \"J\""));
        QCOMPARE(table.value().rows[1][1], std::string("multi\nline"));
    }

    void badCsvNamesTheLine()
    {
        auto ragged = parseCsv("a,b\n1,2\n3\n");
        QVERIFY(!ragged.ok());
        QVERIFY2(ragged.error().message.find("line 3") != std::string::npos, ragged.error().message.c_str());
        QVERIFY(!parseCsv("a,a\n1,2\n").ok());
        QVERIFY(!parseCsv("a,\"b\n1,2\n").ok());
        QVERIFY(!parseCsv("").ok());
    }

    void columnsAreMappedByNameAndTyped()
    {
        auto table = parseCsv("PatientID,BMI,Pregnancies\n7,22.5,2\n8,31,0\n9,28.1,1\n");
        QVERIFY(table.ok());
        auto batches = scoringBatches(table.value(), diabetesSignature(), 2);
        QVERIFY(batches.ok());
        QCOMPARE(batches.value().ignoredColumns, std::vector<std::string>{"PatientID"});
        QCOMPARE(batches.value().columns, (std::vector<std::string>{"Pregnancies", "BMI"}));
        QCOMPARE(batches.value().bodies.size(), std::size_t(2));
        QCOMPARE(batches.value().bodies[0], std::string("{\"dataframe_split\":{\"columns\":[\"Pregnancies\","
                                                        "\"BMI\"],\"data\":[[2,22.5],[0,31.0]]}}"));
    }

    void missingColumnOrBadCellSendsNothing()
    {
        auto noBmi = parseCsv("Pregnancies\n1\n");
        auto missing = scoringBatches(noBmi.value(), diabetesSignature(), 10);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("'BMI'") != std::string::npos);
        auto badCell = parseCsv("Pregnancies,BMI\n1,22\ntwo,23\n");
        auto bad = scoringBatches(badCell.value(), diabetesSignature(), 10);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("row 2, column 'Pregnancies'") != std::string::npos,
                 bad.error().message.c_str());
    }

    void jsonTablesInEachShape()
    {
        for (const char *text : {"{\"dataframe_split\":{\"columns\":[\"a\"],\"data\":[[1],[2]]}}",
                                 "{\"columns\":[\"a\"],\"data\":[[1],[2]]}", "[{\"a\":1},{\"a\":2}]"}) {
            auto table = tableFromJson(text);
            QVERIFY2(table.ok(), text);
            QCOMPARE(table.value().rows.size(), std::size_t(2));
        }
        QVERIFY(!tableFromJson("{\"nope\":1}").ok());
        // Found by fuzzing: a split table without "columns" was read past the end of the object.
        for (const char *text : {"{\"dataframe_split\":{\"co%lumns\":[\"a\"],\"data\":[[1]]}}",
                                 "{\"dataframe_split\":{\"columns\":[\"a\"]}}", "{\"dataframe_split\":7}",
                                 "{\"dataframe_records\":{\"a\":1}}", "[{\"a\":1},{\"b\":2}]"}) {
            const auto table = tableFromJson(text);
            QVERIFY2(!table.ok(), text);
            QCOMPARE(wireName(table.error().kind), wireName(ErrorKind::Config));
        }
    }

    void predictionsAreCountedAgainstTheRows()
    {
        auto ok = predictionsOf("{\"predictions\":[0,1,{\"p\":0.5}]}", 3);
        QVERIFY(ok.ok());
        QCOMPARE(ok.value()[2], std::string("{\"p\":0.5}"));
        QVERIFY(!predictionsOf("{\"predictions\":[0]}", 2).ok());
        QVERIFY(!predictionsOf("<html>", 0).ok());
    }

    void splitWithShareKeepsProportions()
    {
        QCOMPARE(splitWithShare({}, "a", 10), (TrafficSplit{{"a", 100}}));
        QCOMPARE(splitWithShare({{"a", 100}}, "b", 10), (TrafficSplit{{"a", 90}, {"b", 10}}));
        QCOMPARE(splitWithShare({{"a", 50}, {"b", 50}}, "c", 25),
                 (TrafficSplit{{"a", 38}, {"b", 37}, {"c", 25}}));
        QCOMPARE(splitWithShare({{"a", 90}, {"b", 10}}, "b", 100), (TrafficSplit{{"a", 0}, {"b", 100}}));
        for (int share = 0; share <= 100; share += 7) {
            int sum = 0;
            for (const auto &[name, percent] : splitWithShare({{"a", 33}, {"b", 33}, {"c", 34}}, "d", share))
                sum += percent;
            QCOMPARE(sum, 100);
        }
    }

    void resourceNames()
    {
        QVERIFY(isValidResourceName("diabetes-online"));
        QVERIFY(!isValidResourceName("Diabetes"));
        QVERIFY(!isValidResourceName("1abc"));
        QVERIFY(!isValidResourceName("../x"));
        QVERIFY(!isValidResourceName(std::string(33, 'a')));
    }
};

QTEST_GUILESS_MAIN(TestScoringInput)
#include "tst_scoring_input.moc"
