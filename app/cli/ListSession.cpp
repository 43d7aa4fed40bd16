#include "ListSession.h"

#include "CliCommon.h"
#include "Language.h"
#include "pacing/SharedBudget.h"
#include "task/SafeText.h"

#include <algorithm>

// Messages use cli::tr (the context "taskwatch::cli", see CliCommon.h), never QObject::tr.

namespace taskwatch::cli {

ListSession::ListSession(const RunSettings& settings, QObject* parent)
    : QObject(parent)
    , m_client(&m_nam, settings.account(Language::apiLanguage()).endpoint, settings.credential)
    , m_discovery(&m_client) {
    const auto budget = [&](const char* action) {
        return SharedBudget::forAccount(settings.credential.secretId, QString::fromLatin1(action),
                                        Discovery::kMaxRate)
            .budget;
    };
    m_discovery.setBudgets(budget(Discovery::kTasksAction), budget(Discovery::kInstancesAction));
    connect(&m_discovery, &DiscoveryClient::listed, this, &ListSession::onListed);
    connect(&m_discovery, &DiscoveryClient::failed, this, &ListSession::onFailed);
    connect(&m_discovery, &DiscoveryClient::clockCorrected, this, &ListSession::noteClockCorrected);
}

void ListSession::start(const Discovery::Query& filters, const QStringList& regions) {
    m_pending = int(regions.size());
    for (const QString& region : regions) {
        Discovery::Query query = filters;
        query.region = region;
        m_discovery.list(query);
    }
}

QList<Discovery::Item> ListSession::items() const {
    QList<Discovery::Item> sorted = m_items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Discovery::Item& a, const Discovery::Item& b) {
        if (a.facts.startedAt != b.facts.startedAt)
            return a.facts.startedAt > b.facts.startedAt;
        return a.facts.jobId > b.facts.jobId;
    });
    return sorted;
}

void ListSession::onListed(const DiscoveryClient::Result& result) {
    for (const Discovery::Item& item : result.items) {
        if (Discovery::matches(result.query, item))
            m_items.append(item);
    }
    if (result.malformed > 0)
        printErr(cli::tr("warning: %1: %2 malformed task(s) skipped.")
                     .arg(result.query.region, QString::number(result.malformed)));
    if (result.cutOff)
        printErr(
            cli::tr("warning: %1: only the newest %2 tasks were read.")
                .arg(result.query.region, QString::number(Discovery::kMaxPages * Discovery::kPageLimit)));
    if (!result.namesProblem.isEmpty())
        printErr(cli::tr("warning: %1: instance names unavailable: %2")
                     .arg(result.query.region, SafeText::singleLine(result.namesProblem, 500)));
    regionDone();
}

void ListSession::onFailed(const DiscoveryClient::Failure& failure) {
    printErr(SafeText::singleLine(failure.message, 800));
    switch (failure.kind) {
    case DiscoveryClient::FailureKind::PermissionDenied:
    case DiscoveryClient::FailureKind::AuthRejected:
        m_exitCode = ExitCredentials;
        break;
    case DiscoveryClient::FailureKind::UnsupportedRegion:
        break; // skipped, said so
    case DiscoveryClient::FailureKind::Failed:
        if (m_exitCode == ExitOk)
            m_exitCode = ExitTaskFailed;
        break;
    }
    regionDone();
}

void ListSession::noteClockCorrected(qint64 offsetSeconds) {
    printErr(cli::tr("Your clock differs from the server's by %1 s (corrected).").arg(offsetSeconds));
}

void ListSession::regionDone() {
    if (--m_pending == 0)
        emit finished();
}

} // namespace taskwatch::cli
