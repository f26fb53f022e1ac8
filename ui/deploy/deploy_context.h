#pragma once

#include <memory>

#include <QString>

#include <modelgate/core/deploy/deployment_target.h>
#include <modelgate/core/deploy/rollout.h>
#include <modelgate/core/mlflow/mlflow_client.h>

namespace modelgate::ui {

// What every deployment action of the console needs: the workspace's registry (the gate and
// the release trail), the target the endpoints live on, and how a scoring server reaches the
// registry. Shared pointers, because the work runs on the thread pool and may outlive a page.
struct DeployContext
{
    std::shared_ptr<const MlflowClient> client;
    std::shared_ptr<DeploymentTarget> target;
    RegistryAccess access;

    bool isValid() const { return client && target; }
};

// The scoring server loads the model with the workspace's own registry access: the same
// tracking URI, credentials and TLS settings as the console's client.
RegistryAccess registryAccessFor(const ClientConfig &config);

// A translated name of a health state, for tables and the endpoint view.
QString healthText(EndpointHealth health);
QString healthText(DeploymentHealth health);

// What an action recorded, one line per record: "Recorded deploy of diabetes-classifier v5 as
// record 12." or "NOT recorded: …" with the record's error.
QString recordsText(const RolloutOutcome &outcome);
// The warning for an outcome that is done on the endpoint but not (completely) recorded; empty
// when every record was written.
QString notRecordedWarning(const RolloutOutcome &outcome);
// "deploy", "traffic", … in the UI's words.
QString actionName(ReleaseAction action);

} // namespace modelgate::ui
