#include "cli_app.h"

#include "cli_args.h"
#include "cli_compare.h"
#include "cli_deploy.h"
#include "cli_doctor.h"
#include "cli_format.h"
#include "cli_history.h"
#include "cli_report.h"
#include "cli_review.h"
#include "safe_output.h"
#include "text_table.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <optional>
#include <set>
#include <unistd.h>

#include <modelgate/core/mlflow/json_output.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/mlflow/model_filter.h>
#include <modelgate/core/workspace/azure_session.h>

namespace modelgate::cli {

namespace {

constexpr const char *kUsage = R"(Usage: modelgate-cli [OPTIONS] COMMAND [ARGS]

Commands:
  doctor                            what the server is (MLflow version, sign-in, permission
                                    API, workspaces) and whether ModelGate fully works with it
  models list [--filter TEXT]       registered models (TEXT: case-insensitive part of
                                    a name, a tag or an alias)
  versions list MODEL               every version of MODEL, newest first
  version show MODEL VERSION        one version: aliases, tags, source run parameters and
                                    final metrics, signature (VERSION: a number or @alias)
  compare MODEL VERSION [--against VERSION]
                                    VERSION against the baseline (default @champion):
                                    final metrics with deltas and better/worse by each
                                    metric's direction, parameter, tag and signature
                                    differences (BREAKING marks what breaks callers)
  metrics history RUN_ID METRIC [--max-points N]
                                    every point of a metric's history, or a
                                    shape-preserving (LTTB) view of at most N points

Release review (see docs/release-review.md; VERSION: a number or @alias):
  review checks MODEL VERSION       the release policy's pre-checks (exit 1 if one fails)
  review approve MODEL VERSION --comment TEXT [--break-glass REASON]
  review reject MODEL VERSION --comment TEXT
  review revoke MODEL VERSION --comment TEXT
                                    record a decision as the authenticated user
                                    (withdraw your own standing one with revoke)
  review status MODEL VERSION       state, standing decisions, checks, trail and tags
  review verify MODEL VERSION       exit 0 only if the version is approved; prints the
                                    trail's verified head hash (log it as an anchor)
  review sync MODEL VERSION         rewrite the version's review tags from its trail
  review report MODEL VERSION --out FILE [--lang de|en]
                                    the release report (.html or .pdf), approved or not
  review policy show MODEL          the release policy in force (--json: the policy file)
  review policy set MODEL --file POLICY.json --comment TEXT
                                    record a new release policy for MODEL
  audit show MODEL                  every record of MODEL's release trail
  audit verify MODEL                exit 0 only if the trail verifies; prints its head
  audit grant USER [--model NAME]...
                                    (admin) enrol USER as a reviewer; --model also gives
                                    USER EDIT on that registered model

Deployment (see docs/deployment.md; only approved versions are deployed or get traffic,
and every action is recorded in the model's release trail):
  deploy MODEL VERSION --endpoint NAME --deployment NAME [--traffic PERCENT]
         [--target local] [--production] [--comment TEXT]
                                    start VERSION as a deployment (the endpoint is created
                                    when missing: then it gets 100 %, else 0 % unless
                                    --traffic; the others share the rest in proportion)
  endpoint list                     every endpoint with its state and split
  endpoint status NAME              scoring URI; per deployment model, version, state,
                                    traffic and whether the version is still approved
  endpoint traffic NAME DEPLOYMENT=PERCENT...
                                    set the split (must sum to 100)
  endpoint rollback NAME            restore the split before the last change (as recorded)
  endpoint logs NAME --deployment NAME [--tail N]
  endpoint delete NAME [--deployment NAME]
                                    delete a deployment (it must have 0 %) or the endpoint
  endpoint restart NAME             start again what died, with the same split
  endpoint invoke NAME (--csv FILE | --json FILE) [--deployment NAME] [--batch ROWS]
                                    predictions, one per input row, in input order

Monitoring (see docs/monitoring.md):
  endpoint metrics NAME [--window 5m]
                                    per deployment and in total: requests, 2xx/4xx/5xx,
                                    rate, latency p50/p95/p99, CPU and memory, and how old
                                    the data is (local: HAProxy's log; Azure ML: Azure
                                    Monitor; or the endpoint's Prometheus)
  endpoint metrics-source NAME [--prometheus URL [--preset haproxy|kserve] | --queries FILE
                               | --own]
                                    show where the endpoint's metrics come from, or read them
                                    from Prometheus (a preset's queries, or FILE's), or from
                                    the target's own source again
  endpoint load NAME --csv FILE --rps N --duration SECONDS [--batch ROWS]
                [--deployment NAME]
                                    open-loop load from the CSV's rows: sent, succeeded,
                                    failed by status, late starts, client-side p50/p95/p99
  endpoint watch NAME [--interval SECONDS] [--once]
                                    enforce the endpoint's SLO rules: record each breach in
                                    the trail and, with auto-rollback on, roll the canary back
                                    (--once: one check; exit 1 when a rule is breached)
  endpoint slo NAME [--rules FILE] [--auto-rollback on|off]
                                    show the SLO rules, or set them from FILE / switch
                                    automatic rollback
  (--mlflow PATH: the mlflow executable for scoring servers; default: the profile's, else
   the one on PATH)

Options:
  --profile NAME        use the workspace profile NAME (see the GUI's workspaces)
  --tracking-uri URI    use this MLflow tracking server (default: $MLFLOW_TRACKING_URI)
  --json                print JSON (MLflow's field names) instead of tables
  --timeout SECONDS     give up on a request after this long (default 60)
  -h, --help            show this help
  --version             show the version

Credentials come from the environment: MLFLOW_TRACKING_USERNAME and
MLFLOW_TRACKING_PASSWORD (basic auth) or MLFLOW_TRACKING_TOKEN (bearer).
MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_SERVER_CERT_PATH are honoured.

Exit status: 0 success, 1 a check or a verification says no or a release rule
refuses, 2 usage error, 3 server, transport or payload error (a decision that
failed says whether it was recorded).
)";

struct Failure
{
    int code;
    std::string message;
};

struct Context
{
    std::ostream &out;
    std::ostream &err;
    const Environment &env;
    const CancelToken &cancel;
    bool json = false;
    // What to say when the server answers 401: which variable to set for this profile.
    std::string unauthorisedHint;
    // The signed-in Azure ML workspace, when the profile is one.
    std::optional<AzureSession> azure;
    // What everything written to `out` passes through; told when the output is JSON.
    SafeOutputBuffer *outFilter = nullptr;
};

int fail(Context &ctx, int code, const std::string &message)
{
    ctx.err << "modelgate-cli: " << message;
    // A bare "HTTP 401 ... You are not authenticated" does not tell a pipeline author that
    // the profile names a user whose password the environment lacks.
    if (code == ExitServer && !ctx.unauthorisedHint.empty() && message.find("HTTP 401") != std::string::npos)
        ctx.err << " (" << ctx.unauthorisedHint << ')';
    ctx.err << '\n';
    return code;
}

// Which credentials the profile sends, and what to set when the server refuses them.
std::string unauthorisedHintFor(const Profile &profile, const Credentials &credentials,
                                const Environment &env)
{
    switch (profile.authKind) {
    case AuthKind::Bearer:
        return credentials.secret.empty() ? "set MLFLOW_TRACKING_TOKEN to a token for this server"
                                          : "the server refused the token in MLFLOW_TRACKING_TOKEN";
    case AuthKind::Basic:
        if (credentials.username.empty())
            return "set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD";
        if (!credentials.secret.empty())
            return "the server refused the password in MLFLOW_TRACKING_PASSWORD for user '" +
                   credentials.username + "'";
        if (!env.get("MLFLOW_TRACKING_PASSWORD").empty())
            return "MLFLOW_TRACKING_PASSWORD is sent only for the user in MLFLOW_TRACKING_USERNAME: set "
                   "MLFLOW_TRACKING_USERNAME=" +
                   credentials.username;
        return "profile '" + profile.name + "' signs in as '" + credentials.username +
               "': set MLFLOW_TRACKING_USERNAME=" + credentials.username + " and MLFLOW_TRACKING_PASSWORD";
    case AuthKind::None:
        break;
    }
    return "the server needs credentials: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or "
           "MLFLOW_TRACKING_TOKEN)";
}

int failWith(Context &ctx, const Error &error, const std::string &what)
{
    if (error.kind == ErrorKind::Cancelled)
        return fail(ctx, ExitInterrupted, "interrupted");
    if (error.kind == ErrorKind::Config)
        return fail(ctx, ExitUsage, error.describe());
    if (error.kind == ErrorKind::Refused)
        return fail(ctx, ExitCheckSaysNo, what + ": " + error.message);
    return fail(ctx, ExitServer, what + ": " + error.describe());
}

// The client for --profile, --tracking-uri or the environment, or a usage failure.
std::optional<MlflowClient> makeClient(Context &ctx, const ArgParser &args, Failure &failure,
                                       std::optional<Profile> *usedProfile = nullptr)
{
    Profile profile;
    if (args.has("profile") && args.has("tracking-uri")) {
        failure = {ExitUsage, "use either --profile or --tracking-uri, not both"};
        return std::nullopt;
    }
    if (const auto name = args.value("profile")) {
        ProfileStore store(ProfileStore::defaultPath(ctx.env));
        if (const Status loaded = store.load(); !loaded) {
            failure = {ExitUsage, "cannot read profiles: " + loaded.error().describe()};
            return std::nullopt;
        }
        const Profile *found = store.find(*name);
        if (!found) {
            failure = {ExitUsage, "no workspace profile named '" + *name + "' in " + store.path()};
            return std::nullopt;
        }
        profile = *found;
    } else if (const auto uri = args.value("tracking-uri")) {
        // The credentials in the environment apply to --tracking-uri too, even without
        // MLFLOW_TRACKING_URI (profileFromEnvironment reads nothing without it).
        Environment withUri = ctx.env;
        withUri.vars["MLFLOW_TRACKING_URI"] = *uri;
        profile = profileFromEnvironment(withUri).value_or(Profile{});
        profile.name = "command line";
        profile.trackingUri = *uri;
    } else if (auto fromEnv = profileFromEnvironment(ctx.env)) {
        profile = *fromEnv;
    } else if (auto azureFromEnv = azureProfileFromEnvironment(ctx.env)) {
        profile = *azureFromEnv;
    } else {
        failure = {ExitUsage, "no tracking server: pass --profile NAME or --tracking-uri URI, or set "
                              "MLFLOW_TRACKING_URI"};
        return std::nullopt;
    }

    if (usedProfile)
        *usedProfile = profile;
    if (profile.azure) {
        TransportOptions transport;
        if (const auto timeout = args.value("timeout")) {
            const double seconds = std::strtod(timeout->c_str(), nullptr);
            if (seconds > 0 && seconds <= 86400)
                transport.totalTimeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
        }
        auto session = openAzureSession(profile, ctx.env, transport, {}, ctx.cancel);
        if (!session.ok()) {
            const Error &error = session.error();
            failure = {error.kind == ErrorKind::Config      ? ExitUsage
                       : error.kind == ErrorKind::Cancelled ? ExitInterrupted
                                                            : ExitServer,
                       "cannot open Azure ML workspace " + profile.azure->workspace.workspace + ": " +
                           error.describe()};
            return std::nullopt;
        }
        ctx.unauthorisedHint = "the token of " + session->credential->source().describe() +
                               " was refused: check its role on the workspace";
        ctx.azure = std::move(session).value();
        return MlflowClient(ctx.azure->registry);
    }
    const Credentials credentials = credentialsFromEnvironment(profile, ctx.env);
    ctx.unauthorisedHint = unauthorisedHintFor(profile, credentials, ctx.env);
    ClientConfig config = clientConfigFor(profile, credentials);
    if (const auto timeout = args.value("timeout")) {
        char *end = nullptr;
        const double seconds = std::strtod(timeout->c_str(), &end);
        if (end == timeout->c_str() || *end != '\0' || !(seconds > 0) || seconds > 86400) {
            failure = {ExitUsage, "--timeout needs a number of seconds, got '" + *timeout + "'"};
            return std::nullopt;
        }
        config.transport.totalTimeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    }
    if (const auto base = restBaseUrl(config.trackingUri); !base) {
        failure = {ExitUsage, base.error().describe()};
        return std::nullopt;
    }
    return MlflowClient(std::move(config));
}

int modelsList(Context &ctx, const MlflowClient &client, const std::string &filter)
{
    SearchModelsQuery query;
    query.orderBy = {"name ASC"};
    query.maxResults = 1000;
    auto models = client.searchAllRegisteredModels(query, ctx.cancel);
    if (!models)
        return failWith(ctx, models.error(), "cannot list registered models");

    std::vector<RegisteredModel> shown;
    for (auto &model : *models)
        if (modelMatchesFilter(model, filter))
            shown.push_back(std::move(model));

    if (ctx.json) {
        ctx.out << jsonObject({{"registered_models", toJson(shown)}}) << '\n';
        return ExitSuccess;
    }
    TextTable table({"NAME", "LATEST", "ALIASES", "TAGS", "UPDATED", "DESCRIPTION"});
    table.setMaxWidth(3, 40);
    table.setMaxWidth(5, 50);
    for (const auto &model : shown) {
        std::vector<std::string> aliases;
        for (const auto &[alias, version] : model.aliases)
            aliases.push_back(alias + "=" + version);
        table.addRow({model.name, latestVersionOf(model), join(aliases), formatTags(model.tags),
                      formatTimestamp(model.lastUpdatedTimestamp), model.description});
    }
    table.print(ctx.out);
    return ExitSuccess;
}

int versionsList(Context &ctx, const MlflowClient &client, const std::string &model)
{
    auto versions = client.listModelVersions(model, ctx.cancel);
    if (!versions)
        return failWith(ctx, versions.error(), "cannot list versions of '" + model + "'");
    if (ctx.json) {
        ctx.out << jsonObject({{"model_versions", toJson(*versions)}}) << '\n';
        return ExitSuccess;
    }
    TextTable table({"VERSION", "ALIASES", "STATUS", "CREATED", "RUN", "TAGS", "DESCRIPTION"});
    table.setMaxWidth(5, 40);
    table.setMaxWidth(6, 50);
    for (const auto &version : *versions)
        table.addRow({version.version, join(version.aliases), version.status,
                      formatTimestamp(version.creationTimestamp), version.runId, formatTags(version.tags),
                      version.description});
    table.print(ctx.out);
    return ExitSuccess;
}

// The server may not serve artifacts (--no-serve-artifacts answers 503, a missing file 404):
// then a version simply has no readable signature, which is not an error of the command.
bool signatureUnavailable(const Error &error)
{
    return (error.kind == ErrorKind::HttpStatus || error.kind == ErrorKind::Api) &&
           (error.httpStatus == 404 || error.httpStatus == 503 || error.httpStatus == 501);
}

void printFields(std::ostream &out, const std::vector<std::pair<std::string, std::string>> &fields)
{
    std::size_t width = 0;
    for (const auto &field : fields)
        width = std::max(width, field.first.size());
    for (const auto &[label, value] : fields)
        out << label << ':' << std::string(width - label.size() + 1, ' ') << (value.empty() ? "-" : value)
            << '\n';
}

void printSignatureFields(std::ostream &out, const char *title, const std::vector<SignatureField> &fields)
{
    out << '\n' << title << '\n';
    if (fields.empty()) {
        out << "  (none)\n";
        return;
    }
    TextTable table({"NAME", "TYPE", "REQUIRED"});
    for (const auto &field : fields)
        table.addRow({field.name.empty() ? "(unnamed)" : field.name,
                      field.detail.empty() ? field.type : field.type + " " + field.detail,
                      field.required ? "yes" : "no"});
    table.print(out);
}

int versionShow(Context &ctx, const MlflowClient &client, const std::string &model, const std::string &ref)
{
    auto version = client.resolveModelVersion(model, ref, ctx.cancel);
    if (!version)
        return failWith(ctx, version.error(), "cannot find version '" + ref + "' of '" + model + "'");
    // Version get fills aliases, but be robust to servers that leave them out.
    if (version->aliases.empty()) {
        if (auto registered = client.getRegisteredModel(model, ctx.cancel))
            version->aliases = registered->aliasesOf(version->version);
    }

    std::optional<Run> run;
    if (!version->runId.empty()) {
        auto fetched = client.getRun(version->runId, ctx.cancel);
        if (!fetched)
            return failWith(ctx, fetched.error(), "cannot read source run " + version->runId);
        run = std::move(fetched).value();
    }
    std::optional<ModelSignature> signature;
    std::string signatureNote;
    auto fetchedSignature = client.getModelVersionSignature(model, version->version, ctx.cancel);
    if (fetchedSignature) {
        signature = std::move(fetchedSignature).value();
    } else if (signatureUnavailable(fetchedSignature.error())) {
        signatureNote = "not available: " + fetchedSignature.error().describe();
    } else {
        return failWith(ctx, fetchedSignature.error(),
                        "cannot read the MLmodel of version " + version->version);
    }

    if (ctx.json) {
        ctx.out << jsonObject({{"model_version", toJson(*version)},
                               {"run", run ? toJson(*run) : std::string()},
                               {"signature", signature ? toJson(*signature) : std::string()}})
                << '\n';
        return ExitSuccess;
    }

    printFields(ctx.out, {{"Model", version->name},
                          {"Version", version->version},
                          {"Aliases", join(version->aliases)},
                          {"Status", version->status},
                          {"Created", formatTimestamp(version->creationTimestamp)},
                          {"Updated", formatTimestamp(version->lastUpdatedTimestamp)},
                          {"Source", version->source},
                          {"Run", version->runId},
                          {"Description", version->description},
                          {"Tags", formatTags(version->tags, true)}});
    if (run) {
        ctx.out << "\nRun " << run->info.runId << " ("
                << (run->info.runName.empty() ? "-" : run->info.runName) << ", "
                << (run->info.status.empty() ? "status unknown" : run->info.status) << ")\n";
        ctx.out << "\nParameters\n";
        if (run->params.empty())
            ctx.out << "  (none)\n";
        else {
            TextTable params({"NAME", "VALUE"});
            params.setMaxWidth(1, 80);
            for (const auto &[key, value] : run->params)
                params.addRow({key, value});
            params.print(ctx.out);
        }
        ctx.out << "\nMetrics (final values)\n";
        if (run->metrics.empty())
            ctx.out << "  (none)\n";
        else {
            TextTable metrics({"NAME", "VALUE", "STEP"});
            for (const auto &metric : run->metrics)
                metrics.addRow({metric.key, formatNumber(metric.value), std::to_string(metric.step)});
            metrics.print(ctx.out);
        }
        ctx.out << "\nRun tags\n";
        const std::string tags = formatTags(run->tags);
        ctx.out << "  " << (tags.empty() ? "(none)" : tags) << '\n';
    }
    if (signature && signature->present) {
        printSignatureFields(ctx.out, "Signature inputs", signature->inputs);
        printSignatureFields(ctx.out, "Signature outputs", signature->outputs);
        if (!signature->params.empty())
            printSignatureFields(ctx.out, "Signature parameters", signature->params);
        ctx.out << "\nInput example: " << (signature->hasInputExample ? "yes" : "no") << '\n';
    } else if (signature) {
        ctx.out << "\nSignature: none logged\n";
    } else {
        ctx.out << "\nSignature: " << signatureNote << '\n';
    }
    return ExitSuccess;
}

// `deploy` and `endpoint …`: their own operands and options (cli_deploy.h).
int dispatchDeploy(Context &ctx, const ArgParser &args, const std::string &command, std::size_t commandWords)
{
    const auto &pos = args.positional();
    const auto [minOperands, maxOperands] = deployOperandCount(command);
    const auto operands = static_cast<int>(pos.size() - commandWords);
    if (operands < minOperands || (maxOperands >= 0 && operands > maxOperands))
        return fail(ctx, ExitUsage, std::string("usage: modelgate-cli ") + deploySynopsis(command));
    for (const char *option :
         {"filter", "against", "max-points", "break-glass", "file", "model", "out", "lang"})
        if (args.has(option))
            return fail(ctx, ExitUsage, std::string("--") + option + " does not apply to '" + command + "'");
    DeployCommand deploy;
    deploy.command = command;
    deploy.operands.assign(pos.begin() + static_cast<std::ptrdiff_t>(commandWords), pos.end());
    deploy.endpoint = args.value("endpoint");
    deploy.deployment = args.value("deployment");
    deploy.traffic = args.value("traffic");
    deploy.target = args.value("target");
    deploy.tail = args.value("tail");
    deploy.csv = args.value("csv");
    deploy.jsonInput = args.value("json-input");
    deploy.batch = args.value("batch");
    deploy.comment = args.value("comment");
    deploy.instanceType = args.value("instance-type");
    deploy.instanceCount = args.value("instance-count");
    deploy.mlflow = args.value("mlflow");
    deploy.production = args.has("production");
    deploy.window = args.value("window");
    deploy.rps = args.value("rps");
    deploy.duration = args.value("duration");
    deploy.interval = args.value("interval");
    deploy.rules = args.value("rules");
    deploy.autoRollback = args.value("auto-rollback");
    deploy.once = args.has("once");
    deploy.prometheus = args.value("prometheus");
    deploy.preset = args.value("preset");
    deploy.queries = args.value("queries");
    deploy.ownSource = args.has("own");
    deploy.json = ctx.json;
    if (const CommandFailure usage = checkDeployCommand(deploy); usage.exitCode != ExitSuccess)
        return fail(ctx, usage.exitCode, usage.message);
    std::optional<MlflowClient> client;
    std::optional<Profile> profile;
    const bool haveRegistry = args.has("profile") || args.has("tracking-uri") ||
                              !ctx.env.get("MLFLOW_TRACKING_URI").empty() ||
                              !ctx.env.get("AZUREML_WORKSPACE_NAME").empty();
    if (deployCommandNeedsRegistry(deploy) || haveRegistry) {
        Failure failure{ExitUsage, {}};
        client = makeClient(ctx, args, failure, &profile);
        if (!client)
            return fail(ctx, failure.code, failure.message);
    }
    const CommandFailure outcome =
        runDeployCommand(client ? &*client : nullptr, profile ? &*profile : nullptr,
                         ctx.azure ? &*ctx.azure : nullptr, deploy, ctx.env, ctx.out, ctx.err, ctx.cancel);
    return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
}

int dispatch(Context &ctx, const std::vector<std::string> &argv)
{
    ArgParser args;
    for (const char *name : {"profile",    "tracking-uri",  "timeout",       "filter",         "against",
                             "max-points", "comment",       "break-glass",   "file",           "model",
                             "out",        "lang",          "endpoint",      "deployment",     "traffic",
                             "target",     "tail",          "csv",           "json-input",     "batch",
                             "mlflow",     "window",        "rps",           "duration",       "interval",
                             "rules",      "auto-rollback", "instance-type", "instance-count", "prometheus",
                             "preset",     "queries"})
        args.addOption(name, true);
    for (const char *name : {"json", "help", "version", "production", "once", "own"})
        args.addOption(name, false);

    std::vector<std::string> normalized;
    bool afterInvoke = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &arg = argv[i];
        // `endpoint invoke … --json FILE` names an input file; a bare --json (last, or before
        // another option) asks for JSON output as everywhere else.
        if (afterInvoke && arg == "--json" && i + 1 < argv.size() && argv[i + 1].rfind("-", 0) != 0) {
            normalized.push_back("--json-input=" + argv[++i]);
            continue;
        }
        if (arg == "invoke" && !normalized.empty() && normalized.back() == "endpoint")
            afterInvoke = true;
        normalized.push_back(arg == "-h" ? "--help" : arg);
    }
    if (!args.parse(normalized))
        return fail(ctx, ExitUsage, args.error() + " (see --help)");
    if (args.has("help")) {
        ctx.out << kUsage;
        return ExitSuccess;
    }
    if (args.has("version")) {
        ctx.out << "modelgate-cli " << MODELGATE_VERSION << '\n';
        return ExitSuccess;
    }
    ctx.json = args.has("json");
    if (ctx.outFilter)
        ctx.outFilter->setMode(ctx.json ? SafeOutputBuffer::Mode::Json : SafeOutputBuffer::Mode::Text);

    const auto &pos = args.positional();
    // "compare" is one word, "review policy show|set" three; the others are two ("models list").
    const std::size_t commandWords =
        !pos.empty() && (pos[0] == "compare" || pos[0] == "doctor" || pos[0] == "deploy") ? 1
        : pos.size() >= 2 && pos[0] == "review" && pos[1] == "policy"                     ? 3
                                                                                          : 2;
    std::string command;
    for (std::size_t i = 0; i < std::min(commandWords, pos.size()); ++i)
        command += (i == 0 ? "" : " ") + pos[i];
    struct Shape
    {
        std::size_t operands;
        const char *synopsis;
    };
    const std::map<std::string, Shape> commands = {
        {"doctor", {0, "doctor"}},
        {"models list", {0, "models list [--filter TEXT]"}},
        {"versions list", {1, "versions list MODEL"}},
        {"version show", {2, "version show MODEL VERSION"}},
        {"compare", {2, "compare MODEL VERSION [--against VERSION|@ALIAS]"}},
        {"metrics history", {2, "metrics history RUN_ID METRIC [--max-points N]"}},
        {"review checks", {2, "review checks MODEL VERSION"}},
        {"review approve", {2, "review approve MODEL VERSION --comment TEXT [--break-glass REASON]"}},
        {"review reject", {2, "review reject MODEL VERSION --comment TEXT"}},
        {"review revoke", {2, "review revoke MODEL VERSION --comment TEXT"}},
        {"review status", {2, "review status MODEL VERSION"}},
        {"review verify", {2, "review verify MODEL VERSION"}},
        {"review sync", {2, "review sync MODEL VERSION"}},
        {"review policy show", {1, "review policy show MODEL"}},
        {"review policy set", {1, "review policy set MODEL --file POLICY.json --comment TEXT"}},
        {"audit show", {1, "audit show MODEL"}},
        {"audit verify", {1, "audit verify MODEL"}},
        {"audit grant", {1, "audit grant USER [--model NAME]..."}},
        {"review report", {2, "review report MODEL VERSION --out FILE [--lang de|en]"}},
    };
    if (isDeployCommand(command))
        return dispatchDeploy(ctx, args, command, commandWords);
    for (const char *option :
         {"endpoint", "deployment",    "traffic",    "target",     "tail",   "csv",      "json-input",
          "batch",    "mlflow",        "production", "window",     "rps",    "duration", "interval",
          "rules",    "auto-rollback", "once",       "prometheus", "preset", "queries",  "own"})
        if (args.has(option))
            return fail(ctx, ExitUsage,
                        std::string("--") + option + " applies to 'deploy' and 'endpoint' commands only");
    const auto shape = commands.find(command);
    if (shape == commands.end())
        return fail(ctx, ExitUsage,
                    pos.empty() ? "no command given (see --help)"
                                : "unknown command '" + command + "' (see --help)");
    if (pos.size() - commandWords != shape->second.operands)
        return fail(ctx, ExitUsage, std::string("usage: modelgate-cli ") + shape->second.synopsis);
    if (args.has("filter") && command != "models list")
        return fail(ctx, ExitUsage, "--filter applies to 'models list' only");
    if (args.has("against") && command != "compare")
        return fail(ctx, ExitUsage, "--against applies to 'compare' only");
    const std::map<std::string, std::set<std::string>> reviewOptions = {
        {"comment", {"review approve", "review reject", "review revoke", "review policy set"}},
        {"break-glass", {"review approve"}},
        {"file", {"review policy set"}},
        {"model", {"audit grant"}},
        {"out", {"review report"}},
        {"lang", {"review report"}},
    };
    for (const auto &[option, scope] : reviewOptions)
        if (args.has(option) && scope.count(command) == 0)
            return fail(ctx, ExitUsage,
                        "--" + option + " applies to '" +
                            join(std::vector(scope.begin(), scope.end()), "', '") + "' only");
    ReviewCommand review{command,
                         {pos.begin() + static_cast<std::ptrdiff_t>(commandWords), pos.end()},
                         args.value("comment"),
                         args.value("break-glass"),
                         args.value("file"),
                         args.values("model"),
                         ctx.json};
    if (isReviewCommand(command))
        if (const CommandFailure usage = checkReviewCommand(review); usage.exitCode != ExitSuccess)
            return fail(ctx, usage.exitCode, usage.message);
    HistoryRequest history{command == "metrics history" ? pos[2] : "",
                           command == "metrics history" ? pos[3] : "", 0, ctx.json};
    if (const auto maxPoints = args.value("max-points")) {
        if (command != "metrics history")
            return fail(ctx, ExitUsage, "--max-points applies to 'metrics history' only");
        if (!parseMaxPoints(*maxPoints, history.maxPoints))
            return fail(ctx, ExitUsage,
                        "--max-points needs a whole number of at least 2, got '" + *maxPoints + "'");
    }

    if (command == "review report")
        if (const CommandFailure usage =
                checkReportCommand({pos[2], pos[3], args.value("out"), args.value("lang")});
            usage.exitCode != ExitSuccess)
            return fail(ctx, usage.exitCode, usage.message);
    Failure failure{ExitUsage, {}};
    const auto client = makeClient(ctx, args, failure);
    if (!client)
        return fail(ctx, failure.code, failure.message);

    if (command == "doctor") {
        const CommandFailure outcome = runDoctor(*client, ctx.json, ctx.out, ctx.cancel);
        return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
    }
    if (command == "models list")
        return modelsList(ctx, *client, args.value("filter").value_or(""));
    if (command == "compare") {
        CompareRequest request{pos[1], pos[2], args.value("against").value_or("@champion"), ctx.json, false};
        // Colour only for a terminal, and never with NO_COLOR (https://no-color.org).
        request.colour = &ctx.out == &std::cout && isatty(STDOUT_FILENO) == 1 &&
                         ctx.env.get("NO_COLOR").empty() && ctx.env.get("TERM") != "dumb";
        const CommandFailure outcome = runCompare(*client, request, ctx.out, ctx.cancel);
        return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
    }
    if (command == "metrics history") {
        const CommandFailure outcome = runMetricHistory(*client, history, ctx.out, ctx.cancel);
        return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
    }
    if (command == "review report") {
        const ReportRequest request{pos[2], pos[3], args.value("out"), args.value("lang")};
        const CommandFailure outcome = runReportCommand(*client, request, ctx.out, ctx.cancel);
        return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
    }
    if (isReviewCommand(command)) {
        const CommandFailure outcome = runReviewCommand(*client, review, ctx.out, ctx.cancel);
        return outcome.exitCode == ExitSuccess ? ExitSuccess : fail(ctx, outcome.exitCode, outcome.message);
    }
    if (command == "versions list")
        return versionsList(ctx, *client, pos[2]);
    return versionShow(ctx, *client, pos[2], pos[3]);
}

} // namespace

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, const Environment &env,
        const CancelToken &cancel)
{
    // Whatever is quoted from outside reaches the terminal only through these buffers; `out`
    // switches to JSON once the arguments say so.
    SafeOutputBuffer safeOut(out.rdbuf(), SafeOutputBuffer::Mode::Text);
    SafeOutputBuffer safeErr(err.rdbuf(), SafeOutputBuffer::Mode::Text);
    std::ostream outStream(&safeOut);
    std::ostream errStream(&safeErr);
    Context ctx{outStream, errStream, env, cancel, false, {}, {}, &safeOut};
    // The core returns errors as values; this guard only keeps a bug (e.g. bad_alloc)
    // from ending a pipeline step without the promised one-line message.
    int exitCode = ExitServer;
    try {
        exitCode = dispatch(ctx, args);
    } catch (const std::exception &e) {
        exitCode = fail(ctx, ExitServer, std::string("internal error: ") + e.what());
    } catch (...) {
        exitCode = fail(ctx, ExitServer, "internal error");
    }
    outStream.flush();
    errStream.flush();
    return exitCode;
}

} // namespace modelgate::cli
