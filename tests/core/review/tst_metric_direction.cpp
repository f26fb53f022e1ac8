// Metric directions: the built-in naming rule, the per-model tag (parse, malformed input,
// serialisation, the tag length limit).
#include <QTest>

#include <modelgate/core/review/metric_direction.h>

using namespace modelgate;

Q_DECLARE_METATYPE(modelgate::MetricDirection)

class TestMetricDirection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<MetricDirection>("expected");
        const auto higher = MetricDirection::HigherIsBetter;
        const auto lower = MetricDirection::LowerIsBetter;
        const auto neutral = MetricDirection::Neutral;
        for (const char *name : {"accuracy",
                                 "Accuracy",
                                 "ACCURACY",
                                 "test_accuracy",
                                 "val_acc",
                                 "auc",
                                 "roc_auc",
                                 "ROC_AUC",
                                 "f1",
                                 "f1_score",
                                 "F1Score",
                                 "precision",
                                 "recall",
                                 "r2",
                                 "r2_score",
                                 "map",
                                 "mAP",
                                 "ndcg",
                                 "ndcg@10",
                                 "ndcg_10",
                                 "precision_at_10",
                                 "recall@5",
                                 "balanced_accuracy",
                                 "testAccuracy",
                                 "rouge1",
                                 "rougeL",
                                 "bleu",
                                 "eval/auc",
                                 "testaccuracy",
                                 "top_k_accuracy",
                                 "neg_mean_squared_error",
                                 "neg_log_loss"})
            QTest::newRow(name) << QString::fromLatin1(name) << higher;
        for (const char *name : {"loss",
                                 "Loss",
                                 "val_loss",
                                 "valLoss",
                                 "train/loss",
                                 "logloss",
                                 "log_loss",
                                 "error",
                                 "error_rate",
                                 "mse",
                                 "rmse",
                                 "RMSE",
                                 "mae",
                                 "mape",
                                 "brier_score",
                                 "brier",
                                 "mean_squared_error",
                                 "mean_absolute_error",
                                 "perplexity",
                                 "valloss",
                                 "wer",
                                 "eval.rmse",
                                 "val-error",
                                 "accuracy_loss"})
            QTest::newRow(name) << QString::fromLatin1(name) << lower;
        for (const char *name : {"", "epoch", "step", "lr", "learning_rate", "score", "training_time",
                                 "heatmap", "n_samples", "___", "neg"})
            QTest::newRow(qPrintable(QStringLiteral("neutral '%1'").arg(QString::fromLatin1(name))))
                << QString::fromLatin1(name) << neutral;
    }

    void defaultRule()
    {
        QFETCH(QString, name);
        QFETCH(MetricDirection, expected);
        QCOMPARE(defaultMetricDirection(name.toStdString()), expected);
    }

    void wordsRoundTrip()
    {
        for (const auto direction :
             {MetricDirection::HigherIsBetter, MetricDirection::LowerIsBetter, MetricDirection::Neutral})
            QCOMPARE(metricDirectionFromString(wireName(direction)),
                     std::optional<MetricDirection>(direction));
        QCOMPARE(metricDirectionFromString("HIGHER"),
                 std::optional<MetricDirection>(MetricDirection::HigherIsBetter));
        QVERIFY(!metricDirectionFromString("up"));
        QVERIFY(!metricDirectionFromString(""));
    }

    void overridesWinOverTheRule()
    {
        MetricDirections directions;
        directions.overrides["loss"] = MetricDirection::HigherIsBetter; // e.g. a reward logged as "loss"
        directions.overrides["accuracy"] = MetricDirection::Neutral;
        QCOMPARE(directions.directionOf("loss"), MetricDirection::HigherIsBetter);
        QCOMPARE(directions.directionOf("accuracy"), MetricDirection::Neutral);
        QCOMPARE(directions.directionOf("val_loss"), MetricDirection::LowerIsBetter);
        QVERIFY(directions.isOverridden("loss"));
        QVERIFY(!directions.isOverridden("val_loss"));
    }

    void parseValidTag()
    {
        TagMap tags{{kMetricDirectionsTag, R"({"coverage":"lower","latency_p99":"lower","reward":"higher"})"},
                    {"team", "x"}};
        const ParsedMetricDirections parsed = parseMetricDirections(tags);
        QVERIFY(parsed.warning.empty());
        QCOMPARE(parsed.directions.overrides.size(), std::size_t{3});
        QCOMPARE(parsed.directions.directionOf("coverage"), MetricDirection::LowerIsBetter);
        QCOMPARE(parsed.directions.directionOf("reward"), MetricDirection::HigherIsBetter);
    }

    void absentTagMeansNoOverrides()
    {
        const ParsedMetricDirections parsed = parseMetricDirections(TagMap{{"team", "x"}});
        QVERIFY(parsed.warning.empty());
        QVERIFY(parsed.directions.overrides.empty());
    }

    void malformedTagIsIgnoredWithAWarning_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("kept");
        QTest::newRow("not json") << u"higher"_qs << 0;
        QTest::newRow("truncated") << u"{\"a\":\"hig"_qs << 0;
        QTest::newRow("array") << u"[\"a\"]"_qs << 0;
        QTest::newRow("string") << u"\"a\""_qs << 0;
        QTest::newRow("null") << u"null"_qs << 0;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("bad word") << u"{\"a\":\"up\",\"b\":\"lower\"}"_qs << 1;
        QTest::newRow("number value") << u"{\"a\":1,\"b\":\"higher\"}"_qs << 1;
        QTest::newRow("nested") << u"{\"a\":{\"x\":\"higher\"}}"_qs << 0;
        QTest::newRow("empty key") << u"{\"\":\"higher\"}"_qs << 0;
        QTest::newRow("many bad") << u"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":\"lower\"}"_qs
                                  << 1;
    }

    void malformedTagIsIgnoredWithAWarning()
    {
        QFETCH(QString, value);
        QFETCH(int, kept);
        const ParsedMetricDirections parsed = parseMetricDirectionsJson(value.toStdString());
        QVERIFY(!parsed.warning.empty());
        QVERIFY(parsed.warning.find(kMetricDirectionsTag) != std::string::npos);
        QCOMPARE(parsed.directions.overrides.size(), static_cast<std::size_t>(kept));
    }

    void serializeIsCompactAndSorted()
    {
        MetricDirectionMap overrides{{"zeta", MetricDirection::LowerIsBetter},
                                     {"alpha", MetricDirection::HigherIsBetter},
                                     {"mid", MetricDirection::Neutral}};
        const auto text = serializeMetricDirections(overrides);
        QVERIFY(text.ok());
        QCOMPARE(text.value(), std::string(R"({"alpha":"higher","mid":"neutral","zeta":"lower"})"));
        QCOMPARE(parseMetricDirectionsJson(text.value()).directions.overrides, overrides);
        QCOMPARE(serializeMetricDirections({}).value(), std::string("{}"));
        // Names with quotes and non-ASCII survive the round trip.
        MetricDirectionMap odd{{"a\"b\\c", MetricDirection::LowerIsBetter},
                               {"Genauigkeit_ä", MetricDirection::HigherIsBetter}};
        QCOMPARE(parseMetricDirectionsJson(serializeMetricDirections(odd).value()).directions.overrides, odd);
    }

    void tagLengthLimit()
    {
        // {"m0000":"higher", ...}: 1 + n * 19 - 1 + 1 characters; find the largest n that fits.
        MetricDirectionMap overrides;
        std::size_t n = 0;
        while (true) {
            char name[16];
            std::snprintf(name, sizeof name, "m%04zu", n);
            overrides[name] = MetricDirection::HigherIsBetter;
            const auto text = serializeMetricDirections(overrides);
            if (!text.ok()) {
                QCOMPARE(text.error().kind, ErrorKind::Config);
                QVERIFY(text.error().message.find("5000") != std::string::npos);
                break;
            }
            QVERIFY(text.value().size() <= kMaxRegisteredModelTagValueChars);
            ++n;
            QVERIFY(n < 1000);
        }
        QVERIFY(n > 200); // 263 entries of 19 characters fit

        // The limit counts characters, not bytes: 2-byte 'ä' names fit where bytes would not.
        MetricDirectionMap wide{{std::string(4900 / 2 * 2, 'x'), MetricDirection::LowerIsBetter}};
        QVERIFY(serializeMetricDirections(wide).ok());
        std::string umlauts;
        for (int i = 0; i < 4900; ++i)
            umlauts += "\xc3\xa4";
        QVERIFY(serializeMetricDirections({{umlauts, MetricDirection::LowerIsBetter}}).ok());
        QVERIFY(
            !serializeMetricDirections({{umlauts + std::string(100, 'x'), MetricDirection::LowerIsBetter}})
                 .ok());
    }
};

QTEST_GUILESS_MAIN(TestMetricDirection)
#include "tst_metric_direction.moc"
