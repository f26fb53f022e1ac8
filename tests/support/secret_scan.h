#pragma once

// Looks for secrets where ModelGate must never leave one (docs/reliability.md, "Secrets"):
// every file under the given folders (config, data, state, logs) and every process's command
// line on the machine. A secret is looked for as it is, percent-encoded (in a URL), JSON-escaped
// and inside a basic-auth header ("user:secret" in base64), so that none hides by its spelling.
// Header-only, Qt Core: a test calls it after a whole flow, while what it started still runs.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace modelgate::test {

struct Secret
{
    std::string owner; // whose it is, for the finding ("riley.release's password")
    std::string user;  // the user name it goes with in a basic-auth header; empty for a token
    std::string value;
};

namespace detail {

inline std::vector<std::pair<std::string, QByteArray>> spellings(const Secret &secret)
{
    const QByteArray raw = QByteArray::fromStdString(secret.value);
    std::vector<std::pair<std::string, QByteArray>> out{{"as it is", raw}};
    const QByteArray encoded = raw.toPercentEncoding();
    if (encoded != raw)
        out.emplace_back("percent-encoded", encoded);
    QByteArray escaped = raw;
    escaped.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    if (escaped != raw)
        out.emplace_back("JSON-escaped", escaped);
    if (!secret.user.empty()) {
        const QByteArray pair = QByteArray::fromStdString(secret.user + ":" + secret.value);
        out.emplace_back("in a basic-auth header", pair.toBase64());
        out.emplace_back("in a basic-auth header (URL-safe)",
                         pair.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    return out;
}

inline void scan(const QByteArray &content, const QString &where, const std::vector<Secret> &secrets,
                 std::vector<std::string> &findings)
{
    for (const Secret &secret : secrets)
        for (const auto &[how, spelling] : spellings(secret))
            if (!spelling.isEmpty() && content.contains(spelling))
                findings.push_back(where.toStdString() + " holds " + secret.owner + " (" + how + ")");
}

} // namespace detail

// Every file under `roots` (recursively, hidden ones too; sockets and FIFOs skipped), read
// whole: config and state files are small, logs are bounded by their rotation.
inline std::vector<std::string> secretsInFiles(const std::vector<QString> &roots,
                                               const std::vector<Secret> &secrets,
                                               int *filesScanned = nullptr)
{
    std::vector<std::string> findings;
    int count = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (!info.isFile() || info.isSymLink())
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                findings.push_back("cannot read " + path.toStdString() + " to check it");
                continue;
            }
            ++count;
            detail::scan(file.readAll(), path, secrets, findings);
        }
    }
    if (filesScanned)
        *filesScanned = count;
    return findings;
}

// Every process's command line (/proc/<pid>/cmdline, arguments joined by spaces).
inline std::vector<std::string> secretsOnCommandLines(const std::vector<Secret> &secrets,
                                                      int *processesScanned = nullptr)
{
    std::vector<std::string> findings;
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool isPid = false;
        pid.toInt(&isPid);
        if (!isPid)
            continue;
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue; // gone meanwhile
        QByteArray line = file.readAll();
        ++count;
        line.replace('\0', ' ');
        detail::scan(
            line,
            QStringLiteral("the command line of process %1 (%2)").arg(pid, QString::fromUtf8(line.left(80))),
            secrets, findings);
    }
    if (processesScanned)
        *processesScanned = count;
    return findings;
}

// Both scans at once, as a test calls them after a whole flow.
struct SecretScan
{
    std::vector<std::string> findings;
    int files = 0;
    int processes = 0;

    // The findings, one a line (empty when there is none).
    std::string report() const
    {
        std::string text;
        for (const std::string &finding : findings)
            text += finding + "\n";
        return text;
    }
};

inline SecretScan scanForSecrets(const std::vector<QString> &roots, const std::vector<Secret> &secrets)
{
    SecretScan scan;
    scan.findings = secretsInFiles(roots, secrets, &scan.files);
    for (std::string &finding : secretsOnCommandLines(secrets, &scan.processes))
        scan.findings.push_back(std::move(finding));
    return scan;
}

} // namespace modelgate::test
