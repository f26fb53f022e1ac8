#include "cli_compare.h"

#include "cli_app.h"
#include "cli_format.h"
#include "text_table.h"

#include <cmath>
#include <cstdio>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/review.h>

namespace modelgate::cli {

namespace {

constexpr const char *kGreen = "\033[32m";
constexpr const char *kRed = "\033[31m";
constexpr const char *kBoldRed = "\033[1;31m";
constexpr const char *kReset = "\033[0m";

std::string painted(const std::string &text, const char *colour, bool enabled)
{
    return enabled && colour ? colour + text + kReset : text;
}

// Six significant digits: a difference of two rounded metrics carries float noise
// ("-0.0027000000000000357"); --json keeps the exact value.
std::string signedNumber(double value)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%+.6g", value);
    return buffer;
}

std::string percent(double ratio)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%+.2f%%", ratio * 100.0);
    return buffer;
}

std::string optionalNumber(const std::optional<double> &value)
{
    return value ? formatNumber(*value) : "-";
}

std::string versionLine(const VersionEvidence &evidence)
{
    std::string line = evidence.version.name + " version " + evidence.version.version;
    if (!evidence.version.aliases.empty())
        line += " (@" + join(evidence.version.aliases, ", @") + ")";
    if (evidence.run) {
        line += ", run " + evidence.run->info.runId;
        if (!evidence.run->info.runName.empty())
            line += " (" + evidence.run->info.runName + ")";
    } else if (!evidence.runNote.empty()) {
        line += ", " + evidence.runNote;
    }
    return line;
}

void printMetrics(std::ostream &out, const Comparison &comparison, bool colour)
{
    out << "\nMetrics (final values)\n";
    if (comparison.metrics.empty()) {
        out << "  (none logged)\n";
        return;
    }
    TextTable table({"NAME", "CANDIDATE", "BASELINE", "DELTA", "RELATIVE", "DIRECTION", "VERDICT"});
    for (const auto &row : comparison.metrics) {
        std::string direction = wireName(row.direction);
        if (row.directionOverridden)
            direction += " (model)";
        const char *verdictColour = row.verdict == Verdict::Better  ? kGreen
                                    : row.verdict == Verdict::Worse ? kRed
                                                                    : nullptr;
        // The verdict is the last column, so its colour codes cannot misalign the table.
        table.addRow({row.key, optionalNumber(row.candidate), optionalNumber(row.baseline),
                      row.delta ? signedNumber(*row.delta) : "-",
                      row.relativeDelta ? percent(*row.relativeDelta) : "-", direction,
                      painted(wireName(row.verdict), verdictColour, colour)});
    }
    table.print(out);
}

void printDiff(std::ostream &out, const char *title, const std::vector<ValueDiff> &rows)
{
    std::size_t same = 0;
    TextTable table({"NAME", "CANDIDATE", "BASELINE", "CHANGE"});
    table.setMaxWidth(1, 50);
    table.setMaxWidth(2, 50);
    for (const auto &row : rows) {
        if (row.change == ValueChange::Same) {
            ++same;
            continue;
        }
        table.addRow(
            {row.key, row.candidate.value_or("-"), row.baseline.value_or("-"), wireName(row.change)});
    }
    out << '\n' << title;
    if (table.rowCount() == 0) {
        out << (rows.empty() ? ": none\n" : ": no differences (" + std::to_string(same) + " the same)\n");
        return;
    }
    out << " (" << table.rowCount() << " different, " << same << " the same)\n";
    table.print(out);
}

void printSignature(std::ostream &out, const SignatureDiff &diff, bool colour)
{
    out << "\nSignature: ";
    if (!diff.compared) {
        out << "not compared: " << diff.note << '\n';
        return;
    }
    if (diff.changes.empty()) {
        out << (diff.note.empty() ? std::string("no changes") : diff.note) << '\n';
        return;
    }
    out << diff.changes.size() << (diff.changes.size() == 1 ? " change" : " changes")
        << (diff.breaking ? ", " + painted("BREAKING", kBoldRed, colour) : std::string(", none breaking"))
        << '\n';
    for (const auto &change : diff.changes) {
        std::string line =
            change.breaking ? painted("BREAKING", kBoldRed, colour) + "  " : std::string(10, ' ');
        line += wireName(change.section);
        if (!change.name.empty())
            line += " " + change.name;
        line += ": " + std::string(wireName(change.change));
        if (!change.from.empty() || !change.to.empty())
            line += " (" + (change.from.empty() ? std::string("-") : change.from) + " -> " +
                    (change.to.empty() ? std::string("-") : change.to) + ")";
        out << "  " << line << "\n" << std::string(14, ' ') << change.reason << '\n';
    }
}

} // namespace

CommandFailure runCompare(const MlflowClient &client, const CompareRequest &request, std::ostream &out,
                          const CancelToken &cancel)
{
    auto comparison = loadComparison(client, request.model, request.candidate, request.baseline, cancel);
    if (!comparison) {
        const Error &error = comparison.error();
        if (error.kind == ErrorKind::Cancelled)
            return {ExitInterrupted, "interrupted"};
        if (error.kind == ErrorKind::Config)
            return {ExitUsage, error.describe()};
        // loadComparison names a missing alias plainly ("m has no alias 'champion'").
        const auto missingAlias = [&](const std::string &ref) {
            return ref.size() > 1 && ref.front() == '@' &&
                   error.message == request.model + " has no alias '" + ref.substr(1) + "'";
        };
        if (missingAlias(request.baseline))
            return {ExitServer,
                    error.message + (request.baseline == "@champion" ? "; pass --against VERSION" : "")};
        if (missingAlias(request.candidate))
            return {ExitServer, error.message};
        return {ExitServer, "cannot compare version '" + request.candidate + "' of '" + request.model +
                                "' with '" + request.baseline + "': " + error.describe()};
    }
    if (request.json) {
        out << comparisonToJson(*comparison) << '\n';
        return {};
    }
    out << "Candidate: " << versionLine(comparison->candidate) << '\n';
    out << "Baseline:  " << versionLine(comparison->baseline) << '\n';
    printMetrics(out, *comparison, request.colour);
    printDiff(out, "Parameters", comparison->params);
    printDiff(out, "Version tags", comparison->versionTags);
    printDiff(out, "Run tags", comparison->runTags);
    printSignature(out, comparison->signature, request.colour);
    for (const auto &warning : comparison->warnings)
        out << "\nWarning: " << warning << '\n';
    return {};
}

} // namespace modelgate::cli
