#include "release/review/decision_area.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <modelgate/core/release/release_records.h>

namespace modelgate::ui {

namespace {

QFrame *makeFrame(QWidget *parent, const QString &objectName, const QString &style)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setStyleSheet(QStringLiteral("QFrame#%1 { %2 }").arg(objectName, style));
    frame->hide();
    return frame;
}

QLabel *makeText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DecisionArea::DecisionArea(QWidget *parent)
    : QWidget(parent)
    , m_comment(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_approveReason(makeText(this))
    , m_approve(new QPushButton(tr("&Approve"), this))
    , m_reject(new QPushButton(tr("Re&ject"), this))
    , m_revoke(new QPushButton(tr("Re&voke My Decision"), this))
    , m_breakGlass(new QPushButton(tr("Break Glass…"), this))
    , m_draftFrame(makeFrame(this, QStringLiteral("draftFrame"),
                             QStringLiteral("background: #fff4e5; border: 1px solid #b26a00;")))
    , m_draftText(makeText(m_draftFrame))
    , m_retryDraft(new QPushButton(tr("&Retry"), m_draftFrame))
    , m_discardDraft(new QPushButton(tr("&Discard Draft"), m_draftFrame))
    , m_recordFrame(makeFrame(this, QStringLiteral("recordFrame"),
                              QStringLiteral("background: #eef7ee; border: 1px solid #1e7d32;")))
    , m_recordText(makeText(m_recordFrame))
    , m_repairTags(new QPushButton(tr("Repair &Tags"), m_recordFrame))
{
    setObjectName(QStringLiteral("decisionArea"));
    m_comment->setObjectName(QStringLiteral("decisionComment"));
    m_comment->setPlaceholderText(
        tr("Your comment (required): what you looked at and why you decide this way."));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(m_comment->fontMetrics().height() * 6);
    m_counter->setObjectName(QStringLiteral("commentCounter"));
    m_counter->setAlignment(Qt::AlignRight);
    m_approveReason->setObjectName(QStringLiteral("approveDisabledReason"));
    m_approveReason->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_approve->setToolTip(tr("Approve this version (Ctrl+Return)"));
    m_approve->setDefault(true);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_revoke->setToolTip(tr("Withdraw your standing approval or rejection of this version."));
    m_breakGlass->setObjectName(QStringLiteral("breakGlassButton"));
    m_breakGlass->setStyleSheet(QStringLiteral(
        "QPushButton { color: white; background: #c62828; font-weight: bold; padding: 3px 10px; }"
        "QPushButton:disabled { background: #d9a0a0; }"));
    m_breakGlass->setToolTip(tr("Approve your own version with a written reason. The policy allows it; "
                                "the record and every report mark it."));
    m_breakGlass->hide();
    m_retryDraft->setObjectName(QStringLiteral("retryDraftButton"));
    m_discardDraft->setObjectName(QStringLiteral("discardDraftButton"));
    m_repairTags->setObjectName(QStringLiteral("repairTagsButton"));
    m_repairTags->setToolTip(tr("Rewrite the version's review tags from the release trail."));
    m_recordText->setObjectName(QStringLiteral("recordText"));
    m_draftText->setObjectName(QStringLiteral("draftText"));

    auto *draftLayout = new QVBoxLayout(m_draftFrame);
    draftLayout->addWidget(m_draftText);
    auto *draftButtons = new QHBoxLayout;
    draftButtons->addStretch(1);
    draftButtons->addWidget(m_retryDraft);
    draftButtons->addWidget(m_discardDraft);
    draftLayout->addLayout(draftButtons);

    auto *recordLayout = new QVBoxLayout(m_recordFrame);
    recordLayout->addWidget(m_recordText);
    auto *recordButtons = new QHBoxLayout;
    recordButtons->addStretch(1);
    recordButtons->addWidget(m_repairTags);
    recordLayout->addLayout(recordButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    buttons->addWidget(m_breakGlass);

    auto *commentLabel = new QLabel(tr("&Comment:"), this);
    commentLabel->setBuddy(m_comment);
    auto *commentHeader = new QHBoxLayout;
    commentHeader->addWidget(commentLabel);
    commentHeader->addStretch(1);
    commentHeader->addWidget(m_counter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_draftFrame);
    layout->addWidget(m_recordFrame);
    layout->addLayout(commentHeader);
    layout->addWidget(m_comment);
    layout->addLayout(buttons);
    layout->addWidget(m_approveReason);

    connect(m_comment, &QPlainTextEdit::textChanged, this, [this]() {
        updateCounter();
        updateButtons();
    });
    connect(m_approve, &QPushButton::clicked, this, &DecisionArea::approveRequested);
    connect(m_reject, &QPushButton::clicked, this, &DecisionArea::rejectRequested);
    connect(m_revoke, &QPushButton::clicked, this, &DecisionArea::revokeRequested);
    connect(m_breakGlass, &QPushButton::clicked, this, &DecisionArea::breakGlassRequested);
    connect(m_retryDraft, &QPushButton::clicked, this, &DecisionArea::retryDraftRequested);
    connect(m_discardDraft, &QPushButton::clicked, this, &DecisionArea::discardDraftRequested);
    connect(m_repairTags, &QPushButton::clicked, this, &DecisionArea::repairTagsRequested);
    updateCounter();
    setApproveReason({});
    updateButtons();
}

QString DecisionArea::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void DecisionArea::setComment(const QString &text)
{
    m_comment->setPlainText(text);
}

void DecisionArea::updateCounter()
{
    // The record counts code points, not UTF-16 units.
    const auto length = static_cast<qsizetype>(m_comment->toPlainText().toUcs4().size());
    const auto limit = static_cast<qsizetype>(kMaxCommentChars);
    m_counter->setText(tr("%1 / %2").arg(length).arg(limit));
    m_counter->setStyleSheet(length > limit ? QStringLiteral("color: #c62828; font-weight: bold;")
                                            : QString());
    m_counter->setToolTip(
        length > limit ? tr("The comment is too long; the trail keeps at most %1 characters.").arg(limit)
                       : QString());
}

void DecisionArea::setActions(bool canApprove, bool canReject, bool canRevoke, bool showBreakGlass, bool busy)
{
    m_canApprove = canApprove;
    m_canReject = canReject;
    m_canRevoke = canRevoke;
    m_busy = busy;
    m_breakGlass->setVisible(showBreakGlass);
    updateButtons();
}

void DecisionArea::updateButtons()
{
    const auto length = static_cast<std::size_t>(m_comment->toPlainText().toUcs4().size());
    const bool commentOk = hasComment() && length <= kMaxCommentChars;
    m_approve->setEnabled(!m_busy && m_canApprove && commentOk);
    m_reject->setEnabled(!m_busy && m_canReject && commentOk);
    m_revoke->setEnabled(!m_busy && m_canRevoke && commentOk);
    m_breakGlass->setEnabled(!m_busy && commentOk);
    m_retryDraft->setEnabled(!m_busy);
    m_repairTags->setEnabled(!m_busy);
}

void DecisionArea::setApproveReason(const QString &reason)
{
    m_approveReason->setText(reason);
    m_approveReason->setVisible(!reason.isEmpty());
}

QString DecisionArea::approveReason() const
{
    return m_approveReason->text();
}

void DecisionArea::showDraft(const QString &text, bool canRetry)
{
    m_draftText->setText(text);
    m_retryDraft->setVisible(canRetry);
    m_draftFrame->setVisible(!text.isEmpty());
}

QString DecisionArea::draftText() const
{
    return m_draftFrame->isHidden() ? QString() : m_draftText->text();
}

void DecisionArea::showRecord(const QString &text, bool canRepair)
{
    m_tagRepair = false;
    m_recordFrame->setStyleSheet(
        QStringLiteral("QFrame#recordFrame { background: #eef7ee; border: 1px solid #1e7d32; }"));
    m_recordText->setText(text);
    m_recordFrame->setVisible(!text.isEmpty());
    m_repairTags->setVisible(canRepair);
}

void DecisionArea::showTagRepair(const QString &text)
{
    if (text.isEmpty()) {
        if (m_tagRepair)
            showRecord({}, false);
        return;
    }
    showRecord(text, true);
    m_tagRepair = true;
    m_recordFrame->setStyleSheet(
        QStringLiteral("QFrame#recordFrame { background: #fff4e5; border: 1px solid #b26a00; }"));
}

QString DecisionArea::recordText() const
{
    return m_recordFrame->isHidden() ? QString() : m_recordText->text();
}

} // namespace modelgate::ui
