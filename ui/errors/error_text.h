#pragma once

#include <QString>

#include <modelgate/core/util/result.h>

namespace modelgate::ui {

// What the user was doing when an error happened; it decides the first sentence of
// the message and what a 404 means (a missing model is not a missing run).
enum class Operation
{
    ListModels,
    ListVersions,
    LoadRun,
    LoadSignature,
    TestConnection,
    LoadMetricHistory,     // the charts of a version's metric
    CompareVersions,       // candidate against baseline
    UpdateMetricDirection, // writing the model's metric-direction tag
    LoadMetricTrend,       // one metric across every version of a model
    LoadAuditTrail,        // a model's release trail
    ExportReport,          // loading and writing a release report
    LoadReleaseStatus,     // a version's checks, decisions and trail (review panel)
    DecideRelease,         // approve / reject / revoke
    SyncReviewTags,        // rewriting a version's review tags from the trail
    SaveReleasePolicy,     // the policy editor's save (directions, policy record, tag)
    LoadReviewInbox,       // the reviewer's inbox across every model
    ListEndpoints,         // the deployment target's endpoints and their health
    LoadApprovals,         // whether each deployment's version is approved now
    Deploy,                // a new deployment (gate, start, record)
    SetTraffic,            // a new split of an endpoint's traffic
    RollBack,              // restoring an endpoint's previous split
    RestartEndpoint,       // starting again what of an endpoint is not running
    DeleteDeployment,      // undeploying a deployment without traffic
    LoadDeploymentLog,     // a deployment's log
    InvokeEndpoint,        // a scoring request (the wizard's smoke test)
    LoadInputExample,      // a version's saved input example
    LoadMetrics,           // an endpoint's request and resource metrics
    CheckSlo,              // evaluating an endpoint's SLO rules (and recording a breach)
    LoadSloRules,          // reading an endpoint's SLO rules
    SaveSloRules,          // keeping an endpoint's SLO rules with the endpoint
    LoadMetricsSource,     // reading where an endpoint's metrics come from
    SaveMetricsSource,     // keeping an endpoint's metrics source (Prometheus queries)
    ValidateSloRule,       // one SLO rule as the editor checks it before saving
    RunLoadTest,           // the load test's requests
    RollBackBreach,        // rolling back a canary after an SLO breach ("Roll back now")
    OpenAzureWorkspace,    // signing in to Azure and finding an Azure ML workspace's registry
};

// Whether `operation` acts on a deployment target rather than on the MLflow server alone.
bool isDeploymentOperation(Operation operation);

// The one place where core errors become sentences for people. Every message says
// what failed and what to do next, translated with tr(). The English technical detail
// of the core error is appended only where it helps (e.g. the server's own message).
QString userMessage(const Error &error, Operation operation);

// True when the error means the user's credentials were refused (so the UI can offer
// "Edit workspace…" next to Retry).
bool isAuthenticationError(const Error &error);

} // namespace modelgate::ui
