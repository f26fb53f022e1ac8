#include "workspaces/workspaces_dialog.h"

#include "async/run_async.h"
#include "errors/error_text.h"
#include "workspaces/azure_workspace_form.h"
#include "workspaces/secret_store.h"

#include <from_std.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <modelgate/core/workspace/azure_session.h>
#include <modelgate/core/workspace/identity.h>

namespace modelgate::ui {

namespace {

// Asked for on opening, only to learn early whether a keychain answers at all.
const auto availabilityProbeKey = QStringLiteral("modelgate-keychain-availability-check");

} // namespace

WorkspacesDialog::WorkspacesDialog(WorkspaceManager *manager, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
{
    setObjectName(QStringLiteral("workspacesDialog"));
    setWindowTitle(tr("Manage Workspaces"));
    buildUi();
    loadEntries();
    connect(m_manager->secretStore(), &SecretStore::persistenceChanged, this,
            &WorkspacesDialog::updateKeychainNote);
    m_manager->secretStore()->readSecret(availabilityProbeKey, this, [](const std::optional<QString> &) {});
    updateKeychainNote();
}

WorkspacesDialog::~WorkspacesDialog()
{
    m_testCancel.cancel();
}

void WorkspacesDialog::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("workspaceList"));
    m_addButton = new QPushButton(tr("Add"), this);
    m_addButton->setObjectName(QStringLiteral("addWorkspace"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeWorkspace"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Stored workspaces:"), this));
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_form = new QWidget(this);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("workspaceName"));
    m_kind = new QComboBox(m_form);
    m_kind->setObjectName(QStringLiteral("workspaceKind"));
    m_kind->addItem(tr("MLflow tracking server"), false);
    m_kind->addItem(tr("Azure Machine Learning workspace"), true);
    m_azure = new AzureWorkspaceForm(m_form);
    m_uri = new QLineEdit(m_form);
    m_uri->setObjectName(QStringLiteral("trackingUri"));
    m_uri->setPlaceholderText(QStringLiteral("https://mlflow.example.com"));
    m_auth = new QComboBox(m_form);
    m_auth->setObjectName(QStringLiteral("authKind"));
    m_auth->addItem(tr("None"), static_cast<int>(AuthKind::None));
    m_auth->addItem(tr("User name and password"), static_cast<int>(AuthKind::Basic));
    m_auth->addItem(tr("Access token (Bearer)"), static_cast<int>(AuthKind::Bearer));
    m_userLabel = new QLabel(tr("User name:"), m_form);
    m_user = new QLineEdit(m_form);
    m_user->setObjectName(QStringLiteral("userName"));
    m_secretLabel = new QLabel(tr("Password:"), m_form);
    m_secret = new QLineEdit(m_form);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_insecureTls =
        new QCheckBox(tr("Skip TLS certificate verification (insecure, test servers only)"), m_form);
    m_insecureTls->setObjectName(QStringLiteral("insecureTls"));
    m_caBundle = new QLineEdit(m_form);
    m_caBundle->setObjectName(QStringLiteral("caBundle"));
    m_caBundle->setPlaceholderText(tr("System certificates"));
    m_browseCa = new QPushButton(tr("Browse…"), m_form);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(m_browseCa);
    m_caRow = caRow;
    // Local deployments start `mlflow models serve` with this executable; the scoring server
    // needs the model's Python packages, which a workspace's own environment may provide.
    m_mlflowExecutable = new QLineEdit(m_form);
    m_mlflowExecutable->setObjectName(QStringLiteral("mlflowExecutable"));
    m_mlflowExecutable->setPlaceholderText(tr("mlflow on PATH"));
    m_mlflowExecutable->setToolTip(
        tr("The mlflow program that starts local scoring servers for the Endpoints page."));
    m_testButton = new QPushButton(tr("Test Connection"), m_form);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testResult = new QLabel(m_form);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    m_validation = new QLabel(m_form);
    m_validation->setObjectName(QStringLiteral("validationMessage"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto *form = new QFormLayout(m_form);
    m_formLayout = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(m_azure);
    form->addRow(tr("Tracking URI:"), m_uri);
    form->addRow(tr("Authentication:"), m_auth);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(QString(), m_insecureTls);
    form->addRow(tr("CA bundle:"), caRow);
    form->addRow(tr("MLflow executable:"), m_mlflowExecutable);
    form->addRow(QString(), m_validation);
    form->addRow(QString(), testRow);

    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addWidget(m_form, 5);
    auto *layout = new QVBoxLayout(this);
    if (m_manager->workspace(WorkspaceManager::environmentWorkspaceId())) {
        auto *environmentNote =
            new QLabel(tr("The workspace “Environment” comes from the MLFLOW_TRACKING_URI "
                          "environment variable and is not edited here."),
                       this);
        environmentNote->setWordWrap(true);
        layout->addWidget(environmentNote);
    }
    layout->addLayout(columns, 1);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_buttons);
    resize(900, 560);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeCurrentEntry();
        showEntry(row);
    });
    connect(m_addButton, &QPushButton::clicked, this, &WorkspacesDialog::addWorkspace);
    connect(m_removeButton, &QPushButton::clicked, this, &WorkspacesDialog::removeWorkspace);
    for (QLineEdit *edit : {m_name, m_uri, m_user, m_secret, m_caBundle, m_mlflowExecutable})
        connect(edit, &QLineEdit::textChanged, this, [this]() {
            storeCurrentEntry();
            validateCurrent();
        });
    connect(m_azure, &AzureWorkspaceForm::changed, this, [this]() {
        storeCurrentEntry();
        validateCurrent();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        if (m_updating)
            return;
        storeCurrentEntry();
        updateFieldStates();
        validateCurrent();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this]() {
        storeCurrentEntry();
        updateFieldStates();
        validateCurrent();
    });
    connect(m_insecureTls, &QCheckBox::toggled, this, &WorkspacesDialog::storeCurrentEntry);
    connect(m_browseCa, &QPushButton::clicked, this, [this]() {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Choose CA Bundle"), m_caBundle->text(),
                                         tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_caBundle->setText(path);
    });
    connect(m_testButton, &QPushButton::clicked, this, &WorkspacesDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WorkspacesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WorkspacesDialog::reject);
}

void WorkspacesDialog::loadEntries()
{
    for (const Profile &profile : m_manager->storedProfiles()) {
        Entry entry;
        entry.profile = profile;
        entry.originalName = fromStd(profile.name);
        m_entries.push_back(entry);
        m_list->addItem(entry.originalName);
        if (profile.authKind == AuthKind::None)
            continue;
        m_manager->secretStore()->readSecret(
            entry.originalName, this,
            [this, name = entry.originalName](const std::optional<QString> &secret) {
                for (std::size_t i = 0; i < m_entries.size(); ++i) {
                    Entry &target = m_entries[i];
                    if (target.originalName != name || target.secretLoaded)
                        continue;
                    target.secretLoaded = true;
                    target.originalSecret = secret.value_or(QString());
                    if (target.secret.isEmpty()) {
                        target.secret = target.originalSecret;
                        if (static_cast<int>(i) == m_currentRow) {
                            m_updating = true;
                            m_secret->setText(target.secret);
                            m_updating = false;
                        }
                    }
                }
            });
    }
    m_list->setCurrentRow(m_entries.empty() ? -1 : 0);
    showEntry(m_list->currentRow());
}

void WorkspacesDialog::selectProfile(const QString &name)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (fromStd(m_entries[i].profile.name) == name)
            m_list->setCurrentRow(static_cast<int>(i));
}

void WorkspacesDialog::showEntry(int row)
{
    m_currentRow = row;
    const bool valid = row >= 0 && row < static_cast<int>(m_entries.size());
    m_form->setEnabled(valid);
    m_removeButton->setEnabled(valid);
    m_testResult->clear();
    ++m_testGeneration; // a test still running belongs to the previous entry
    m_updating = true;
    const Entry entry = valid ? m_entries[static_cast<std::size_t>(row)] : Entry{};
    m_name->setText(fromStd(entry.profile.name));
    m_kind->setCurrentIndex(entry.profile.azure ? 1 : 0);
    m_azure->setProfile(entry.profile.azure.value_or(AzureProfile{}),
                        entry.profile.azure ? entry.secret : QString());
    m_uri->setText(fromStd(entry.profile.trackingUri));
    m_auth->setCurrentIndex(m_auth->findData(static_cast<int>(entry.profile.authKind)));
    m_user->setText(fromStd(entry.profile.username));
    m_secret->setText(entry.secret);
    m_insecureTls->setChecked(entry.profile.insecureTls);
    m_caBundle->setText(fromStd(entry.profile.caBundlePath));
    m_mlflowExecutable->setText(fromStd(entry.profile.mlflowExecutable));
    m_updating = false;
    updateFieldStates();
    validateCurrent();
}

void WorkspacesDialog::storeCurrentEntry()
{
    if (m_updating || m_currentRow < 0 || m_currentRow >= static_cast<int>(m_entries.size()))
        return;
    Entry &entry = m_entries[static_cast<std::size_t>(m_currentRow)];
    entry.profile.name = m_name->text().trimmed().toStdString();
    entry.profile.trackingUri = m_uri->text().trimmed().toStdString();
    entry.profile.authKind = static_cast<AuthKind>(m_auth->currentData().toInt());
    entry.profile.username = m_user->text().trimmed().toStdString();
    entry.profile.insecureTls = m_insecureTls->isChecked();
    entry.profile.caBundlePath = m_caBundle->text().trimmed().toStdString();
    entry.profile.mlflowExecutable = m_mlflowExecutable->text().trimmed().toStdString();
    entry.secret = m_secret->text();
    if (isAzureKind()) {
        // The workspace's registry is found at sign-in; a bearer token always.
        entry.profile.azure = m_azure->profile();
        entry.profile.authKind = AuthKind::Bearer;
        entry.secret = m_azure->clientSecret();
    } else {
        entry.profile.azure.reset();
    }
    if (QListWidgetItem *item = m_list->item(m_currentRow))
        item->setText(m_name->text().trimmed());
}

bool WorkspacesDialog::isAzureKind() const
{
    return m_kind->currentData().toBool();
}

void WorkspacesDialog::updateFieldStates()
{
    const bool azure = isAzureKind();
    m_azure->setVisible(azure);
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_uri, m_auth, m_user, m_secret, m_insecureTls, m_mlflowExecutable})
        m_formLayout->setRowVisible(field, !azure);
    m_formLayout->setRowVisible(m_caRow, !azure);
    const auto kind = static_cast<AuthKind>(m_auth->currentData().toInt());
    m_user->setEnabled(kind == AuthKind::Basic);
    m_userLabel->setEnabled(kind == AuthKind::Basic);
    m_secret->setEnabled(kind != AuthKind::None);
    m_secretLabel->setEnabled(kind != AuthKind::None);
    m_secretLabel->setText(kind == AuthKind::Bearer ? tr("Token:") : tr("Password:"));
    updateKeychainNote();
}

void WorkspacesDialog::updateKeychainNote()
{
    const bool persistent = m_manager->secretStore()->isPersistent();
    m_keychainNote->setText(persistent
                                ? tr("Passwords and tokens are stored in the system keychain, never in the "
                                     "workspace file.")
                                : tr("No keychain available: the password is kept until ModelGate quits."));
}

QString WorkspacesDialog::validationProblem(const Entry &entry) const
{
    const QString name = fromStd(entry.profile.name);
    if (name.isEmpty())
        return tr("Enter a name for the workspace.");
    int sameName = 0;
    for (const Entry &other : m_entries)
        sameName += fromStd(other.profile.name) == name ? 1 : 0;
    if (sameName > 1)
        return tr("Another workspace is already called “%1”.").arg(name);
    if (entry.profile.azure)
        return AzureWorkspaceForm::problemOf(*entry.profile.azure);
    if (entry.profile.trackingUri.empty())
        return tr("Enter the tracking URI of the MLflow server, e.g. http://localhost:5000.");
    if (const Result<std::string> base = restBaseUrl(entry.profile.trackingUri); !base.ok())
        return tr("The tracking URI is not usable: %1").arg(fromStd(base.error().message));
    if (entry.profile.authKind == AuthKind::Basic && entry.profile.username.empty())
        return tr("Enter the user name for password sign-in.");
    return {};
}

void WorkspacesDialog::validateCurrent()
{
    if (m_currentRow < 0 || m_currentRow >= static_cast<int>(m_entries.size())) {
        m_validation->clear();
        return;
    }
    m_validation->setText(validationProblem(m_entries[static_cast<std::size_t>(m_currentRow)]));
}

void WorkspacesDialog::addWorkspace()
{
    storeCurrentEntry();
    Entry entry;
    QSet<QString> names;
    for (const Entry &existing : m_entries)
        names.insert(fromStd(existing.profile.name));
    QString name = tr("New workspace");
    for (int i = 2; names.contains(name); ++i)
        name = tr("New workspace %1").arg(i);
    entry.profile.name = name.toStdString();
    entry.profile.trackingUri = "http://localhost:5000";
    entry.secretLoaded = true;
    m_entries.push_back(entry);
    m_list->addItem(name);
    m_list->setCurrentRow(static_cast<int>(m_entries.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void WorkspacesDialog::removeWorkspace()
{
    if (m_currentRow < 0 || m_currentRow >= static_cast<int>(m_entries.size()))
        return;
    const int row = m_currentRow;
    const Entry removed = m_entries[static_cast<std::size_t>(row)];
    if (!removed.originalName.isEmpty())
        m_removedNames << removed.originalName;
    m_currentRow = -1; // nothing to store for the row that goes away
    m_entries.erase(m_entries.begin() + row);
    delete m_list->takeItem(row);
    showEntry(m_list->currentRow());
}

void WorkspacesDialog::testConnection()
{
    storeCurrentEntry();
    if (m_currentRow < 0)
        return;
    const Entry entry = m_entries[static_cast<std::size_t>(m_currentRow)];
    if (const QString problem = validationProblem(entry); !problem.isEmpty()) {
        m_testResult->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_testResult->setText(problem);
        return;
    }
    const quint64 generation = ++m_testGeneration;
    m_testCancel.cancel();
    m_testCancel = CancelToken();
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting…"));
    if (entry.profile.azure) {
        testAzureConnection(entry.profile, entry.secret, generation);
        return;
    }
    Credentials credentials;
    credentials.kind = entry.profile.authKind;
    credentials.username = entry.profile.username;
    credentials.secret = entry.secret.toStdString();
    auto client = std::make_shared<const MlflowClient>(clientConfigFor(entry.profile, credentials));
    runAsync(
        this,
        [client, cancel = m_testCancel]() -> Result<std::string> {
            Result<std::string> version = client->serverVersion(cancel);
            if (!version.ok())
                return version;
            // /version answers without signing in; listing one model proves the credentials.
            SearchModelsQuery probe;
            probe.maxResults = 1;
            if (const auto models = client->searchRegisteredModels(probe, cancel); !models.ok())
                return models.error();
            return version;
        },
        [this, generation](const Result<std::string> &version) {
            m_testButton->setEnabled(true);
            if (generation != m_testGeneration)
                return;
            if (version.ok()) {
                m_testResult->setStyleSheet(QStringLiteral("color: #27ae60;"));
                m_testResult->setText(tr("Connected: MLflow %1, model registry readable.")
                                          .arg(fromStd(version.value()).trimmed()));
            } else {
                m_testResult->setStyleSheet(QStringLiteral("color: #c0392b;"));
                m_testResult->setText(userMessage(version.error(), Operation::TestConnection));
            }
        });
}

void WorkspacesDialog::testAzureConnection(const Profile &profile, const QString &secret, quint64 generation)
{
    struct Connected
    {
        std::string identity;
        std::string registry;
    };
    runAsync(
        this,
        [profile, environment = m_manager->environment(), secret = secret.toStdString(),
         cancel = m_testCancel]() -> Result<Connected> {
            auto session = openAzureSession(profile, environment, {}, secret, cancel);
            if (!session.ok())
                return session.error();
            // Signing in proves the identity; listing one model proves the workspace's registry.
            const MlflowClient registry(session->registry);
            SearchModelsQuery probe;
            probe.maxResults = 1;
            if (const auto models = registry.searchRegisteredModels(probe, cancel); !models.ok())
                return models.error();
            return Connected{reviewerIdentity(session->registry.credentials), session->registry.trackingUri};
        },
        [this, generation](const Result<Connected> &connected) {
            m_testButton->setEnabled(true);
            if (generation != m_testGeneration)
                return;
            if (connected.ok()) {
                m_testResult->setStyleSheet(QStringLiteral("color: #27ae60;"));
                m_testResult->setText(
                    tr("Connected as %1; the workspace's model registry is readable. Aliases "
                       "are kept as model tags there (the workspace has none).")
                        .arg(fromStd(connected.value().identity)));
            } else {
                m_testResult->setStyleSheet(QStringLiteral("color: #c0392b;"));
                m_testResult->setText(userMessage(connected.error(), Operation::OpenAzureWorkspace));
            }
        });
}

WorkspaceEdits WorkspacesDialog::edits() const
{
    WorkspaceEdits edits;
    edits.secretsToForget = m_removedNames;
    for (const Entry &entry : m_entries) {
        edits.profiles.push_back(entry.profile);
        const QString name = fromStd(entry.profile.name);
        const bool renamed = !entry.originalName.isEmpty() && entry.originalName != name;
        const bool secretCleared = entry.secret.isEmpty() && !entry.originalSecret.isEmpty();
        if (!entry.originalName.isEmpty() &&
            (renamed || entry.profile.authKind == AuthKind::None || secretCleared))
            edits.secretsToForget << entry.originalName;
        if (entry.profile.authKind != AuthKind::None && !entry.secret.isEmpty() &&
            (renamed || entry.secret != entry.originalSecret))
            edits.secrets.emplace_back(name, entry.secret);
    }
    return edits;
}

void WorkspacesDialog::accept()
{
    storeCurrentEntry();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (const QString problem = validationProblem(m_entries[i]); !problem.isEmpty()) {
            m_list->setCurrentRow(static_cast<int>(i));
            m_validation->setText(problem);
            return;
        }
    }
    if (const Status saved = m_manager->apply(edits()); !saved.ok()) {
        m_validation->setText(
            tr("The workspaces could not be saved: %1").arg(fromStd(saved.error().message)));
        return;
    }
    QDialog::accept();
}

} // namespace modelgate::ui
