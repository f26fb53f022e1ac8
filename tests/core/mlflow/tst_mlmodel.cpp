// The MLmodel reader: real files written by MLflow 3.6.0 (tests/data/mlflow/MLmodel-*,
// see capture_fixtures.py) and hand-made YAML edge cases, plus every truncation of a
// real file (none may crash).

#include <random>

#include <QFile>
#include <QTest>

#include <modelgate/core/mlflow/mlmodel.h>

using namespace modelgate;

namespace {

std::string fixture(const char *name)
{
    QFile file(QStringLiteral(MODELGATE_TEST_DATA_DIR "/mlflow/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    const QByteArray data = file.readAll();
    return std::string(data.constData(), static_cast<std::size_t>(data.size()));
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

const char *describe(const Result<ModelSignature> &result)
{
    static std::string text;
    text = result.ok() ? std::string("ok") : result.error().describe();
    return text.c_str();
}

} // namespace

class TestMlModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sklearnWithSignatureAndExample()
    {
        const auto signature = parseMlModel(fixture("MLmodel-sklearn"));
        QVERIFY2(signature.ok(), describe(signature));
        QVERIFY(signature->present);
        QVERIFY(signature->hasInputExample);
        QCOMPARE(q(signature->flavors), QStringLiteral("python_function, sklearn"));
        QCOMPARE(q(signature->mlflowVersion), QStringLiteral("3.6.0"));
        // The inputs are folded over five lines in the file.
        const QStringList expected{QStringLiteral("pregnancies"),       QStringLiteral("glucose"),
                                   QStringLiteral("blood_pressure"),    QStringLiteral("skin_thickness"),
                                   QStringLiteral("insulin"),           QStringLiteral("bmi"),
                                   QStringLiteral("diabetes_pedigree"), QStringLiteral("age")};
        QCOMPARE(signature->inputs.size(), std::size_t(8));
        for (std::size_t i = 0; i < signature->inputs.size(); ++i) {
            QCOMPARE(q(signature->inputs[i].name), expected[static_cast<int>(i)]);
            QCOMPARE(q(signature->inputs[i].type), QStringLiteral("double"));
            QVERIFY(signature->inputs[i].required);
            QVERIFY(signature->inputs[i].detail.empty());
        }
        QCOMPARE(signature->outputs.size(), std::size_t(1));
        QCOMPARE(q(signature->outputs[0].type), QStringLiteral("tensor"));
        QCOMPARE(q(signature->outputs[0].detail), QStringLiteral("int64, shape (-1,)"));
        QVERIFY(signature->params.empty()); // "params: null"
    }

    void tensorsAndParams()
    {
        const auto signature = parseMlModel(fixture("MLmodel-tensor-params"));
        QVERIFY2(signature.ok(), describe(signature));
        QVERIFY(signature->present);
        QVERIFY(!signature->hasInputExample);
        QCOMPARE(q(signature->flavors), QStringLiteral("python_function"));
        QCOMPARE(signature->inputs.size(), std::size_t(1));
        QCOMPARE(q(signature->inputs[0].name), QStringLiteral("image"));
        QCOMPARE(q(signature->inputs[0].detail), QStringLiteral("float32, shape (-1, 28, 28)"));
        // "shape": [-1,\n    10]: folded in the middle of the JSON.
        QCOMPARE(q(signature->outputs[0].detail), QStringLiteral("float64, shape (-1, 10)"));
        QCOMPARE(signature->params.size(), std::size_t(2));
        QCOMPARE(q(signature->params[0].name), QStringLiteral("temperature"));
        QCOMPARE(q(signature->params[0].type), QStringLiteral("double"));
        QCOMPARE(q(signature->params[0].detail), QStringLiteral("default 0.5"));
        QVERIFY(!signature->params[0].required);
        // '' inside the single-quoted YAML is one quote: "it's".
        QCOMPARE(q(signature->params[1].detail), QStringLiteral("default [\"a\",\"it's\"], shape (-1,)"));
    }

    void nestedTypesAndQuotes()
    {
        const auto signature = parseMlModel(fixture("MLmodel-nested-types"));
        QVERIFY2(signature.ok(), describe(signature));
        QCOMPARE(signature->inputs.size(), std::size_t(3));
        QCOMPARE(
            q(signature->inputs[0].name),
            QStringLiteral("a 'quoted' column name that is long enough to be folded by PyYAML's emitter"));
        QCOMPARE(q(signature->inputs[1].type), QStringLiteral("array"));
        QCOMPARE(q(signature->inputs[1].detail), QStringLiteral("array<string>"));
        QVERIFY(!signature->inputs[1].required);
        QCOMPARE(q(signature->inputs[2].detail),
                 QStringLiteral("object{city: string, zip: long (optional)}"));
        QCOMPARE(signature->outputs.size(), std::size_t(1));
        QVERIFY(signature->outputs[0].name.empty());
    }

    void noSignature()
    {
        const auto signature = parseMlModel(fixture("MLmodel-no-signature"));
        QVERIFY2(signature.ok(), describe(signature));
        QVERIFY(!signature->present);
        QVERIFY(signature->inputs.empty());
        QCOMPARE(q(signature->mlflowVersion), QStringLiteral("3.6.0"));
        const auto empty = parseMlModel(std::string());
        QVERIFY(empty.ok());
        QVERIFY(!empty->present);
    }

    void yamlEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("firstInputName");
        QTest::addColumn<QString>("flavors");

        QTest::newRow("CRLF line endings")
            << QByteArray("flavors:\r\n  sklearn:\r\n    x: 1\r\nsignature:\r\n"
                          "  inputs: '[{\"type\": \"long\", \"name\": \"a\"}]'\r\n")
            << QStringLiteral("a") << QStringLiteral("sklearn");
        QTest::newRow("double quoted with escapes and a joined line")
            << QByteArray(
                   "signature:\n  inputs: \"[{\\\"type\\\": \\\"string\\\", \\\"name\\\": \\\"caf\\u00e9 \\\n"
                   "    x\\\"}]\"\n")
            << QString::fromUtf8("caf\xc3\xa9 x") << QString();
        QTest::newRow("empty line in a fold is a newline")
            << QByteArray("signature:\n  inputs: '[{\"type\": \"string\", \"name\":\n\n    \"a\"}]'\n")
            << QStringLiteral("a") << QString();
        QTest::newRow("document marker, comments, quoted keys")
            << QByteArray(
                   "---\n# written by hand\n'flavors':\n  \"onnx\": {}\n  keras:\n    data: x\n"
                   "signature:   # the schema\n  \"inputs\": '[{\"type\": \"float\", \"name\": \"z\"}]'\n")
            << QStringLiteral("z") << QStringLiteral("onnx, keras");
        QTest::newRow("sequences at the parent indentation")
            << QByteArray("flavors:\n  pytorch:\n    extra_files:\n    - path: a.txt\n    - path: b.txt\n"
                          "    requirements:\n    - torch\n  python_function: {}\nsignature:\n"
                          "  inputs: '[{\"type\": \"long\", \"name\": \"n\"}]'\n")
            << QStringLiteral("n") << QStringLiteral("pytorch, python_function");
        QTest::newRow("block scalar")
            << QByteArray("signature:\n  inputs: |\n    [{\"type\": \"long\",\n      \"name\": \"b\"}]\n")
            << QStringLiteral("b") << QString();
        QTest::newRow("plain multi-line scalar")
            << QByteArray(
                   "signature:\n  inputs: [{\"type\": \"long\",\n    \"name\": \"p\"}]\n  outputs: null\n")
            << QStringLiteral("p") << QString();
    }

    void yamlEdgeCases()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, firstInputName);
        QFETCH(QString, flavors);
        const auto signature = parseMlModel(yaml.toStdString());
        QVERIFY2(signature.ok(), describe(signature));
        QVERIFY(signature->present);
        QVERIFY(!signature->inputs.empty());
        QCOMPARE(q(signature->inputs[0].name), firstInputName);
        QCOMPARE(q(signature->flavors), flavors);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field");

        QTest::newRow("inputs not JSON")
            << QByteArray("signature:\n  inputs: '[{\"type\": '\n") << QStringLiteral("signature.inputs");
        QTest::newRow("inputs an object") << QByteArray("signature:\n  inputs: '{\"type\": \"long\"}'\n")
                                          << QStringLiteral("signature.inputs");
        QTest::newRow("input without type") << QByteArray("signature:\n  inputs: '[{\"name\": \"a\"}]'\n")
                                            << QStringLiteral("signature.inputs[0].type");
        QTest::newRow("input not an object")
            << QByteArray("signature:\n  inputs: '[1]'\n") << QStringLiteral("signature.inputs[0]");
        QTest::newRow("tensor without spec")
            << QByteArray("signature:\n  outputs: '[{\"type\": \"tensor\"}]'\n")
            << QStringLiteral("signature.outputs[0].tensor-spec");
        QTest::newRow("params broken") << QByteArray("signature:\n  params: '[{\"type\": \"double\", '\n")
                                       << QStringLiteral("signature.params");
        QTest::newRow("unterminated quote") << QByteArray("signature:\n  inputs: '[{\"type\": \"long\"}]\n")
                                            << QStringLiteral("signature.inputs");
        QTest::newRow("inputs a mapping")
            << QByteArray("signature:\n  inputs:\n    a: b\n") << QStringLiteral("signature.inputs");
        QTest::newRow("signature a scalar") << QByteArray("signature: yes\n") << QStringLiteral("signature");
        QTest::newRow("bad indentation")
            << QByteArray("flavors:\n    sklearn: {}\n  python_function: {}\n") << QStringLiteral("flavors");
    }

    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, field);
        const auto signature = parseMlModel(yaml.toStdString());
        QVERIFY2(!signature.ok(), "malformed input must be an error");
        QCOMPARE(signature.error().kind, ErrorKind::Parse);
        QCOMPARE(q(signature.error().field), field);
        QVERIFY(!signature.error().message.empty());
    }

    void everyTruncationIsHandled()
    {
        for (const char *name : {"MLmodel-sklearn", "MLmodel-tensor-params", "MLmodel-nested-types"}) {
            const std::string text = fixture(name);
            std::size_t parsed = 0;
            for (std::size_t length = 0; length <= text.size(); ++length) {
                const auto result = parseMlModel(text.substr(0, length));
                if (result.ok())
                    ++parsed;
                else
                    QCOMPARE(result.error().kind, ErrorKind::Parse);
            }
            QVERIFY(parsed > 0);
            // The whole file parses; a truncation inside the signature JSON does not.
            QVERIFY(parseMlModel(text).ok());
        }
    }

    void randomBytesNeverCrash()
    {
        const std::string base = fixture("MLmodel-sklearn");
        std::mt19937 random(12345);
        const std::string alphabet = " \n\t'\"\\:-#[]{}|>abc01";
        for (int round = 0; round < 3000; ++round) {
            std::string text = base;
            const int edits = 1 + static_cast<int>(random() % 8);
            for (int e = 0; e < edits; ++e) {
                const std::size_t pos = random() % text.size();
                text[pos] = alphabet[random() % alphabet.size()];
            }
            const auto result = parseMlModel(text);
            if (!result.ok())
                QCOMPARE(result.error().kind, ErrorKind::Parse);
        }
        // Deep nesting is refused, not recursed into without bound.
        std::string deep;
        for (int i = 0; i < 5000; ++i)
            deep += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
        const auto result = parseMlModel(deep);
        QVERIFY(!result.ok());
    }
};

QTEST_GUILESS_MAIN(TestMlModel)
#include "tst_mlmodel.moc"
