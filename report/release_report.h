#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QString>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/mlflow/mlflow_types.h>
#include <modelgate/core/release/release_review.h>
#include <modelgate/core/util/result.h>
#include <modelgate/core/review/review.h>

class QCoreApplication;
class QLocale;

namespace modelgate {
class MlflowClient;
}

namespace modelgate::report {

// One metric's history for the report's charts: the candidate's run and the champion's,
// sampled by the server (getMetricHistoryBulkInterval).
struct ChartSeries
{
    std::string metric;
    std::string candidateLabel; // "v7"
    std::vector<Metric> candidate;
    std::string championLabel; // "v5 (champion)"; empty when there is no champion
    std::vector<Metric> champion;
};

// Everything a release report shows, loaded once so that HTML and PDF agree.
struct ReleaseReportData
{
    ReleaseStatus status;
    std::optional<Comparison> comparison; // the candidate against the champion
    AuditTrail trail;                     // the model's whole trail, verified
    std::vector<ChartSeries> charts;      // metric histories, at most kMaxCharts (see loadReleaseReportData)
    std::vector<std::string> singleValueMetrics; // metrics logged once per run: nothing to draw
    std::string chartsNote;                      // English: why charts are missing (empty when none are)
    QString generatedAt;                         // ISO 8601 UTC
    QString generator;                           // "ModelGate 0.x"
};

inline constexpr std::size_t kMaxCharts = 6;
inline constexpr int kChartPointsPerRun = 200;

// Loads the release status (checks, comparison, manifest, trail) and the charts' histories:
// first the metrics the checks judge, then the candidate's other metrics, each only if a run
// logged it at more than one step (a single value is one dot, and the comparison table has
// it already; those the checks judge are listed in singleValueMetrics instead).
// Only a failure to load the status is an error; a chart that cannot be loaded is left out
// and chartsNote says why.
Result<ReleaseReportData> loadReleaseReportData(const MlflowClient &client, const std::string &model,
                                                const std::string &version, const CancelToken &cancel);

// The report as one self-contained HTML document: inline CSS, charts as base64 PNG data
// URIs, no scripts, fonts or links to anywhere. Strings are translated in the context
// "ReleaseReport" with the translators installed at the time of the call.
QString releaseReportHtml(const ReleaseReportData &data);

// Writes the report: ".html" as releaseReportHtml, ".pdf" as an A4 PDF (QTextDocument with
// the charts as image resources, page numbers at the bottom). Any other suffix is a Config
// error; a file that cannot be written is a Config error naming it. Needs a QGuiApplication
// (fonts); create one on the offscreen platform where there is no display.
Status writeReleaseReport(const ReleaseReportData &data, const QString &path);

// Installs ModelGate's translations (embedded under :/i18n by this library) and Qt's own
// for `locale`, and makes it the default QLocale. English needs no file. Returns false when
// ModelGate has no translation for the language. Used by the GUI and the CLI.
bool installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace modelgate::report
