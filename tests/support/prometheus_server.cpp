#include "prometheus_server.h"

#include <csignal>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <modelgate/core/http/http.h>

namespace modelgate::test {

namespace {

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

std::string hostPort(const std::string &uri)
{
    const std::size_t scheme = uri.find("://");
    const std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t slash = uri.find('/', start);
    return uri.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
}

} // namespace

PrometheusServer::PrometheusServer() = default;

PrometheusServer::~PrometheusServer()
{
    stop();
}

bool PrometheusServer::start(const std::vector<ScrapeTarget> &targets)
{
    const QString executable = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (executable.isEmpty()) {
        m_error =
            QStringLiteral("prometheus is not installed (scripts/setup.sh installs the Debian package)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary folder for Prometheus");
        return false;
    }
    const int port = freePort();
    m_url = "http://127.0.0.1:" + std::to_string(port);
    std::string config = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n"
                         "scrape_configs:\n";
    std::vector<ScrapeTarget> all = targets;
    all.push_back({kItself, m_url + "/metrics"});
    for (const ScrapeTarget &target : all) {
        config += "  - job_name: 'endpoint-" + target.endpoint + "'\n";
        config += "    metrics_path: /metrics\n";
        config += "    static_configs:\n";
        config += "      - targets: ['" + hostPort(target.metricsUri) + "']\n";
        config += "        labels:\n          endpoint: '" + target.endpoint + "'\n";
    }
    QFile file(m_dir->filePath(QStringLiteral("prometheus.yml")));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(config.c_str()) != static_cast<qint64>(config.size())) {
        m_error = QStringLiteral("cannot write the Prometheus configuration");
        return false;
    }
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("prometheus.log")));
    // Its own process group, stopped as one; and gone with the test if the test dies.
    m_process->setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_process->start(
        executable, {QStringLiteral("--config.file=") + file.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + m_dir->filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                     QStringLiteral("--storage.tsdb.retention.time=1d"), QStringLiteral("--log.level=warn")});
    if (!m_process->waitForStarted(10'000)) {
        m_error = QStringLiteral("prometheus did not start: ") + m_process->errorString();
        return false;
    }
    const auto transport = makeCurlTransport();
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("prometheus exited at start: ") + log();
            return false;
        }
        HttpRequest request;
        request.url = m_url + "/-/ready";
        Result<HttpResponse> response = transport->send(request, CancelToken());
        if (response.ok() && response.value().status == 200)
            return true;
        QThread::msleep(200);
    }
    m_error = QStringLiteral("prometheus did not get ready in 60 s: ") + log();
    return false;
}

void PrometheusServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    const auto pid = static_cast<pid_t>(m_process->processId());
    if (pid > 0)
        ::kill(-pid, SIGTERM); // its group: it leads it (setsid)
    if (!m_process->waitForFinished(10'000)) {
        if (pid > 0)
            ::kill(-pid, SIGKILL);
        m_process->waitForFinished(5'000);
    }
}

bool PrometheusServer::waitUntilScraped(const std::string &endpoint, int timeoutMs)
{
    const auto transport = makeCurlTransport();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        HttpRequest request;
        request.url = m_url + "/api/v1/query?query=" + urlEncode("up{endpoint=\"" + endpoint + "\"}");
        Result<HttpResponse> response = transport->send(request, CancelToken());
        if (response.ok() && response.value().status == 200) {
            const auto body = nlohmann::json::parse(response.value().body, nullptr, false);
            if (body.is_object() && body.contains("data") && body["data"].is_object() &&
                body["data"].contains("result") && body["data"]["result"].is_array())
                for (const auto &item : body["data"]["result"])
                    if (item.is_object() && item.contains("value") && item["value"].is_array() &&
                        item["value"].size() == 2 && item["value"][1] == "1")
                        return true;
        }
        QThread::msleep(250);
    }
    return false;
}

QString PrometheusServer::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(QStringLiteral("prometheus.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().right(4000));
}

} // namespace modelgate::test
