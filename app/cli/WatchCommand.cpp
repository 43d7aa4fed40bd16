#include "WatchCommand.h"

#include "CliCommon.h"
#include "Language.h"
#include "ProductListSession.h"
#include "SignalWatcher.h"
#include "TaskBoard.h"
#include "WatchOptions.h"
#include "WatchSession.h"
#include "accounts/RunSettings.h"
#include "history/TaskStore.h"
#include "products/Products.h"
#include "task/TaskKey.h"

#include <QCoreApplication>
#include <memory>

namespace taskwatch::cli {

namespace {
// The history, unless --no-history; null (after a warning) when it cannot be opened.
std::unique_ptr<TaskStore> openHistory(const WatchOptions& options) {
    if (!options.history)
        return nullptr;
    auto store = std::make_unique<TaskStore>();
    if (!store->open()) {
        printErr(tr("warning: history disabled: %1").arg(store->lastError()));
        return nullptr;
    }
    if (!store->recoveryMessage().isEmpty())
        printErr(tr("warning: %1").arg(store->recoveryMessage()));
    return store;
}
} // namespace

int runWatch(const QStringList& arguments) {
    WatchOptions options;
    if (const int rc = WatchOptions::parse(arguments, &options); rc >= 0)
        return rc;
    // Credentials, profile, region, endpoint: one resolution for watch, list and the GUI (RunSettings).
    RunSettings settings;
    if (const int rc =
            resolveSettings(options.profile, options.regions.value(0), options.endpoint, &settings);
        rc >= 0)
        return rc;

    const std::unique_ptr<TaskStore> store = openHistory(options);
    TaskBoard board(store.get(), options.pollOptions());
    board.setDefaultProfile(settings.profile);
    board.setAccount(settings.profile, settings.account(Language::apiLanguage()));
    if (const QString warning = board.accountStatus(settings.profile).pacingWarning; !warning.isEmpty())
        printErr(tr("warning: %1").arg(warning));

    WatchSession session(&board, options, settings.profile, settings.region);
    std::unique_ptr<ProductListSession> productListing;
    if (options.discover && !isCdbProduct(options.product)) {
        productListing = std::make_unique<ProductListSession>(settings, *Products::find(options.product));
        session.setProductListing(productListing.get());
    }
    QObject::connect(&session, &WatchSession::finished, &session,
                     [](int code) { QCoreApplication::exit(code); });
    SignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &SignalWatcher::received, &session, &WatchSession::onSignal);
    session.start();
    const int rc = session.isFinished() ? session.exitCode() : QCoreApplication::exec();
    return session.isFinished() ? session.exitCode() : rc;
}

} // namespace taskwatch::cli
