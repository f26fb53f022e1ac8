#pragma once
// The faults of the fault matrix (docs/reliability.md, "Fault matrix"): what a misbehaving
// server does to one call, each acted out for real by the loopback MisbehavingServer, and
// how an outcome is worded in the generated table.

#include "misbehaving_server.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <modelgate/core/util/result.h>

namespace modelgate::test {

// Whose error body and payload shape a fault imitates: a 500 with MLflow's own error body is
// an Api error for the MLflow client, not for Prometheus.
enum class ServiceFamily
{
    Mlflow,
    Arm, // Azure Resource Manager, Azure Monitor's Metrics_List included
    Prometheus,
};

// What a call should end with under a fault, before the call's own exceptions (a write that
// does not read its answer, a delete for which 404 means done).
enum class Expect
{
    Transport,  // no usable response
    HttpStatus, // the status, the body summarised
    Api,        // the service's own error body
    Parse,      // a 2xx whose payload cannot be read
};

struct Fault
{
    std::string id;    // the column heading
    std::string about; // one line for the docs
    Expect expect = Expect::Transport;
    int status = 0;       // the HTTP status the error must carry (0: none)
    bool refused = false; // no server at all: a closed port
    std::function<Behaviour(ServiceFamily)> behaviour;
};

namespace fault_detail {

inline std::string serviceErrorBody(ServiceFamily family)
{
    switch (family) {
    case ServiceFamily::Mlflow:
        return R"({"error_code": "INTERNAL_ERROR", "message": "the backend store is unavailable"})";
    case ServiceFamily::Arm:
        return R"({"error": {"code": "InternalServerError", "message": "the backend is unavailable"}})";
    case ServiceFamily::Prometheus:
        return R"({"status": "error", "errorType": "internal", "error": "the TSDB is unavailable"})";
    }
    return {};
}

// A JSON document cut in the middle, sent whole (its Content-Length matches).
inline std::string truncatedJson(ServiceFamily family)
{
    switch (family) {
    case ServiceFamily::Mlflow:
        return R"({"registered_model": {"name": "fraud", "latest_versions": [{"versi)";
    case ServiceFamily::Arm:
        return R"({"name": "ep", "properties": {"provisioningState": "Succ)";
    case ServiceFamily::Prometheus:
        return R"({"status": "success", "data": {"resultType": "vec)";
    }
    return {};
}

// Every member a call of the family reads, with the wrong JSON type.
inline std::string wrongTypes(ServiceFamily family)
{
    switch (family) {
    case ServiceFamily::Mlflow:
        return R"({"registered_model": 7, "registered_models": 7, "model_version": 7, "model_versions": 7, )"
               R"("run": 7, "runs": 7, "metrics": 7, "experiment": 7, "experiments": 7, "experiment_id": 7, )"
               R"("files": 7, "root_uri": 7, "next_page_token": 7, "experiment_permission": 7, )"
               R"("registered_model_permission": 7, "permission": 7, "permissions": 7, "user": 7})";
    case ServiceFamily::Arm:
        return R"({"value": 7, "name": 7, "location": 7, "properties": 7, "tags": 7, "status": 7, )"
               R"("primaryKey": 7, "secondaryKey": 7, "content": 7, "nextLink": 7})";
    case ServiceFamily::Prometheus:
        return R"({"status": "success", "data": {"resultType": 7, "result": 7}})";
    }
    return {};
}

inline HeaderList jsonType()
{
    return {{"Content-Type", "application/json"}};
}

} // namespace fault_detail

// The columns of the matrix, in order. The bounds the test configures (timeouts, retries)
// make the slow faults end in seconds.
inline std::vector<Fault> faultCatalogue()
{
    using namespace fault_detail;
    using std::chrono::milliseconds;
    std::vector<Fault> faults;
    const auto add = [&](std::string id, std::string about, Expect expect, int status,
                         std::function<Behaviour(ServiceFamily)> behaviour) {
        faults.push_back({std::move(id), std::move(about), expect, status, false, std::move(behaviour)});
    };
    faults.push_back(
        {"refused", "nothing listens on the port (connection refused)", Expect::Transport, 0, true, {}});
    add("reset", "the request is read, then the connection is reset (TCP RST) before any byte",
        Expect::Transport, 0, [](ServiceFamily) { return Behaviour::reset(); });
    add("reset mid-body", "200 with Content-Length 4096, a part of the body, then a TCP reset",
        Expect::Transport, 0,
        [](ServiceFamily family) { return Behaviour::resetMidBody(200, truncatedJson(family), 4096); });
    add("stall", "the request is read and never answered", Expect::Transport, 0,
        [](ServiceFamily) { return Behaviour::stall(); });
    add("slow drip", "200 at once, then one body byte every 100 ms (a valid body, far too slowly)",
        Expect::Transport, 0, [](ServiceFamily family) {
            return Behaviour::slowDrip(200, std::string(200, ' ') + truncatedJson(family), milliseconds(100));
        });
    add("429", "429 Too Many Requests with Retry-After: 1, every time", Expect::HttpStatus, 429,
        [](ServiceFamily) {
            return Behaviour::respond(429, "Too Many Requests",
                                      {{"Retry-After", "1"}, {"Content-Type", "text/plain"}});
        });
    add("500", "500 with the service's own error body", Expect::Api, 500,
        [](ServiceFamily family) { return Behaviour::respond(500, serviceErrorBody(family), jsonType()); });
    add("502", "502 with a proxy's HTML page", Expect::HttpStatus, 502, [](ServiceFamily) {
        return Behaviour::respond(
            502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            {{"Content-Type", "text/html"}});
    });
    add("503", "503 with a plain-text body and no Retry-After", Expect::HttpStatus, 503, [](ServiceFamily) {
        return Behaviour::respond(503, "Service Unavailable", {{"Content-Type", "text/plain"}});
    });
    add("cut body", "200 announcing 4096 bytes, a part of them, then the connection closes",
        Expect::Transport, 0,
        [](ServiceFamily family) { return Behaviour::truncate(200, truncatedJson(family), 4096); });
    add("truncated JSON", "200 with a complete HTTP body that is JSON cut in the middle", Expect::Parse, 0,
        [](ServiceFamily family) { return Behaviour::respond(200, truncatedJson(family), jsonType()); });
    add("wrong types", "200 with JSON whose members have the wrong types", Expect::Parse, 0,
        [](ServiceFamily family) { return Behaviour::respond(200, wrongTypes(family), jsonType()); });
    add("100 MB", "200 with a 100 MB body without Content-Length, ended by a close", Expect::Transport, 0,
        [](ServiceFamily) { return Behaviour::flood(200, std::size_t(100) * 1000 * 1000); });
    add("bad UTF-8", "200 with JSON whose strings are not valid UTF-8", Expect::Parse, 0, [](ServiceFamily) {
        return Behaviour::respond(200, "{\"name\": \"fr\xC3\x28ud\", \"status\": \"\xFF\xFE\"}", jsonType());
    });
    add("403 text", "403 with a plain-text body (a proxy's refusal)", Expect::HttpStatus, 403,
        [](ServiceFamily) {
            return Behaviour::respond(403, "Permission denied", {{"Content-Type", "text/plain"}});
        });
    add("404 HTML", "404 with an HTML page (a wrong path prefix)", Expect::HttpStatus, 404,
        [](ServiceFamily) {
            return Behaviour::respond(404,
                                      "<html><head><title>404 Not Found</title></head><body>no</body></html>",
                                      {{"Content-Type", "text/html"}});
        });
    add("redirect", "302 to another path of the same server (not followed, by design)", Expect::HttpStatus,
        302, [](ServiceFamily) {
            return Behaviour::respond(302, "", {{"Location", "/moved/elsewhere"}});
        });
    return faults;
}

inline const char *expectName(Expect expect)
{
    switch (expect) {
    case Expect::Transport:
        return "Transport";
    case Expect::HttpStatus:
        return "HttpStatus";
    case Expect::Api:
        return "Api";
    case Expect::Parse:
        return "Parse";
    }
    return "?";
}

// A curl error name as a word for a table cell.
inline std::string shortTransportCode(const std::string &code)
{
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"CURLE_COULDNT_CONNECT", "refused"}, {"CURLE_OPERATION_TIMEDOUT", "timed out"},
        {"CURLE_RECV_ERROR", "reset"},        {"CURLE_SEND_ERROR", "reset"},
        {"CURLE_PARTIAL_FILE", "cut short"},  {"CURLE_FILESIZE_EXCEEDED", "over limit"},
        {"CURLE_GOT_NOTHING", "empty reply"}, {"CURLE_WRITE_ERROR", "over limit"},
        {"deadline_exceeded", "deadline"},
    };
    for (const auto &[name, word] : words) {
        if (name == code)
            return word;
    }
    return code;
}

} // namespace modelgate::test
