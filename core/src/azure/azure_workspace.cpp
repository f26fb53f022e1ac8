#include "modelgate/core/azure/azure_workspace.h"

#include "util/text.h"

#include <cctype>

namespace modelgate {

namespace {

// ARM names: letters, digits, '-', '_', '.', '(' and ')' (resource groups), no spaces or slashes.
bool isArmName(const std::string &name, bool allowParentheses)
{
    if (name.empty() || name.size() > 90)
        return false;
    for (const char c : name) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' ||
                        c == '.' || (allowParentheses && (c == '(' || c == ')'));
        if (!ok)
            return false;
    }
    return true;
}

bool isHttpUrl(const std::string &url)
{
    const std::string lower = text::asciiLower(url);
    return (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0) &&
           url.find_first_of(" \t\r\n?#") == std::string::npos && url.size() > 8;
}

std::string withoutTrailingSlash(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string hostOf(const std::string &url)
{
    const std::size_t start = url.find("://");
    if (start == std::string::npos)
        return {};
    std::string rest = url.substr(start + 3);
    rest = rest.substr(0, rest.find('/'));
    if (const std::size_t at = rest.rfind('@'); at != std::string::npos)
        rest = rest.substr(at + 1);
    if (!rest.empty() && rest.front() == '[')
        return text::asciiLower(rest.substr(1, rest.find(']') - 1));
    return text::asciiLower(rest.substr(0, rest.find(':')));
}

} // namespace

std::string AzureWorkspace::resourcePath() const
{
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup +
           "/providers/Microsoft.MachineLearningServices/workspaces/" + workspace;
}

std::string AzureWorkspace::modelVersionId(const std::string &model, const std::string &version) const
{
    return resourcePath() + "/models/" + model + "/versions/" + version;
}

Status AzureWorkspace::validate() const
{
    if (!isArmName(subscriptionId, false))
        return Error::config("the Azure subscription ID is missing or not an ID");
    if (!isArmName(resourceGroup, true))
        return Error::config("the resource group is missing or has characters ARM does not allow");
    if (!isArmName(workspace, false))
        return Error::config("the workspace name is missing or has characters ARM does not allow");
    if (!isArmName(region, false))
        return Error::config("the region is missing (e.g. westeurope)");
    if (!isHttpUrl(armBaseUrl))
        return Error::config("the ARM base URL must be an http(s) URL, e.g. " +
                             std::string(kDefaultArmBaseUrl));
    if (!isHttpUrl(authorityHost))
        return Error::config("the authority host must be an http(s) URL, e.g. " +
                             std::string(kDefaultAuthorityHost));
    for (const std::string *url : {&armBaseUrl, &authorityHost}) {
        if (text::asciiLower(*url).rfind("http://", 0) == 0 && !isLoopbackUrl(*url))
            return Error::config("plain http is allowed only on this machine (a local stand-in of Azure): " +
                                 *url);
    }
    const bool dateShape = apiVersion.size() >= 10 &&
                           std::isdigit(static_cast<unsigned char>(apiVersion[0])) && apiVersion[4] == '-' &&
                           apiVersion[7] == '-' && apiVersion.find_first_of(" &?#/") == std::string::npos;
    if (!dateShape)
        return Error::config("the ARM api-version must be a date such as " +
                             std::string(kDefaultArmApiVersion));
    return success();
}

Result<std::pair<std::string, std::string>> modelVersionFromId(const std::string &armId)
{
    const std::string lower = text::asciiLower(armId);
    const std::size_t models = lower.rfind("/models/");
    const std::size_t versions = lower.rfind("/versions/");
    if (models == std::string::npos || versions == std::string::npos || versions < models)
        return Error::parse("properties.model", "not a model version's ARM id: " + text::cappedLine(armId));
    std::string name = armId.substr(models + 8, versions - models - 8);
    std::string version = armId.substr(versions + 10);
    if (name.empty() || version.empty() || name.find('/') != std::string::npos ||
        version.find('/') != std::string::npos)
        return Error::parse("properties.model", "not a model version's ARM id: " + text::cappedLine(armId));
    return std::make_pair(std::move(name), std::move(version));
}

bool isLoopbackUrl(const std::string &url)
{
    const std::string host = hostOf(url);
    return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

Result<std::string> workspaceTrackingUrl(const std::string &mlflowTrackingUri, const std::string &armBaseUrl)
{
    const std::string uri = text::trimmed(mlflowTrackingUri);
    const std::size_t schemeEnd = uri.find("://");
    if (uri.empty() || schemeEnd == std::string::npos)
        return Error::parse("properties.mlFlowTrackingUri",
                            "the workspace names no MLflow tracking URI: \"" + text::cappedLine(uri) + '"');
    const std::string scheme = text::asciiLower(uri.substr(0, schemeEnd));
    if (scheme != "azureml" && scheme != "https")
        return Error::parse("properties.mlFlowTrackingUri",
                            "unexpected MLflow tracking URI scheme: \"" + text::cappedLine(uri) + '"');
    const std::string rest = uri.substr(schemeEnd + 3);
    const bool plainHttp = text::asciiLower(armBaseUrl).rfind("http://", 0) == 0 &&
                           isLoopbackUrl(armBaseUrl) && isLoopbackUrl("http://" + rest);
    return withoutTrailingSlash((plainHttp ? "http://" : "https://") + rest);
}

} // namespace modelgate
