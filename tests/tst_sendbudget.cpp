// SendBudget: the ledger one account's budget is shared through. Two ledgers on one file in this process
// (simulated times, so exact), the in-memory ledger, real child processes on the real clock (this binary
// re-executed with --ledger-child), a child killed with SIGKILL, a damaged file, and every fallback to
// per-process pacing.
#include "Clock.h"
#include "SendWindows.h"
#include "pacing/FileLedgerStore.h"
#include "pacing/LedgerBlock.h"
#include "pacing/LedgerStore.h"
#include "pacing/MemoryLedgerStore.h"
#include "pacing/SharedBudget.h"
#include "polling/PollScheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace taskwatch;

namespace {

const QString kSecretId = QStringLiteral("AKIDtestSECRETid0000000000000000000000");
const QString kAction = QStringLiteral("DescribeAsyncRequestInfo");

struct Run {
    std::vector<std::vector<qint64>> sends; // per participant
    std::vector<qint64> all() const {
        std::vector<qint64> out;
        for (const auto& s : sends)
            out.insert(out.end(), s.begin(), s.end());
        std::sort(out.begin(), out.end());
        return out;
    }
};

// Participants with a constant backlog while `active(i, t)` says so; each wakes up when its budget says,
// 0..maxJitter ms late, in a random order when several wake together.
Run simulate(const std::vector<SendBudget*>& budgets, qint64 from, qint64 until, int maxJitter, quint32 seed,
             const std::function<bool(std::size_t, qint64)>& active = {}) {
    QRandomGenerator rng(seed);
    Run run;
    run.sends.resize(budgets.size());
    std::vector<qint64> wake(budgets.size(), from);
    for (;;) {
        const std::size_t n = budgets.size();
        std::size_t next = n;
        for (std::size_t i = 0; i < n; ++i) {
            if ((!active || active(i, wake[i])) &&
                (next == n || wake[i] < wake[next] || (wake[i] == wake[next] && rng.bounded(2) == 0)))
                next = i;
        }
        if (next == n) { // nobody active at their wake time: move everyone on
            for (auto& w : wake)
                w += 10;
            if (wake[0] >= until)
                break;
            continue;
        }
        const qint64 now = wake[next];
        if (now >= until)
            break;
        SendBudget* b = budgets[next];
        b->setBacklog(now, true);
        if (b->tryAcquire(now))
            run.sends[next].push_back(now);
        const qint64 at = b->nextAllowedAt(now);
        if (at < now)
            return {}; // contract: never in the past
        wake[next] = std::max(at, now + 1) + (maxJitter > 0 ? rng.bounded(maxJitter + 1) : 0);
    }
    return run;
}

QString userName() {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
}

int countIn(const std::vector<qint64>& sends, qint64 from, qint64 to) {
    return int(std::count_if(sends.begin(), sends.end(), [&](qint64 t) { return t >= from && t < to; }));
}

// --ledger-child PATH MS: take the shared budget as fast as it allows for MS ms, print each send time.
int runChild(const QString& path, qint64 durationMs) {
    auto store = std::make_shared<FileLedgerStore>(path);
    if (!store->isValid()) {
        std::fprintf(stderr, "ledger: %s\n", qPrintable(store->errorString()));
        return 2;
    }
    SharedBudget budget(store);
    const qint64 until = steadyNowMs() + durationMs;
    for (qint64 now = steadyNowMs(); now < until; now = steadyNowMs()) {
        budget.setBacklog(now, true);
        if (budget.tryAcquire(now)) {
            std::printf("%lld\n", static_cast<long long>(now));
            std::fflush(stdout);
            continue;
        }
        const qint64 at = std::min(budget.nextAllowedAt(now), now + 20);
        std::this_thread::sleep_for(std::chrono::milliseconds(std::max<qint64>(1, at - now)));
    }
    return 0;
}

std::vector<qint64> timesOf(QProcess& p) {
    std::vector<qint64> out;
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        bool ok = false;
        const qint64 t = line.trimmed().toLongLong(&ok);
        if (ok)
            out.push_back(t);
    }
    return out;
}

} // namespace

class TestSendBudget : public QObject {
    Q_OBJECT
private slots:
    void ledgerFileNameHidesTheSecretId() {
        const QString name = SharedBudget::ledgerFileName(kSecretId, kAction);
        QVERIFY(!name.contains(kSecretId));
        QVERIFY(!name.contains(QStringLiteral("AKID")));
        QVERIFY(name.startsWith(QStringLiteral("cdb-taskwatch-pacing-")));
        QCOMPARE(name, SharedBudget::ledgerFileName(kSecretId, kAction));
        QVERIFY(name != SharedBudget::ledgerFileName(kSecretId, QStringLiteral("DescribeDBInstances")));
        QVERIFY(name != SharedBudget::ledgerFileName(kSecretId + QLatin1Char('x'), kAction));
    }

    void twoLedgersOnOneFile_data() {
        QTest::addColumn<bool>("file");
        QTest::newRow("two file ledgers, one file") << true;
        QTest::newRow("in-memory ledger") << false;
    }

    // Two participants with a backlog: together within 40 per 1040 ms, together >= 38/s, each about half.
    void twoLedgersOnOneFile() {
        QFETCH(bool, file);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger"));
        std::shared_ptr<LedgerStore> storeA, storeB;
        if (file) {
            storeA = std::make_shared<FileLedgerStore>(path);
            storeB = std::make_shared<FileLedgerStore>(path);
        } else {
            storeA = storeB = std::make_shared<MemoryLedgerStore>();
        }
        SharedBudget a(storeA), b(storeB);
        const Run run = simulate({&a, &b}, 10'000, 40'000, 3, 1);
        const std::vector<qint64> all = run.all();
        QVERIFY2(maxInAnyWindow(all, 1040) <= 40, qPrintable(QString::number(maxInAnyWindow(all, 1040))));
        QVERIFY2(all.size() >= 38 * 30, qPrintable(QString::number(all.size())));
        for (const auto& mine : run.sends)
            QVERIFY2(mine.size() >= all.size() * 45 / 100, qPrintable(QString::number(mine.size())));
        QCOMPARE(a.activeParticipants(40'000), 2);
        // Each participant's own count is its own sends.
        QCOMPARE(a.sentInLast(39'999, 1000), countIn(run.sends[0], 38'999 + 1, 40'000));
    }

    void threeParticipantsFairShares() {
        auto store = std::make_shared<MemoryLedgerStore>();
        SharedBudget a(store), b(store), c(store);
        const Run run = simulate({&a, &b, &c}, 0, 30'000, 5, 2);
        const std::vector<qint64> all = run.all();
        QVERIFY(maxInAnyWindow(all, 1040) <= 40);
        QVERIFY2(all.size() >= 38 * 30, qPrintable(QString::number(all.size())));
        for (const auto& mine : run.sends)
            QVERIFY2(mine.size() >= all.size() * 30 / 100, qPrintable(QString::number(mine.size())));
    }

    // One participant's send that left late is moved in the shared ledger: the other participant's sends
    // are counted against when it left.
    void lateDepartureMovesInTheLedger() {
        auto store = std::make_shared<MemoryLedgerStore>();
        SharedBudget a(store), b(store);
        QVERIFY(a.tryAcquire(0));
        a.amendSend(0, 60); // it left at 60
        qint64 now = 60;
        int sent = 1;
        while (sent < 40) { // b takes the rest of the window
            now = b.nextAllowedAt(now);
            if (b.tryAcquire(now))
                ++sent;
        }
        QCOMPARE(b.nextAllowedAt(now), 60 + 1040); // not 0 + 1040
        QCOMPARE(a.sentInLast(1099, 1040), 1);
    }

    // A participant without a backlog leaves its share to the others at once.
    void unusedShareGoesToOthers() {
        auto store = std::make_shared<MemoryLedgerStore>();
        SharedBudget a(store), b(store);
        // b has requests waiting only during the first 10 s.
        const Run run =
            simulate({&a, &b}, 0, 20'000, 2, 3, [](std::size_t i, qint64 t) { return i == 0 || t < 10'000; });
        b.setBacklog(10'000, false);
        const std::vector<qint64> all = run.all();
        QVERIFY(maxInAnyWindow(all, 1040) <= 40);
        QVERIFY2(countIn(run.sends[0], 11'100, 20'000) >= int(38 * 8.9),
                 qPrintable(QString::number(countIn(run.sends[0], 11'100, 20'000))));
        QVERIFY(countIn(run.sends[1], 0, 10'000) >= 38 * 10 * 45 / 100);
    }

    // A participant that stops without leaving (killed): its share is free within 2 s.
    void silentParticipantExpires() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger"));
        SharedBudget a(std::make_shared<FileLedgerStore>(path));
        auto b = std::make_unique<SharedBudget>(std::make_shared<FileLedgerStore>(path));
        // b goes silent at 10 s: no announcement, no send, no goodbye (its destructor runs only at the end).
        const Run run = simulate({&a, b.get()}, 0, 16'000, 3, 4,
                                 [](std::size_t i, qint64 t) { return i == 0 || t < 10'000; });
        const std::vector<qint64> all = run.all();
        QVERIFY(maxInAnyWindow(all, 1040) <= 40);
        QVERIFY(countIn(run.sends[1], 5000, 10'000) >= 38 * 5 * 45 / 100);
        const int after = countIn(run.sends[0], 12'000, 16'000);
        QVERIFY2(after >= 38 * 4, qPrintable(QString::number(after)));
        QCOMPARE(a.activeParticipants(16'000), 1);
    }

    void slowedParticipantStaysWithinItsLimit() {
        auto store = std::make_shared<MemoryLedgerStore>();
        SharedBudget a(store), b(store);
        b.setMaxPerWindow(18); // b was told RequestLimitExceeded twice
        const Run run = simulate({&a, &b}, 0, 20'000, 2, 5);
        const std::vector<qint64> all = run.all();
        QVERIFY(maxInAnyWindow(all, 1040) <= 40);
        QVERIFY(maxInAnyWindow(run.sends[1], 1040) <= 18);
        QVERIFY2(all.size() >= 38 * 20, qPrintable(QString::number(all.size())));
        QVERIFY(run.sends[1].size() >= 17 * 20);
    }

    // RequestLimitExceeded seen by one participant lowers the account's rate for all until it expires.
    void accountLimitIsShared() {
        auto store = std::make_shared<MemoryLedgerStore>();
        SharedBudget a(store), b(store);
        a.limitAccount(10'000, 20'000, 18);
        const Run run = simulate({&a, &b}, 10'000, 30'000, 2, 7);
        const std::vector<qint64> all = run.all();
        const std::vector<qint64> limited(all.begin(), std::lower_bound(all.begin(), all.end(), 20'000));
        QVERIFY2(maxInAnyWindow(limited, 1040) <= 18,
                 qPrintable(QString::number(maxInAnyWindow(limited, 1040))));
        QVERIFY(limited.size() >= 16 * 10);
        QVERIFY2(countIn(all, 21'100, 30'000) >= int(38 * 8.9),
                 qPrintable(QString::number(countIn(all, 21'100, 30'000))));
    }

    // A new ledger file is grown and mapped without a word on stderr (the user sees stderr of `watch`).
    void aNewLedgerOpensSilently() {
        QTemporaryDir dir;
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        FileLedgerStore store(dir.filePath(QStringLiteral("ledger")));
        QVERIFY2(store.isValid(), qPrintable(store.errorString()));
        QVERIFY(store.lock() != nullptr);
        store.unlock();
    }

    void damagedLedgerIsReinitialised() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(int(sizeof(LedgerBlock)), '\xab'));
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(8)); // a valid-looking header with garbage behind it
            f.write(QByteArray(4, '\0'));
        }
        SharedBudget a(std::make_shared<FileLedgerStore>(path));
        const Run run = simulate({&a}, 0, 5000, 1, 6);
        QVERIFY(maxInAnyWindow(run.all(), 1040) <= 40);
        QVERIFY(run.all().size() >= 38 * 5);
    }

    // A ledger left from another boot (its monotonic times far ahead of this clock) does not hold anyone up.
    void ledgerFromAnotherBootIsForgotten() {
        auto store = std::make_shared<MemoryLedgerStore>();
        LedgerBlock snapshot;
        {
            SharedBudget old(store);
            simulate({&old}, 50'000'000, 50'005'000, 1, 8);
            snapshot = *store->lock();
            store->unlock();
        }
        *store->lock() = snapshot; // as if it had been killed: no goodbye
        store->unlock();
        SharedBudget a(store);
        const Run run = simulate({&a}, 1000, 6000, 1, 10);
        QVERIFY2(run.all().size() >= 38 * 5, qPrintable(QString::number(run.all().size())));
        QCOMPARE(a.activeParticipants(6000), 1);
    }

    void fallbackWithoutUsableRuntimeDirectory() {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("run"));
        QVERIFY(QDir().mkdir(good));
        QVERIFY(::chmod(QFile::encodeName(good).constData(), 0700) == 0);

        const SharedBudget::Choice shared = SharedBudget::forAccount(kSecretId, kAction, 40, good);
        QVERIFY(shared.budget->isShared());
        QVERIFY(shared.warning.isEmpty());
        const QFileInfo ledger(QDir(good).filePath(SharedBudget::ledgerFileName(kSecretId, kAction)));
        QVERIFY(ledger.exists());
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(ledger.filePath()).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QVERIFY(!QDir(good).entryList(QDir::Files).join(QLatin1Char(' ')).contains(kSecretId));

        const QString open = dir.filePath(QStringLiteral("open"));
        QVERIFY(QDir().mkdir(open));
        QVERIFY(::chmod(QFile::encodeName(open).constData(), 0755) == 0);
        const QString notDir = dir.filePath(QStringLiteral("file"));
        QVERIFY(QFile(notDir).open(QIODevice::WriteOnly));
        for (const QString& bad : {open, notDir, dir.filePath(QStringLiteral("missing"))}) {
            const SharedBudget::Choice c = SharedBudget::forAccount(kSecretId, kAction, 40, bad);
            QVERIFY(!c.budget->isShared());
            QVERIFY2(c.warning.contains(bad), qPrintable(c.warning));
            QCOMPARE(c.budget->maxPerWindow(), 40);
        }

        // A ledger file accessible to others, or a symlink in its place, is not used either.
        const QString loose = dir.filePath(QStringLiteral("loose"));
        QVERIFY(QDir().mkdir(loose));
        QVERIFY(::chmod(QFile::encodeName(loose).constData(), 0700) == 0);
        const QString looseFile = QDir(loose).filePath(SharedBudget::ledgerFileName(kSecretId, kAction));
        QVERIFY(QFile(looseFile).open(QIODevice::WriteOnly));
        QVERIFY(::chmod(QFile::encodeName(looseFile).constData(), 0644) == 0);
        QVERIFY(!SharedBudget::forAccount(kSecretId, kAction, 40, loose).budget->isShared());
        QVERIFY(QFile::remove(looseFile));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere")), looseFile));
        QVERIFY(!SharedBudget::forAccount(kSecretId, kAction, 40, loose).budget->isShared());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("elsewhere"))));

        // XDG_RUNTIME_DIR unset: the private per-user directory under the temporary directory is shared.
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        const QByteArray savedTmp = qgetenv("TMPDIR");
        qunsetenv("XDG_RUNTIME_DIR");
        qputenv("TMPDIR", QFile::encodeName(dir.path()));
        const SharedBudget::Choice unset = SharedBudget::forAccount(kSecretId, kAction);
        if (!saved.isNull())
            qputenv("XDG_RUNTIME_DIR", saved);
        if (savedTmp.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", savedTmp);
        QVERIFY2(unset.budget->isShared(), qPrintable(unset.warning));
        QVERIFY(unset.warning.isEmpty());
        const QDir fallback(dir.filePath(QStringLiteral("runtime-%1").arg(userName())));
        QVERIFY(fallback.exists(SharedBudget::ledgerFileName(kSecretId, kAction)));
    }

    // Real processes on the real clock: three children with a backlog share 40 per 1000 ms fairly.
    void childProcessesShareOneBudget() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger"));
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < 3; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--ledger-child"), path, QStringLiteral("4000")});
            QVERIFY(p->waitForStarted());
            children.push_back(std::move(p));
        }
        std::vector<std::vector<qint64>> sends;
        for (auto& p : children) {
            QVERIFY(p->waitForFinished(30'000));
            QCOMPARE(p->exitCode(), 0);
            sends.push_back(timesOf(*p));
            QVERIFY(!sends.back().empty());
        }
        // While all three ran.
        qint64 from = 0, to = std::numeric_limits<qint64>::max();
        std::vector<qint64> all;
        for (const auto& s : sends) {
            from = std::max(from, s.front());
            to = std::min(to, s.back());
            all.insert(all.end(), s.begin(), s.end());
        }
        std::sort(all.begin(), all.end());
        QVERIFY2(maxInAnyWindow(all, 1000) <= 40, qPrintable(QString::number(maxInAnyWindow(all, 1000))));
        QVERIFY2(to - from >= 2000, qPrintable(QString::number(to - from)));
        const int together = countIn(all, from, to);
        const double rate = together * 1000.0 / double(to - from);
        QVERIFY2(rate >= 36, qPrintable(QString::number(rate)));
        for (const auto& s : sends) {
            const int mine = countIn(s, from, to);
            QVERIFY2(mine >= together / 4, qPrintable(QStringLiteral("%1 of %2").arg(mine).arg(together)));
        }
    }

    // A child killed with SIGKILL (no goodbye): the other takes over its share within 2 s.
    void killedChildFreesItsShare() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger"));
        QProcess survivor, victim;
        survivor.start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--ledger-child"), path, QStringLiteral("6000")});
        victim.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--ledger-child"), path, QStringLiteral("20000")});
        QVERIFY(survivor.waitForStarted());
        QVERIFY(victim.waitForStarted());
        QTest::qWait(2000);
        const qint64 killedAt = steadyNowMs();
        ::kill(pid_t(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(10'000));
        QVERIFY(survivor.waitForFinished(30'000));
        const std::vector<qint64> s = timesOf(survivor);
        const std::vector<qint64> v = timesOf(victim);
        QVERIFY(!v.empty());
        QVERIFY(v.back() <= killedAt + 50);
        // Before: about half each; from 2 s after the kill: the whole budget.
        const int before = countIn(s, killedAt - 1000, killedAt);
        QVERIFY2(before >= 12 && before <= 28, qPrintable(QString::number(before)));
        const qint64 end = s.back();
        QVERIFY2(end - killedAt >= 3000, qPrintable(QString::number(end - killedAt)));
        const int after = countIn(s, killedAt + 2000, end);
        const double rate = after * 1000.0 / double(end - killedAt - 2000);
        QVERIFY2(rate >= 36, qPrintable(QString::number(rate)));
    }
};

int main(int argc, char** argv) {
    if (argc == 4 && qstrcmp(argv[1], "--ledger-child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong());
    QCoreApplication app(argc, argv);
    TestSendBudget test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sendbudget.moc"
