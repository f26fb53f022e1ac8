#include "modelgate/core/workspace/profiles.h"

#include "util/text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

// The profiles file (format version 1):
//   {"version": 1, "last_used": "<name>",
//    "profiles": [{"name": ..., "tracking_uri": ..., "auth": "none"|"basic"|"bearer",
//                  "username": ..., "insecure_tls": false, "ca_bundle": ""}]}
// Keys of a profile that this version does not know are kept in Profile::extra and
// written back. A string value is kept as the string; any other value (number, bool,
// object, array, null) is kept as its compact JSON text, and save() writes it back as
// that JSON value when the file on disk still holds the same value under that key, so
// a round trip does not change types. Extra keys that look like secrets (containing
// "password", "secret" or "token") are dropped on load: the file must never hold one.
// Unknown top-level keys are not preserved.

namespace modelgate {

namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;

bool looksLikeSecretKey(const std::string &key)
{
    const std::string lower = text::asciiLower(key);
    return lower.find("password") != std::string::npos || lower.find("secret") != std::string::npos ||
           lower.find("token") != std::string::npos;
}

std::string compactJson(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

const std::set<std::string> &knownProfileKeys()
{
    static const std::set<std::string> keys{
        "name",      "tracking_uri",      "auth", "username", "insecure_tls",
        "ca_bundle", "mlflow_executable", "kind", "azure"};
    return keys;
}

enum class ReadOutcome
{
    Ok,
    Missing,
    Failed,
};

ReadOutcome readFile(const std::string &path, std::string &out, std::string &errorText)
{
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT)
            return ReadOutcome::Missing;
        errorText = std::strerror(errno != 0 ? errno : EIO);
        return ReadOutcome::Failed;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        errorText = "read error";
        return ReadOutcome::Failed;
    }
    out = buffer.str();
    return ReadOutcome::Ok;
}

Result<AzureProfile> azureFromJson(const json &value, const std::string &path)
{
    if (!value.is_object())
        return Error::parse(path, path + std::string(" should be an object, got ") + value.type_name());
    AzureProfile azure;
    AzureWorkspace &ws = azure.workspace;
    const std::map<std::string, std::string *> fields{{"subscription_id", &ws.subscriptionId},
                                                      {"resource_group", &ws.resourceGroup},
                                                      {"workspace", &ws.workspace},
                                                      {"region", &ws.region},
                                                      {"arm_base_url", &ws.armBaseUrl},
                                                      {"api_version", &ws.apiVersion},
                                                      {"authority_host", &ws.authorityHost},
                                                      {"tenant_id", &azure.tenantId},
                                                      {"client_id", &azure.clientId}};
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string field = path + '.' + it.key();
        if (it->is_null())
            continue;
        if (!it->is_string())
            return Error::parse(field, "field '" + field + "': expected string, got " + it->type_name());
        const std::string &text = it->get_ref<const std::string &>();
        if (it.key() == "sign_in") {
            if (text == wireName(AzureSignIn::AzureCli))
                azure.signIn = AzureSignIn::AzureCli;
            else if (text == wireName(AzureSignIn::ServicePrincipal))
                azure.signIn = AzureSignIn::ServicePrincipal;
            else
                return Error::parse(field, "field '" + field + "': unknown sign-in \"" + text.substr(0, 40) +
                                               "\" (expected azure-cli or service-principal)");
        } else if (const auto target = fields.find(it.key()); target != fields.end() && !text.empty()) {
            *target->second = text;
        }
        // Unknown keys of a newer version are dropped here; a secret never belongs here.
    }
    return azure;
}

json azureToJson(const AzureProfile &azure)
{
    const AzureWorkspace &ws = azure.workspace;
    json entry{{"subscription_id", ws.subscriptionId},
               {"resource_group", ws.resourceGroup},
               {"workspace", ws.workspace},
               {"region", ws.region},
               {"arm_base_url", ws.armBaseUrl},
               {"api_version", ws.apiVersion},
               {"authority_host", ws.authorityHost},
               {"sign_in", wireName(azure.signIn)}};
    if (azure.signIn == AzureSignIn::ServicePrincipal) {
        entry["tenant_id"] = azure.tenantId;
        entry["client_id"] = azure.clientId;
    }
    return entry;
}

Result<Profile> profileFromJson(const json &value, const std::string &path)
{
    if (!value.is_object())
        return Error::parse(path, path + std::string(" should be an object, got ") + value.type_name());
    Profile profile;
    std::string kind = "mlflow";
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string &key = it.key();
        const std::string field = path + '.' + key;
        if (!knownProfileKeys().count(key)) {
            if (looksLikeSecretKey(key))
                continue;
            profile.extra[key] = it->is_string() ? it->get<std::string>() : compactJson(*it);
            continue;
        }
        if (it->is_null())
            continue;
        if (key == "azure") {
            auto azure = azureFromJson(*it, field);
            if (!azure.ok())
                return azure.error();
            profile.azure = std::move(azure).value();
            continue;
        }
        if (key == "insecure_tls") {
            if (!it->is_boolean())
                return Error::parse(field, "field '" + field + "': expected boolean, got " + it->type_name());
            profile.insecureTls = it->get<bool>();
            continue;
        }
        if (!it->is_string())
            return Error::parse(field, "field '" + field + "': expected string, got " + it->type_name());
        const std::string &text = it->get_ref<const std::string &>();
        if (key == "name") {
            profile.name = text;
        } else if (key == "tracking_uri") {
            profile.trackingUri = text;
        } else if (key == "username") {
            profile.username = text;
        } else if (key == "ca_bundle") {
            profile.caBundlePath = text;
        } else if (key == "mlflow_executable") {
            profile.mlflowExecutable = text;
        } else if (key == "kind") {
            if (text != "mlflow" && text != "azureml")
                return Error::parse(field, "field '" + field + "': unknown kind \"" + text.substr(0, 40) +
                                               "\" (expected mlflow or azureml)");
            kind = text;
        } else if (key == "auth") {
            const auto kind = authKindFromString(text);
            if (!kind)
                return Error::parse(field, "field '" + field + "': unknown auth kind \"" +
                                               text.substr(0, 40) + "\" (expected none, basic or bearer)");
            profile.authKind = *kind;
        }
    }
    if (profile.name.empty())
        return Error::parse(path + ".name", path + " has no name");
    if (kind == "azureml" && !profile.azure)
        return Error::parse(path + ".azure",
                            path + " is an Azure ML workspace without its \"azure\" settings");
    if (kind != "azureml")
        profile.azure.reset();
    if (profile.azure)
        profile.authKind = AuthKind::Bearer;
    return profile;
}

// The extra values of each profile that the file on disk holds as non-strings, as JSON text.
std::map<std::string, std::map<std::string, json>> nonStringExtrasOnDisk(const std::string &path)
{
    std::map<std::string, std::map<std::string, json>> result;
    std::string text;
    std::string ignored;
    if (readFile(path, text, ignored) != ReadOutcome::Ok)
        return result;
    const json root = json::parse(text, nullptr, false);
    if (!root.is_object())
        return result;
    const auto profiles = root.find("profiles");
    if (profiles == root.end() || !profiles->is_array())
        return result;
    for (const auto &entry : *profiles) {
        if (!entry.is_object())
            continue;
        const auto name = entry.find("name");
        if (name == entry.end() || !name->is_string())
            continue;
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (!knownProfileKeys().count(it.key()) && !it->is_string())
                result[name->get<std::string>()][it.key()] = *it;
        }
    }
    return result;
}

Status makeDirectories(const std::string &directory)
{
    if (directory.empty())
        return success();
    std::string current;
    std::size_t pos = 0;
    while (pos <= directory.size()) {
        const std::size_t next = directory.find('/', pos);
        current = directory.substr(0, next == std::string::npos ? directory.size() : next);
        pos = next == std::string::npos ? directory.size() + 1 : next + 1;
        if (current.empty())
            continue;
        if (::mkdir(current.c_str(), 0700) != 0 && errno != EEXIST)
            return Error::config("cannot create directory " + current + ": " + std::strerror(errno));
    }
    struct stat info
    {};
    if (::stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
        return Error::config(directory + " is not a directory");
    return success();
}

bool writeAll(int fd, const std::string &data)
{
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

const char *wireName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None:
        return "none";
    case AuthKind::Basic:
        return "basic";
    case AuthKind::Bearer:
        return "bearer";
    }
    return "none";
}

std::optional<AuthKind> authKindFromString(const std::string &text)
{
    const std::string lower = text::asciiLower(text);
    if (lower == "none" || lower.empty())
        return AuthKind::None;
    if (lower == "basic")
        return AuthKind::Basic;
    if (lower == "bearer")
        return AuthKind::Bearer;
    return std::nullopt;
}

Environment Environment::current()
{
    Environment env;
    for (char **entry = environ; entry && *entry; ++entry) {
        const std::string text(*entry);
        const std::size_t equals = text.find('=');
        if (equals == std::string::npos || equals == 0)
            continue;
        env.vars.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return env;
}

std::string Environment::get(const std::string &name) const
{
    const auto it = vars.find(name);
    return it == vars.end() ? std::string() : it->second;
}

ProfileStore::ProfileStore(std::string filePath)
    : m_path(std::move(filePath))
{}

std::string ProfileStore::defaultPath(const Environment &env)
{
    // The XDG base-directory spec says a relative XDG_CONFIG_HOME is to be ignored.
    const std::string xdg = env.get("XDG_CONFIG_HOME");
    if (!xdg.empty() && xdg.front() == '/')
        return xdg + "/modelgate/profiles.json";
    std::string home = env.get("HOME");
    if (home.empty()) {
        if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_dir)
            home = entry->pw_dir;
    }
    return home + "/.config/modelgate/profiles.json";
}

Status ProfileStore::load()
{
    std::string text;
    std::string errorText;
    switch (readFile(m_path, text, errorText)) {
    case ReadOutcome::Missing:
        m_profiles.clear();
        m_lastUsed.clear();
        return success();
    case ReadOutcome::Failed:
        return Error::config("cannot read " + m_path + ": " + errorText);
    case ReadOutcome::Ok:
        break;
    }
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded())
        return Error::parse({}, m_path + " is not valid JSON; it was left unchanged");
    if (!root.is_object())
        return Error::parse({}, m_path + " does not hold a JSON object; it was left unchanged");
    if (const auto version = root.find("version"); version != root.end()) {
        if (!version->is_number_integer())
            return Error::parse("version", "field 'version': expected an integer");
    }
    std::string lastUsed;
    if (const auto last = root.find("last_used"); last != root.end() && !last->is_null()) {
        if (!last->is_string())
            return Error::parse("last_used",
                                std::string("field 'last_used': expected string, got ") + last->type_name());
        lastUsed = last->get<std::string>();
    }
    std::vector<Profile> profiles;
    if (const auto list = root.find("profiles"); list != root.end() && !list->is_null()) {
        if (!list->is_array())
            return Error::parse("profiles",
                                std::string("field 'profiles': expected array, got ") + list->type_name());
        std::set<std::string> names;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "profiles[" + std::to_string(i) + ']';
            auto profile = profileFromJson((*list)[i], path);
            if (!profile.ok())
                return profile.error();
            if (!names.insert(profile->name).second)
                return Error::parse(path + ".name", "two profiles are named \"" + profile->name + '"');
            profiles.push_back(std::move(profile).value());
        }
    }
    m_profiles = std::move(profiles);
    m_lastUsed = std::move(lastUsed);
    return success();
}

Status ProfileStore::save() const
{
    const auto onDisk = nonStringExtrasOnDisk(m_path);
    json list = json::array();
    for (const auto &profile : m_profiles) {
        json entry{{"name", profile.name},
                   {"tracking_uri", profile.trackingUri},
                   {"auth", wireName(profile.authKind)},
                   {"username", profile.username},
                   {"insecure_tls", profile.insecureTls},
                   {"ca_bundle", profile.caBundlePath}};
        // Written only when set, so that a profile file stays as it was for older versions.
        if (!profile.mlflowExecutable.empty())
            entry["mlflow_executable"] = profile.mlflowExecutable;
        if (profile.azure) {
            entry["kind"] = "azureml";
            entry["azure"] = azureToJson(*profile.azure);
        }
        const auto diskExtras = onDisk.find(profile.name);
        for (const auto &[key, value] : profile.extra) {
            if (knownProfileKeys().count(key) || looksLikeSecretKey(key))
                continue;
            entry[key] = value;
            if (diskExtras != onDisk.end()) {
                const auto original = diskExtras->second.find(key);
                if (original != diskExtras->second.end() && compactJson(original->second) == value)
                    entry[key] = original->second;
            }
        }
        list.push_back(std::move(entry));
    }
    const json root{{"version", kFormatVersion}, {"last_used", m_lastUsed}, {"profiles", std::move(list)}};
    const std::string data = root.dump(2, ' ', false, json::error_handler_t::replace) + '\n';

    const std::size_t slash = m_path.rfind('/');
    const std::string directory = slash == std::string::npos ? std::string() : m_path.substr(0, slash);
    if (auto made = makeDirectories(directory); !made.ok())
        return made;

    // Temp file in the same directory so that rename() is atomic; 0600 from the start.
    std::string temp = m_path + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return Error::config("cannot create a temporary file next to " + m_path + ": " +
                             std::strerror(errno));
    const auto fail = [&](const std::string &what) {
        const int savedErrno = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return Status(Error::config(what + " " + m_path + ": " + std::strerror(savedErrno)));
    };
    if (::fchmod(fd, 0600) != 0)
        return fail("cannot set permissions for");
    if (!writeAll(fd, data))
        return fail("cannot write");
    if (::fsync(fd) != 0)
        return fail("cannot flush");
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        return Error::config("cannot write " + m_path + ": " + std::strerror(errno));
    }
    if (::rename(temp.c_str(), m_path.c_str()) != 0) {
        const int savedErrno = errno;
        ::unlink(temp.c_str());
        return Error::config("cannot replace " + m_path + ": " + std::strerror(savedErrno));
    }
    // Make the rename itself durable.
    const int dirFd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return success();
}

const Profile *ProfileStore::find(const std::string &name) const
{
    for (const auto &profile : m_profiles) {
        if (profile.name == name)
            return &profile;
    }
    return nullptr;
}

void ProfileStore::upsert(const Profile &profile)
{
    for (auto &existing : m_profiles) {
        if (existing.name == profile.name) {
            existing = profile;
            return;
        }
    }
    m_profiles.push_back(profile);
}

bool ProfileStore::remove(const std::string &name)
{
    for (auto it = m_profiles.begin(); it != m_profiles.end(); ++it) {
        if (it->name == name) {
            m_profiles.erase(it);
            if (m_lastUsed == name)
                m_lastUsed.clear();
            return true;
        }
    }
    return false;
}

std::optional<Profile> profileFromEnvironment(const Environment &env)
{
    const std::string uri = env.get("MLFLOW_TRACKING_URI");
    if (uri.empty())
        return std::nullopt;
    Profile profile;
    // A fixed name: the GUI and the CLI show it as the profile that came from the environment.
    profile.name = "Environment";
    profile.trackingUri = uri;
    profile.username = env.get("MLFLOW_TRACKING_USERNAME");
    if (!profile.username.empty())
        profile.authKind = AuthKind::Basic;
    else if (!env.get("MLFLOW_TRACKING_TOKEN").empty())
        profile.authKind = AuthKind::Bearer;
    const std::string insecure = text::asciiLower(env.get("MLFLOW_TRACKING_INSECURE_TLS"));
    profile.insecureTls = insecure == "true" || insecure == "1";
    profile.caBundlePath = env.get("MLFLOW_TRACKING_SERVER_CERT_PATH");
    return profile;
}

Credentials credentialsFromEnvironment(const Profile &profile, const Environment &env)
{
    Credentials credentials;
    credentials.kind = profile.authKind;
    switch (profile.authKind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic: {
        const std::string envUser = env.get("MLFLOW_TRACKING_USERNAME");
        credentials.username = profile.username.empty() ? envUser : profile.username;
        // The password belongs to MLFLOW_TRACKING_USERNAME: never send it for another user.
        if (profile.username.empty() || profile.username == envUser)
            credentials.secret = env.get("MLFLOW_TRACKING_PASSWORD");
        break;
    }
    case AuthKind::Bearer:
        credentials.secret = env.get("MLFLOW_TRACKING_TOKEN");
        break;
    }
    return credentials;
}

ClientConfig clientConfigFor(const Profile &profile, const Credentials &credentials)
{
    ClientConfig config;
    config.trackingUri = profile.trackingUri;
    config.credentials = credentials;
    config.transport.verifyTls = !profile.insecureTls;
    config.transport.caBundlePath = profile.caBundlePath;
    return config;
}

const char *wireName(AzureSignIn signIn)
{
    return signIn == AzureSignIn::ServicePrincipal ? "service-principal" : "azure-cli";
}

std::shared_ptr<TokenSource> azureTokenSourceFor(const AzureProfile &profile, const Environment &env,
                                                 std::shared_ptr<HttpTransport> transport,
                                                 const std::string &clientSecret)
{
    if (profile.signIn == AzureSignIn::AzureCli) {
        const std::string executable = env.get("MODELGATE_AZURE_CLI");
        return std::make_shared<AzureCliTokenSource>(executable.empty() ? std::string("az") : executable);
    }
    ClientSecretSettings settings;
    settings.tenantId = profile.tenantId.empty() ? env.get("AZURE_TENANT_ID") : profile.tenantId;
    settings.clientId = profile.clientId.empty() ? env.get("AZURE_CLIENT_ID") : profile.clientId;
    // The secret in the environment belongs to AZURE_CLIENT_ID: never send it for another client.
    const std::string envClient = env.get("AZURE_CLIENT_ID");
    if (!clientSecret.empty())
        settings.clientSecret = clientSecret;
    else if (envClient.empty() || envClient == settings.clientId)
        settings.clientSecret = env.get("AZURE_CLIENT_SECRET");
    const std::string authority = env.get("AZURE_AUTHORITY_HOST");
    settings.authorityHost = authority.empty() ? profile.workspace.authorityHost : authority;
    return std::make_shared<ClientSecretTokenSource>(std::move(settings), std::move(transport));
}

std::optional<Profile> azureProfileFromEnvironment(const Environment &env)
{
    const std::string workspace = env.get("AZUREML_WORKSPACE_NAME");
    if (workspace.empty())
        return std::nullopt;
    Profile profile;
    profile.name = "Environment (Azure ML)";
    profile.authKind = AuthKind::Bearer;
    AzureProfile azure;
    azure.workspace.subscriptionId = env.get("AZURE_SUBSCRIPTION_ID");
    azure.workspace.resourceGroup = env.get("AZURE_RESOURCE_GROUP");
    azure.workspace.workspace = workspace;
    azure.workspace.region = env.get("AZURE_REGION");
    if (const std::string arm = env.get("MODELGATE_ARM_BASE_URL"); !arm.empty())
        azure.workspace.armBaseUrl = arm;
    if (const std::string authority = env.get("AZURE_AUTHORITY_HOST"); !authority.empty())
        azure.workspace.authorityHost = authority;
    if (!env.get("AZURE_CLIENT_ID").empty()) {
        azure.signIn = AzureSignIn::ServicePrincipal;
        azure.tenantId = env.get("AZURE_TENANT_ID");
        azure.clientId = env.get("AZURE_CLIENT_ID");
    }
    profile.azure = std::move(azure);
    return profile;
}

} // namespace modelgate
