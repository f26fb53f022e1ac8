// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestCliReview final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
