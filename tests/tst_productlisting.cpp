// ProductListing against the emulator over loopback HTTP: a product's list action paged through, the filters
// it cannot apply, its failures (a missing CAM permission with the adapter's hint, no list action), and its
// pacing by the budget it is given.
#include "Clock.h"
#include "Emulator.h"
#include "TimelineSteps.h"
#include "api/ApiClient.h"
#include "discovery/ProductListing.h"
#include "pacing/LocalBudget.h"
#include "products/Products.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace taskwatch;
using namespace taskwatch::sim;

namespace {
const QString kId = QStringLiteral("AKIDPRODUCTLISTING000000000000000000");
const QString kKey = QStringLiteral("product-listing-secret-key-012345");
const QString kGz = QStringLiteral("ap-guangzhou");

ScriptedTask productTask(const char* product, const QString& id, QList<TimelineStep> steps,
                         const QString& region = kGz) {
    ScriptedTask t;
    t.product = QString::fromLatin1(product);
    t.id = id;
    t.region = region;
    t.instanceIds = {QStringLiteral("inst-1")};
    t.taskType = QStringLiteral("RestartInstance");
    t.steps = std::move(steps);
    return t;
}

QStringList idsOf(const QList<ListItem>& items) {
    QStringList ids;
    for (const ListItem& item : items)
        ids.append(item.id);
    return ids;
}
} // namespace

class TestProductListing : public QObject {
    Q_OBJECT
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;

    // A client of `product` and a listing over it.
    std::unique_ptr<ProductListing> listingOf(const char* product) {
        const ProductAdapter* adapter = Products::find(QString::fromLatin1(product));
        m_client->setProduct(*adapter);
        return std::make_unique<ProductListing>(m_client.get(), *adapter);
    }

    static ListQuery query(bool onlyUnfinished = false) {
        ListQuery q;
        q.since = QDateTime::currentDateTimeUtc().addSecs(-3600);
        q.now = QDateTime::currentDateTimeUtc();
        q.onlyUnfinished = onlyUnfinished;
        return q;
    }

    // Lists `region` and waits for the result; a failure fails the test.
    static ProductListing::Result listOnce(ProductListing& listing, const ListQuery& q,
                                           const QString& region = kGz) {
        QSignalSpy listed(&listing, &ProductListing::listed);
        QSignalSpy failed(&listing, &ProductListing::failed);
        listing.list(q, region);
        if (!QTest::qWaitFor([&] { return !listed.isEmpty() || !failed.isEmpty(); }, 20000))
            return {};
        if (!failed.isEmpty()) {
            qWarning("listing failed: %s",
                     qPrintable(failed.at(0).at(0).value<ProductListing::Failure>().message));
            return {};
        }
        return listed.at(0).at(0).value<ProductListing::Result>();
    }

    static ProductListing::Failure failOnce(ProductListing& listing) {
        QSignalSpy listed(&listing, &ProductListing::listed);
        QSignalSpy failed(&listing, &ProductListing::failed);
        listing.list(query(), kGz);
        if (!QTest::qWaitFor([&] { return !listed.isEmpty() || !failed.isEmpty(); }, 20000) ||
            failed.isEmpty())
            return {};
        return failed.at(0).at(0).value<ProductListing::Failure>();
    }

private slots:
    void init() {
        m_emulator = std::make_unique<Emulator>();
        m_emulator->addCredential(kId, kKey);
        QVERIFY(m_emulator->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        EndpointConfig endpoint;
        endpoint.url = QUrl(m_emulator->url());
        endpoint.timeoutMs = 5000;
        m_client = std::make_unique<ApiClient>(m_nam.get(), endpoint, Credential{kId, kKey, {}});
    }
    void cleanup() {
        m_client.reset();
        m_nam.reset();
        m_emulator.reset();
    }

    // The demo's redis tasks, read from DescribeTaskList with the vendor's result codes beside ours.
    void redisListsTheDemoTasks() {
        QStringList expected;
        for (const ScriptedTask& t : Emulator::demoProductTasks()) {
            QVERIFY(m_emulator->addTask(t));
            if (t.product == QLatin1String("redis"))
                expected.append(t.id);
        }
        const auto listing = listingOf("redis");
        const ProductListing::Result r = listOnce(*listing, query());
        QStringList ids = idsOf(r.items);
        ids.sort();
        expected.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(r.listed, int(expected.size()));
        QCOMPARE(r.region, kGz);
        for (const ListItem& item : r.items) {
            QVERIFY(item.reading.status.has_value());
            QVERIFY(item.reading.vendorStatus.has_value());
        }
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("redis"), QStringLiteral("DescribeTaskList")), 1);
    }

    // Every page of a long postgres listing, each task once; finished tasks left out when only unfinished
    // ones are asked for (postgres has no status filter: listMatches applies it).
    void postgresPagesAndOnlyUnfinished() {
        QStringList running;
        for (int i = 1; i <= 230; ++i) {
            const bool done = i % 10 == 0;
            const QString id = QString::number(1000 + i);
            QVERIFY(
                m_emulator->addTask(productTask("postgres", id, {step(0, done ? "Success" : "Running")})));
            if (!done)
                running.append(id);
        }
        const auto listing = listingOf("postgres");
        const ProductListing::Result r = listOnce(*listing, query(true));
        QCOMPARE(r.listed, 230);
        QCOMPARE(r.items.size(), running.size());
        QStringList ids = idsOf(r.items);
        ids.sort();
        running.sort();
        QCOMPARE(ids, running);
        QVERIFY(!r.cutOff);
        QCOMPARE(r.malformed, 0);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("postgres"), QStringLiteral("DescribeTasks")), 3);
        for (const ListItem& item : r.items) {
            QCOMPARE(item.reading.status, std::optional<QString>(QStringLiteral("RUNNING")));
            QCOMPARE(item.reading.vendorStatus, std::optional<QString>(QStringLiteral("Running")));
        }
    }

    // Another region's tasks are not listed.
    void onlyTheRegionAsked() {
        QVERIFY(m_emulator->addTask(productTask("redis", QStringLiteral("11"), {step(0, "running")})));
        QVERIFY(m_emulator->addTask(
            productTask("redis", QStringLiteral("12"), {step(0, "running")}, QStringLiteral("ap-shanghai"))));
        const auto listing = listingOf("redis");
        QCOMPARE(idsOf(listOnce(*listing, query()).items), QStringList{QStringLiteral("11")});
    }

    // A sub-account without the list action's permission: the failure says which permission to grant.
    void permissionDeniedNamesThePermission() {
        m_emulator->setActionError(QStringLiteral("redis"), QStringLiteral("DescribeTaskList"),
                                   QStringLiteral("AuthFailure.UnauthorizedOperation"),
                                   QStringLiteral("not allowed"));
        const auto listing = listingOf("redis");
        const ProductListing::Failure f = failOnce(*listing);
        QCOMPARE(f.kind, ProductListing::FailureKind::PermissionDenied);
        QCOMPARE(f.region, kGz);
        QVERIFY2(f.message.contains(QStringLiteral("redis:DescribeTaskList")), qPrintable(f.message));
        QVERIFY(!listing->isBusy());
    }

    // mongodb has no action that lists tasks: the listing fails without sending anything.
    void noListActionFailsWithoutSending() {
        const auto listing = listingOf("mongodb");
        const ProductListing::Failure f = failOnce(*listing);
        QCOMPARE(f.kind, ProductListing::FailureKind::NoListAction);
        QVERIFY(f.message.contains(QStringLiteral("mongodb")));
        QCOMPARE(m_emulator->stats().requests, 0);
    }

    // The pages go through the budget the listing was given, at the rate of its governor: 4 pages at 2 per
    // second take a second, and leave that budget's window full.
    void pagesArePacedByTheBudget() {
        for (int i = 1; i <= 350; ++i)
            QVERIFY(m_emulator->addTask(productTask("redis", QString::number(i), {step(0, "running")})));
        const auto listing = listingOf("redis");
        const auto budget = std::make_shared<LocalBudget>(100);
        listing->setBudget(budget);
        listing->rate().setMaxRate(2);
        QCOMPARE(budget->maxPerWindow(), 2);
        QElapsedTimer elapsed;
        elapsed.start();
        const ProductListing::Result r = listOnce(*listing, query());
        QCOMPARE(r.items.size(), 350);
        QCOMPARE(m_emulator->requestsOf(QStringLiteral("redis"), QStringLiteral("DescribeTaskList")), 4);
        QVERIFY(m_emulator->maxInAnyWindowOf(kId, QStringLiteral("redis"),
                                             QStringLiteral("DescribeTaskList")) <= 2);
        QVERIFY2(elapsed.elapsed() >= 900, qPrintable(QString::number(elapsed.elapsed())));
        const qint64 now = steadyNowMs();
        QVERIFY(budget->nextAllowedAt(now) > now);
    }
};

QTEST_GUILESS_MAIN(TestProductListing)
#include "tst_productlisting.moc"
