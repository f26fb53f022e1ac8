#include "release/inbox/inbox_model.h"

#include "widgets/icons.h"

#include <display_safe.h>
#include <from_std.h>

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStringList>

namespace modelgate::ui {

namespace {

QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const auto &item : items)
        list << fromStd(item);
    return list.join(QStringLiteral(", "));
}

// Colours readable on both light and dark bases (the same hues as the check list).
const QColor kFailColor(0xc6, 0x28, 0x28);
const QColor kWarnColor(0xb2, 0x6a, 0x00);
const QColor kPassColor(0x2e, 0x7d, 0x32);

// Rendering an SVG icon per data() call would be wasteful: each is made once.
QIcon checksIcon(int which)
{
    static const QIcon icons[] = {appIcon("error", QStyle::SP_MessageBoxCritical),
                                  appIcon("warning", QStyle::SP_MessageBoxWarning),
                                  appIcon("check-pass", QStyle::SP_DialogApplyButton)};
    return icons[which];
}

} // namespace

InboxModel::InboxModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void InboxModel::setEntries(std::vector<InboxEntry> entries, bool checksLoading)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_checksLoading = checksLoading;
    endResetModel();
}

void InboxModel::clear()
{
    setEntries({}, false);
}

int InboxModel::rowOf(const QString &model, const QString &version) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (fromStd(m_entries[i].model) == model && fromStd(m_entries[i].version.version) == version)
            return static_cast<int>(i);
    return -1;
}

int InboxModel::mineToReviewCount() const
{
    int count = 0;
    for (const auto &entry : m_entries)
        count += entry.mineToReview ? 1 : 0;
    return count;
}

QString InboxModel::checksText(const CheckSummary &summary)
{
    QStringList parts;
    parts << tr("%n passed", nullptr, summary.passed);
    if (summary.failed > 0)
        parts << tr("%n failed", nullptr, summary.failed);
    if (summary.warnings > 0)
        parts << tr("%n warning(s)", nullptr, summary.warnings);
    return parts.join(QStringLiteral(" · "));
}

QString InboxModel::ageText(qint64 seconds)
{
    seconds = qMax<qint64>(seconds, 0);
    if (seconds < 3600)
        return tr("%1 min").arg(qMax<qint64>(seconds / 60, 1));
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString InboxModel::stateText(ReviewState state)
{
    switch (state) {
    case ReviewState::Pending:
        return tr("Pending");
    case ReviewState::InReview:
        return tr("In review");
    case ReviewState::Approved:
        return tr("Approved");
    case ReviewState::Rejected:
        return tr("Rejected");
    case ReviewState::Stale:
        return tr("Stale");
    }
    return {};
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 InboxModel::ageSeconds(const InboxEntry &entry) const
{
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    return (now.toMSecsSinceEpoch() - entry.version.creationTimestamp) / 1000;
}

QVariant InboxModel::display(const InboxEntry &entry, int column) const
{
    switch (column) {
    case Model:
        return fromStd(entry.model);
    case Version:
        return fromStd(entry.version.version);
    case Checks:
        if (entry.checks)
            return checksText(*entry.checks);
        if (!entry.checksError.empty())
            return tr("Checks unavailable");
        return m_checksLoading ? tr("Checking…") : tr("Not checked");
    case Author:
        return entry.authors.empty() ? tr("unknown") : joined(entry.authors);
    case Age:
        return ageText(ageSeconds(entry));
    case Champion:
        return entry.championVersion.empty() ? tr("none") : tr("v%1").arg(fromStd(entry.championVersion));
    case State:
        return stateText(entry.state);
    default:
        return {};
    }
}

QVariant InboxModel::sortValue(const InboxEntry &entry, int column) const
{
    switch (column) {
    case Version:
        return static_cast<qlonglong>(entry.version.versionNumber());
    case Checks:
        // Failures first when sorted descending, then warnings, then passes.
        if (!entry.checks)
            return -1;
        return entry.checks->failed * 10000 + entry.checks->warnings * 100 + entry.checks->passed;
    case Age:
        return static_cast<qlonglong>(-entry.version.creationTimestamp); // older = larger age
    case Champion:
        return entry.championVersion.empty() ? -1 : std::atoll(entry.championVersion.c_str());
    case State:
        return static_cast<int>(entry.state);
    default:
        return display(entry, column).toString().toLower();
    }
}

QVariant InboxModel::toolTip(const InboxEntry &entry, int column) const
{
    switch (column) {
    case Model:
    case Version:
        if (entry.mineToReview)
            return tr("%1 version %2 is waiting for your review.")
                .arg(fromStd(entry.model), fromStd(entry.version.version));
        return {};
    case Checks:
        if (!entry.checksError.empty())
            return tr("The pre-checks could not be evaluated: %1").arg(fromStd(entry.checksError));
        return {};
    case Age:
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(entry.version.creationTimestamp).toLocalTime(),
            QLocale::LongFormat);
    case State: {
        QStringList lines;
        if (!entry.deciders.empty())
            lines << tr("Standing decisions by: %1").arg(joined(entry.deciders));
        if (!entry.trailProblem.empty())
            lines
                << tr("The release trail of this model does not verify: %1").arg(fromStd(entry.trailProblem));
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    default:
        return {};
    }
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    // Names, tags, descriptions and comments come from the server: one safe line in a
    // cell, safe lines in a tooltip.
    return displaySafeForRole(unsafeData(index, role), role);
}

QVariant InboxModel::unsafeData(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const InboxEntry &entry = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Checks && entry.checks) {
            if (entry.checks->failed > 0)
                return QBrush(kFailColor);
            if (entry.checks->warnings > 0)
                return QBrush(kWarnColor);
            return QBrush(kPassColor);
        }
        if (index.column() == State && entry.state == ReviewState::Rejected)
            return QBrush(kFailColor);
        return {};
    case Qt::DecorationRole:
        if (index.column() == Checks && entry.checks) {
            if (entry.checks->failed > 0)
                return checksIcon(0);
            return checksIcon(entry.checks->warnings > 0 ? 1 : 2);
        }
        if (index.column() == Checks && !entry.checksError.empty())
            return checksIcon(1);
        return {};
    case Qt::FontRole:
        if (entry.mineToReview && index.column() == Model) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case SortRole:
        return sortValue(entry, index.column());
    case ModelNameRole:
        return fromStd(entry.model);
    case VersionRole:
        return fromStd(entry.version.version);
    case StateRole:
        return static_cast<int>(entry.state);
    case MineToReviewRole:
        return entry.mineToReview;
    case FailedChecksRole:
        return entry.checks && entry.checks->failed > 0;
    case ChecksKnownRole:
        return entry.checks.has_value();
    case FilterTextRole:
        return QStringList{fromStd(entry.model), fromStd(entry.version.version), joined(entry.authors),
                           joined(entry.version.aliases)}
            .join(u'\n');
    default:
        return {};
    }
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model:
        return tr("Model");
    case Version:
        return tr("Version");
    case Checks:
        return tr("Checks");
    case Author:
        return tr("Author");
    case Age:
        return tr("Age");
    case Champion:
        return tr("Replaces");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace modelgate::ui
