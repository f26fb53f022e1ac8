#include "cli_history.h"

#include "cli_app.h"
#include "cli_format.h"
#include "text_table.h"

#include <cstdlib>

#include <modelgate/core/mlflow/json_output.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/downsample.h>

namespace modelgate::cli {

namespace {

constexpr std::size_t kMaxPointsLimit = 10'000'000;

std::string jsonString(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

} // namespace

bool parseMaxPoints(const std::string &text, std::size_t &points)
{
    char *end = nullptr;
    const unsigned long long parsed = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || text[0] == '-' || end == text.c_str() || *end != '\0' || parsed < 2 ||
        parsed > kMaxPointsLimit)
        return false;
    points = std::size_t(parsed);
    return true;
}

CommandFailure runMetricHistory(const MlflowClient &client, const HistoryRequest &request, std::ostream &out,
                                const CancelToken &cancel)
{
    auto history = client.getMetricHistory(request.runId, request.metric, cancel);
    if (!history) {
        const Error &error = history.error();
        if (error.kind == ErrorKind::Cancelled)
            return {ExitInterrupted, "interrupted"};
        if (error.kind == ErrorKind::Config)
            return {ExitUsage, error.describe()};
        return {ExitServer, "cannot read the history of '" + request.metric + "' in run " + request.runId +
                                ": " + error.describe()};
    }
    const std::size_t total = history->size();
    std::vector<Metric> shown = request.maxPoints > 0 ? downsampleMetricHistory(*history, request.maxPoints)
                                                      : std::move(history).value();

    if (request.json) {
        out << "{\"run_id\": " << jsonString(request.runId) << ", \"key\": " << jsonString(request.metric)
            << ", \"total_points\": " << total << ", \"metrics\": " << toJson(shown, -1) << "}\n";
        return {};
    }
    TextTable table({"STEP", "VALUE", "TIMESTAMP"});
    for (const auto &metric : shown)
        table.addRow(
            {std::to_string(metric.step), formatNumber(metric.value), formatTimestamp(metric.timestamp)});
    table.print(out);
    if (shown.size() != total)
        out << shown.size() << " of " << total << " points shown (LTTB)\n";
    return {};
}

} // namespace modelgate::cli
