#include "release/review/decision_drafts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

namespace modelgate::ui {

namespace {

Q_LOGGING_CATEGORY(lcDrafts, "modelgate.drafts")

// A comment is at most 2000 code points; anything far larger is not ours.
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

QJsonObject toJson(const DecisionDraft &draft)
{
    return QJsonObject{
        {QStringLiteral("model"), draft.model},
        {QStringLiteral("version"), draft.version},
        {QStringLiteral("action"), draft.action},
        {QStringLiteral("comment"), draft.comment},
        {QStringLiteral("break_glass_reason"), draft.breakGlassReason},
        {QStringLiteral("workspace"), draft.workspace},
        {QStringLiteral("time"), draft.time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("error"), draft.error},
    };
}

std::optional<DecisionDraft> fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const auto text = [&object](const char *key) { return object.value(QLatin1String(key)).toString(); };
    DecisionDraft draft;
    draft.model = text("model");
    draft.version = text("version");
    draft.action = text("action");
    draft.comment = text("comment");
    draft.breakGlassReason = text("break_glass_reason");
    draft.workspace = text("workspace");
    draft.time = QDateTime::fromString(text("time"), Qt::ISODateWithMs);
    draft.error = text("error");
    // A failed decision always names its action; an unsent draft may have none chosen yet.
    if (draft.model.isEmpty() || draft.version.isEmpty() ||
        (draft.action.isEmpty() && draft.kind() == DraftKind::Failed))
        return std::nullopt;
    return draft;
}

} // namespace

DecisionDrafts::DecisionDrafts(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultFilePath() : std::move(filePath))
{}

QString DecisionDrafts::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/decision_drafts.json");
}

QList<DecisionDraft> DecisionDrafts::load() const
{
    QFile file(m_filePath);
    if (!file.exists())
        return {};
    if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcDrafts) << "ignoring the decision drafts file" << m_filePath
                            << "(unreadable or too large)";
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        qCWarning(lcDrafts) << "ignoring the malformed decision drafts file" << m_filePath << ":"
                            << (parseError.error != QJsonParseError::NoError
                                    ? parseError.errorString()
                                    : QStringLiteral("not an array"));
        return {};
    }
    QList<DecisionDraft> drafts;
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        if (std::optional<DecisionDraft> draft = fromJson(value))
            drafts.append(*draft);
        else
            qCWarning(lcDrafts) << "ignoring a malformed entry in" << m_filePath;
    }
    return drafts;
}

bool DecisionDrafts::write(const QList<DecisionDraft> &drafts)
{
    QJsonArray array;
    for (const DecisionDraft &draft : drafts)
        array.append(toJson(draft));
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcDrafts) << "cannot write the decision drafts file" << m_filePath << ":"
                            << file.errorString();
        return false;
    }
    // Comments may say why a model is unfit for release: readable by the user only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcDrafts) << "cannot write the decision drafts file" << m_filePath << ":"
                            << file.errorString();
        return false;
    }
    return true;
}

bool DecisionDrafts::save(const DecisionDraft &draft)
{
    QList<DecisionDraft> drafts = load();
    drafts.removeIf([&draft](const DecisionDraft &existing) {
        return existing.sameSubject(draft) && existing.kind() == draft.kind();
    });
    drafts.append(draft);
    return write(drafts);
}

bool DecisionDrafts::removeWhere(const DecisionDraft &subject, std::optional<DraftKind> kind)
{
    QList<DecisionDraft> drafts = load();
    const auto removed = drafts.removeIf([&subject, kind](const DecisionDraft &existing) {
        return existing.sameSubject(subject) && (!kind || existing.kind() == *kind);
    });
    if (removed == 0)
        return false;
    return write(drafts);
}

bool DecisionDrafts::remove(const QString &model, const QString &version, const QString &workspace)
{
    return removeWhere(DecisionDraft{model, version, {}, {}, {}, workspace, {}, {}}, std::nullopt);
}

bool DecisionDrafts::remove(const QString &model, const QString &version, const QString &workspace,
                            DraftKind kind)
{
    return removeWhere(DecisionDraft{model, version, {}, {}, {}, workspace, {}, {}}, kind);
}

std::optional<DecisionDraft> DecisionDrafts::find(const QString &model, const QString &version,
                                                  const QString &workspace, DraftKind kind) const
{
    DecisionDraft subject;
    subject.model = model;
    subject.version = version;
    subject.workspace = workspace;
    const QList<DecisionDraft> drafts = load();
    for (const DecisionDraft &draft : drafts)
        if (draft.sameSubject(subject) && draft.kind() == kind)
            return draft;
    return std::nullopt;
}

} // namespace modelgate::ui
