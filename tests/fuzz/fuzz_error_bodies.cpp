// What Azure sends besides the resources: ARM's error bodies (for each status class the client
// maps), Entra ID's token responses and the Azure CLI's token output.

#include "fuzz_input.h"

#include <modelgate/core/azure/azure_credential.h>
#include <modelgate/core/http/rest_call.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string body = fuzz::textOf(data, size);
    for (const int status : {400, 403, 404, 409, 429, 500}) {
        HttpResponse response;
        response.status = status;
        response.headers = {{"content-type", "application/json"}};
        response.body = body;
        fuzz::use(armErrorBody(response));
    }
    fuzz::use(parseTokenResponse(body, 1'800'000'000));
    fuzz::use(parseAzureCliToken(body));
    return 0;
}
