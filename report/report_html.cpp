#include "report_html.h"

#include "check_text.h"
#include "report_chart.h"
#include "report_tr.h"

#include <cmath>

#include <QBuffer>
#include <QLocale>

#include <modelgate/core/release_policy.h>

namespace modelgate::report {

namespace {

QString esc(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString shortHash(const std::string &hash)
{
    return hash.size() > 12 ? QString::fromStdString(hash.substr(0, 12)) + QChar(0x2026)
                            : QString::fromStdString(hash);
}

QString number(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("–");
    if (std::isnan(*value))
        return QStringLiteral("NaN");
    return QLocale().toString(*value, 'g', 6);
}

QString stateText(ReviewState state)
{
    switch (state) {
    case ReviewState::Pending:
        return ReleaseReport::tr("pending");
    case ReviewState::InReview:
        return ReleaseReport::tr("in review");
    case ReviewState::Approved:
        return ReleaseReport::tr("approved");
    case ReviewState::Rejected:
        return ReleaseReport::tr("rejected");
    case ReviewState::Stale:
        return ReleaseReport::tr("stale (the content changed since the approval)");
    }
    return {};
}

QString actionText(const std::optional<ReleaseRecord> &record)
{
    if (!record)
        return ReleaseReport::tr("malformed");
    switch (record->action) {
    case ReleaseAction::Approve:
        return ReleaseReport::tr("approve");
    case ReleaseAction::Reject:
        return ReleaseReport::tr("reject");
    case ReleaseAction::Revoke:
        return ReleaseReport::tr("revoke");
    case ReleaseAction::Policy:
        return ReleaseReport::tr("policy");
    }
    return {};
}

QString checkStatusCell(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("<td class=\"pass\">%1</td>").arg(ReleaseReport::tr("pass"));
    case CheckStatus::Fail:
        return QStringLiteral("<td class=\"fail\">%1</td>").arg(ReleaseReport::tr("fail"));
    case CheckStatus::Warning:
        return QStringLiteral("<td class=\"warn\">%1</td>").arg(ReleaseReport::tr("warning"));
    }
    return {};
}

QString verdictCell(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return QStringLiteral("<td class=\"pass\">%1</td>").arg(ReleaseReport::tr("better"));
    case Verdict::Worse:
        return QStringLiteral("<td class=\"fail\">%1</td>").arg(ReleaseReport::tr("worse"));
    case Verdict::Equal:
        return QStringLiteral("<td>%1</td>").arg(ReleaseReport::tr("equal"));
    case Verdict::Unknown:
        return QStringLiteral("<td>%1</td>").arg(ReleaseReport::tr("unknown"));
    }
    return {};
}

QString changeText(ValueChange change)
{
    switch (change) {
    case ValueChange::Same:
        return ReleaseReport::tr("same");
    case ValueChange::Changed:
        return ReleaseReport::tr("changed");
    case ValueChange::Added:
        return ReleaseReport::tr("added");
    case ValueChange::Removed:
        return ReleaseReport::tr("removed");
    }
    return {};
}

QString checksText(const CheckSummary &checks)
{
    return ReleaseReport::tr("%1 passed, %2 failed, %3 warnings")
        .arg(checks.passed)
        .arg(checks.failed)
        .arg(checks.warnings);
}

QString row(std::initializer_list<QString> cells, const QString &cssClass = {})
{
    QString html =
        cssClass.isEmpty() ? QStringLiteral("<tr>") : QStringLiteral("<tr class=\"%1\">").arg(cssClass);
    for (const QString &cell : cells)
        html += cell.startsWith(QLatin1String("<td")) ? cell : QStringLiteral("<td>%1</td>").arg(cell);
    return html + QStringLiteral("</tr>\n");
}

QString header(std::initializer_list<QString> cells)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<th>%1</th>").arg(cell);
    return html + QStringLiteral("</tr>\n");
}

QString tableStart()
{
    // Attributes as well as CSS: QTextDocument (the PDF) reads the attributes, browsers both.
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n");
}

QString code(const std::string &text)
{
    return QStringLiteral("<code>%1</code>").arg(esc(text));
}

QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const auto &item : items)
        list << QString::fromStdString(item);
    return list.isEmpty() ? QStringLiteral("–") : list.join(QStringLiteral(", ")).toHtmlEscaped();
}

QString pngDataUri(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

const char *kStyle = R"(
body { font-family: sans-serif; font-size: 10pt; color: #1b1f24; margin: 24px; }
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 20px; border-bottom: 1px solid #d0d4da; }
table { border-collapse: collapse; margin: 6px 0; }
th { background-color: #eef1f4; text-align: left; }
th, td { border: 1px solid #d0d4da; padding: 3px 6px; vertical-align: top; }
code { font-family: monospace; font-size: 8pt; }
.meta { color: #57606a; }
.verdict-ok { background-color: #dafbe1; border: 1px solid #1a7f37; padding: 8px; }
.verdict-no { background-color: #ffebe9; border: 1px solid #cf222e; padding: 8px; }
.pass { color: #1a7f37; font-weight: bold; }
.fail { color: #cf222e; font-weight: bold; }
.warn { color: #9a6700; font-weight: bold; }
.breakglass { background-color: #ffebe9; }
.broken { background-color: #ffebe9; font-weight: bold; }
.head { font-family: monospace; font-size: 10pt; font-weight: bold; }
)";

QString decisionsTable(const std::vector<StandingDecision> &decisions)
{
    QString html = tableStart();
    html += header({ReleaseReport::tr("Record"), ReleaseReport::tr("Reviewer"), ReleaseReport::tr("Time"),
                    ReleaseReport::tr("Comment"), ReleaseReport::tr("Digest matches"),
                    ReleaseReport::tr("Counts"), ReleaseReport::tr("Break-glass reason")});
    for (const StandingDecision &decision : decisions) {
        const ReleaseRecord &record = decision.record;
        const bool breakGlass = !record.breakGlassReason.empty();
        html += row({QString::number(record.sequence), esc(record.reviewer), esc(record.time),
                     esc(record.comment),
                     decision.digestMatches ? ReleaseReport::tr("yes") : ReleaseReport::tr("no"),
                     decision.counts ? ReleaseReport::tr("yes") : ReleaseReport::tr("no"),
                     breakGlass ? ReleaseReport::tr("BREAK-GLASS: %1").arg(esc(record.breakGlassReason))
                                : QStringLiteral("–")},
                    breakGlass ? QStringLiteral("breakglass") : QString());
    }
    return html + QStringLiteral("</table>\n");
}

QString comparisonSection(const ReleaseReportData &data)
{
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Comparison with the champion"));
    if (!data.comparison) {
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(ReleaseReport::tr(
                        "There is no champion to compare with (or this version is the champion)."));
        return html;
    }
    const Comparison &comparison = *data.comparison;
    html += QStringLiteral("<p>%1</p>\n")
                .arg(ReleaseReport::tr("Version %1 against the champion, version %2.")
                         .arg(esc(comparison.candidate.version.version),
                              esc(comparison.baseline.version.version)));
    html += QStringLiteral("<h3>%1</h3>\n").arg(ReleaseReport::tr("Metrics"));
    html += tableStart();
    html +=
        header({ReleaseReport::tr("Metric"), ReleaseReport::tr("Candidate"), ReleaseReport::tr("Champion"),
                ReleaseReport::tr("Delta"), ReleaseReport::tr("Relative"), ReleaseReport::tr("Verdict")});
    for (const MetricComparison &metric : comparison.metrics) {
        const QString relative =
            metric.relativeDelta
                ? QLocale().toString(*metric.relativeDelta * 100.0, 'f', 2) + QStringLiteral(" %")
                : QStringLiteral("–");
        html += row({esc(metric.key), number(metric.candidate), number(metric.baseline), number(metric.delta),
                     relative, verdictCell(metric.verdict)});
    }
    html += QStringLiteral("</table>\n");

    QString params;
    for (const ValueDiff &diff : comparison.params)
        if (diff.change != ValueChange::Same)
            params += row({esc(diff.key), esc(diff.candidate.value_or("–")), esc(diff.baseline.value_or("–")),
                           changeText(diff.change)});
    html += QStringLiteral("<h3>%1</h3>\n").arg(ReleaseReport::tr("Parameter changes"));
    if (params.isEmpty()) {
        html +=
            QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("No parameter differs from the champion."));
    } else {
        html += tableStart() +
                header({ReleaseReport::tr("Parameter"), ReleaseReport::tr("Candidate"),
                        ReleaseReport::tr("Champion"), ReleaseReport::tr("Change")}) +
                params + QStringLiteral("</table>\n");
    }

    html += QStringLiteral("<h3>%1</h3>\n").arg(ReleaseReport::tr("Signature changes"));
    const SignatureDiff &signature = comparison.signature;
    if (!signature.compared) {
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(ReleaseReport::tr("The signatures were not compared: %1").arg(esc(signature.note)));
    } else if (signature.changes.empty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("The signature is unchanged."));
    } else {
        html += tableStart();
        html += header({ReleaseReport::tr("Section"), ReleaseReport::tr("Name"), ReleaseReport::tr("Change"),
                        ReleaseReport::tr("From"), ReleaseReport::tr("To"), ReleaseReport::tr("Breaking")});
        for (const SignatureChange &change : signature.changes)
            html += row({esc(std::string(toString(change.section))), esc(change.name),
                         esc(std::string(toString(change.change))), esc(change.from), esc(change.to),
                         change.breaking
                             ? QStringLiteral("<td class=\"fail\">%1</td>").arg(ReleaseReport::tr("BREAKING"))
                             : ReleaseReport::tr("no")});
        html += QStringLiteral("</table>\n");
    }
    return html;
}

QString trailSection(const ReleaseReportData &data)
{
    const TrailVerification &trail = data.trail.verification;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Audit trail of the model"));
    if (trail.entries.empty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("The model has no release records yet."));
        return html;
    }
    html += tableStart();
    html += header({ReleaseReport::tr("N"), ReleaseReport::tr("Time"), ReleaseReport::tr("Action"),
                    ReleaseReport::tr("Version"), ReleaseReport::tr("Reviewer"), ReleaseReport::tr("Comment"),
                    ReleaseReport::tr("Checks"), ReleaseReport::tr("Digest"), ReleaseReport::tr("Hash")});
    for (const TrailEntry &entry : trail.entries) {
        const bool broken = trail.firstBroken && *trail.firstBroken == entry.sequence;
        if (!entry.record) {
            html += row({QString::number(entry.sequence), QString(), actionText(entry.record), QString(),
                         QString(), esc(entry.text.substr(0, 200)), QString(), QString(),
                         code(shortHash(entry.hash).toStdString())},
                        QStringLiteral("broken"));
            continue;
        }
        const ReleaseRecord &record = *entry.record;
        QString comment = esc(record.comment);
        if (!record.breakGlassReason.empty())
            comment += QStringLiteral("<br/><b>%1</b>")
                           .arg(ReleaseReport::tr("BREAK-GLASS: %1").arg(esc(record.breakGlassReason)));
        if (broken)
            comment += QStringLiteral("<br/><b>%1</b>").arg(esc(trail.reason));
        const bool zeroChecks =
            record.action == ReleaseAction::Policy || record.action == ReleaseAction::Revoke;
        html += row({QString::number(entry.sequence), esc(record.time), actionText(entry.record),
                     record.version.empty() ? QStringLiteral("–") : esc(record.version), esc(record.reviewer),
                     comment, zeroChecks ? QStringLiteral("–") : checksText(record.checks),
                     record.contentDigest.empty() ? QStringLiteral("–")
                                                  : code(shortHash(record.contentDigest).toStdString()),
                     code(shortHash(entry.hash).toStdString())},
                    broken ? QStringLiteral("broken")
                           : (!record.breakGlassReason.empty() ? QStringLiteral("breakglass") : QString()));
    }
    return html + QStringLiteral("</table>\n");
}

QString manifestSection(const ReleaseReportData &data)
{
    const ContentManifest &manifest = data.status.manifest;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Content digest"));
    html += QStringLiteral("<p>%1 %2</p>\n")
                .arg(ReleaseReport::tr("Digest of the version's content:"), code(data.status.digest));
    html += tableStart();
    html += row({ReleaseReport::tr("Source"), esc(manifest.source)});
    html += row({ReleaseReport::tr("Run"), code(manifest.runId)});
    html += row({ReleaseReport::tr("MLmodel SHA-256"), code(manifest.mlmodelSha256)});
    html += QStringLiteral("</table>\n");
    if (!manifest.filesNote.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(manifest.filesNote));
    html += tableStart();
    html +=
        header({ReleaseReport::tr("File"), ReleaseReport::tr("Size (bytes)"), ReleaseReport::tr("SHA-256")});
    for (const ModelFileHash &file : manifest.files)
        html +=
            row({esc(file.path), QLocale().toString(static_cast<qlonglong>(file.size)), code(file.sha256)});
    return html + QStringLiteral("</table>\n");
}

} // namespace

QString chartResourceName(std::size_t index)
{
    return QStringLiteral("chart-%1.png").arg(index);
}

QString buildReportHtml(const ReleaseReportData &data, ImageMode mode, std::vector<QImage> *charts)
{
    const ReleaseStatus &status = data.status;
    const TrailVerification &trail = data.trail.verification;
    const QString title =
        ReleaseReport::tr("Release report: %1, version %2").arg(esc(status.model), esc(status.version));

    QString html =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/>\n<title>%2</title>\n"
            "<style>%3</style></head><body>\n")
            .arg(QLocale().bcp47Name(), title, QString::fromLatin1(kStyle));
    html += QStringLiteral("<h1>%1</h1>\n").arg(title);
    html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(ReleaseReport::tr("Generated %1 by %2 for %3.")
                         .arg(esc(data.generatedAt), esc(data.generator),
                              status.reviewer.empty() ? ReleaseReport::tr("an anonymous user")
                                                      : esc(status.reviewer)));

    // The verdict first: an auditor reads this line before anything else.
    html += QStringLiteral("<div class=\"%1\"><p><b>%2</b></p><p>%3</p></div>\n")
                .arg(status.approved ? QStringLiteral("verdict-ok") : QStringLiteral("verdict-no"),
                     status.approved ? ReleaseReport::tr("APPROVED for release")
                                     : ReleaseReport::tr("NOT APPROVED for release"),
                     ReleaseReport::tr("State: %1. Reason: %2")
                         .arg(stateText(status.decisions.state), esc(status.reason)));
    if (trail.ok)
        html += QStringLiteral("<p>%1<br/><span class=\"head\">%2</span></p>\n")
                    .arg(ReleaseReport::tr("The model's trail verifies (%n record(s)). Verified head hash:",
                                           nullptr, trail.recordCount),
                         esc(trail.headHash));
    else
        html +=
            QStringLiteral("<p class=\"fail\">%1</p>\n")
                .arg(ReleaseReport::tr("The model's trail is BROKEN at record %1: %2")
                         .arg(trail.firstBroken ? QString::number(*trail.firstBroken) : QStringLiteral("?"),
                              esc(trail.reason)));

    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Version"));
    html += tableStart();
    const ModelVersion &version = status.checks.candidate.version;
    html += row({ReleaseReport::tr("Model"), esc(status.model)});
    html +=
        row({ReleaseReport::tr("Version"), esc(version.version.empty() ? status.version : version.version)});
    html += row({ReleaseReport::tr("Aliases"), joined(version.aliases)});
    html += row({ReleaseReport::tr("Description"),
                 version.description.empty() ? QStringLiteral("–") : esc(version.description)});
    html += row({ReleaseReport::tr("Source run"), code(version.runId)});
    html += row({ReleaseReport::tr("Authors"), joined(status.authors)});
    html += row({ReleaseReport::tr("Approvals"), ReleaseReport::tr("%1 standing, %2 required")
                                                     .arg(status.decisions.approvals.size())
                                                     .arg(status.decisions.requiredApprovals)});
    html += row({ReleaseReport::tr("Content digest"), code(status.digest)});
    html += row({ReleaseReport::tr("Release policy"),
                 (status.checks.policy.fromTag ? ReleaseReport::tr("from the model's tag")
                                               : ReleaseReport::tr("the default policy")) +
                     QStringLiteral(" ") + code(status.checks.policy.hash)});
    html += QStringLiteral("</table>\n");
    for (const std::string &mismatch : status.tagMismatches)
        html += QStringLiteral("<p class=\"fail\">%1</p>\n")
                    .arg(ReleaseReport::tr("Tag mismatch: %1").arg(esc(mismatch)));
    for (const std::string &problem : status.policyProblems)
        html += QStringLiteral("<p class=\"fail\">%1</p>\n")
                    .arg(ReleaseReport::tr("Policy problem: %1").arg(esc(problem)));

    html += comparisonSection(data);

    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Metric history"));
    if (data.charts.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("No metric history to show."));
    for (std::size_t i = 0; i < data.charts.size(); ++i) {
        const QImage image = renderChart(data.charts[i]);
        const QString source = mode == ImageMode::DataUri ? pngDataUri(image) : chartResourceName(i);
        html += QStringLiteral("<p><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/></p>\n")
                    .arg(source)
                    .arg(image.width())
                    .arg(image.height())
                    .arg(esc(data.charts[i].metric));
        if (charts)
            charts->push_back(image);
    }
    if (!data.chartsNote.empty())
        html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(esc(data.chartsNote));

    const CheckReport &checks = status.checks.report;
    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Pre-checks"));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(checksText(CheckSummary{checks.passed, checks.failed, checks.warnings}));
    html += tableStart();
    html += header({ReleaseReport::tr("Result"), ReleaseReport::tr("Check"), ReleaseReport::tr("Measured"),
                    ReleaseReport::tr("Expected"), ReleaseReport::tr("Detail")});
    for (const CheckResult &check : checks.checks)
        html += row({checkStatusCell(check.status), esc(checkTitle(check)), esc(checkMeasured(check)),
                     esc(checkRule(check)), esc(checkDetail(check))});
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Decisions"));
    if (status.decisions.breakGlass)
        html +=
            QStringLiteral("<p class=\"fail\">%1</p>\n")
                .arg(ReleaseReport::tr("A standing approval is a BREAK-GLASS self-approval by an author."));
    html += QStringLiteral("<h3>%1</h3>\n").arg(ReleaseReport::tr("Standing approvals"));
    html += status.decisions.approvals.empty() ? QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("None."))
                                               : decisionsTable(status.decisions.approvals);
    html += QStringLiteral("<h3>%1</h3>\n").arg(ReleaseReport::tr("Standing rejections"));
    html += status.decisions.rejections.empty()
                ? QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("None."))
                : decisionsTable(status.decisions.rejections);

    html += trailSection(data);
    html += manifestSection(data);
    html += QStringLiteral("</body></html>\n");
    return html;
}

QString releaseReportHtml(const ReleaseReportData &data)
{
    return buildReportHtml(data, ImageMode::DataUri, nullptr);
}

} // namespace modelgate::report
