#include "modelgate/core/release/release_digest.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/parallel.h"
#include "modelgate/core/util/sha256.h"
#include "util/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace modelgate {

namespace {

using Json = nlohmann::json;

// Bounds against a server whose listing never ends (a directory listed inside itself).
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxFiles = 100000;
constexpr std::size_t kMaxListingPages = 10000;
constexpr const char *kModelsScheme = "models:/";
constexpr const char *kRunsScheme = "runs:/";

Error prefixed(Error error, const std::string &prefix)
{
    error.message = prefix + error.message;
    return error;
}

Json metricValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    // -0 and 0 are the same measurement; one spelling keeps the digest stable.
    return value == 0.0 ? 0.0 : value;
}

Json nullIfEmpty(const std::string &text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

Json manifestValue(const ContentManifest &manifest)
{
    Json files = Json::array();
    for (const auto &file : manifest.files)
        files.push_back(Json{{"path", file.path}, {"sha256", file.sha256}, {"size", file.size}});
    Json metrics = Json::object();
    for (const auto &[key, value] : manifest.finalMetrics)
        metrics[key] = metricValue(value);
    return Json{{"files", std::move(files)},     {"files_note", nullIfEmpty(manifest.filesNote)},
                {"metrics", std::move(metrics)}, {"mlmodel_sha256", manifest.mlmodelSha256},
                {"model", manifest.model},       {"run_id", nullIfEmpty(manifest.runId)},
                {"source", manifest.source},     {"version", manifest.version}};
}

// --- the digest's text: canonicalDump (util/canonical_json) with two spellings kept from the
// digest's first writer, because approvals name digests and another spelling of the same
// content would make every one of them stale: control characters all as \u00xx (canonicalDump
// writes \b, \f, \n, \r and \t short), and metric values as std::to_chars spells them
// (shortest round trip, but 1 not 1.0 and 1e-04 not 0.0001). tst_release_records pins both.

// Rewrites the short escapes of dumped JSON text; a backslash there always starts an escape.
std::string withControlCharactersAsUnicodeEscapes(const std::string &dumped)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(dumped.size());
    for (std::size_t i = 0; i < dumped.size(); ++i) {
        if (dumped[i] != '\\' || i + 1 == dumped.size()) {
            out += dumped[i];
            continue;
        }
        const char escaped = dumped[++i];
        const std::string_view shortEscapes = "b\bf\fn\nr\rt\t";
        const std::size_t found = shortEscapes.find(escaped);
        if (found == std::string_view::npos || found % 2 != 0) {
            out += '\\';
            out += escaped;
            continue;
        }
        const auto code = static_cast<unsigned char>(shortEscapes[found + 1]);
        out += "\\u00";
        out += kHex[code >> 4];
        out += kHex[code & 0x0F];
    }
    return out;
}

std::string metricsText(const std::map<std::string, double> &metrics)
{
    std::string text = "{";
    for (const auto &[key, value] : metrics) { // std::map: sorted by bytes, as canonicalDump sorts
        if (text.size() > 1)
            text += ',';
        text += detail::canonicalDump(Json(key)) + ':';
        const Json spelled = metricValue(value);
        if (spelled.is_string()) {
            text += detail::canonicalDump(spelled);
            continue;
        }
        char buffer[64];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, spelled.get<double>());
        text.append(buffer, ec == std::errc() ? end : buffer);
    }
    return text + '}';
}

std::string digestText(const ContentManifest &manifest)
{
    // The metrics go in where canonicalDump wrote null for them: inside a dumped string every
    // quote is escaped, so "metrics":null occurs once, as the key of the top-level object.
    Json shape = manifestValue(manifest);
    shape["metrics"] = nullptr;
    std::string text = detail::canonicalDump(shape);
    static constexpr std::string_view kSlot = "\"metrics\":null";
    text.replace(text.find(kSlot), kSlot.size(), "\"metrics\":" + metricsText(manifest.finalMetrics));
    return withControlCharactersAsUnicodeEscapes(text);
}

// --- listing the model's files

// Lists one directory (every page); paths come back relative to the listed root.
using DirectoryLister = std::function<Result<std::vector<ArtifactFile>>(const std::string &directory)>;

// A server that has no listing endpoint at all (older MLflow, an artifact-only proxy): its
// 404/501 carries no MLflow error body. An Api 404 (model or run not found) is an error.
bool listingUnsupported(const Error &error)
{
    return error.kind == ErrorKind::HttpStatus && (error.httpStatus == 404 || error.httpStatus == 501);
}

// Every file under `root` (breadth first, each level's directories listed concurrently).
Result<std::vector<ArtifactFile>> listTree(const DirectoryLister &listDirectory, const std::string &root,
                                           const CancelToken &cancel)
{
    std::vector<ArtifactFile> files;
    std::vector<std::string> level{root};
    std::set<std::string> visited{root};
    for (std::size_t depth = 0; !level.empty(); ++depth) {
        if (depth > kMaxDepth)
            return Error::of(ErrorKind::Parse, "the model's artifacts are nested deeper than " +
                                                   std::to_string(kMaxDepth) + " directories");
        std::vector<std::optional<std::vector<ArtifactFile>>> listed(level.size());
        std::vector<std::optional<Error>> errors(level.size());
        const auto ran = runBounded(
            level.size(), kDefaultRequestConcurrency,
            [&](std::size_t i) {
                auto entries = listDirectory(level[i]);
                if (entries.ok())
                    listed[i] = std::move(entries).value();
                else
                    errors[i] = entries.error();
            },
            cancel);
        std::vector<std::string> next;
        for (std::size_t i = 0; i < level.size(); ++i) {
            if (errors[i])
                return *errors[i];
            if (!ran[i] || !listed[i])
                return cancelledError();
            for (auto &entry : *listed[i]) {
                if (entry.isDir) {
                    // A directory listed again (a server listing a folder inside itself) is skipped.
                    if (visited.insert(entry.path).second)
                        next.push_back(entry.path);
                } else {
                    files.push_back(std::move(entry));
                }
            }
            if (files.size() > kMaxFiles)
                return Error::of(ErrorKind::Parse,
                                 "the model has more than " + std::to_string(kMaxFiles) + " files");
        }
        level = std::move(next);
    }
    return files;
}

struct ModelRoot
{
    DirectoryLister lister;
    std::string root;      // the directory to list, as the lister names it
    std::string stripPath; // prefix to remove from listed paths ("" or "dir/")
    std::string note;      // set when the files cannot be listed (why)
};

// Where the version's files are listed: a logged model ("models:/m-...") through its own
// endpoint, anything else inside its run's artifacts.
ModelRoot modelRootOf(const MlflowClient &client, const ModelVersion &version, const std::optional<Run> &run,
                      const CancelToken &cancel)
{
    ModelRoot root;
    const std::string &source = version.source;
    if (source.rfind(kModelsScheme, 0) == 0) {
        std::string modelId = source.substr(std::string(kModelsScheme).size());
        if (modelId.rfind("m-", 0) == 0 && modelId.find('/') == std::string::npos) {
            root.lister = [&client, modelId, &cancel](const std::string &directory) {
                auto listing = client.listLoggedModelArtifacts(modelId, directory, cancel);
                if (!listing.ok())
                    return Result<std::vector<ArtifactFile>>(listing.error());
                return Result<std::vector<ArtifactFile>>(std::move(listing->files));
            };
            return root;
        }
        root.note = "the source " + source + " names no logged model; its files are not listed";
        return root;
    }

    std::string runId;
    std::string path;
    if (source.rfind(kRunsScheme, 0) == 0) {
        const std::string rest = source.substr(std::string(kRunsScheme).size());
        const std::size_t slash = rest.find('/');
        runId = rest.substr(0, slash);
        path = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
    } else if (run && !run->info.artifactUri.empty()) {
        const std::string &base = run->info.artifactUri;
        if (source == base) {
            runId = run->info.runId;
        } else if (source.size() > base.size() && source.compare(0, base.size(), base) == 0 &&
                   source[base.size()] == '/') {
            runId = run->info.runId;
            path = source.substr(base.size() + 1);
        }
    }
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (runId.empty()) {
        root.note = "the source " + source + " is not among its run's artifacts; its files are not listed";
        return root;
    }
    root.root = path;
    root.stripPath = path.empty() ? std::string() : path + '/';
    root.lister = [&client, runId,
                   &cancel](const std::string &directory) -> Result<std::vector<ArtifactFile>> {
        std::vector<ArtifactFile> files;
        std::string token;
        for (std::size_t page = 0; page < kMaxListingPages; ++page) {
            auto listing = client.listRunArtifacts(runId, directory, token, cancel);
            if (!listing.ok())
                return listing.error();
            std::move(listing->files.begin(), listing->files.end(), std::back_inserter(files));
            if (listing->nextPageToken.empty() || listing->nextPageToken == token)
                return files;
            token = listing->nextPageToken;
        }
        return Error::of(ErrorKind::Parse, "the artifact listing of run " + runId + " does not end");
    };
    return root;
}

} // namespace

std::string contentDigest(const ContentManifest &manifest)
{
    return sha256Hex(digestText(manifest));
}

std::string contentManifestToJson(const ContentManifest &manifest, int indent)
{
    return manifestValue(manifest).dump(indent, ' ', false, Json::error_handler_t::replace);
}

Result<ContentManifest> loadContentManifest(const MlflowClient &client, const std::string &modelName,
                                            const std::string &version, const CancelToken &cancel)
{
    auto modelVersion = client.getModelVersion(modelName, version, cancel);
    if (!modelVersion.ok())
        return modelVersion.error();
    modelVersion->name = modelName; // the digest names the model as asked for
    if (modelVersion->version.empty())
        modelVersion->version = version;
    std::optional<Run> run;
    if (!modelVersion->runId.empty()) {
        auto loaded = client.getRun(modelVersion->runId, cancel);
        if (!loaded.ok())
            return prefixed(loaded.error(), "the source run " + modelVersion->runId + ": ");
        run = std::move(loaded).value();
    }
    return loadContentManifest(client, modelVersion.value(), run, cancel);
}

Result<ContentManifest> loadContentManifest(const MlflowClient &client, const ModelVersion &modelVersion,
                                            const std::optional<Run> &run, const CancelToken &cancel)
{
    ContentManifest manifest;
    manifest.model = modelVersion.name;
    manifest.version = modelVersion.version;
    manifest.source = modelVersion.source;
    manifest.runId = modelVersion.runId;
    if (!manifest.runId.empty() && (!run || run->info.runId != manifest.runId))
        return Error::config("the manifest of " + manifest.model + " v" + manifest.version +
                             " needs its source run " + manifest.runId);
    if (run)
        for (const auto &metric : run->metrics)
            manifest.finalMetrics[metric.key] = metric.value;

    ModelRoot root = modelRootOf(client, modelVersion, run, cancel);
    std::vector<ArtifactFile> listed;
    if (root.note.empty()) {
        auto tree = listTree(root.lister, root.root, cancel);
        if (!tree.ok()) {
            if (!listingUnsupported(tree.error()))
                return prefixed(tree.error(), "listing the model's files: ");
            root.note = "the server cannot list the model's files (HTTP " +
                        std::to_string(tree.error().httpStatus) + " on the listing endpoint)";
        } else {
            listed = std::move(tree).value();
        }
    }
    manifest.filesNote = root.note;
    for (auto &file : listed) {
        if (!root.stripPath.empty()) {
            if (file.path.compare(0, root.stripPath.size(), root.stripPath) != 0) {
                Error error = Error::of(ErrorKind::Parse, "the listing of " + root.root + " holds " +
                                                              file.path + ", which is outside it");
                error.field = "files.path";
                return error;
            }
            file.path.erase(0, root.stripPath.size());
        }
    }
    std::sort(listed.begin(), listed.end(),
              [](const ArtifactFile &a, const ArtifactFile &b) { return a.path < b.path; });
    if (std::adjacent_find(listed.begin(), listed.end(), [](const ArtifactFile &a, const ArtifactFile &b) {
            return a.path == b.path;
        }) != listed.end())
        return Error::of(ErrorKind::Parse, "the listing of the model's files names a file twice");

    // Every file, and the MLmodel file when the listing does not hold it (or there is none).
    const bool mlmodelListed = std::any_of(listed.begin(), listed.end(),
                                           [](const ArtifactFile &file) { return file.path == "MLmodel"; });
    std::vector<std::string> paths;
    for (const auto &file : listed)
        paths.push_back(file.path);
    if (!mlmodelListed)
        paths.emplace_back("MLmodel");

    std::vector<std::optional<ModelFileHash>> hashes(paths.size());
    std::vector<std::optional<Error>> errors(paths.size());
    const auto ran = runBounded(
        paths.size(), kDefaultRequestConcurrency,
        [&](std::size_t i) {
            auto bytes = client.getModelVersionArtifact(manifest.model, manifest.version, paths[i], cancel);
            if (!bytes.ok()) {
                errors[i] = prefixed(bytes.error(), "reading " + paths[i] + " of the model: ");
                return;
            }
            ModelFileHash hash;
            hash.path = paths[i];
            hash.size = static_cast<std::int64_t>(bytes->size());
            hash.sha256 = sha256Hex(bytes.value());
            hashes[i] = std::move(hash);
        },
        cancel);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (errors[i])
            return *errors[i];
        if (!ran[i] || !hashes[i])
            return cancelledError();
    }
    for (std::size_t i = 0; i < listed.size(); ++i) {
        // A size that differs from the listing means the file changed while it was read.
        if (listed[i].fileSize >= 0 && listed[i].fileSize != hashes[i]->size)
            return Error::of(ErrorKind::Parse, "the model file " + listed[i].path + " is listed with " +
                                                   std::to_string(listed[i].fileSize) + " bytes but " +
                                                   std::to_string(hashes[i]->size) + " were read");
        if (listed[i].path == "MLmodel")
            manifest.mlmodelSha256 = hashes[i]->sha256;
        manifest.files.push_back(std::move(*hashes[i]));
    }
    if (!mlmodelListed)
        manifest.mlmodelSha256 = hashes.back()->sha256;
    return manifest;
}

} // namespace modelgate
