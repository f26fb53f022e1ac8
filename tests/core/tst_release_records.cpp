// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestReleaseRecords final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReleaseRecords)
#include "tst_release_records.moc"
