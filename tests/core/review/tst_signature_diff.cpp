// Signature diff: every rule of signature_diff.h with hand-built signatures, and the MLmodel
// reader's output fed through it.
#include <QFile>
#include <QTest>

#include <modelgate/core/mlflow/mlmodel.h>
#include <modelgate/core/review/signature_diff.h>

using namespace modelgate;

namespace {

SignatureField column(std::string name, std::string type, bool required = true, std::string detail = {})
{
    return {std::move(name), std::move(type), required, std::move(detail)};
}

ModelSignature signature(std::vector<SignatureField> inputs, std::vector<SignatureField> outputs = {},
                         std::vector<SignatureField> params = {})
{
    ModelSignature out;
    out.present = true;
    out.inputs = std::move(inputs);
    out.outputs = std::move(outputs);
    out.params = std::move(params);
    return out;
}

const SignatureChange *find(const SignatureDiff &diff, SignatureSection section, const std::string &name,
                            SignatureChangeKind kind)
{
    for (const auto &change : diff.changes) {
        if (change.section == section && change.name == name && change.change == kind)
            return &change;
    }
    return nullptr;
}

} // namespace

class TestSignatureDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalSignaturesHaveNoChanges()
    {
        const auto a =
            signature({column("age", "long"), column("bmi", "double", false)}, {column("", "long")});
        const SignatureDiff diff = diffSignatures(a, a);
        QVERIFY(diff.compared);
        QVERIFY(!diff.breaking);
        QVERIFY(diff.changes.empty());
    }

    void columnTypeRules_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("accepted");
        // Accepted by _enforce_mlflow_datatype.
        QTest::newRow("integer -> long") << u"integer"_qs << u"long"_qs << true;
        QTest::newRow("float -> double") << u"float"_qs << u"double"_qs << true;
        QTest::newRow("integer -> double") << u"integer"_qs << u"double"_qs << true;
        QTest::newRow("string -> any") << u"string"_qs << u"any"_qs << true;
        QTest::newRow("same") << u"datetime"_qs << u"datetime"_qs << true;
        // Rejected.
        QTest::newRow("long -> integer") << u"long"_qs << u"integer"_qs << false;
        QTest::newRow("double -> float") << u"double"_qs << u"float"_qs << false;
        QTest::newRow("long -> double (0/1 only)") << u"long"_qs << u"double"_qs << false;
        QTest::newRow("long -> float") << u"long"_qs << u"float"_qs << false;
        QTest::newRow("integer -> float") << u"integer"_qs << u"float"_qs << false;
        QTest::newRow("double -> long") << u"double"_qs << u"long"_qs << false;
        QTest::newRow("float -> integer") << u"float"_qs << u"integer"_qs << false;
        QTest::newRow("long -> string") << u"long"_qs << u"string"_qs << false;
        QTest::newRow("double -> string") << u"double"_qs << u"string"_qs << false;
        QTest::newRow("boolean -> string") << u"boolean"_qs << u"string"_qs << false;
        QTest::newRow("string -> long") << u"string"_qs << u"long"_qs << false;
        QTest::newRow("boolean -> long") << u"boolean"_qs << u"long"_qs << false;
        QTest::newRow("long -> boolean") << u"long"_qs << u"boolean"_qs << false;
        QTest::newRow("datetime -> long") << u"datetime"_qs << u"long"_qs << false;
        QTest::newRow("long -> datetime") << u"long"_qs << u"datetime"_qs << false;
        QTest::newRow("any -> long") << u"any"_qs << u"long"_qs << false;
        // Accepted by MLflow only for some values or unconverted: breaking here.
        QTest::newRow("string -> datetime") << u"string"_qs << u"datetime"_qs << false;
        QTest::newRow("string -> boolean") << u"string"_qs << u"boolean"_qs << false;
        QTest::newRow("string -> binary") << u"string"_qs << u"binary"_qs << false;
        QTest::newRow("binary -> string") << u"binary"_qs << u"string"_qs << false;
        // Nested types.
        QTest::newRow("array<integer> -> array<long>") << u"array<integer>"_qs << u"array<long>"_qs << true;
        QTest::newRow("array<long> -> array<integer>") << u"array<long>"_qs << u"array<integer>"_qs << false;
        QTest::newRow("array<double> -> double") << u"array<double>"_qs << u"double"_qs << false;
        QTest::newRow("map values widened") << u"map<string, float>"_qs << u"map<string, double>"_qs << true;
        QTest::newRow("map -> array") << u"map<string, float>"_qs << u"array<float>"_qs << false;
        QTest::newRow("object prop widened")
            << u"object{a: integer, b: string}"_qs << u"object{a: long, b: string}"_qs << true;
        QTest::newRow("object new optional prop")
            << u"object{a: long}"_qs << u"object{a: long, b: string (optional)}"_qs << true;
        QTest::newRow("object new required prop")
            << u"object{a: long}"_qs << u"object{a: long, b: string}"_qs << false;
        QTest::newRow("object prop removed")
            << u"object{a: long, b: string}"_qs << u"object{a: long}"_qs << false;
        QTest::newRow("object prop now required")
            << u"object{a: long, b: string (optional)}"_qs << u"object{a: long, b: string}"_qs << false;
        QTest::newRow("object prop now optional")
            << u"object{a: long, b: string}"_qs << u"object{a: long, b: string (optional)}"_qs << true;
        QTest::newRow("nested narrowing")
            << u"array<object{a: array<double>}>"_qs << u"array<object{a: array<float>}>"_qs << false;
        QTest::newRow("unparseable") << u"object{a: lo"_qs << u"object{a: long}"_qs << false;
    }

    void columnTypeRules()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, accepted);
        const TypeAcceptance result = columnTypeAccepts(from.toStdString(), to.toStdString());
        QVERIFY2(result.accepted == accepted, result.reason.c_str());
        QVERIFY(!result.reason.empty());
    }

    void objectPropertyBecomingRequiredIsRejected()
    {
        const auto result =
            columnTypeAccepts("object{a: long, b: string (optional)}", "object{a: long, b: string}");
        QVERIFY(!result.accepted);
        QVERIFY(result.reason.find("'b' became required") != std::string::npos);
    }

    void retypedInputsThroughTheDiff()
    {
        const auto baseline =
            signature({column("age", "integer"), column("income", "long"), column("bmi", "double")});
        const auto candidate =
            signature({column("age", "long"), column("income", "integer"), column("bmi", "double")});
        const SignatureDiff diff = diffSignatures(baseline, candidate);
        QVERIFY(diff.breaking);
        QCOMPARE(diff.changes.size(), std::size_t{2});
        const auto *age = find(diff, SignatureSection::Inputs, "age", SignatureChangeKind::Retyped);
        QVERIFY(age);
        QVERIFY(!age->breaking); // int -> long is a widening MLflow accepts
        QCOMPARE(age->from, std::string("integer"));
        QCOMPARE(age->to, std::string("long"));
        const auto *income = find(diff, SignatureSection::Inputs, "income", SignatureChangeKind::Retyped);
        QVERIFY(income);
        QVERIFY(income->breaking); // long -> int narrows
        QVERIFY(!income->reason.empty());
    }

    void requiredness()
    {
        const auto baseline =
            signature({column("a", "long"), column("b", "long", false), column("c", "long")});
        const auto candidate =
            signature({column("a", "long", false), column("b", "long"), column("c", "long"),
                       column("new_optional", "string", false), column("new_required", "double")});
        const SignatureDiff diff = diffSignatures(baseline, candidate);
        QVERIFY(diff.breaking);
        const auto *a = find(diff, SignatureSection::Inputs, "a", SignatureChangeKind::BecameOptional);
        QVERIFY(a && !a->breaking);
        const auto *b = find(diff, SignatureSection::Inputs, "b", SignatureChangeKind::BecameRequired);
        QVERIFY(b && b->breaking);
        QCOMPARE(b->from, std::string("long (optional)"));
        const auto *optional =
            find(diff, SignatureSection::Inputs, "new_optional", SignatureChangeKind::Added);
        QVERIFY(optional && !optional->breaking);
        const auto *required =
            find(diff, SignatureSection::Inputs, "new_required", SignatureChangeKind::Added);
        QVERIFY(required && required->breaking);
        QCOMPARE(diff.changes.size(), std::size_t{4});
    }

    void newOptionalInputAloneIsNotBreaking()
    {
        const auto diff = diffSignatures(signature({column("a", "long")}),
                                         signature({column("a", "long"), column("b", "string", false)}));
        QVERIFY(!diff.breaking);
        QCOMPARE(diff.changes.size(), std::size_t{1});
    }

    void removedInputIsBreaking()
    {
        const auto diff = diffSignatures(signature({column("a", "long"), column("b", "long")}),
                                         signature({column("a", "long")}));
        QVERIFY(diff.breaking);
        const auto *b = find(diff, SignatureSection::Inputs, "b", SignatureChangeKind::Removed);
        QVERIFY(b && b->breaking);
        QVERIFY(b->to.empty());
    }

    void outputs()
    {
        const auto baseline =
            signature({}, {column("label", "long"), column("score", "double"), column("p", "double")});
        const auto candidate = signature(
            {}, {column("label", "integer"), column("p", "double", false), column("extra", "string")});
        const SignatureDiff diff = diffSignatures(baseline, candidate);
        QVERIFY(diff.breaking);
        const auto *label = find(diff, SignatureSection::Outputs, "label", SignatureChangeKind::Retyped);
        QVERIFY(label && label->breaking);
        const auto *score = find(diff, SignatureSection::Outputs, "score", SignatureChangeKind::Removed);
        QVERIFY(score && score->breaking);
        const auto *p = find(diff, SignatureSection::Outputs, "p", SignatureChangeKind::BecameOptional);
        QVERIFY(p && p->breaking);
        const auto *extra = find(diff, SignatureSection::Outputs, "extra", SignatureChangeKind::Added);
        QVERIFY(extra && !extra->breaking);

        // Widening an output is still a retype: consumers parse what they got before.
        const auto widened =
            diffSignatures(signature({}, {column("", "integer")}), signature({}, {column("", "long")}));
        QVERIFY(widened.breaking);
        QVERIFY(find(widened, SignatureSection::Outputs, "[0]", SignatureChangeKind::Retyped));

        const auto addedOnly = diffSignatures(signature({}, {column("a", "long")}),
                                              signature({}, {column("a", "long"), column("b", "long")}));
        QVERIFY(!addedOnly.breaking);
    }

    void tensors()
    {
        const auto tensor = [](std::string name, std::string detail) {
            return column(std::move(name), "tensor", true, std::move(detail));
        };
        const auto base = signature({tensor("x", "float32, shape (-1, 28, 28)")});
        const auto dtype = diffSignatures(base, signature({tensor("x", "float64, shape (-1, 28, 28)")}));
        QVERIFY(dtype.breaking); // _enforce_tensor_spec: dtype must match exactly, even when widening
        QCOMPARE(dtype.changes.front().from, std::string("tensor float32 (-1, 28, 28)"));
        QCOMPARE(dtype.changes.front().to, std::string("tensor float64 (-1, 28, 28)"));

        const auto relaxed = diffSignatures(base, signature({tensor("x", "float32, shape (-1, -1, 28)")}));
        QVERIFY(!relaxed.breaking);
        QCOMPARE(relaxed.changes.size(), std::size_t{1});
        const auto fixed = diffSignatures(signature({tensor("x", "float32, shape (-1, -1, 28)")}), base);
        QVERIFY(fixed.breaking);
        const auto resized = diffSignatures(base, signature({tensor("x", "float32, shape (-1, 32, 32)")}));
        QVERIFY(resized.breaking);
        const auto rank = diffSignatures(base, signature({tensor("x", "float32, shape (-1, 784)")}));
        QVERIFY(rank.breaking);
        const auto toColumn = diffSignatures(base, signature({column("x", "double")}));
        QVERIFY(toColumn.breaking);
        QVERIFY(toColumn.changes.front().reason.find("tensor") != std::string::npos);
    }

    void params()
    {
        const auto param = [](std::string name, std::string type, std::string detail) {
            return column(std::move(name), std::move(type), false, std::move(detail));
        };
        const auto baseline = signature(
            {}, {},
            {param("temperature", "float", "default 0.5"), param("top_k", "integer", "default 5"),
             param("gone", "string", "default \"x\""), param("shape", "double", "default [1.0], shape (-1,)"),
             param("flag", "boolean", "default true")});
        const auto candidate =
            signature({}, {},
                      {param("temperature", "double", "default 0.5"), param("top_k", "integer", "default 10"),
                       param("shape", "double", "default [1.0]"), param("flag", "string", "default \"true\""),
                       param("new", "long", "default 1")});
        const SignatureDiff diff = diffSignatures(baseline, candidate);
        QVERIFY(diff.breaking);
        const auto *temperature =
            find(diff, SignatureSection::Params, "temperature", SignatureChangeKind::Retyped);
        QVERIFY(temperature && !temperature->breaking); // float -> double is allowed for params
        const auto *topK = find(diff, SignatureSection::Params, "top_k", SignatureChangeKind::DefaultChanged);
        QVERIFY(topK && !topK->breaking);
        const auto *gone = find(diff, SignatureSection::Params, "gone", SignatureChangeKind::Removed);
        QVERIFY(gone && gone->breaking);
        const auto *shape = find(diff, SignatureSection::Params, "shape", SignatureChangeKind::Retyped);
        QVERIFY(shape && shape->breaking);
        const auto *flag = find(diff, SignatureSection::Params, "flag", SignatureChangeKind::Retyped);
        QVERIFY(flag && flag->breaking);
        const auto *added = find(diff, SignatureSection::Params, "new", SignatureChangeKind::Added);
        QVERIFY(added && !added->breaking);
    }

    void unnamedColumnsCompareByPosition()
    {
        const auto diff =
            diffSignatures(signature({column("", "double"), column("", "long")}),
                           signature({column("", "double"), column("", "integer"), column("", "long")}));
        QVERIFY(diff.breaking);
        QVERIFY(find(diff, SignatureSection::Inputs, "[1]", SignatureChangeKind::Retyped));
        QVERIFY(find(diff, SignatureSection::Inputs, "[2]", SignatureChangeKind::Added));
    }

    void signaturePresence()
    {
        ModelSignature none;
        const auto some = signature({column("a", "long")});
        const auto removed = diffSignatures(some, none);
        QVERIFY(removed.breaking);
        QCOMPARE(removed.changes.front().change, SignatureChangeKind::SignatureRemoved);
        QCOMPARE(removed.changes.front().section, SignatureSection::Signature);
        const auto added = diffSignatures(none, some);
        QVERIFY(!added.breaking);
        QCOMPARE(added.changes.front().change, SignatureChangeKind::SignatureAdded);
        const auto neither = diffSignatures(none, none);
        QVERIFY(neither.compared);
        QVERIFY(neither.changes.empty());
        QVERIFY(!neither.note.empty());
    }

    void namesOfEnums()
    {
        QCOMPARE(std::string(wireName(SignatureChangeKind::BecameRequired)), std::string("now_required"));
        QCOMPARE(std::string(wireName(SignatureSection::Inputs)), std::string("inputs"));
    }

    void realMlModelFiles()
    {
        // The nested-types fixture against itself with one property narrowed, through the reader.
        QFile file(QStringLiteral(MODELGATE_TEST_DATA_DIR "/mlflow/MLmodel-nested-types"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string text = file.readAll().toStdString();
        const auto parsed = parseMlModel(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
        const SignatureDiff same = diffSignatures(parsed.value(), parsed.value());
        QVERIFY(same.changes.empty());
        for (const auto &field : parsed.value().inputs) {
            // Every nested type text the reader writes must be understood by the diff's parser.
            if (field.type == "array" || field.type == "object" || field.type == "map")
                QVERIFY2(columnTypeAccepts(field.detail, field.detail).accepted, field.detail.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestSignatureDiff)
#include "tst_signature_diff.moc"
