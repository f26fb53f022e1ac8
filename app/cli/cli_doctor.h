#pragma once

#include "cli_review.h"

#include <ostream>

#include <modelgate/core/mlflow/mlflow_client.h>

namespace modelgate::cli {

// `modelgate-cli doctor`: what the tracking server is and offers (version, sign-in, permission
// API, workspaces) and whether each part of ModelGate fully works with it. Exit 0 when
// everything does, 1 when something does not (each named), 3 when the server cannot be asked.
CommandFailure runDoctor(const MlflowClient &client, bool json, std::ostream &out, const CancelToken &cancel);

// The MLflow versions the test suite runs against (pinned and newest); others are reported
// as untested, not refused.
inline constexpr const char *kTestedMlflowRange = "3.6.0 to 3.17.2";

} // namespace modelgate::cli
