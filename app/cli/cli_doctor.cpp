#include "cli_doctor.h"

#include "cli_app.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <modelgate/core/mlflow/server_capabilities.h>

namespace modelgate::cli {

namespace {

struct Finding
{
    std::string feature;
    bool works = true;
    std::string detail;
};

// Whether a version lies in the tested range (3.6 up to the newest tested 3.x).
bool tested(const ServerCapabilities &server)
{
    return server.atLeast(3, 6) && !server.atLeast(3, 18);
}

std::vector<Finding> findingsFor(const ServerCapabilities &server, bool canRead)
{
    std::vector<Finding> findings;
    findings.push_back({"browse, compare, metric history", canRead,
                        canRead           ? "the registry answers"
                        : server.signedIn ? "the registry refused the signed-in user"
                                          : "needs sign-in"});
    if (!server.signedIn) {
        findings.push_back({"release review", false,
                            "the server requires sign-in: set MLFLOW_TRACKING_USERNAME and "
                            "MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN)"});
        return findings;
    }
    if (!server.authRequired) {
        findings.push_back({"release review", true,
                            "works, but the server runs no auth app: reviewer names are claims anyone can "
                            "make, and audit grant sets no permissions"});
    } else if (server.permissions == PermissionApi::None) {
        findings.push_back({"reviewer enrolment (audit grant)", false,
                            server.describeServer() +
                                " has neither the 2.0 permission endpoints nor the 3.0 grants; ModelGate "
                                "refuses to enrol reviewers without the permissions its trail relies on"});
    } else {
        findings.push_back({"reviewer enrolment (audit grant)", true,
                            server.permissions == PermissionApi::V2
                                ? "through the 2.0 permission endpoints (experiments/permissions/*)"
                                : "through the 3.0 grants (users/permissions/grant)"});
        findings.push_back({"release review", true, "decisions are signed and chained on this server"});
    }
    if (server.workspaces)
        findings.push_back({"workspaces", true,
                            "switched on: users do not inherit the default permission in a workspace unless "
                            "the server grants default workspace access; give each reviewer READ on the "
                            "models they review (audit grant --model gives EDIT)"});
    if (!server.version.empty() && !tested(server))
        findings.push_back({"tested versions", true,
                            "MLflow " + server.version + " is outside the tested range (" +
                                std::string(kTestedMlflowRange) + "): it may work; run the checks above"});
    return findings;
}

} // namespace

CommandFailure runDoctor(const MlflowClient &client, bool json, std::ostream &out, const CancelToken &cancel)
{
    auto detected = client.capabilities(cancel);
    if (!detected)
        return failureFor(detected.error(), "cannot ask the server what it offers");
    const ServerCapabilities &server = detected.value();

    bool canRead = false;
    if (server.signedIn) {
        SearchModelsQuery query;
        query.maxResults = 1;
        auto models = client.searchRegisteredModels(query, cancel);
        if (!models && models.error().kind != ErrorKind::HttpStatus && models.error().kind != ErrorKind::Api)
            return failureFor(models.error(), "cannot read the registry");
        canRead = models.ok();
    }
    const std::vector<Finding> findings = findingsFor(server, canRead);
    bool allWork = true;
    for (const auto &finding : findings)
        allWork = allWork && finding.works;

    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &finding : findings)
            list.push_back(
                {{"feature", finding.feature}, {"works", finding.works}, {"detail", finding.detail}});
        out << nlohmann::json{{"tracking_uri", client.config().trackingUri},
                              {"mlflow_version", server.version},
                              {"auth_required", server.authRequired},
                              {"signed_in", server.signedIn},
                              {"user", client.config().credentials.username},
                              {"is_admin", server.isAdmin},
                              {"permission_api", wireName(server.permissions)},
                              {"workspaces", server.workspaces},
                              {"tested_range", kTestedMlflowRange},
                              {"findings", list},
                              {"fully_supported", allWork}}
                   .dump(2)
            << '\n';
    } else {
        const std::string &user = client.config().credentials.username;
        out << "Server          " << client.config().trackingUri << '\n'
            << "MLflow          " << (server.version.empty() ? "unknown" : server.version)
            << " (tested: " << kTestedMlflowRange << ")\n"
            << "Sign-in         "
            << (server.authRequired
                    ? (server.signedIn ? "required; signed in" + (user.empty() ? "" : " as " + user)
                                       : std::string("required; NOT signed in"))
                    : std::string("not required (no auth app)"))
            << (server.isAdmin ? " (admin)" : "") << '\n'
            << "Permission API  " << wireName(server.permissions) << '\n'
            << "Workspaces      " << (server.workspaces ? "on" : "off") << "\n\n";
        for (const auto &finding : findings)
            out << (finding.works ? "  ok    " : "  NO    ") << finding.feature << ": " << finding.detail
                << '\n';
    }
    if (!allWork)
        return {ExitCheckSaysNo, "the server does not offer everything ModelGate uses (see above)"};
    return {};
}

} // namespace modelgate::cli
