#include "release/audit/audit_trail_model.h"

#include <display_safe.h>

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace modelgate::ui {

AuditTrailModel::AuditTrailModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditTrailModel::setTrail(const TrailVerification &verification)
{
    beginResetModel();
    m_trail = verification;
    endResetModel();
}

void AuditTrailModel::clear()
{
    setTrail(TrailVerification{});
}

const TrailEntry *AuditTrailModel::entry(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_trail.entries.size()))
        return nullptr;
    return &m_trail.entries[static_cast<std::size_t>(row)];
}

int AuditTrailModel::firstBrokenRow() const
{
    if (!m_trail.firstBroken)
        return -1;
    for (std::size_t i = 0; i < m_trail.entries.size(); ++i)
        if (m_trail.entries[i].sequence >= *m_trail.firstBroken)
            return static_cast<int>(i);
    return -1; // a gap: the broken record itself is missing
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_trail.entries.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTrailModel::actionText(const std::optional<ReleaseRecord> &record)
{
    if (!record)
        return tr("malformed");
    switch (record->action) {
    case ReleaseAction::Approve:
        return record->breakGlassReason.empty() ? tr("approve") : tr("approve (break-glass)");
    case ReleaseAction::Reject:
        return tr("reject");
    case ReleaseAction::Revoke:
        return record->revokes ? tr("revoke #%1").arg(*record->revokes) : tr("revoke");
    case ReleaseAction::Policy:
        return tr("policy");
    case ReleaseAction::Deploy:
        return tr("deploy %1").arg(deploymentName(*record));
    case ReleaseAction::Traffic:
        return tr("traffic %1").arg(deploymentName(*record));
    case ReleaseAction::Rollback:
        return tr("rollback %1").arg(deploymentName(*record));
    case ReleaseAction::Undeploy:
        return tr("undeploy %1").arg(deploymentName(*record));
    case ReleaseAction::Breach:
        return tr("SLO breach %1").arg(deploymentName(*record));
    }
    return {};
}

// "blue on diabetes-online"
QString AuditTrailModel::deploymentName(const ReleaseRecord &record)
{
    if (!record.deployment)
        return {};
    return tr("%1 on %2")
        .arg(QString::fromStdString(record.deployment->name),
             QString::fromStdString(record.deployment->endpoint));
}

QString AuditTrailModel::splitText(const TrafficSplit &split)
{
    if (split.empty())
        return tr("no deployment");
    QStringList parts;
    for (const auto &[name, percent] : split)
        parts << QStringLiteral("%1 %2 %").arg(QString::fromStdString(name)).arg(percent);
    return parts.join(QStringLiteral(", "));
}

QString AuditTrailModel::shortHash(const std::string &hash)
{
    return hash.size() > 12 ? QString::fromStdString(hash.substr(0, 12)) + QChar(0x2026)
                            : QString::fromStdString(hash);
}

QVariant AuditTrailModel::display(const TrailEntry &entry, int column) const
{
    const std::optional<ReleaseRecord> &record = entry.record;
    switch (static_cast<Column>(column)) {
    case SequenceColumn:
        return entry.sequence;
    case TimeColumn: {
        if (!record)
            return {};
        const QDateTime time = QDateTime::fromString(QString::fromStdString(record->time), Qt::ISODateWithMs);
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                              : QString::fromStdString(record->time);
    }
    case ActionColumn:
        return actionText(record);
    case VersionColumn:
        return record ? QString::fromStdString(record->version) : QString();
    case ReviewerColumn:
        return record ? QString::fromStdString(record->reviewer) : QString();
    case CommentColumn: {
        // One line in the table; the details area shows the whole text.
        QString text = record ? QString::fromStdString(record->comment) : QString::fromStdString(entry.text);
        // A deployment record says what changed on the endpoint, comment or not.
        if (record && record->deployment)
            text = tr("split %1 → %2")
                       .arg(splitText(record->deployment->splitBefore),
                            splitText(record->deployment->splitAfter)) +
                   (text.isEmpty() ? QString() : QStringLiteral("; ") + text);
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return text.size() > 120 ? text.left(119) + QChar(0x2026) : text;
    }
    case ChecksColumn:
        if (!record || record->action == ReleaseAction::Policy || record->action == ReleaseAction::Revoke ||
            record->deployment)
            return {};
        return tr("%1 passed, %2 failed, %3 warnings")
            .arg(record->checks.passed)
            .arg(record->checks.failed)
            .arg(record->checks.warnings);
    case DigestColumn:
        return record ? shortHash(record->contentDigest) : QString();
    case HashColumn:
        return shortHash(entry.hash);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant AuditTrailModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrailEntry &entry = m_trail.entries[static_cast<std::size_t>(index.row())];
    const bool broken = m_trail.firstBroken && entry.sequence == *m_trail.firstBroken;
    const bool unverified = m_trail.firstBroken && entry.sequence > *m_trail.firstBroken;
    const bool breakGlass = entry.record && !entry.record->breakGlassReason.empty();
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case Qt::ToolTipRole:
        if (broken)
            return QString::fromStdString(m_trail.reason);
        if (unverified)
            return tr("Not verified: an earlier record is broken.");
        if (breakGlass)
            return tr("Break-glass approval by an author: %1")
                .arg(QString::fromStdString(entry.record->breakGlassReason));
        if (index.column() == HashColumn)
            return QString::fromStdString(entry.hash);
        if (index.column() == DigestColumn && entry.record)
            return QString::fromStdString(entry.record->contentDigest);
        return {};
    case Qt::BackgroundRole:
        if (broken)
            return QBrush(QColor(0xff, 0xd7, 0xd5));
        return {};
    case Qt::ForegroundRole:
        if (breakGlass)
            return QBrush(QColor(0xcf, 0x22, 0x2e));
        if (unverified)
            return QBrush(QColor(0x6e, 0x77, 0x81));
        return {};
    case Qt::FontRole:
        if (broken) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (index.column() == DigestColumn || index.column() == HashColumn) {
            QFont font(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    case SequenceRole:
        return entry.sequence;
    case BrokenRole:
        return broken;
    case UnverifiedRole:
        return unverified;
    case BreakGlassRole:
        return breakGlass;
    case FullHashRole:
        return QString::fromStdString(entry.hash);
    case FullDigestRole:
        return entry.record ? QString::fromStdString(entry.record->contentDigest) : QString();
    case MalformedRole:
        return !entry.record.has_value();
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case SequenceColumn:
        return tr("N");
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case VersionColumn:
        return tr("Version");
    case ReviewerColumn:
        return tr("Reviewer");
    case CommentColumn:
        return tr("Comment");
    case ChecksColumn:
        return tr("Checks");
    case DigestColumn:
        return tr("Digest");
    case HashColumn:
        return tr("Hash");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace modelgate::ui
