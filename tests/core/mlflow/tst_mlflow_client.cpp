// MlflowClient unit tests: what goes over the wire (URLs, query encoding, headers,
// bodies, idempotency) and how answers are mapped (pagination, errors), with a
// recording in-process transport serving canned replies (real MLflow 3.6.0 payloads
// from tests/data/mlflow where they exist). tst_mlflow_client_integration runs the
// same client against a real server.

#include <deque>
#include <mutex>

#include <QFile>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>

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

std::string headerOf(const HttpRequest &request, const std::string &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key == name)
            return value;
    }
    return "<absent>";
}

// Records every request and answers from a queue of canned replies.
class FakeTransport final : public HttpTransport
{
public:
    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &) override
    {
        std::lock_guard lock(m_mutex);
        requests.push_back(request);
        if (m_replies.empty()) {
            Error error;
            error.kind = ErrorKind::Transport;
            error.code = "FAKE_NO_REPLY";
            error.message = "no canned reply left";
            return error;
        }
        auto reply = m_replies.front();
        m_replies.pop_front();
        return reply;
    }

    void reply(int status, std::string body, HttpHeaders headers = {})
    {
        HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        response.headers = std::move(headers);
        m_replies.emplace_back(std::move(response));
    }
    void fail(Error error) { m_replies.emplace_back(std::move(error)); }

    std::vector<HttpRequest> requests;

private:
    std::mutex m_mutex;
    std::deque<Result<HttpResponse>> m_replies;
};

struct Fixture
{
    explicit Fixture(Credentials credentials = {}, std::string uri = "http://mlflow.test:5000/")
    {
        ClientConfig config;
        config.trackingUri = std::move(uri);
        config.credentials = std::move(credentials);
        transport = std::make_shared<FakeTransport>();
        client = std::make_unique<MlflowClient>(config, transport);
    }
    std::shared_ptr<FakeTransport> transport;
    std::unique_ptr<MlflowClient> client;
};

constexpr const char *kApi = "http://mlflow.test:5000/api/2.0/mlflow/";

std::string page(const std::vector<std::string> &names, const std::string &token)
{
    std::string body = "{\"registered_models\": [";
    for (std::size_t i = 0; i < names.size(); ++i)
        body += (i ? ", " : "") + std::string("{\"name\": \"") + names[i] + "\"}";
    body += "]";
    if (!token.empty())
        body += ", \"next_page_token\": \"" + token + "\"";
    return body + "}";
}

} // namespace

class TestMlflowClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseUrl_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("expected"); // empty: a Config error
        QTest::newRow("plain") << QStringLiteral("http://h:5000") << QStringLiteral("http://h:5000");
        QTest::newRow("trailing slashes")
            << QStringLiteral("https://h/prefix//") << QStringLiteral("https://h/prefix");
        QTest::newRow("scheme case, spaces")
            << QStringLiteral(" HTTP://Host:80/ ") << QStringLiteral("http://Host:80");
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:5000/") << QStringLiteral("http://[::1]:5000");
        QTest::newRow("azureml")
            << QStringLiteral("azureml://eastus.api.azureml.ms/mlflow/v1.0/subscriptions/s/resourceGroups/rg/"
                              "providers/Microsoft.MachineLearningServices/workspaces/ws")
            << QStringLiteral("https://eastus.api.azureml.ms/mlflow/v1.0/subscriptions/s/resourceGroups/rg/"
                              "providers/Microsoft.MachineLearningServices/workspaces/ws");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("no scheme") << QStringLiteral("mlflow.example.com") << QString();
        QTest::newRow("databricks") << QStringLiteral("databricks://profile") << QString();
        QTest::newRow("file") << QStringLiteral("file:///tmp/mlruns") << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://h") << QString();
        QTest::newRow("no host") << QStringLiteral("http://") << QString();
        QTest::newRow("no host, path") << QStringLiteral("http:///api") << QString();
        QTest::newRow("port not a number") << QStringLiteral("http://h:http") << QString();
        QTest::newRow("credentials in the URI") << QStringLiteral("http://u:p@h") << QString();
        QTest::newRow("query") << QStringLiteral("http://h/?x=1") << QString();
    }

    void baseUrl()
    {
        QFETCH(QString, uri);
        QFETCH(QString, expected);
        const auto base = restBaseUrl(uri.toStdString());
        if (expected.isEmpty()) {
            QVERIFY(!base.ok());
            QCOMPARE(base.error().kind, ErrorKind::Config);
            // Never echo a password from a URI.
            QVERIFY(base.error().message.find("p@h") == std::string::npos);
        } else {
            QVERIFY2(base.ok(), base.ok() ? "" : base.error().describe().c_str());
            QCOMPARE(q(base.value()), expected);
        }
    }

    void unusableUriSendsNothing()
    {
        Fixture f({}, "ftp://nowhere");
        const auto models = f.client->searchRegisteredModels({}, CancelToken::none());
        QVERIFY(!models.ok());
        QCOMPARE(models.error().kind, ErrorKind::Config);
        QVERIFY(!f.client->getModelVersionArtifact("m", "1", "MLmodel", CancelToken::none()).ok());
        QVERIFY(!f.client->serverVersion(CancelToken::none()).ok());
        QVERIFY(f.transport->requests.empty());
    }

    void searchRequestEncoding()
    {
        Fixture f({AuthKind::Basic, "alice", "p@ss:w"});
        f.transport->reply(200, fixture("registered-models-search-page1.json"));
        SearchModelsQuery query;
        query.filter = "name LIKE 'fraud-%' AND tags.team = 'risk & ops'";
        query.orderBy = {"name ASC", "last_updated_timestamp DESC"};
        query.maxResults = 5;
        query.pageToken = "eyJvZmZzZXQiOiAyfQ==";
        const auto result = f.client->searchRegisteredModels(query, CancelToken::none());
        QVERIFY(result.ok());
        QCOMPARE(result->items.size(), std::size_t(2));

        QCOMPARE(f.transport->requests.size(), std::size_t(1));
        const HttpRequest &request = f.transport->requests[0];
        QCOMPARE(request.method, HttpMethod::Get);
        QCOMPARE(q(request.url),
                 q(std::string(kApi) +
                   "registered-models/search?max_results=5"
                   "&filter=name%20LIKE%20%27fraud-%25%27%20AND%20tags.team%20%3D%20%27risk%20%26%20ops%27"
                   "&order_by=name%20ASC&order_by=last_updated_timestamp%20DESC"
                   "&page_token=eyJvZmZzZXQiOiAyfQ%3D%3D"));
        QVERIFY(request.body.empty());
        QVERIFY(request.idempotent);
        QCOMPARE(q(headerOf(request, "Authorization")), QStringLiteral("Basic YWxpY2U6cEBzczp3"));
        QCOMPARE(q(headerOf(request, "Accept")), QStringLiteral("application/json"));
        QCOMPARE(q(headerOf(request, "Content-Type")), QStringLiteral("<absent>"));
    }

    void maxResultsAlwaysSentAndChecked()
    {
        Fixture f;
        f.transport->reply(200, "{}");
        QVERIFY(f.client->searchRegisteredModels({}, CancelToken::none()).ok());
        QCOMPARE(q(f.transport->requests[0].url),
                 q(std::string(kApi) + "registered-models/search?max_results=100"));
        f.transport->reply(200, "{}");
        QVERIFY(f.client->searchModelVersions({}, CancelToken::none()).ok());
        QCOMPARE(q(f.transport->requests[1].url),
                 q(std::string(kApi) + "model-versions/search?max_results=1000"));
        f.transport->reply(200, fixture("experiments-search.json"));
        const auto experiments = f.client->searchExperiments("name = 'x'", 20, {}, CancelToken::none());
        QVERIFY(experiments.ok());
        QCOMPARE(experiments->items.size(), std::size_t(2));
        QCOMPARE(q(f.transport->requests[2].url),
                 q(std::string(kApi) + "experiments/search?max_results=20&filter=name%20%3D%20%27x%27"));

        SearchModelsQuery tooMany;
        tooMany.maxResults = 1001;
        const auto refused = f.client->searchRegisteredModels(tooMany, CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Config);
        QVERIFY(!f.client->searchExperiments({}, 0, {}, CancelToken::none()).ok());
        QCOMPARE(f.transport->requests.size(), std::size_t(3));
    }

    void bearerAndNoAuth()
    {
        Fixture bearer({AuthKind::Bearer, {}, "eyJ.token"});
        bearer.transport->reply(200, fixture("registered-model-get.json"));
        QVERIFY(bearer.client->getRegisteredModel("m", CancelToken::none()).ok());
        QCOMPARE(q(headerOf(bearer.transport->requests[0], "Authorization")),
                 QStringLiteral("Bearer eyJ.token"));

        Fixture none;
        none.transport->reply(200, fixture("registered-model-get.json"));
        QVERIFY(none.client->getRegisteredModel("a b/c", CancelToken::none()).ok());
        QCOMPARE(q(headerOf(none.transport->requests[0], "Authorization")), QStringLiteral("<absent>"));
        QCOMPARE(q(none.transport->requests[0].url),
                 q(std::string(kApi) + "registered-models/get?name=a%20b%2Fc"));
    }

    void writesAreJsonBodies()
    {
        Fixture f;
        f.transport->reply(200, "{}");
        f.transport->reply(200, "{}");
        f.transport->reply(200, "{}");
        f.transport->reply(200, "{\"registered_model\": {\"name\": \"n\"}}");
        QVERIFY(f.client->setRegisteredModelTag("m", "k", "v \"q\"", CancelToken::none()).ok());
        QVERIFY(f.client->setRegisteredModelAlias("m", "champion", "3", CancelToken::none()).ok());
        QVERIFY(f.client->setModelVersionTag("m", "3", "validation_status", "approved", CancelToken::none())
                    .ok());
        QVERIFY(
            f.client
                ->call(HttpMethod::Post, "registered-models/create", "{\"name\": \"n\"}", CancelToken::none())
                .ok());
        const auto &requests = f.transport->requests;
        QCOMPARE(requests.size(), std::size_t(4));
        for (const auto &request : requests) {
            QCOMPARE(request.method, HttpMethod::Post);
            // Exactly application/json: the basic-auth user endpoints refuse ";charset=...".
            QCOMPARE(q(headerOf(request, "Content-Type")), QStringLiteral("application/json"));
        }
        QCOMPARE(q(requests[0].url), q(std::string(kApi) + "registered-models/set-tag"));
        QCOMPARE(q(requests[0].body),
                 QStringLiteral("{\"key\":\"k\",\"name\":\"m\",\"value\":\"v \\\"q\\\"\"}"));
        QCOMPARE(q(requests[1].url), q(std::string(kApi) + "registered-models/alias"));
        QCOMPARE(q(requests[1].body),
                 QStringLiteral("{\"alias\":\"champion\",\"name\":\"m\",\"version\":\"3\"}"));
        QCOMPARE(q(requests[2].url), q(std::string(kApi) + "model-versions/set-tag"));
        // Upserts may be repeated by the retrying transport; a create may not.
        QVERIFY(requests[0].idempotent);
        QVERIFY(requests[1].idempotent);
        QVERIFY(requests[2].idempotent);
        QVERIFY(!requests[3].idempotent);

        f.transport->reply(200, "{}");
        QVERIFY(f.client->call(HttpMethod::Delete, "/registered-models/alias", {}, CancelToken::none()).ok());
        QCOMPARE(q(f.transport->requests[4].url), q(std::string(kApi) + "registered-models/alias"));
        QCOMPARE(q(f.transport->requests[4].body), QStringLiteral("{}"));
        QVERIFY(!f.transport->requests[4].idempotent);
    }

    void paginationFollowsTokens()
    {
        Fixture f;
        f.transport->reply(200, page({"a", "b"}, "tok+/1="));
        f.transport->reply(200, page({"c", "d"}, "tok2"));
        f.transport->reply(200, page({"e"}, ""));
        SearchModelsQuery query;
        query.maxResults = 2;
        int pages = 0;
        const auto all = f.client->searchAllRegisteredModels(query, CancelToken::none(),
                                                             [&](const Page<RegisteredModel> &) {
                                                                 ++pages;
                                                                 return true;
                                                             });
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().describe().c_str());
        QCOMPARE(pages, 3);
        QCOMPARE(all->size(), std::size_t(5));
        QCOMPARE(q(all->back().name), QStringLiteral("e"));
        const auto &requests = f.transport->requests;
        QCOMPARE(requests.size(), std::size_t(3));
        QVERIFY(q(requests[0].url).indexOf(QStringLiteral("page_token")) < 0);
        // The opaque token goes back verbatim (URL-encoded).
        QVERIFY(q(requests[1].url).endsWith(QStringLiteral("&page_token=tok%2B%2F1%3D")));
        QVERIFY(q(requests[2].url).endsWith(QStringLiteral("&page_token=tok2")));
    }

    void paginationStopsOnRequest()
    {
        Fixture f;
        f.transport->reply(200, page({"a", "b"}, "t1"));
        f.transport->reply(200, page({"c"}, ""));
        const auto all = f.client->searchAllRegisteredModels(
            {}, CancelToken::none(), [](const Page<RegisteredModel> &) { return false; });
        QVERIFY(all.ok());
        QCOMPARE(all->size(), std::size_t(2));
        QCOMPARE(f.transport->requests.size(), std::size_t(1));
    }

    void paginationDetectsLoops()
    {
        Fixture f;
        f.transport->reply(200, page({"a"}, "same"));
        f.transport->reply(200, page({"b"}, "other"));
        f.transport->reply(200, page({"c"}, "same"));
        f.transport->reply(200, page({"d"}, ""));
        const auto all = f.client->searchAllRegisteredModels({}, CancelToken::none());
        QVERIFY(!all.ok());
        QCOMPARE(all.error().kind, ErrorKind::Parse);
        QCOMPARE(q(all.error().field), QStringLiteral("next_page_token"));
        QCOMPARE(f.transport->requests.size(), std::size_t(3));
    }

    void paginationPropagatesErrors()
    {
        Fixture f;
        f.transport->reply(200, page({"a"}, "t1"));
        f.transport->reply(503, "Service Unavailable");
        const auto all = f.client->searchAllRegisteredModels({}, CancelToken::none());
        QVERIFY(!all.ok());
        QCOMPARE(all.error().kind, ErrorKind::HttpStatus);
        QCOMPARE(all.error().httpStatus, 503);
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");

        QTest::newRow("404 MLflow JSON")
            << 404 << QByteArray::fromStdString(fixture("error-404-model-not-found.json"))
            << int(ErrorKind::Api) << QStringLiteral("RESOURCE_DOES_NOT_EXIST")
            << QStringLiteral("Registered Model with name=no-such-model not found");
        QTest::newRow("400 alias not found")
            << 400 << QByteArray::fromStdString(fixture("error-400-alias-not-found.json"))
            << int(ErrorKind::Api) << QStringLiteral("INVALID_PARAMETER_VALUE")
            << QStringLiteral("Registered model alias nope not found.");
        // The basic-auth app's real bodies: plain text (served as text/html), not MLflow JSON.
        QTest::newRow("403 basic-auth")
            << 403 << QByteArray::fromStdString(fixture("error-403-basic-auth.txt"))
            << int(ErrorKind::HttpStatus) << QString() << QStringLiteral("Permission denied");
        QTest::newRow("401 basic-auth")
            << 401 << QByteArray::fromStdString(fixture("error-401-basic-auth.txt"))
            << int(ErrorKind::HttpStatus) << QString()
            << QStringLiteral("You are not authenticated. Please see "
                              "https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow "
                              "on how to authenticate.");
        QTest::newRow("400 plain text (users/create content type)")
            << 400 << QByteArray::fromStdString(fixture("error-400-users-create-charset.txt"))
            << int(ErrorKind::HttpStatus) << QString()
            << QStringLiteral("Invalid content type. Must be application/json");
        QTest::newRow("plain text, first line only")
            << 500 << QByteArray("Internal failure\nTraceback ...\n") << int(ErrorKind::HttpStatus)
            << QString() << QStringLiteral("Internal failure");
        QTest::newRow("404 HTML") << 404
                                  << QByteArray::fromStdString(fixture("error-404-unknown-endpoint.html"))
                                  << int(ErrorKind::HttpStatus) << QString()
                                  << QStringLiteral("404 Not Found");
        QTest::newRow("403 host check")
            << 403 << QByteArray("Invalid Host header - possible DNS rebinding attack detected")
            << int(ErrorKind::HttpStatus) << QString()
            << QStringLiteral("Invalid Host header - possible DNS rebinding attack detected");
        QTest::newRow("404 empty body (no handler)") << 404 << QByteArray() << int(ErrorKind::HttpStatus)
                                                     << QString() << QStringLiteral("(empty response body)");
        QTest::newRow("FastAPI detail")
            << 422 << QByteArray("{\"detail\": \"Unprocessable\"}") << int(ErrorKind::HttpStatus) << QString()
            << QStringLiteral("Unprocessable");
        QTest::newRow("Azure error object")
            << 401
            << QByteArray("{\"error\": {\"code\": \"InvalidAuthenticationToken\", \"message\": \"The token "
                          "expired.\"}}")
            << int(ErrorKind::HttpStatus) << QString() << QStringLiteral("The token expired.");
        QTest::newRow("200 not JSON") << 200 << QByteArray("<html>proxy login</html>")
                                      << int(ErrorKind::Parse) << QString() << QString();
        QTest::newRow("200 JSON of the wrong shape") << 200 << QByteArray("{\"registered_model\": []}")
                                                     << int(ErrorKind::Parse) << QString() << QString();
    }

    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(QString, message);
        Fixture f;
        f.transport->reply(status, body.toStdString());
        const auto model = f.client->getRegisteredModel("m", CancelToken::none());
        QVERIFY(!model.ok());
        const Error &error = model.error();
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(q(error.code), code);
        if (!message.isEmpty())
            QCOMPARE(q(error.message), message);
        if (kind != int(ErrorKind::Parse))
            QCOMPARE(error.httpStatus, status);
        QCOMPARE(q(error.url), q(std::string(kApi) + "registered-models/get?name=m"));
    }

    void longPlainErrorIsCapped()
    {
        Fixture f;
        f.transport->reply(500, std::string(5000, 'x'));
        const auto result = f.client->getRun("r", CancelToken::none());
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.size() <= 210);
    }

    void transportErrorsPassThrough()
    {
        Fixture f;
        Error refused;
        refused.kind = ErrorKind::Transport;
        refused.code = "CURLE_COULDNT_CONNECT";
        f.transport->fail(refused);
        const auto result = f.client->getRun("r", CancelToken::none());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Transport);
        QCOMPARE(q(result.error().code), QStringLiteral("CURLE_COULDNT_CONNECT"));
        QCOMPARE(q(result.error().url), q(std::string(kApi) + "runs/get?run_id=r"));
    }

    void cancelledBeforeSending()
    {
        Fixture f;
        CancelToken token;
        token.cancel();
        const auto result = f.client->listModelVersions("m", token);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QVERIFY(!f.client->getMetricHistory("r", "loss", token).ok());
        QVERIFY(f.transport->requests.empty());
    }

    void listVersionsFillsAliases()
    {
        Fixture f;
        f.transport->reply(200, fixture("registered-model-get.json"));
        f.transport->reply(200, fixture("model-versions-search.json"));
        const auto versions = f.client->listModelVersions("capture-classifier", CancelToken::none());
        QVERIFY2(versions.ok(), versions.ok() ? "" : versions.error().describe().c_str());
        QCOMPARE(versions->size(), std::size_t(3));
        QCOMPARE(q(versions->at(0).version), QStringLiteral("3"));
        QCOMPARE(versions->at(0).aliases, std::vector<std::string>{"challenger"});
        QCOMPARE(versions->at(1).aliases, std::vector<std::string>{"champion"});
        QVERIFY(versions->at(2).aliases.empty());
        const auto &requests = f.transport->requests;
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(q(requests[0].url), q(std::string(kApi) + "registered-models/get?name=capture-classifier"));
        QCOMPARE(q(requests[1].url),
                 q(std::string(kApi) +
                   "model-versions/search?max_results=1000"
                   "&filter=name%3D%27capture-classifier%27&order_by=version_number%20DESC"));
    }

    void listVersionsOfMissingModel()
    {
        Fixture f;
        f.transport->reply(404, fixture("error-404-model-not-found.json"));
        const auto versions = f.client->listModelVersions("no-such-model", CancelToken::none());
        QVERIFY(!versions.ok());
        QCOMPARE(q(versions.error().code), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
        QCOMPARE(f.transport->requests.size(), std::size_t(1));
    }

    void listVersionsQuotesNames()
    {
        // MLflow's filter parser strips the outer quotes without unescaping: a name with a
        // single quote goes in double quotes.
        Fixture f;
        f.transport->reply(200, "{\"registered_model\": {\"name\": \"it's\"}}");
        f.transport->reply(200, "{\"model_versions\": [{\"name\": \"it's\", \"version\": \"1\"}]}");
        QVERIFY(f.client->listModelVersions("it's", CancelToken::none()).ok());
        QVERIFY(q(f.transport->requests[1].url).contains(QStringLiteral("filter=name%3D%22it%27s%22")));

        // Both kinds of quote: LIKE with wildcards, then only the exact name is kept.
        Fixture g;
        const std::string name = "a'b\"c";
        g.transport->reply(200, "{\"registered_model\": {\"name\": \"a'b\\\"c\", "
                                "\"aliases\": [{\"alias\": \"x\", \"version\": \"2\"}]}}");
        g.transport->reply(200, "{\"model_versions\": [{\"name\": \"a'b\\\"c\", \"version\": \"2\"},"
                                "{\"name\": \"a_b_c\", \"version\": \"9\"}]}");
        const auto versions = g.client->listModelVersions(name, CancelToken::none());
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), std::size_t(1));
        QCOMPARE(versions->at(0).aliases, std::vector<std::string>{"x"});
        QVERIFY(q(g.transport->requests[1].url).contains(QStringLiteral("filter=name%20LIKE%20%27a_b_c%27")));
    }

    void resolveVersionOrAlias()
    {
        Fixture f;
        f.transport->reply(200, fixture("model-version-by-alias.json"));
        f.transport->reply(200, fixture("model-version-get.json"));
        const auto byAlias =
            f.client->resolveModelVersion("capture-classifier", "@champion", CancelToken::none());
        QVERIFY(byAlias.ok());
        QCOMPARE(byAlias->aliases, std::vector<std::string>{"champion"});
        QVERIFY(f.client->resolveModelVersion("capture-classifier", "2", CancelToken::none()).ok());
        QCOMPARE(q(f.transport->requests[0].url),
                 q(std::string(kApi) + "registered-models/alias?name=capture-classifier&alias=champion"));
        QCOMPARE(q(f.transport->requests[1].url),
                 q(std::string(kApi) + "model-versions/get?name=capture-classifier&version=2"));
        for (const char *bad : {"latest", "@", "", "v2", "1.5", "-1"}) {
            const auto result = f.client->resolveModelVersion("m", bad, CancelToken::none());
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, ErrorKind::Config);
        }
        QCOMPARE(f.transport->requests.size(), std::size_t(2));
    }

    void metricHistoryPages()
    {
        Fixture f;
        f.transport->reply(200, fixture("metric-history-page1.json"));
        f.transport->reply(200, "{\"metrics\": [{\"key\": \"loss\", \"value\": 0.25, \"step\": 2}]}");
        const auto metrics = f.client->getMetricHistory("run1", "loss", CancelToken::none());
        QVERIFY(metrics.ok());
        QCOMPARE(metrics->size(), std::size_t(3));
        QCOMPARE(metrics->at(2).step, std::int64_t(2));
        QCOMPARE(q(f.transport->requests[0].url),
                 q(std::string(kApi) + "metrics/get-history?run_id=run1&metric_key=loss&max_results=25000"));
        QVERIFY(
            q(f.transport->requests[1].url).endsWith(QStringLiteral("&page_token=eyJvZmZzZXQiOiAyfQ%3D%3D")));
    }

    void metricHistoryQuirkDoesNotLoop()
    {
        // What MLflow 3.6 answers to get-history without max_results, forever.
        Fixture f;
        for (int i = 0; i < 5; ++i)
            f.transport->reply(200, fixture("metric-history-without-max-results.json"));
        const auto metrics = f.client->getMetricHistory("run1", "loss", CancelToken::none());
        QVERIFY(!metrics.ok());
        QCOMPARE(metrics.error().kind, ErrorKind::Parse);
        QCOMPARE(f.transport->requests.size(), std::size_t(2));
    }

    void artifactAndSignature()
    {
        Fixture f;
        f.transport->reply(200, fixture("MLmodel-sklearn"));
        const auto signature =
            f.client->getModelVersionSignature("capture classifier", "2", CancelToken::none());
        QVERIFY2(signature.ok(), signature.ok() ? "" : signature.error().describe().c_str());
        QCOMPARE(signature->inputs.size(), std::size_t(8));
        // The Flask route at the server root, not under /api.
        QCOMPARE(q(f.transport->requests[0].url),
                 QStringLiteral("http://mlflow.test:5000/model-versions/get-artifact"
                                "?name=capture%20classifier&version=2&path=MLmodel"));
        QCOMPARE(f.transport->requests[0].method, HttpMethod::Get);

        f.transport->reply(200, "signature:\n  inputs: '[oops'\n");
        const auto broken = f.client->getModelVersionSignature("m", "1", CancelToken::none());
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().kind, ErrorKind::Parse);
        QCOMPARE(q(broken.error().field), QStringLiteral("signature.inputs"));
        QVERIFY(!broken.error().url.empty());
    }

    void serverVersion()
    {
        Fixture f({}, "https://h/prefix");
        f.transport->reply(200, "3.6.0\n");
        const auto version = f.client->serverVersion(CancelToken::none());
        QVERIFY(version.ok());
        QCOMPARE(q(version.value()), QStringLiteral("3.6.0"));
        QCOMPARE(q(f.transport->requests[0].url), QStringLiteral("https://h/prefix/version"));
    }
};

QTEST_GUILESS_MAIN(TestMlflowClient)
#include "tst_mlflow_client.moc"
