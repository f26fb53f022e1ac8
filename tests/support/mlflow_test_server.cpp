#include "mlflow_test_server.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace modelgate::test {

namespace {

const QString kReadyPrefix = QStringLiteral("READY ");

QString helperScript()
{
    return QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/mlflow_server.py");
}

// True if something accepts TCP connections on 127.0.0.1:port. A refused loopback connect
// fails at once, so this costs nothing when the server is gone.
bool acceptsConnections(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool connected = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    if (!connected && errno == EINPROGRESS) {
        pollfd waiter{fd, POLLOUT, 0};
        int error = 0;
        socklen_t length = sizeof error;
        connected = ::poll(&waiter, 1, 2000) == 1 &&
                    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
    }
    ::close(fd);
    return connected;
}

QString readTrimmed(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString pythonOfVenv(const QString &venv)
{
    if (venv.isEmpty())
        return {};
    const QString python = QDir(venv).filePath(QStringLiteral("bin/python"));
    return QFileInfo(python).isExecutable() ? python : QString();
}

// The URI in <stateDir>/uri if a server accepts connections there: a stale file from an
// interrupted run must not send tests to a dead port.
QString answeringUri(const QString &stateDir)
{
    const QString uri = readTrimmed(stateDir + QStringLiteral("/uri"));
    const QUrl url(uri);
    if (uri.isEmpty() || !url.isValid() || url.port() <= 0)
        return {};
    return acceptsConnections(url.port()) ? uri : QString();
}

QString randomPassword()
{
    // 24 characters from an unambiguous alphabet: strong, and safe in an ini file.
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(
            static_cast<int>(QRandomGenerator::system()->bounded(static_cast<int>(alphabet.size()))));
    return password;
}

} // namespace

QString sharedMlflowStateDir()
{
    return QStringLiteral(MODELGATE_TEST_SERVER_DIR);
}

QString sharedMlflowUri()
{
    return answeringUri(sharedMlflowStateDir());
}

QString sharedAuthMlflowStateDir()
{
    return QStringLiteral(MODELGATE_AUTH_TEST_SERVER_DIR);
}

QString SharedAuthMlflow::adminUser()
{
    return PrivateMlflowServer::adminUser();
}

QString SharedAuthMlflow::adminPassword() const
{
    return QString::fromStdString(password(adminUser().toStdString()));
}

std::string SharedAuthMlflow::password(const std::string &user) const
{
    const auto found = m_passwords.find(user);
    return found == m_passwords.end() ? std::string() : found->second;
}

std::optional<SharedAuthMlflow> sharedAuthMlflow(QString *whyNot)
{
    const QDir dir(sharedAuthMlflowStateDir());
    const auto fail = [&](const QString &reason) -> std::optional<SharedAuthMlflow> {
        if (whyNot)
            *whyNot = reason + QStringLiteral(" (run the tests through ctest, whose fixture "
                                              "'mlflow_auth' starts it, or scripts/setup.sh first)");
        return std::nullopt;
    };
    // Written last by the fixture: before it, users or enrolments may be missing.
    if (!QFileInfo::exists(dir.filePath(QStringLiteral("release-setup.done"))))
        return fail(QStringLiteral("No shared basic-auth MLflow server is set up in ") + dir.path());
    SharedAuthMlflow shared;
    shared.m_stateDir = dir.path();
    shared.m_uri = answeringUri(dir.path());
    if (shared.m_uri.isEmpty())
        return fail(
            QStringLiteral("The shared basic-auth MLflow server in %1 does not answer").arg(dir.path()));
    QFile users(dir.filePath(QStringLiteral("users.json")));
    if (!users.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot read ") + users.fileName());
    const QJsonObject passwords = QJsonDocument::fromJson(users.readAll()).object();
    for (auto it = passwords.begin(); it != passwords.end(); ++it)
        shared.m_passwords[it.key().toStdString()] = it.value().toString().toStdString();
    if (shared.adminPassword().isEmpty())
        return fail(users.fileName() + QStringLiteral(" has no admin password"));
    return shared;
}

bool isCiRun()
{
    return qEnvironmentVariable("CI").compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

QString mlflowPython(QString *errorMessage)
{
    static const QString cached = [] {
        if (QString python = pythonOfVenv(qEnvironmentVariable("MODELGATE_VENV")); !python.isEmpty())
            return python;
        if (QString python = pythonOfVenv(QStringLiteral(MODELGATE_VENV_DIR)); !python.isEmpty())
            return python;
        // Not configured: ask setup.sh where the cached venv is (it builds one if needed).
        QProcess setup;
        setup.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        setup.start(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/setup.sh"),
                    {QStringLiteral("--print-venv"), QStringLiteral("--no-apt")});
        if (!setup.waitForFinished(15 * 60 * 1000) || setup.exitStatus() != QProcess::NormalExit ||
            setup.exitCode() != 0)
            return QString();
        return pythonOfVenv(QString::fromUtf8(setup.readAllStandardOutput()).trimmed());
    }();
    if (cached.isEmpty() && errorMessage)
        *errorMessage =
            QStringLiteral("No Python environment with MLflow: configure with -DMODELGATE_VENV=... "
                           "or set MODELGATE_VENV (scripts/setup.sh --print-venv prints it).");
    return cached;
}

QString mlflowVersion()
{
    static const QString cached = [] {
        const QString python = mlflowPython();
        if (python.isEmpty())
            return QString();
        QProcess probe;
        probe.start(python,
                    {QStringLiteral("-c"), QStringLiteral("import mlflow; print(mlflow.__version__)")});
        if (!probe.waitForFinished(120 * 1000) || probe.exitCode() != 0)
            return QString();
        return QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    }();
    return cached;
}

PrivateMlflowServer::PrivateMlflowServer() = default;

PrivateMlflowServer::~PrivateMlflowServer()
{
    stop();
}

QString PrivateMlflowServer::adminUser()
{
    return QStringLiteral("admin");
}

QString PrivateMlflowServer::stateDir() const
{
    return m_stateDir ? m_stateDir->path() : QString();
}

bool PrivateMlflowServer::isRunning() const
{
    return m_helper && m_helper->state() == QProcess::Running && !m_uri.isEmpty();
}

bool PrivateMlflowServer::start(const Options &options)
{
    stop();
    m_options = options;
    m_stateDir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/modelgate-mlflow-XXXXXX"));
    if (!m_stateDir->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory: ") + m_stateDir->errorString();
        return false;
    }
    m_adminPassword = options.basicAuth ? randomPassword() : QString();
    return launch(0);
}

bool PrivateMlflowServer::restart()
{
    if (!m_stateDir || m_port <= 0) {
        m_errorString = QStringLiteral("restart() needs a server started before");
        return false;
    }
    stop();
    m_options.seed = false; // the data is still there
    return launch(m_port);
}

bool PrivateMlflowServer::launch(int port)
{
    m_uri.clear();
    m_errorString.clear();
    const QString python = mlflowPython(&m_errorString);
    if (python.isEmpty())
        return false;

    QStringList arguments{helperScript(), QStringLiteral("run"), m_stateDir->path()};
    if (port > 0)
        arguments << QStringLiteral("--port") << QString::number(port);
    if (m_options.seed)
        arguments << QStringLiteral("--seed");
    if (m_options.basicAuth)
        arguments << QStringLiteral("--auth");

    m_helper = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (m_options.basicAuth)
        environment.insert(QStringLiteral("MODELGATE_MLFLOW_ADMIN_PASSWORD"), m_adminPassword);
    if (!m_options.credentialCache)
        environment.insert(QStringLiteral("MODELGATE_MLFLOW_AUTH_CACHE"), QStringLiteral("0"));
    m_helper->setProcessEnvironment(environment);
    m_helper->setProgram(python);
    m_helper->setArguments(arguments);
    m_helper->start();

    const QDeadlineTimer deadline(m_options.timeout);
    QByteArray pending;
    while (!deadline.hasExpired()) {
        if (!m_helper->waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 1000))) &&
            m_helper->state() == QProcess::NotRunning)
            break;
        pending += m_helper->readAllStandardOutput();
        for (qsizetype newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(pending.left(newline)).trimmed();
            pending.remove(0, newline + 1);
            if (line.startsWith(kReadyPrefix)) {
                m_uri = line.mid(kReadyPrefix.size());
                m_port = QUrl(m_uri).port();
                return true;
            }
        }
    }

    const bool timedOut = m_helper->state() != QProcess::NotRunning;
    stop();
    const QString helperOutput =
        QString::fromUtf8(m_helper ? m_helper->readAllStandardError() : QByteArray());
    m_errorString =
        (timedOut ? QStringLiteral("MLflow did not come up within %1 s").arg(m_options.timeout.count())
                  : QStringLiteral("the MLflow helper failed")) +
        QStringLiteral(":\n") + helperOutput.trimmed() + QStringLiteral("\nserver log:\n") + serverLogTail();
    return false;
}

void PrivateMlflowServer::stop()
{
    if (m_helper && m_helper->state() != QProcess::NotRunning) {
        // SIGTERM: the helper stops the server's whole process group and exits.
        m_helper->terminate();
        if (!m_helper->waitForFinished(30 * 1000)) {
            m_helper->kill();
            m_helper->waitForFinished(5 * 1000);
        }
    }
    killLeftovers();
    m_uri.clear();
}

void PrivateMlflowServer::killLeftovers()
{
    // Only if the helper itself had to be killed: the server group it recorded is still
    // ours (the state directory is private), so end it here rather than leak it.
    if (!m_stateDir)
        return;
    bool ok = false;
    const pid_t group = readTrimmed(m_stateDir->filePath(QStringLiteral("pid"))).toInt(&ok);
    if (!ok || group <= 1)
        return;
    if (::killpg(group, 0) == 0) {
        ::killpg(group, SIGKILL);
        for (int i = 0; i < 50 && ::killpg(group, 0) == 0; ++i)
            ::usleep(100 * 1000);
    }
    QFile::remove(m_stateDir->filePath(QStringLiteral("pid")));
}

QString PrivateMlflowServer::serverLogTail(int lines) const
{
    if (!m_stateDir)
        return {};
    const QStringList all = readTrimmed(m_stateDir->filePath(QStringLiteral("server.log"))).split(u'\n');
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

} // namespace modelgate::test
