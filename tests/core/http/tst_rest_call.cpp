// The REST-call layer shared by the MLflow client and, next, the Azure Resource Manager
// client: authorization from a provider (renewed once after a 401 where it can be), each
// service's error body mapped by its own rule, and pages followed to the end with a guard.
#include "misbehaving_server.h"
#include "result_assertions.h"

#include <nlohmann/json.hpp>

#include <QtTest/QtTest>

#include <modelgate/core/http/http.h>
#include <modelgate/core/http/rest_call.h>

using namespace modelgate;

namespace {

using test::Behaviour;
using test::MisbehavingServer;

HttpResponse response(int status, std::string body)
{
    HttpResponse reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

// A token that expires: the first one is refused, the renewed one is not.
class ExpiringToken final : public CredentialProvider
{
public:
    Result<HttpHeaders> authorization(const CancelToken &) override
    {
        return HttpHeaders{{"Authorization", "Bearer token-" + std::to_string(m_generation)}};
    }
    bool refreshAfterUnauthorized() override
    {
        ++m_generation;
        ++refreshes;
        return true;
    }
    int refreshes = 0;

private:
    int m_generation = 1;
};

// An ARM list: {"value": [...], "nextLink": "..."}.
struct ArmPage
{
    std::vector<std::string> items;
    std::string nextLink;
};

Result<ArmPage> fetchArmPage(HttpTransport &transport, const std::string &url)
{
    RestCall call;
    call.transport = &transport;
    call.mapError = armErrorBody;
    HttpRequest request;
    request.url = url;
    auto body = sendRestRequest(call, request, CancelToken::none());
    if (!body)
        return body.error();
    const auto json = nlohmann::json::parse(body.value(), nullptr, false);
    ArmPage page;
    for (const auto &item : json.at("value"))
        page.items.push_back(item.at("name").get<std::string>());
    page.nextLink = json.value("nextLink", "");
    return page;
}

} // namespace

class TestRestCall final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachServiceErrorBodyByItsOwnRule()
    {
        const Error mlflow = mlflowErrorBody(response(
            404, R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Registered Model not found"})"));
        QCOMPARE(mlflow.kind, ErrorKind::Api);
        QCOMPARE(mlflow.code, std::string("RESOURCE_DOES_NOT_EXIST"));
        QCOMPARE(mlflow.message, std::string("Registered Model not found"));

        const Error arm = armErrorBody(response(
            409,
            R"({"error":{"code":"Conflict","message":"Another operation is in progress","details":[]}})"));
        QCOMPARE(arm.kind, ErrorKind::Api);
        QCOMPARE(arm.code, std::string("Conflict"));
        QCOMPARE(arm.message, std::string("Another operation is in progress"));

        // Each rule reads only its own shape: ARM's body is not an MLflow API error.
        QCOMPARE(mlflowErrorBody(response(409, R"({"error":{"code":"Conflict","message":"busy"}})")).kind,
                 ErrorKind::HttpStatus);
        QCOMPARE(armErrorBody(response(403, "Permission denied")).message, std::string("Permission denied"));
        const Error html = armErrorBody(response(404, "<html><title>404 Not Found</title><p>x</p></html>"));
        QCOMPARE(html.kind, ErrorKind::HttpStatus);
        QCOMPARE(html.message, std::string("404 Not Found"));
        QCOMPARE(summarizeErrorBody(std::string(500, 'x')).size(), std::size_t(203));
        QCOMPARE(summarizeErrorBody("line one\nline two"), std::string("line one"));
    }

    void headersAndTheMappedError()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(Behaviour::respond(409, R"({"error":{"code":"Conflict","message":"busy"}})",
                                          {{"Content-Type", "application/json"}}));
        const auto transport = makeCurlTransport();
        FixedCredentials basic({AuthKind::Basic, "riley", "s3cret"});
        RestCall call;
        call.transport = transport.get();
        call.credentials = &basic;
        call.mapError = armErrorBody;
        HttpRequest request;
        request.method = HttpMethod::Put;
        request.url = server.url("/endpoints/e?api-version=2024-04-01");
        request.body = "{}";
        const auto result = sendRestRequest(call, request, CancelToken::none());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Api);
        QCOMPARE(result.error().httpStatus, 409);
        QCOMPARE(result.error().code, std::string("Conflict"));
        QCOMPARE(result.error().url, request.url);
        const auto sent = server.lastRequest();
        QCOMPARE(sent.method, std::string("PUT"));
        QCOMPARE(sent.header("Authorization"), "Basic " + base64Encode("riley:s3cret"));
        QCOMPARE(sent.header("Content-Type"), std::string("application/json"));
        QCOMPARE(sent.header("Accept"), std::string("application/json"));
        // A fixed password is not retried after a 401 (it would only be refused again).
        server.enqueue(Behaviour::respond(401, "You are not authenticated."));
        QVERIFY(!sendRestRequest(call, request, CancelToken::none()).ok());
        QCOMPARE(server.requestCount(), 2);
    }

    void anExpiredTokenIsRenewedOnce()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(Behaviour::respond(
            401, R"({"error":{"code":"ExpiredAuthenticationToken","message":"The access token expired"}})"));
        server.enqueue(Behaviour::respond(200, R"({"ok":true})"));
        const auto transport = makeCurlTransport();
        ExpiringToken token;
        RestCall call;
        call.transport = transport.get();
        call.credentials = &token;
        call.mapError = armErrorBody;
        HttpRequest request;
        request.url = server.url("/x");
        const auto result = sendRestRequest(call, request, CancelToken::none());
        REQUIRE_OK(result);
        QCOMPARE(token.refreshes, 1);
        QCOMPARE(server.lastRequest().header("Authorization"), std::string("Bearer token-2"));

        // A token refused again after its renewal is reported, not renewed forever.
        server.enqueue(
            Behaviour::respond(401, R"({"error":{"code":"InvalidAuthenticationToken","message":"no"}})"));
        server.enqueue(
            Behaviour::respond(401, R"({"error":{"code":"InvalidAuthenticationToken","message":"no"}})"));
        const auto refused = sendRestRequest(call, request, CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("InvalidAuthenticationToken"));
        QCOMPARE(server.requestCount(), 4);
    }

    void nextLinkPagesToTheEnd()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        const std::string firstPage =
            "{\"value\":[{\"name\":\"blue\"},{\"name\":\"green\"}],\"nextLink\":\"" +
            server.url("/d?page=2") + "\"}";
        server.enqueue(Behaviour::respond(200, firstPage));
        server.enqueue(Behaviour::respond(200, R"({"value":[{"name":"canary"}]})"));
        const auto transport = makeCurlTransport();
        const std::string first = server.url("/d");
        int pages = 0;
        const auto all = followPages<std::string>(
            [&](const std::string &link) { return fetchArmPage(*transport, link.empty() ? first : link); },
            [&pages](const ArmPage &) {
                ++pages;
                return true;
            },
            &ArmPage::nextLink, CancelToken::none(), "nextLink");
        REQUIRE_OK(all);
        QCOMPARE(*all, (std::vector<std::string>{"blue", "green", "canary"}));
        QCOMPARE(pages, 2);
        QCOMPARE(server.lastRequest().target, std::string("/d?page=2"));
    }

    void aRepeatedNextLinkIsStopped()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        const std::string loop =
            "{\"value\":[{\"name\":\"a\"}],\"nextLink\":\"" + server.url("/d?page=2") + "\"}";
        server.setDefaultBehaviour(Behaviour::respond(200, loop));
        const auto transport = makeCurlTransport();
        const auto all = followPages<std::string>(
            [&](const std::string &link) {
                return fetchArmPage(*transport, link.empty() ? server.url("/d") : link);
            },
            [](const ArmPage &) { return true; }, &ArmPage::nextLink, CancelToken::none(), "nextLink");
        QVERIFY(!all.ok());
        QCOMPARE(all.error().kind, ErrorKind::Parse);
        QCOMPARE(all.error().field, std::string("nextLink"));
        QCOMPARE(server.requestCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRestCall)
#include "tst_rest_call.moc"
