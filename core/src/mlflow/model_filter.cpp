#include "modelgate/core/mlflow/model_filter.h"

#include "util/text.h"

#include <algorithm>

namespace modelgate {

std::string modelSearchText(const RegisteredModel &model)
{
    std::string text = model.name;
    for (const auto &[key, value] : model.tags) {
        text += '\n';
        text += key;
        text += '=';
        text += value;
    }
    for (const auto &entry : model.aliases) {
        text += '\n';
        text += entry.first;
    }
    return text::asciiLower(std::move(text));
}

bool modelMatchesFilter(const RegisteredModel &model, const std::string &needle)
{
    if (needle.empty())
        return true;
    return modelSearchText(model).find(text::asciiLower(needle)) != std::string::npos;
}

std::string latestVersionOf(const RegisteredModel &model)
{
    const ModelVersion *latest = nullptr;
    for (const auto &version : model.latestVersions)
        if (!latest || version.versionNumber() > latest->versionNumber())
            latest = &version;
    return latest ? latest->version : std::string{};
}

std::string asciiLower(std::string text)
{
    return text::asciiLower(std::move(text));
}

} // namespace modelgate
