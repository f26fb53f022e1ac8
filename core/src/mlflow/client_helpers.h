#pragma once
// Private to core/src/mlflow: what the MlflowClient's source files share when they build a
// request and name the endpoint an answer came from.

#include "modelgate/core/http/http.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <utility>
#include <vector>

namespace modelgate::detail {

using Query = std::vector<std::pair<std::string, std::string>>;

// "k=v&k2=v2", each part URL-encoded.
inline std::string buildQuery(const Query &query)
{
    std::string text;
    for (const auto &[key, value] : query) {
        if (!text.empty())
            text += '&';
        text += urlEncode(key) + '=' + urlEncode(value);
    }
    return text;
}

// An error without a URL gets `url`: a Parse error of a 2xx body then names its endpoint.
template <typename T>
Result<T> withUrl(Result<T> result, const std::string &url)
{
    if (!result.ok() && result.error().url.empty()) {
        Error error = result.error();
        error.url = url;
        return error;
    }
    return result;
}

} // namespace modelgate::detail
