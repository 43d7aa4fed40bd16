// One run of `watch` over a TaskBoard: prints each observed change, decides when the run ends and with which
// exit status (every task finished, rejected credentials, --timeout, a signal), and prints the summary when
// it stops early. It listens to the board's signals only; runWatch() builds the board and runs the event
// loop until finished().
//
// With --discover the end waits for the first listing of every region: the board lists a region again
// (refreshes, --follow) and announces those listings with the same signals, so the regions whose first
// listing is still pending are kept by name, not counted. With --discover --product (redis, postgres) the
// regions are listed by a ProductListSession instead (again every 60 s with --follow), and the unfinished
// tasks it finds are added with their product.
#pragma once

#include "TaskBoard.h"
#include "WatchOptions.h"
#include "discovery/ProductListing.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace taskwatch::cli {

class ProductListSession;

class WatchSession : public QObject {
    Q_OBJECT
public:
    // `options` as parsed; `profile` and `region` as resolved (RunSettings): ids are added there, and
    // `region` is discovered when options.regions is empty. `board` must outlive the session.
    WatchSession(TaskBoard* board, const WatchOptions& options, const QString& profile, const QString& region,
                 QObject* parent = nullptr);

    // With --discover and a product other than cdb: the listing to discover with (it must outlive the
    // session). Set before start().
    void setProductListing(ProductListSession* listing) { m_productListing = listing; }
    static constexpr int kProductFollowMs = 60 * 1000; // --follow: a product's regions listed again

    // Starts the --timeout timer, adds the ids and starts discovery (printing what it does).
    void start();
    int exitCode() const { return m_exitCode; } // -1 until finished()
    bool isFinished() const { return m_exitCode >= 0; }

public slots:
    void printChanges(const QList<taskwatch::HistoryEntry>& entries);
    void warnStoreFailed(const QString& message);
    void noteClockCorrected(const QString& profile, qint64 offsetSeconds);
    void onAuthFailed(const QString& profile, const QString& code, const QString& message);
    void onDiscoveryFinished(const QString& profile, const QString& region, int found, int added,
                             int malformed, const QString& warning);
    void onDiscoveryFailed(const QString& profile, const QString& region,
                           taskwatch::TaskBoard::DiscoveryFailure kind, const QString& message);
    void onProductListed(const taskwatch::ProductListing::Result& result);
    void onProductListingFailed(const taskwatch::ProductListing::Failure& failure);
    void finishIfDone(); // every task finished (and every region listed once): exit 0, 1 or 3
    void onTimeout();
    void onSignal(int signalNumber);

signals:
    void finished(int exitCode); // once

private:
    void finish(int code);
    void firstListingEnded(const QString& region);
    void addIds();
    void startDiscovery();
    void listProduct(); // one listing of every region by m_productListing
    // Stops polling, prints what was reached (stderr; one JSON object in --json mode), finishes with `code`.
    void stopWithSummary(int code, const QString& reason, const QString& headline);
    QList<TaskState> allTasks() const;

    TaskBoard* m_board;
    WatchOptions m_options;
    QString m_profile;
    QString m_region;
    QSet<QString> m_firstListingPending; // regions whose first listing has not ended yet
    QTimer m_timeout;
    ProductListSession* m_productListing = nullptr;
    QTimer m_productFollow;
    int m_exitCode = -1;
    bool m_stopping = false; // a signal or the timeout: nothing more is printed per change
    bool m_discoveryDenied = false;
};

} // namespace taskwatch::cli
