// The Azure pieces that read outside input without a network: workspace settings, model
// version ARM ids, the workspace's MLflow tracking URI, the Azure CLI's and Entra ID's token
// answers, Azure's scoring request form, and Azure profiles in profiles.json.
#include "result_assertions.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/azure/azure_credential.h>
#include <modelgate/core/azure/azure_workspace.h>
#include <modelgate/core/deploy/azure_ml_target.h>
#include <modelgate/core/workspace/profiles.h>

using namespace modelgate;

namespace {

AzureWorkspace sample()
{
    AzureWorkspace ws;
    ws.subscriptionId = "00000000-0000-4000-8000-000000000001";
    ws.resourceGroup = "rg-ml(prod)";
    ws.workspace = "ws-clinic";
    ws.region = "westeurope";
    return ws;
}

} // namespace

class TestAzureWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatesEveryField()
    {
        REQUIRE_OK(sample().validate());
        AzureWorkspace ws = sample();
        ws.workspace = "ws/../other";
        QCOMPARE(ws.validate().error().kind, ErrorKind::Config);
        ws = sample();
        ws.armBaseUrl = "http://management.example.com";
        QVERIFY2(!ws.validate().ok(), "plain http to a remote host was accepted");
        ws.armBaseUrl = "http://127.0.0.1:8080";
        REQUIRE_OK(ws.validate());
        ws = sample();
        ws.apiVersion = "latest";
        QVERIFY(!ws.validate().ok());
        ws = sample();
        ws.region.clear();
        QVERIFY(!ws.validate().ok());
    }

    void modelVersionIdsRoundTrip()
    {
        const AzureWorkspace ws = sample();
        const std::string id = ws.modelVersionId("diabetes-classifier", "7");
        QCOMPARE(
            id,
            "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-ml(prod)/providers/"
            "Microsoft.MachineLearningServices/workspaces/ws-clinic/models/diabetes-classifier/versions/7");
        auto parsed = modelVersionFromId(id);
        REQUIRE_OK(parsed);
        QCOMPARE(parsed.value().first, std::string("diabetes-classifier"));
        QCOMPARE(parsed.value().second, std::string("7"));
        QVERIFY(!modelVersionFromId("azureml:diabetes-classifier:7").ok());
        QVERIFY(!modelVersionFromId(ws.resourcePath() + "/models//versions/7").ok());
        QVERIFY(!modelVersionFromId("").ok());
    }

    void trackingUriFollowsTheArmScheme()
    {
        const std::string azure =
            "azureml://westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/s/resourceGroups/"
            "rg/providers/Microsoft.MachineLearningServices/workspaces/w";
        auto real = workspaceTrackingUrl(azure, kDefaultArmBaseUrl);
        REQUIRE_OK(real);
        QVERIFY(real.value().rfind("https://westeurope.api.azureml.ms/mlflow/v1.0/", 0) == 0);
        // A stand-in on this machine speaks plain http, and only there.
        auto local = workspaceTrackingUrl("azureml://127.0.0.1:5001/mlflow/v1.0/x/", "http://127.0.0.1:5000");
        REQUIRE_OK(local);
        QCOMPARE(local.value(), std::string("http://127.0.0.1:5001/mlflow/v1.0/x"));
        auto remote = workspaceTrackingUrl("azureml://evil.example/mlflow", "http://127.0.0.1:5000");
        REQUIRE_OK(remote);
        QVERIFY(remote.value().rfind("https://", 0) == 0);
        QVERIFY(!workspaceTrackingUrl("", kDefaultArmBaseUrl).ok());
        QVERIFY(!workspaceTrackingUrl("file:///etc/passwd", kDefaultArmBaseUrl).ok());
    }

    void readsTokenAnswers()
    {
        auto cli = parseAzureCliToken(R"({"accessToken":"eyJ0","expiresOn":"2026-12-04 17:00:00.000000",
                                          "expires_on":1796403600,"subscription":"s","tenant":"t","tokenType":"Bearer"})");
        REQUIRE_OK(cli);
        QCOMPARE(cli.value().expiresOn, std::int64_t(1796403600));
        // Older Azure CLIs give only the local time.
        auto older = parseAzureCliToken(R"({"accessToken":"eyJ0","expiresOn":"2026-12-04 17:00:00.000000"})");
        REQUIRE_OK(older);
        QVERIFY(older.value().expiresOn > 0);
        QVERIFY(!parseAzureCliToken(R"({"expires_on":1})").ok());
        QVERIFY(!parseAzureCliToken("ERROR: Please run 'az login'").ok());

        auto entra =
            parseTokenResponse(R"({"token_type":"Bearer","expires_in":3599,"access_token":"abc"})", 1000);
        REQUIRE_OK(entra);
        QCOMPARE(entra.value().expiresOn, std::int64_t(4599));
        auto v1 = parseTokenResponse(R"({"expires_in":"3600","access_token":"abc"})", 0);
        REQUIRE_OK(v1);
        QVERIFY(!parseTokenResponse(R"({"expires_in":-5,"access_token":"abc"})", 0).ok());
        QVERIFY(!parseTokenResponse(R"({"expires_in":3600})", 0).ok());
        QVERIFY(!parseTokenResponse("[]", 0).ok());
    }

    void scoringBodiesTakeAzuresForm()
    {
        using Json = nlohmann::json;
        auto split = azureScoringBody(R"({"dataframe_split":{"columns":["a","b"],"data":[[1,2]]}})");
        REQUIRE_OK(split);
        QVERIFY(Json::parse(split.value()) ==
                Json::parse(R"({"input_data":{"columns":["a","b"],"data":[[1,2]]}})"));
        auto records = azureScoringBody(R"({"dataframe_records":[{"a":1,"b":2},{"b":4,"c":5}]})");
        REQUIRE_OK(records);
        QVERIFY(Json::parse(records.value()) ==
                Json::parse(R"({"input_data":{"columns":["a","b","c"],"data":[[1,2,null],[null,4,5]]}})"));
        auto tensor = azureScoringBody(R"({"inputs":[[1,2],[3,4]]})");
        REQUIRE_OK(tensor);
        QVERIFY(Json::parse(tensor.value()) == Json::parse(R"({"input_data":[[1,2],[3,4]]})"));
        QVERIFY(!azureScoringBody(R"({"rows":[]})").ok());
        QVERIFY(!azureScoringBody("[1,2]").ok());
        QVERIFY(!azureScoringBody("{").ok());
    }

    void azureProfilesRoundTripWithoutSecrets()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/profiles.json";
        {
            ProfileStore store(path);
            Profile profile;
            profile.name = "clinic";
            AzureProfile azure;
            azure.workspace = sample();
            azure.workspace.apiVersion = "2026-09-01";
            azure.signIn = AzureSignIn::ServicePrincipal;
            azure.tenantId = "tenant-1";
            azure.clientId = "client-1";
            profile.azure = azure;
            store.upsert(profile);
            REQUIRE_OK(store.save());
        }
        ProfileStore store(path);
        REQUIRE_OK(store.load());
        const Profile *loaded = store.find("clinic");
        QVERIFY(loaded && loaded->azure);
        QCOMPARE(loaded->authKind, AuthKind::Bearer);
        QCOMPARE(loaded->azure->workspace.resourceGroup, std::string("rg-ml(prod)"));
        QCOMPARE(loaded->azure->workspace.apiVersion, std::string("2026-09-01"));
        QCOMPARE(loaded->azure->signIn, AzureSignIn::ServicePrincipal);
        QCOMPARE(loaded->azure->clientId, std::string("client-1"));

        // A file that says azureml without its settings, or names an unknown sign-in, is refused.
        QFile broken(dir.path() + QStringLiteral("/broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"version":1,"profiles":[{"name":"x","kind":"azureml"}]})");
        broken.close();
        ProfileStore brokenStore(broken.fileName().toStdString());
        QCOMPARE(brokenStore.load().error().kind, ErrorKind::Parse);
    }

    void theEnvironmentNamesAWorkspace()
    {
        Environment env;
        QVERIFY(!azureProfileFromEnvironment(env));
        env.vars = {{"AZUREML_WORKSPACE_NAME", "ws"},    {"AZURE_SUBSCRIPTION_ID", "sub"},
                    {"AZURE_RESOURCE_GROUP", "rg"},      {"AZURE_REGION", "westeurope"},
                    {"AZURE_CLIENT_ID", "client"},       {"AZURE_TENANT_ID", "tenant"},
                    {"AZURE_CLIENT_SECRET", "not-in-it"}};
        auto profile = azureProfileFromEnvironment(env);
        QVERIFY(profile && profile->azure);
        QCOMPARE(profile->azure->signIn, AzureSignIn::ServicePrincipal);
        QCOMPARE(profile->azure->workspace.workspace, std::string("ws"));
        REQUIRE_OK(profile->azure->workspace.validate());
    }
};

QTEST_GUILESS_MAIN(TestAzureWorkspace)
#include "tst_azure_workspace.moc"
