#pragma once
// A REAL Prometheus (the Debian package's `prometheus`) for a test: on a free loopback port,
// with its own configuration and storage in a temporary folder, scraping the given targets
// every second with the label endpoint="<name>" (what the "haproxy" preset selects by). It
// runs in its own process group and dies with the test process (parent-death signal); the
// destructor stops its group. It scrapes itself as well (kItself).

#include <memory>
#include <string>
#include <vector>

#include <QString>
#include <QtGlobal>

class QProcess;
class QTemporaryDir;

namespace modelgate::test {

class PrometheusServer final
{
    Q_DISABLE_COPY_MOVE(PrometheusServer)

public:
    struct ScrapeTarget
    {
        std::string endpoint;   // the endpoint label
        std::string metricsUri; // http://127.0.0.1:PORT/metrics
    };

    // Prometheus scrapes its own metrics too, as endpoint="prometheus-itself": a real exporter
    // with request counters by handler and code, and latency histograms.
    static constexpr const char *kItself = "prometheus-itself";

    PrometheusServer();
    ~PrometheusServer();

    // False with errorString() when prometheus is missing or does not get ready in 60 s.
    bool start(const std::vector<ScrapeTarget> &targets);
    void stop();

    std::string url() const { return m_url; }
    QString errorString() const { return m_error; }
    // True once Prometheus has scraped `endpoint` successfully (up == 1), within `timeoutMs`.
    bool waitUntilScraped(const std::string &endpoint, int timeoutMs);
    // The output of prometheus (its log), for a failure message.
    QString log() const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    std::string m_url;
    QString m_error;
};

} // namespace modelgate::test
