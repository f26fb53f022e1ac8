#pragma once
// Where an Azure Machine Learning workspace is: its ARM coordinates and the settings that a
// sovereign cloud (or a local stand-in) changes. docs/azure.md lists the defaults.

#include "modelgate/core/util/result.h"

#include <string>

namespace modelgate {

inline constexpr const char *kDefaultArmBaseUrl = "https://management.azure.com";
inline constexpr const char *kDefaultAuthorityHost = "https://login.microsoftonline.com";
// The newest api-version that every region serves (2026-09-01 is not deployed everywhere yet);
// the endpoint and deployment shapes ModelGate reads are the same from 2024-10-01 on.
inline constexpr const char *kDefaultArmApiVersion = "2025-12-01";
// The audience of the control plane (ARM, Azure Monitor) and of the workspace's MLflow endpoint.
inline constexpr const char *kArmScope = "https://management.azure.com/.default";

struct AzureWorkspace
{
    std::string subscriptionId;
    std::string resourceGroup;
    std::string workspace;
    std::string region; // e.g. "westeurope": where new endpoints are created
    std::string armBaseUrl = kDefaultArmBaseUrl;
    std::string apiVersion = kDefaultArmApiVersion;
    std::string authorityHost = kDefaultAuthorityHost;
    // Azure Monitor's Metrics_List (Microsoft.Insights) has api-versions of its own, unrelated
    // to Microsoft.MachineLearningServices'; 2024-02-01 is the newest stable one.
    std::string metricsApiVersion = "2024-02-01";

    // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{w}
    std::string resourcePath() const;
    // The ARM id of a registered model version, as a deployment references it.
    std::string modelVersionId(const std::string &model, const std::string &version) const;
    // Every field set and well formed (names ARM accepts, http(s) URLs, an api-version date);
    // a Config error naming the first field that is not.
    Status validate() const;
};

// The model and version of a model version's ARM id (".../models/{name}/versions/{v}"), or a
// Parse error.
Result<std::pair<std::string, std::string>> modelVersionFromId(const std::string &armId);

// The workspace's MLflow tracking URI (azureml://host/mlflow/v1.0/...) as an http(s) URL: https,
// or http when the ARM base URL is plain http on a loopback address (a local stand-in of
// Azure, as the tests and the demo run one). Config error for anything else.
Result<std::string> workspaceTrackingUrl(const std::string &mlflowTrackingUri, const std::string &armBaseUrl);

// True when `url` is http(s) on 127.0.0.1, ::1 or localhost.
bool isLoopbackUrl(const std::string &url);

} // namespace modelgate
