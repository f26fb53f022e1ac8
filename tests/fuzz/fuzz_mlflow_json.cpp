// MLflow response bodies: every reader of json_mapping.h gets the same bytes, as a server that
// answers anything at all to any call would send them; and MLflow's error bodies.

#include "fuzz_input.h"
#include "mlflow/json_mapping.h"

#include <modelgate/core/http/rest_call.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string body = fuzz::textOf(data, size);
    fuzz::use(json::registeredModelsPageFromBody(body));
    fuzz::use(json::registeredModelFromBody(body));
    fuzz::use(json::modelVersionsPageFromBody(body));
    fuzz::use(json::modelVersionFromBody(body));
    fuzz::use(json::runFromBody(body));
    fuzz::use(json::metricsPageFromBody(body));
    fuzz::use(json::experimentFromBody(body));
    fuzz::use(json::experimentsPageFromBody(body));
    fuzz::use(json::runsPageFromBody(body));
    fuzz::use(json::experimentIdFromBody(body));
    fuzz::use(json::artifactListingFromBody(body));
    HttpResponse response;
    response.status = 400;
    response.body = body;
    fuzz::use(mlflowErrorBody(response));
    return 0;
}
