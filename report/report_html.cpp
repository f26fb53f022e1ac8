#include "report_html.h"

#include "check_text.h"
#include "display_safe.h"
#include "report_chart.h"
#include "report_tr.h"
#include "trail_text.h"

#include <algorithm>
#include <cmath>

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>

#include <modelgate/core/release/release_policy.h>

namespace modelgate::report {

namespace {

// Every outside value goes through displaySafe before escaping: a bidirectional override
// reorders text in the PDF as on screen, and a control character or a 1 MB value breaks a page.
QString esc(const std::string &text)
{
    return displaySafeMultiline(text).toHtmlEscaped();
}

QString esc(const QString &text)
{
    return displaySafeMultiline(text).toHtmlEscaped();
}

// A name (model, version, reviewer): one line, capped.
QString escName(const std::string &text)
{
    return displaySafe(text).toHtmlEscaped();
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
    case ReleaseAction::Deploy:
        return ReleaseReport::tr("deploy");
    case ReleaseAction::Traffic:
        return ReleaseReport::tr("traffic");
    case ReleaseAction::Rollback:
        return ReleaseReport::tr("rollback");
    case ReleaseAction::Undeploy:
        return ReleaseReport::tr("undeploy");
    case ReleaseAction::Breach:
        return ReleaseReport::tr("SLO breach");
    }
    return {};
}

QString splitText(const TrafficSplit &split)
{
    if (split.empty())
        return ReleaseReport::tr("no deployment");
    QStringList parts;
    for (const auto &[name, percent] : split)
        parts << QStringLiteral("%1 %2 %").arg(displaySafe(name)).arg(percent);
    return parts.join(QStringLiteral(", "));
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

// `widths` are the columns' shares of the table in percent: without them QTextDocument (the
// PDF) gives every column about the same width, squeezing a comment into a word per line.
// A <thead> repeats on every page the table spans, in the PDF and in a browser's print.
QString header(std::initializer_list<QString> cells, const QList<int> &widths = {})
{
    QString html = QStringLiteral("<thead><tr>");
    auto width = widths.begin();
    for (const QString &cell : cells) {
        if (width != widths.end())
            html += QStringLiteral("<th width=\"%1%\">%2</th>").arg(*width++).arg(cell);
        else
            html += QStringLiteral("<th>%1</th>").arg(cell);
    }
    return html + QStringLiteral("</tr></thead>\n");
}

// The PDF's text column: A4 less 2 x 15 mm, in pixels at 96 dpi.
constexpr qreal kTextWidth = 680.0;

// The share of the text column (in percent) that a column of short words needs for its
// longest word, in the language of the moment ("fail" and "fehlgeschlagen" differ by half
// the column), so that no word is split; measured in bold at the tables' 9 pt.
int fitPercent(std::initializer_list<QString> texts)
{
    QFont font(QStringLiteral("sans-serif"));
    font.setPointSizeF(9);
    font.setBold(true);
    const QFontMetricsF metrics(font);
    qreal widest = 0;
    for (const QString &text : texts)
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            widest = std::max(widest, metrics.horizontalAdvance(word));
    return static_cast<int>(std::ceil((widest + 18.0) * 100.0 / kTextWidth));
}

// A time column, as timeCell() shows a record's time.
int timePercent()
{
    return fitPercent(
        {ReleaseReport::tr("Time"), QStringLiteral("0000-00-00"), QStringLiteral("00:00:00.000Z")});
}

// Column widths in percent: the `fixed` ones as given (0 = shares the rest), the rest
// shared in proportion to `weights`, so that they add up to about 100.
QList<int> columnWidths(const QList<int> &fixed, const QList<int> &weights)
{
    int rest = 100;
    int weightSum = 0;
    for (qsizetype i = 0; i < fixed.size(); ++i) {
        rest -= fixed[i];
        if (fixed[i] == 0)
            weightSum += weights.value(i, 1);
    }
    QList<int> widths;
    qsizetype lastFlexible = -1;
    int total = 0;
    for (qsizetype i = 0; i < fixed.size(); ++i) {
        widths << (fixed[i] != 0 ? fixed[i]
                                 : std::max(5, rest * weights.value(i, 1) / std::max(1, weightSum)));
        total += widths.back();
        if (fixed[i] == 0)
            lastFlexible = i;
    }
    if (lastFlexible >= 0 && total < 100)
        widths[lastFlexible] += 100 - total; // what rounding down left over
    return widths;
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

// The first column of a two-column table of facts, narrow enough to leave a full hash one line.
QString label(const QString &text)
{
    return QStringLiteral("<td width=\"22%\">%1</td>").arg(text);
}

// A full hash where it is the value itself (digests, the policy hash): on a line of its own
// so that it never wraps in the PDF, and can be copied whole from either format.
QString fullHash(const std::string &hash)
{
    return QStringLiteral("<code class=\"hash\">%1</code>").arg(esc(hash));
}

// "2026-11-27T15:24:30.023Z" as date and time on two lines: unbroken, a narrow column would
// split it anywhere ("15:2" / "4:30").
QString timeCell(const std::string &time)
{
    const auto t = time.find('T');
    if (t == std::string::npos)
        return esc(time);
    return esc(time.substr(0, t)) + QStringLiteral("<br/>") + esc(time.substr(t + 1));
}

QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const auto &item : items)
        list << displaySafe(item);
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

// Read by browsers and by QTextDocument for the PDF, which ignores what it does not know.
const char *kStyle = R"(
body { font-family: sans-serif; font-size: 10pt; color: #1b1f24; }
h1 { font-size: 15pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 20px; border-bottom: 1px solid #d0d4da; }
h3 { font-size: 11pt; margin-top: 14px; }
table { border-collapse: collapse; margin: 6px 0; width: 100%; }
th { background-color: #eef1f4; text-align: left; }
th, td { border: 1px solid #d0d4da; padding: 3px 6px; vertical-align: top; font-size: 9pt; }
code { font-family: monospace; font-size: 8pt; }
.meta { color: #57606a; }
.verdict-ok td { background-color: #dafbe1; border: 1px solid #1a7f37; padding: 8px; }
.verdict-no td { background-color: #ffebe9; border: 1px solid #cf222e; padding: 8px; }
.verdict { font-size: 12pt; font-weight: bold; }
.pass { color: #1a7f37; font-weight: bold; }
.fail { color: #cf222e; font-weight: bold; }
.warn { color: #9a6700; font-weight: bold; }
.breakglass { background-color: #ffebe9; }
.broken { background-color: #ffebe9; font-weight: bold; }
.note td { color: #3d444d; border-top: none; }
.head { font-family: monospace; font-size: 10pt; font-weight: bold; }
)";

// Only in the .html file: a readable line length in a wide window, hashes that wrap rather
// than overflow a narrow one, and A4 pages when a browser prints it. Not in the PDF's HTML:
// QTextDocument would indent the whole report by the body's margin.
const char *kBrowserStyle = R"(
body { margin: 24px auto; max-width: 60em; padding: 0 16px; }
code, .head { overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
tr, img { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
)";

QString decisionsTable(const std::vector<StandingDecision> &decisions)
{
    QString html = tableStart();
    html += header(
        {ReleaseReport::tr("Record"), ReleaseReport::tr("Reviewer"), ReleaseReport::tr("Time"),
         ReleaseReport::tr("Comment"), ReleaseReport::tr("Digest matches"), ReleaseReport::tr("Counts")},
        columnWidths(
            {fitPercent({ReleaseReport::tr("Record")}), 16, timePercent(), 0,
             fitPercent(
                 {ReleaseReport::tr("Digest matches"), ReleaseReport::tr("yes"), ReleaseReport::tr("no")}),
             fitPercent({ReleaseReport::tr("Counts"), ReleaseReport::tr("yes"), ReleaseReport::tr("no")})},
            {}));
    for (const StandingDecision &decision : decisions) {
        const ReleaseRecord &record = decision.record;
        const bool breakGlass = !record.breakGlassReason.empty();
        QString comment = record.comment.empty() ? QStringLiteral("–") : esc(record.comment);
        if (breakGlass)
            comment += QStringLiteral("<br/><b>%1</b>")
                           .arg(ReleaseReport::tr("BREAK-GLASS: %1").arg(esc(record.breakGlassReason)));
        html += row({QString::number(record.sequence), escName(record.reviewer), timeCell(record.time),
                     comment, decision.digestMatches ? ReleaseReport::tr("yes") : ReleaseReport::tr("no"),
                     decision.counts ? ReleaseReport::tr("yes") : ReleaseReport::tr("no")},
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
                ReleaseReport::tr("Delta"), ReleaseReport::tr("Relative"), ReleaseReport::tr("Verdict")},
               columnWidths({0, 0, 0, 0, 0,
                             fitPercent({ReleaseReport::tr("Verdict"), ReleaseReport::tr("better"),
                                         ReleaseReport::tr("worse"), ReleaseReport::tr("equal"),
                                         ReleaseReport::tr("unknown")})},
                            {25, 15, 15, 15, 15}));
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
                        ReleaseReport::tr("Champion"), ReleaseReport::tr("Change")},
                       columnWidths({0, 0, 0,
                                     fitPercent({ReleaseReport::tr("Change"), ReleaseReport::tr("same"),
                                                 ReleaseReport::tr("changed"), ReleaseReport::tr("added"),
                                                 ReleaseReport::tr("removed")})},
                                    {28, 30, 30})) +
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
            html += row({esc(std::string(wireName(change.section))), esc(change.name),
                         esc(std::string(wireName(change.change))), esc(change.from), esc(change.to),
                         change.breaking
                             ? QStringLiteral("<td class=\"fail\">%1</td>").arg(ReleaseReport::tr("BREAKING"))
                             : ReleaseReport::tr("no")});
        html += QStringLiteral("</table>\n");
    }
    return html;
}

// One row of facts per record, and its words (check counts, comment) on a row of their own
// below: nine columns side by side leave a comment a word per line on A4.
QString trailSection(const ReleaseReportData &data)
{
    const TrailVerification &trail = data.trail.verification;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Audit trail of the model"));
    if (trail.entries.empty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("The model has no release records yet."));
        return html;
    }
    html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(ReleaseReport::tr("Digests and hashes are shortened to their first 12 characters."));
    html += tableStart();
    html +=
        header({ReleaseReport::tr("N"), ReleaseReport::tr("Time"), ReleaseReport::tr("Action"),
                ReleaseReport::tr("Version"), ReleaseReport::tr("Reviewer"), ReleaseReport::tr("Digest"),
                ReleaseReport::tr("Hash")},
               columnWidths({fitPercent({ReleaseReport::tr("N"), QStringLiteral("999")}), timePercent(),
                             fitPercent({ReleaseReport::tr("Action"), ReleaseReport::tr("approve"),
                                         ReleaseReport::tr("reject"), ReleaseReport::tr("revoke"),
                                         ReleaseReport::tr("policy"), ReleaseReport::tr("malformed")}),
                             fitPercent({ReleaseReport::tr("Version"), QStringLiteral("9999")}), 0, 15, 15},
                            {}));
    const auto noteRow = [](const QString &text, const QString &cssClass) {
        return QStringLiteral("<tr class=\"note%1\"><td></td><td colspan=\"6\">%2</td></tr>\n")
            .arg(cssClass.isEmpty() ? QString() : QStringLiteral(" ") + cssClass, text);
    };
    for (const TrailEntry &entry : trail.entries) {
        const bool broken = trail.firstBroken && *trail.firstBroken == entry.sequence;
        if (!entry.record) {
            html += row({QString::number(entry.sequence), QString(), actionText(entry.record), QString(),
                         QString(), QString(), code(shortHash(entry.hash).toStdString())},
                        QStringLiteral("broken"));
            html += noteRow(esc(entry.text.substr(0, 200)), QStringLiteral("broken"));
            continue;
        }
        const ReleaseRecord &record = *entry.record;
        QStringList notes;
        // A policy or a revocation judges no version, so it carries no check counts.
        if (record.action != ReleaseAction::Policy && record.action != ReleaseAction::Revoke)
            notes << ReleaseReport::tr("Pre-checks") + QStringLiteral(": ") + checksText(record.checks);
        if (record.deployment)
            notes << ReleaseReport::tr("Endpoint %1 (%2), deployment %3: %4 → %5")
                         .arg(esc(record.deployment->endpoint), esc(record.deployment->target),
                              esc(record.deployment->name),
                              esc(splitText(record.deployment->splitBefore).toStdString()),
                              esc(splitText(record.deployment->splitAfter).toStdString()));
        if (!record.comment.empty())
            notes << ReleaseReport::tr("Comment") + QStringLiteral(": ") + esc(record.comment);
        if (!record.breakGlassReason.empty())
            notes << QStringLiteral("<b>%1</b>")
                         .arg(ReleaseReport::tr("BREAK-GLASS: %1").arg(esc(record.breakGlassReason)));
        if (broken)
            notes << QStringLiteral("<b>%1</b>").arg(esc(trailBrokenReason(trail)));
        const QString cssClass =
            broken ? QStringLiteral("broken")
                   : (!record.breakGlassReason.empty() ? QStringLiteral("breakglass") : QString());
        html +=
            row({QString::number(entry.sequence), timeCell(record.time), actionText(entry.record),
                 record.version.empty() ? QStringLiteral("–") : esc(record.version), escName(record.reviewer),
                 record.contentDigest.empty() ? QStringLiteral("–")
                                              : code(shortHash(record.contentDigest).toStdString()),
                 code(shortHash(entry.hash).toStdString())},
                cssClass);
        if (!notes.isEmpty())
            html += noteRow(notes.join(QStringLiteral("<br/>")), cssClass);
    }
    return html + QStringLiteral("</table>\n");
}

QString manifestSection(const ReleaseReportData &data)
{
    const ContentManifest &manifest = data.status.manifest;
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Content digest"));
    html += QStringLiteral("<p>%1<br/>%2</p>\n")
                .arg(ReleaseReport::tr("Digest of the version's content:"), fullHash(data.status.digest));
    html += tableStart();
    html += row({label(ReleaseReport::tr("Source")), esc(manifest.source)});
    html += row({label(ReleaseReport::tr("Run")), code(manifest.runId)});
    html += row({label(ReleaseReport::tr("MLmodel SHA-256")), fullHash(manifest.mlmodelSha256)});
    html += QStringLiteral("</table>\n");
    if (!manifest.filesNote.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(manifest.filesNote));
    html += tableStart();
    html +=
        header({ReleaseReport::tr("File"), ReleaseReport::tr("Size (bytes)"), ReleaseReport::tr("SHA-256")},
               {23, 11, 66});
    for (const ModelFileHash &file : manifest.files)
        html += row(
            {esc(file.path), QLocale().toString(static_cast<qlonglong>(file.size)), fullHash(file.sha256)});
    return html + QStringLiteral("</table>\n");
}

} // namespace

QString chartResourceName(std::size_t index)
{
    return QStringLiteral("chart-%1.png").arg(index);
}

namespace {

QString historySection(const ReleaseReportData &data, ImageMode mode, std::vector<QImage> *charts)
{
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Metric history"));
    if (data.charts.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(ReleaseReport::tr("No metric history to show."));
    for (std::size_t i = 0; i < data.charts.size(); ++i) {
        const QImage image = renderChart(data.charts[i]);
        const QString source = mode == ImageMode::DataUri ? pngDataUri(image) : chartResourceName(i);
        // The size in CSS pixels; the image has twice the pixels, for print.
        const QSizeF size = image.deviceIndependentSize();
        html += QStringLiteral("<p><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/></p>\n")
                    .arg(source)
                    .arg(qRound(size.width()))
                    .arg(qRound(size.height()))
                    .arg(esc(data.charts[i].metric));
        if (charts)
            charts->push_back(image);
    }
    if (!data.singleValueMetrics.empty()) {
        QStringList names;
        for (const std::string &metric : data.singleValueMetrics)
            names << displaySafe(metric);
        html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                    .arg(ReleaseReport::tr("Logged once per run, so there is no history to draw: %1.")
                             .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    if (!data.chartsNote.empty())
        html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(esc(data.chartsNote));
    return html;
}

} // namespace

QString buildReportHtml(const ReleaseReportData &data, ImageMode mode, std::vector<QImage> *charts)
{
    const ReleaseStatus &status = data.status;
    const TrailVerification &trail = data.trail.verification;
    const QString title = ReleaseReport::tr("Release report: %1, version %2")
                              .arg(escName(status.model), escName(status.version));

    QString html =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/>\n<title>%2</title>\n"
            "<style>%3</style></head><body>\n")
            .arg(QLocale().bcp47Name(), title,
                 QString::fromLatin1(kStyle) +
                     (mode == ImageMode::DataUri ? QString::fromLatin1(kBrowserStyle) : QString()));
    html += QStringLiteral("<h1>%1</h1>\n").arg(title);
    html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                .arg(ReleaseReport::tr("Generated %1 by %2 for %3.")
                         .arg(esc(data.generatedAt), esc(data.generator),
                              status.reviewer.empty() ? ReleaseReport::tr("an anonymous user")
                                                      : escName(status.reviewer)));

    // The verdict first: an auditor reads this line before anything else. A one-cell table,
    // not a <div>: QTextDocument (the PDF) draws no box around a div.
    const bool approved = status.approved;
    html +=
        QStringLiteral("<table class=\"%1\" width=\"100%\" cellspacing=\"0\" cellpadding=\"8\">"
                       "<tr><td bgcolor=\"%2\"><span class=\"verdict\">%3</span><br/>%4</td></tr></table>\n")
            .arg(approved ? QStringLiteral("verdict-ok") : QStringLiteral("verdict-no"),
                 approved ? QStringLiteral("#dafbe1") : QStringLiteral("#ffebe9"),
                 approved ? ReleaseReport::tr("APPROVED for release")
                          : ReleaseReport::tr("NOT APPROVED for release"),
                 ReleaseReport::tr("State: %1. Reason: %2")
                     .arg(stateText(status.decisions.state), esc(releaseVerdictReason(status))));
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
                              esc(trailBrokenReason(trail))));

    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Version"));
    html += tableStart();
    const ModelVersion &version = status.checks.candidate.version;
    html += row({label(ReleaseReport::tr("Model")), escName(status.model)});
    html += row({label(ReleaseReport::tr("Version")),
                 esc(version.version.empty() ? status.version : version.version)});
    html += row({label(ReleaseReport::tr("Aliases")), joined(version.aliases)});
    html += row({label(ReleaseReport::tr("Description")),
                 version.description.empty() ? QStringLiteral("–") : esc(version.description)});
    html += row({label(ReleaseReport::tr("Source run")), code(version.runId)});
    html += row({label(ReleaseReport::tr("Authors")), joined(status.authors)});
    html += row({label(ReleaseReport::tr("Approvals")), ReleaseReport::tr("%1 standing, %2 required")
                                                            .arg(status.decisions.approvals.size())
                                                            .arg(status.decisions.requiredApprovals)});
    html += row({label(ReleaseReport::tr("Content digest")), fullHash(status.digest)});
    html += row({label(ReleaseReport::tr("Release policy")),
                 (status.checks.policy.fromTag ? ReleaseReport::tr("from the model's tag")
                                               : ReleaseReport::tr("the default policy")) +
                     QStringLiteral("<br/>") + fullHash(status.checks.policy.hash)});
    html += QStringLiteral("</table>\n");
    for (const std::string &mismatch : describeTagDifferences(status.tagDifferences))
        html += QStringLiteral("<p class=\"fail\">%1</p>\n")
                    .arg(ReleaseReport::tr("Tag mismatch: %1").arg(esc(mismatch)));
    for (const std::string &problem : status.policyProblems)
        html += QStringLiteral("<p class=\"fail\">%1</p>\n")
                    .arg(ReleaseReport::tr("Policy problem: %1").arg(esc(problem)));

    const CheckReport &checks = status.checks.report;
    html += QStringLiteral("<h2>%1</h2>\n").arg(ReleaseReport::tr("Pre-checks"));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(checksText(CheckSummary{checks.passed, checks.failed, checks.warnings}));
    html += tableStart();
    html += header({ReleaseReport::tr("Result"), ReleaseReport::tr("Check"), ReleaseReport::tr("Measured"),
                    ReleaseReport::tr("Expected"), ReleaseReport::tr("Detail")},
                   columnWidths({fitPercent({ReleaseReport::tr("Result"), ReleaseReport::tr("pass"),
                                             ReleaseReport::tr("fail"), ReleaseReport::tr("warning")}),
                                 0, 0, 0, 0},
                                {0, 22, 17, 22, 32}));
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

    // The evidence behind the checks after the checks and decisions themselves.
    html += comparisonSection(data);
    html += historySection(data, mode, charts);
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
