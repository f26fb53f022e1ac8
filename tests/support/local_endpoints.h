#pragma once

// Local endpoints in tests: where their scoring servers come from, and taking down every
// endpoint a test made (in cleanupTestCase, so that a failed test leaves no process running).
// Header-only, like seeded_model_copy.h.

#include "mlflow_test_server.h"

#include <string>

#include <QFileInfo>

#include <modelgate/core/deploy/deployment_target.h>

namespace modelgate::test {

// The `mlflow` executable beside the Python that mlflowPython() finds.
inline std::string mlflowExecutable()
{
    return QFileInfo(mlflowPython()).absolutePath().toStdString() + "/mlflow";
}

// Deletes every endpoint `target` lists, stopping their process groups.
inline void deleteEndpoints(DeploymentTarget &target)
{
    auto endpoints = target.listEndpoints(CancelToken::none());
    if (!endpoints.ok())
        return;
    for (const EndpointInfo &endpoint : endpoints.value())
        (void)target.deleteEndpoint(endpoint.name, CancelToken::none());
}

} // namespace modelgate::test
