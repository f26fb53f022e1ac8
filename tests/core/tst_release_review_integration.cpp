// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestReleaseReviewIntegration final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReleaseReviewIntegration)
#include "tst_release_review_integration.moc"
