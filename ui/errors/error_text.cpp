#include "errors/error_text.h"

#include <QCoreApplication>
#include <QUrl>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/release/deployment_gate.h>
#include <modelgate/core/release/release_review.h>

// At global scope so that lupdate and the runtime agree on the context "ErrorText".
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

namespace modelgate::ui {

namespace {

QString operationSentence(Operation operation)
{
    switch (operation) {
    case Operation::ListModels:
        return ErrorText::tr("Could not load the registered models.");
    case Operation::ListVersions:
        return ErrorText::tr("Could not load the versions of this model.");
    case Operation::LoadRun:
        return ErrorText::tr("Could not load the run that produced this version.");
    case Operation::LoadSignature:
        return ErrorText::tr("Could not load the signature of this version.");
    case Operation::TestConnection:
        return ErrorText::tr("The connection test failed.");
    case Operation::LoadMetricHistory:
        return ErrorText::tr("Could not load the metric history for the chart.");
    case Operation::CompareVersions:
        return ErrorText::tr("Could not compare the two versions.");
    case Operation::UpdateMetricDirection:
        return ErrorText::tr("Could not save the metric direction on the server.");
    case Operation::LoadMetricTrend:
        return ErrorText::tr("Could not load the metric across the versions of this model.");
    case Operation::LoadAuditTrail:
        return ErrorText::tr("Could not load the release trail of this model.");
    case Operation::ExportReport:
        return ErrorText::tr("Could not create the release report.");
    case Operation::LoadReleaseStatus:
        return ErrorText::tr("Could not load the release review of this version.");
    case Operation::DecideRelease:
        return ErrorText::tr("The server did not accept the decision.");
    case Operation::SyncReviewTags:
        return ErrorText::tr("Could not repair the review tags of this version.");
    case Operation::SaveReleasePolicy:
        return ErrorText::tr("Could not save the release policy.");
    case Operation::LoadReviewInbox:
        return ErrorText::tr("Could not load the versions waiting for review.");
    case Operation::ListEndpoints:
        return ErrorText::tr("Could not read the endpoints.");
    case Operation::LoadApprovals:
        return ErrorText::tr("Could not check whether the deployed versions are still approved.");
    case Operation::Deploy:
        return ErrorText::tr("The deployment was not made.");
    case Operation::SetTraffic:
        return ErrorText::tr("The traffic split was not changed.");
    case Operation::RollBack:
        return ErrorText::tr("The endpoint was not rolled back.");
    case Operation::RestartEndpoint:
        return ErrorText::tr("The endpoint could not be restarted.");
    case Operation::DeleteDeployment:
        return ErrorText::tr("The deployment was not deleted.");
    case Operation::LoadDeploymentLog:
        return ErrorText::tr("Could not read the deployment's log.");
    case Operation::InvokeEndpoint:
        return ErrorText::tr("The scoring request got no answer.");
    case Operation::LoadInputExample:
        return ErrorText::tr("Could not load the version's input example.");
    case Operation::LoadMetrics:
        return ErrorText::tr("Could not read the endpoint's metrics.");
    case Operation::CheckSlo:
        return ErrorText::tr("Could not check the endpoint's SLO rules.");
    case Operation::LoadSloRules:
        return ErrorText::tr("Could not read the endpoint's SLO rules.");
    case Operation::SaveSloRules:
        return ErrorText::tr("The SLO rules were not saved.");
    case Operation::LoadMetricsSource:
        return ErrorText::tr("Could not read where the endpoint's metrics come from.");
    case Operation::SaveMetricsSource:
        return ErrorText::tr("The metrics source was not saved.");
    case Operation::ValidateSloRule:
        return ErrorText::tr("This rule cannot be saved:");
    case Operation::RunLoadTest:
        return ErrorText::tr("The load test did not run.");
    case Operation::RollBackBreach:
        return ErrorText::tr("The endpoint was not rolled back.");
    case Operation::OpenAzureWorkspace:
        return ErrorText::tr("Could not open the Azure Machine Learning workspace.");
    }
    return {};
}

// "host:port" of the request, for messages such as "cannot reach localhost:5000".
QString serverOf(const Error &error)
{
    const QUrl url(QString::fromStdString(error.url));
    if (!url.isValid() || url.host().isEmpty())
        return ErrorText::tr("the server");
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

bool codeIs(const Error &error, const char *name)
{
    // Curl error names may come with or without the CURLE_ prefix.
    return QString::fromStdString(error.code).contains(QLatin1String(name), Qt::CaseInsensitive);
}

QString transportReason(const Error &error)
{
    const QString server = serverOf(error);
    if (codeIs(error, "COULDNT_RESOLVE_HOST"))
        return ErrorText::tr(
                   "The server name %1 could not be found. Check the tracking URI of the workspace and your "
                   "network connection.")
            .arg(server);
    if (codeIs(error, "COULDNT_RESOLVE_PROXY"))
        return ErrorText::tr(
            "The proxy server could not be found. Check the http_proxy and https_proxy settings.");
    if (codeIs(error, "COULDNT_CONNECT"))
        return ErrorText::tr(
                   "The MLflow server at %1 cannot be reached: the connection was refused. Check that the "
                   "server is running and that the tracking URI is correct.")
            .arg(server);
    if (codeIs(error, "OPERATION_TIMEDOUT"))
        return ErrorText::
            tr("The MLflow server at %1 did not answer in time. Check your network connection or try again "
               "later.")
                .arg(server);
    if (codeIs(error, "PEER_FAILED_VERIFICATION") || codeIs(error, "SSL_CACERT"))
        return ErrorText::
            tr("The TLS certificate of %1 could not be verified. Set the CA bundle of the workspace to the "
               "certificate of your organisation.")
                .arg(server);
    if (codeIs(error, "SSL"))
        return ErrorText::
            tr("A secure (TLS) connection to %1 could not be established. Check the tracking URI (http or "
               "https) and the CA bundle of the workspace.")
                .arg(server);
    if (codeIs(error, "GOT_NOTHING") || codeIs(error, "RECV_ERROR") || codeIs(error, "SEND_ERROR") ||
        codeIs(error, "PARTIAL_FILE"))
        return ErrorText::tr(
                   "The connection to %1 broke off before the answer was complete. Try again; if this keeps "
                   "happening, a proxy or load balancer may be interrupting the connection.")
            .arg(server);
    return ErrorText::tr(
               "The MLflow server at %1 cannot be reached (%2). Check the tracking URI and your network "
               "connection.")
        .arg(server, QString::fromStdString(error.code.empty() ? error.message : error.code));
}

QString notFoundReason(Operation operation)
{
    switch (operation) {
    case Operation::ListModels:
    case Operation::TestConnection:
        return ErrorText::tr(
            "The server has no MLflow model registry at this address (HTTP 404). Check the tracking URI, "
            "including any path prefix.");
    case Operation::ListVersions:
        return ErrorText::tr(
            "The model no longer exists on the server (HTTP 404). Refresh the list of models.");
    case Operation::LoadRun:
        return ErrorText::tr("The run no longer exists on the server (HTTP 404); it may have been deleted.");
    case Operation::LoadSignature:
        return ErrorText::tr("The model files of this version were not found on the server (HTTP 404).");
    case Operation::LoadMetricHistory:
        return ErrorText::tr("The run or its metric no longer exists on the server (HTTP 404).");
    case Operation::CompareVersions:
        return ErrorText::tr(
            "The baseline version or alias does not exist for this model (HTTP 404). Choose another "
            "baseline.");
    case Operation::UpdateMetricDirection:
    case Operation::LoadMetricTrend:
    case Operation::LoadAuditTrail:
    case Operation::ExportReport:
    case Operation::LoadReleaseStatus:
    case Operation::DecideRelease:
    case Operation::SyncReviewTags:
    case Operation::SaveReleasePolicy:
        return ErrorText::tr(
            "The model no longer exists on the server (HTTP 404). Refresh the list of models.");
    case Operation::LoadReviewInbox:
        return ErrorText::tr(
            "The server has no MLflow model registry at this address (HTTP 404). Check the tracking URI, "
            "including any path prefix.");
    case Operation::LoadInputExample:
        return ErrorText::tr("The version has no saved input example (HTTP 404). Choose a CSV file instead.");
    case Operation::ListEndpoints:
    case Operation::LoadApprovals:
    case Operation::Deploy:
    case Operation::SetTraffic:
    case Operation::RollBack:
    case Operation::RestartEndpoint:
    case Operation::DeleteDeployment:
    case Operation::LoadDeploymentLog:
    case Operation::InvokeEndpoint:
    case Operation::LoadMetrics:
    case Operation::CheckSlo:
    case Operation::LoadSloRules:
    case Operation::SaveSloRules:
    case Operation::LoadMetricsSource:
    case Operation::SaveMetricsSource:
    case Operation::ValidateSloRule:
    case Operation::RunLoadTest:
    case Operation::RollBackBreach:
        return ErrorText::tr("The model or version no longer exists on the server (HTTP 404).");
    case Operation::OpenAzureWorkspace:
        return ErrorText::tr(
            "Azure has no such workspace (HTTP 404). Check the subscription, resource group and "
            "workspace name.");
    }
    return {};
}

QString statusReason(const Error &error, Operation operation)
{
    const int status = error.httpStatus;
    // Azure: Microsoft Entra ID refused the sign-in, or ARM a token (codes of Entra and ARM).
    if (error.code == "invalid_client" || error.code == "unauthorized_client" ||
        error.code == "invalid_grant" || error.code == "invalid_request" || error.code == "invalid_scope")
        return ErrorText::tr(
                   "Microsoft Entra ID refused the sign-in (%1): %2. Check the tenant, the client ID and "
                   "the client secret of this workspace.")
            .arg(QString::fromStdString(error.code), QString::fromStdString(error.message));
    if (error.code == "ExpiredAuthenticationToken" ||
        error.code.rfind("InvalidAuthenticationToken", 0) == 0 || error.code == "AuthenticationFailed")
        return ErrorText::tr(
                   "Azure did not accept the sign-in token (%1), and a new one was refused too. Sign in "
                   "again (az login) or check the service principal's secret. Nothing was changed.")
            .arg(QString::fromStdString(error.code));
    if (error.code == "AuthorizationFailed" || (status == 403 && operation == Operation::OpenAzureWorkspace))
        return ErrorText::tr(
                   "Your Azure identity has no role on this workspace that allows it (HTTP 403): %1")
            .arg(QString::fromStdString(error.message));
    if (operation == Operation::Deploy && error.message.find("failed to provision") != std::string::npos)
        return ErrorText::tr("Azure could not start the deployment; it was removed again and nothing was "
                             "recorded. %1")
            .arg(QString::fromStdString(error.message));
    if (status == 401 || error.code == "UNAUTHENTICATED")
        return ErrorText::tr(
            "The server did not accept the sign-in (HTTP 401). Check the user name and password (or "
            "token) of this workspace.");
    if ((status == 403 || error.code == "PERMISSION_DENIED") && operation == Operation::UpdateMetricDirection)
        return ErrorText::tr(
            "Your account may read this model but not change it (HTTP 403). Ask an administrator of the "
            "MLflow server for EDIT permission on the model, or leave the directions to someone who has it.");
    if ((status == 403 || error.code == "PERMISSION_DENIED") &&
        (operation == Operation::DecideRelease || operation == Operation::SyncReviewTags ||
         operation == Operation::SaveReleasePolicy))
        // Core names the permission and the object (e.g. EDIT on the model or on the ledger).
        return ErrorText::tr(
                   "Your account lacks a permission this needs (HTTP 403): %1. Ask an administrator of the "
                   "MLflow server for it.")
            .arg(QString::fromStdString(error.message));
    if (status == 403 || error.code == "PERMISSION_DENIED")
        return ErrorText::tr(
            "Your account has no permission for this (HTTP 403). Ask an administrator of the MLflow "
            "server for read access.");
    if (status == 404 || error.code == "RESOURCE_DOES_NOT_EXIST" || error.code == "ENDPOINT_NOT_FOUND")
        return notFoundReason(operation);
    if (status == 429 || error.code == "REQUEST_LIMIT_EXCEEDED")
        return ErrorText::tr(
            "The server is busy and asked ModelGate to slow down (HTTP 429). Try again in a minute.");
    if (status == 502 || status == 503 || status == 504)
        return ErrorText::tr("The MLflow server is temporarily unavailable (HTTP %1). Try again later.")
            .arg(status);
    if (status >= 500)
        return ErrorText::tr(
                   "The MLflow server ran into an internal error (HTTP %1). Try again later; if this keeps "
                   "happening, tell the administrator of the server.")
            .arg(status);
    if (error.kind == ErrorKind::Api && !error.message.empty())
        return ErrorText::tr("The server refused the request (%1): %2")
            .arg(QString::fromStdString(error.code), QString::fromStdString(error.message));
    return ErrorText::tr("The server answered with HTTP status %1.").arg(status);
}

} // namespace

bool isDeploymentOperation(Operation operation)
{
    switch (operation) {
    case Operation::ListEndpoints:
    case Operation::Deploy:
    case Operation::SetTraffic:
    case Operation::RollBack:
    case Operation::RestartEndpoint:
    case Operation::DeleteDeployment:
    case Operation::LoadDeploymentLog:
    case Operation::InvokeEndpoint:
    case Operation::LoadMetrics:
    case Operation::CheckSlo:
    case Operation::LoadSloRules:
    case Operation::SaveSloRules:
    case Operation::LoadMetricsSource:
    case Operation::SaveMetricsSource:
    case Operation::ValidateSloRule:
    case Operation::RunLoadTest:
    case Operation::RollBackBreach:
        return true;
    default:
        return false;
    }
}

bool isAuthenticationError(const Error &error)
{
    return (error.kind == ErrorKind::HttpStatus || error.kind == ErrorKind::Api) &&
           (error.httpStatus == 401 || error.code == "UNAUTHENTICATED");
}

namespace {

QString refusalText(const Error &error)
{
    const std::string &code = error.code;
    if (code == kRefusedFourEyes)
        return ErrorText::tr("you are an author of this version, and a release needs a reviewer who is not "
                             "(four-eyes rule).");
    if (code == kRefusedChecksFailed)
        return ErrorText::tr("a required pre-check fails.");
    if (code == kRefusedConflict)
        return ErrorText::tr(
            "another decision stands in the way, or the trail changed meanwhile. Refresh and "
            "look at the standing decisions.");
    if (code == kRefusedNothingToRevoke)
        return ErrorText::tr("you have no standing decision on this version to revoke.");
    if (code == kRefusedAlreadyDecided)
        return ErrorText::tr("the same decision of yours already stands.");
    if (code == kRefusedBreakGlass)
        return ErrorText::tr("break-glass is not possible here: the policy does not allow it, or you are not "
                             "an author of the version.");
    if (code == kRefusedNotEnrolled)
        return ErrorText::tr("you are not enrolled as a reviewer. An administrator enrols you with "
                             "“modelgate-cli audit grant”.");
    if (code == kRefusedTrailBroken)
        return ErrorText::tr("the model's release trail is broken, and nothing is added to a broken trail.");
    if (code == kRefusedNoIdentity)
        return ErrorText::tr("the workspace has no user name, and a decision must name its reviewer.");
    // Core's message says why (pending, stale, rejected, tags out of step with the trail).
    if (code == kRefusedNotApproved)
        return ErrorText::tr("the version is not approved now (%1). Only an approved version gets traffic.")
            .arg(QString::fromStdString(error.message));
    if (code == kRefusedNothingToRollBack)
        return ErrorText::tr("the release trail records no earlier split of this endpoint to go back to.");
    if (code == kRefusedBreachRecorded)
        return ErrorText::tr("the breach is in the release trail already, recorded by another watcher: %1.")
            .arg(QString::fromStdString(error.message));
    if (code == kRefusedUnknownDeployment)
        return ErrorText::tr("the endpoint has no such deployment: %1.")
            .arg(QString::fromStdString(error.message));
    return QString::fromStdString(error.message);
}

// Refusals of the deployment target itself: the endpoint's state, not a release rule, says no.
QString targetRefusalText(const Error &error)
{
    const std::string &code = error.code;
    const QString detail = QString::fromStdString(error.message);
    if (code == kHasTraffic)
        return ErrorText::tr("The deployment still has traffic (%1). Move its share to another deployment "
                             "first.")
            .arg(detail);
    if (code == kBadSplit)
        return ErrorText::tr(
                   "The split is not valid (%1): every deployment of the endpoint is named once and "
                   "the shares sum to 100 %.")
            .arg(detail);
    if (code == kEndpointExists)
        return ErrorText::tr(
                   "An endpoint with this name exists already (%1). Choose it as an existing endpoint "
                   "or pick another name.")
            .arg(detail);
    if (code == kDeploymentExists)
        return ErrorText::tr("The endpoint has a deployment with this name already (%1). Pick another name.")
            .arg(detail);
    return {};
}

// A rule the editor refuses to save, by the field core names.
QString sloRuleProblem(const Error &error)
{
    if (error.field == "limit")
        return ErrorText::tr("the limit must be 0 or more, and an error rule's limit (a percentage) at most "
                             "100.");
    if (error.field == "window_seconds")
        return ErrorText::tr("the window must be 10 seconds to 24 hours.");
    if (error.field == "min_requests")
        return ErrorText::tr("the minimum number of requests must be 1 to 1,000,000.");
    return QString::fromStdString(error.message);
}

} // namespace

QString userMessage(const Error &error, Operation operation)
{
    QString reason;
    switch (error.kind) {
    case ErrorKind::Cancelled:
        // Azure Resource Manager cannot cancel an operation: only the waiting stopped.
        if (error.message.rfind("stopped waiting", 0) == 0)
            return ErrorText::tr(
                       "Stopped waiting. Azure cannot cancel the operation: it goes on at Azure (%1). "
                       "Refresh the endpoints to see how it ends.")
                .arg(QString::fromStdString(error.message));
        return ErrorText::tr("Cancelled.");
    case ErrorKind::Transport:
        reason = transportReason(error);
        break;
    case ErrorKind::HttpStatus:
    case ErrorKind::Api:
        reason = statusReason(error, operation);
        break;
    case ErrorKind::Parse:
        if (operation == Operation::ValidateSloRule || operation == Operation::SaveSloRules) {
            reason = sloRuleProblem(error);
            break;
        }
        if (operation == Operation::LoadMetricsSource) {
            reason = ErrorText::tr("the saved metrics source cannot be read (%1). Saving replaces it.")
                         .arg(QString::fromStdString(error.message));
            break;
        }
        if (operation == Operation::LoadSloRules) {
            // The endpoint's file, not the server: saving the editor's rules replaces it.
            reason =
                ErrorText::tr("the saved rules cannot be read (%1). The defaults are shown; saving replaces "
                              "them.")
                    .arg(QString::fromStdString(error.message));
            break;
        }
        reason = error.field.empty() ? ErrorText::tr("The server sent an answer ModelGate cannot read (it is "
                                                     "not valid JSON). The address may "
                                                     "not be an MLflow server.")
                                     : ErrorText::tr("The server sent an answer ModelGate cannot read: the "
                                                     "field “%1” is malformed. The server "
                                                     "may run an MLflow version ModelGate does not support.")
                                           .arg(QString::fromStdString(error.field));
        break;
    case ErrorKind::Config:
        if (operation == Operation::UpdateMetricDirection) {
            // Not a workspace problem: the stored directions would exceed MLflow's tag limit.
            reason = ErrorText::tr("The directions cannot be stored: %1.")
                         .arg(QString::fromStdString(error.message));
            break;
        }
        if (operation == Operation::DecideRelease || operation == Operation::SaveReleasePolicy) {
            // Local validation (comment length, policy values), not a workspace problem.
            reason = ErrorText::tr("%1.").arg(QString::fromStdString(error.message));
            break;
        }
        if (isDeploymentOperation(operation)) {
            // The target's own input (a missing endpoint, an executable not found), not the workspace's.
            if (error.code == kEndpointNotFound || error.code == kDeploymentNotFound)
                reason = ErrorText::tr("It no longer exists (%1). Refresh the endpoints.")
                             .arg(QString::fromStdString(error.message));
            else
                reason = ErrorText::tr("%1.").arg(QString::fromStdString(error.message));
            break;
        }
        if (operation == Operation::ExportReport) {
            reason =
                ErrorText::tr("The file cannot be written: %1.").arg(QString::fromStdString(error.message));
            break;
        }
        reason = ErrorText::tr(
                     "The workspace settings cannot be used: %1. Open Manage Workspaces… to correct them.")
                     .arg(QString::fromStdString(error.message));
        break;
    case ErrorKind::Refused:
        // A release rule said no: worded from the rule's code; core's English message stays
        // for a code this console does not know.
        reason = targetRefusalText(error);
        if (reason.isEmpty())
            reason = ErrorText::tr("The release rules do not allow it: %1").arg(refusalText(error));
        break;
    case ErrorKind::Unsupported:
        // Never a silent downgrade: say what the server lacks (core names the version and the
        // endpoints it looked for) and that nothing was done without it.
        reason = ErrorText::tr("The server does not offer what this needs, so nothing was changed: %1")
                     .arg(QString::fromStdString(error.message));
        break;
    }
    return operationSentence(operation) + u' ' + reason;
}

} // namespace modelgate::ui
