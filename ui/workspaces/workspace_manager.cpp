#include "workspaces/workspace_manager.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "workspaces/secret_store.h"

namespace modelgate::ui {

WorkspaceManager::WorkspaceManager(std::string profilesPath, Environment environment, SecretStore *secrets,
                                   QObject *parent)
    : QObject(parent)
    , m_store(std::move(profilesPath))
    , m_environment(std::move(environment))
    , m_secrets(secrets)
{}

QString WorkspaceManager::environmentWorkspaceId()
{
    return QStringLiteral("environment");
}

QString WorkspaceManager::idForProfile(const QString &name)
{
    return QStringLiteral("profile:") + name;
}

Status WorkspaceManager::load()
{
    Status status = m_store.load();
    Q_EMIT workspacesChanged();
    return status;
}

QList<Workspace> WorkspaceManager::workspaces() const
{
    QList<Workspace> result;
    if (std::optional<Profile> fromEnvironment = profileFromEnvironment(m_environment)) {
        Workspace workspace;
        workspace.id = environmentWorkspaceId();
        workspace.displayName =
            tr("Environment (%1)").arg(QString::fromStdString(fromEnvironment->trackingUri));
        workspace.profile = *fromEnvironment;
        workspace.fromEnvironment = true;
        result.append(workspace);
    }
    for (const Profile &profile : m_store.profiles()) {
        Workspace workspace;
        workspace.id = idForProfile(QString::fromStdString(profile.name));
        workspace.displayName = QString::fromStdString(profile.name);
        workspace.profile = profile;
        result.append(workspace);
    }
    for (const Profile &profile : m_sessionProfiles) {
        Workspace workspace;
        workspace.id = QStringLiteral("session:") + QString::fromStdString(profile.name);
        workspace.displayName = QString::fromStdString(profile.name);
        workspace.profile = profile;
        result.append(workspace);
    }
    return result;
}

QString WorkspaceManager::addSessionWorkspace(const Profile &profile)
{
    m_sessionProfiles.push_back(profile);
    Q_EMIT workspacesChanged();
    return QStringLiteral("session:") + QString::fromStdString(profile.name);
}

std::optional<Workspace> WorkspaceManager::workspace(const QString &id) const
{
    for (const Workspace &workspace : workspaces())
        if (workspace.id == id)
            return workspace;
    return std::nullopt;
}

std::optional<Workspace> WorkspaceManager::currentWorkspace() const
{
    return workspace(m_currentId);
}

QString WorkspaceManager::idForName(const QString &name) const
{
    if (m_store.find(name.toStdString()))
        return idForProfile(name);
    if (const std::optional<Workspace> fromEnvironment = workspace(environmentWorkspaceId()))
        if (name == environmentWorkspaceId() || QString::fromStdString(fromEnvironment->profile.name) == name)
            return fromEnvironment->id;
    return {};
}

void WorkspaceManager::resolveCredentials(const Workspace &workspace, QObject *context,
                                          std::function<void(const Credentials &)> callback)
{
    const Profile profile = workspace.profile;
    // An Azure workspace's only secret is a service principal's client secret, from the keychain;
    // its session reads AZURE_CLIENT_SECRET itself, and MLflow's variables never apply to it.
    const Credentials fromEnvironment = profile.azure ? Credentials{profile.authKind, {}, {}}
                                                      : credentialsFromEnvironment(profile, m_environment);
    if (workspace.fromEnvironment || profile.authKind == AuthKind::None) {
        Credentials credentials = fromEnvironment;
        credentials.kind = profile.authKind;
        if (credentials.username.empty())
            credentials.username = profile.username;
        callback(credentials);
        return;
    }
    m_secrets->readSecret(
        QString::fromStdString(profile.name), context,
        [profile, fromEnvironment, callback = std::move(callback)](const std::optional<QString> &secret) {
            Credentials credentials;
            credentials.kind = profile.authKind;
            credentials.username = profile.username;
            if (secret)
                credentials.secret = secret->toStdString();
            else
                credentials.secret = fromEnvironment.secret;
            callback(credentials);
        });
}

void WorkspaceManager::activate(const QString &id)
{
    const std::optional<Workspace> target = workspace(id);
    if (!target)
        return;
    const quint64 activation = ++m_activation;
    resolveCredentials(*target, this,
                       [this, activation, id, profile = target->profile](const Credentials &c) {
                           if (activation != m_activation)
                               return; // the user switched again meanwhile
                           if (profile.azure) {
                               activateAzure(id, profile, QString::fromStdString(c.secret), activation);
                               return;
                           }
                           m_currentId = id;
                           m_azure.reset();
                           m_client = std::make_shared<const MlflowClient>(clientConfigFor(profile, c));
                           Q_EMIT activated(id);
                       });
}

void WorkspaceManager::activateAzure(const QString &id, const Profile &profile, const QString &clientSecret,
                                     quint64 activation)
{
    const Environment environment = m_environment;
    runAsync(
        this,
        [profile, environment,
         secret = clientSecret.toStdString()]() -> Result<std::shared_ptr<AzureSession>> {
            auto session = openAzureSession(profile, environment, {}, secret, CancelToken::none());
            if (!session.ok())
                return session.error();
            return std::make_shared<AzureSession>(std::move(session).value());
        },
        [this, id, activation](const Result<std::shared_ptr<AzureSession>> &session) {
            if (activation != m_activation)
                return;
            if (!session.ok()) {
                Q_EMIT activationFailed(id, userMessage(session.error(), Operation::OpenAzureWorkspace));
                return;
            }
            m_currentId = id;
            m_azure = session.value();
            m_client = std::make_shared<const MlflowClient>(m_azure->registry);
            Q_EMIT activated(id);
        });
}

Status WorkspaceManager::apply(const WorkspaceEdits &edits)
{
    ProfileStore updated = m_store;
    for (const Profile &old : m_store.profiles())
        updated.remove(old.name);
    for (const Profile &profile : edits.profiles)
        updated.upsert(profile);
    if (Status saved = updated.save(); !saved.ok())
        return saved;
    m_store = updated;

    for (const QString &name : edits.secretsToForget)
        m_secrets->deleteSecret(name);
    for (const auto &[name, secret] : edits.secrets)
        m_secrets->writeSecret(name, secret, this, [](bool) {});
    Q_EMIT workspacesChanged();
    return success();
}

} // namespace modelgate::ui
