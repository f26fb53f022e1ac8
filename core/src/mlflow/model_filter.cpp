#include "modelgate/core/mlflow/model_filter.h"

#include <algorithm>

namespace modelgate {

std::string asciiLower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return text;
}

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
    return asciiLower(std::move(text));
}

bool modelMatchesFilter(const RegisteredModel &model, const std::string &needle)
{
    if (needle.empty())
        return true;
    return modelSearchText(model).find(asciiLower(needle)) != std::string::npos;
}

std::string latestVersionOf(const RegisteredModel &model)
{
    const ModelVersion *latest = nullptr;
    for (const auto &version : model.latestVersions)
        if (!latest || version.versionNumber() > latest->versionNumber())
            latest = &version;
    return latest ? latest->version : std::string{};
}

} // namespace modelgate
