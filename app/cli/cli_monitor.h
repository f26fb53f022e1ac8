#pragma once
// `endpoint metrics|load|watch|slo` (docs/monitoring.md): the numbers of an endpoint, load on
// it, and its SLO rules enforced without a GUI, through core/monitor as the console does.

#include "cli_deploy.h"

#include <ostream>
#include <string>

namespace modelgate {
class DeploymentTarget;
}

namespace modelgate::cli {

bool isMonitorCommand(const std::string &command);
// Usage problems of the monitoring options (exitCode 0 when none); monitoring options on
// another command are usage errors too.
CommandFailure checkMonitorCommand(const DeployCommand &command);
// Metrics, load and watch read a local endpoint's own logs; an Azure ML endpoint's metrics come
// from Azure Monitor, which this build does not read yet (they say so). Rules work for both.
CommandFailure runMonitorCommand(const MlflowClient *client, DeploymentTarget &target,
                                 const DeployCommand &command, std::ostream &out, std::ostream &err,
                                 const CancelToken &cancel);

} // namespace modelgate::cli
