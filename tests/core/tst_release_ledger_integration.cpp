// Skeleton: filled in by the work on release approval.
#include <QTest>

class TestReleaseLedgerIntegration final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReleaseLedgerIntegration)
#include "tst_release_ledger_integration.moc"
