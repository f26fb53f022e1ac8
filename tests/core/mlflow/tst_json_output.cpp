// JSON output for the CLI: nested documents stay valid and readable.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <modelgate/core/mlflow/json_output.h>

using namespace modelgate;

namespace {

QJsonObject parse(const std::string &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON (%s): %s", qPrintable(error.errorString()), text.c_str());
    return doc.object();
}

RegisteredModel sampleModel()
{
    RegisteredModel model;
    model.name = "diabetes \"classifier\"\n";
    model.tags = {{"team", "clinical-ml"}};
    model.aliases = {{"champion", "3"}};
    return model;
}

} // namespace

class TestJsonOutput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestedMembersStayValidInEveryIndent_data()
    {
        QTest::addColumn<int>("indent");
        QTest::newRow("compact") << -1;
        QTest::newRow("two") << 2;
        QTest::newRow("four") << 4;
    }

    void nestedMembersStayValidInEveryIndent()
    {
        QFETCH(int, indent);
        const std::vector<RegisteredModel> models{sampleModel(), sampleModel()};
        const std::string text = jsonObject(
            {{"registered_models", toJson(models, indent)}, {"missing", {}}, {"odd \"key\"", "1"}}, indent);
        const QJsonObject doc = parse(text);
        const QJsonArray array = doc.value(u"registered_models"_qs).toArray();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value(u"name"_qs).toString(), u"diabetes \"classifier\"\n"_qs);
        QVERIFY(doc.value(u"missing"_qs).isNull());
        QCOMPARE(doc.value(u"odd \"key\""_qs).toInt(), 1);
        if (indent < 0)
            QVERIFY(text.find('\n') == std::string::npos);
    }

    void prettyOutputIsIndentedAsOneDocument()
    {
        const std::string text = jsonObject({{"model_version", toJson(ModelVersion{}, 2)}}, 2);
        QVERIFY(text.rfind("{\n  \"model_version\": {\n    \"", 0) == 0);
        QVERIFY(text.size() > 5 && text.substr(text.size() - 5) == "  }\n}");
    }

    void emptyObject()
    {
        QCOMPARE(jsonObject({}, 2), std::string("{}"));
        QVERIFY(parse(jsonObject({}, -1)).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestJsonOutput)
#include "tst_json_output.moc"
