// The screenshot mode's choice of model when none is named: any registry gets its screens,
// not only one with the demo's diabetes-classifier.
#include "registry/registered_model_list_model.h"
#include "shell/screenshot_runner.h"

#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

RegisteredModel modelWithVersions(const std::string &name, std::vector<std::string> versions)
{
    RegisteredModel model;
    model.name = name;
    for (auto &number : versions) {
        ModelVersion version;
        version.name = name;
        version.version = std::move(number);
        model.latestVersions.push_back(std::move(version));
    }
    return model;
}

} // namespace

class TestScreenshotRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheModelWithTheMostVersions()
    {
        RegisteredModelListModel models;
        // latest_versions holds one version per stage: the highest number counts, not how many.
        models.appendPage({modelWithVersions("churn", {"3", "1"}), modelWithVersions("fraud", {"12"}),
                           modelWithVersions("empty", {})},
                          false);
        QCOMPARE(modelWithMostVersions(models), QStringLiteral("fraud"));
    }

    void aTieGoesToTheFirstName()
    {
        RegisteredModelListModel models;
        models.appendPage({modelWithVersions("zeta", {"2"}), modelWithVersions("alpha", {"2"})}, false);
        QCOMPARE(modelWithMostVersions(models), QStringLiteral("alpha"));
    }

    void anEmptyRegistryHasNoModelToShow()
    {
        RegisteredModelListModel models;
        QVERIFY(modelWithMostVersions(models).isEmpty());
        models.appendPage({modelWithVersions("new", {})}, false);
        QCOMPARE(modelWithMostVersions(models), QStringLiteral("new"));
    }
};

QTEST_MAIN(TestScreenshotRunner)
#include "tst_screenshot_runner.moc"
