#pragma once

#include <vector>

#include <QString>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/deploy/rollout.h>

namespace modelgate::ui {

// The screenshot mode's endpoints when no real ones are asked for (MODELGATE_SCREENSHOT_ENDPOINTS
// unset): hand-filled, shown through the same widgets as the target's. `model` and `version`
// name the newest deployment; `previous` the one it replaces.
std::vector<EndpointInfo> sampleEndpoints(const std::string &model, const std::string &version,
                                          const std::string &previous);
// The approvals of the sample production endpoint's deployments: the previous version's was
// given to other content, so it shows as no longer approved.
std::map<std::string, DeploymentApproval> sampleApprovals(const std::string &version,
                                                          const std::string &previous);
// A scoring server's log, as the log pane shows one.
QString sampleDeploymentLog(const QString &version);

} // namespace modelgate::ui
