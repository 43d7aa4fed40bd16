#include "banners/BannerArea.h"

#include "TaskBoard.h"
#include "api/ErrorCatalog.h"
#include "banners/Banner.h"
#include "desktop/ActionIcons.h"
#include "model/StatusStyle.h"
#include "task/SafeText.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace taskwatch::ui {

namespace {
using Kind = BannerArea::Kind;

QIcon bannerIcon(BannerArea::Kind kind, bool dark) {
    switch (kind) {
    case Kind::NoCredentials:
        return StatusStyle::icon(StatusKey::Held, dark);
    case Kind::Offline:
        return StatusStyle::icon(StatusKey::NoStatus, dark);
    case Kind::Demo: {
        const QColor blue = StatusStyle::color(StatusKey::Running, dark);
        return paintedIcon(ActionIcon::Info, blue, blue);
    }
    case Kind::CredentialsRejected:
    case Kind::CredentialsMissing:
    case Kind::EndpointFailed:
    case Kind::KeychainUnavailable:
    case Kind::StoreFailed:
    case Kind::HistoryProblem:
    case Kind::DiscoveryDenied:
        break;
    }
    return StatusStyle::icon(StatusKey::Error, dark);
}

} // namespace

BannerArea::BannerArea(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("bannerArea"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
}

Banner* BannerArea::ensure(Kind kind) {
    if (Banner* existing = m_banners.value(kind))
        return existing;
    auto* banner = new Banner(this);
    banner->hide();
    const bool dark = StatusStyle::isDark(palette());
    switch (kind) {
    case Kind::NoCredentials: {
        banner->setObjectName(QStringLiteral("bannerNoCredentials"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("No credentials: tasks are not polled yet"));
        banner->setDetail(
            tr("Add a Tencent Cloud API key (SecretId and SecretKey) to start. Tasks you add now "
               "wait in the list."));
        QPushButton* setUp =
            banner->addButton(tr("Set Up Credentials…"), QStringLiteral("setUpCredentialsButton"));
        connect(setUp, &QPushButton::clicked, this,
                [this] { emit credentialsRequested(m_credentialsProfile); });
        break;
    }
    case Kind::CredentialsRejected: {
        banner->setObjectName(QStringLiteral("bannerCredentialsRejected"));
        banner->setTone(Banner::Tone::Error);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* resume = banner->addButton(tr("Resume"), QStringLiteral("resumeButton"));
        resume->setToolTip(tr("Try the same credentials again"));
        connect(resume, &QPushButton::clicked, this, &BannerArea::resumeRequested);
        QPushButton* edit = banner->addButton(tr("Credentials…"), QStringLiteral("editCredentialsButton"));
        connect(edit, &QPushButton::clicked, this,
                [this] { emit credentialsRequested(m_credentialsProfile); });
        break;
    }
    case Kind::CredentialsMissing: {
        banner->setObjectName(QStringLiteral("bannerCredentialsMissing"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* set = banner->addButton(tr("Set Credentials…"), QStringLiteral("setCredentialsButton"));
        connect(set, &QPushButton::clicked, this,
                [this] { emit credentialsRequested(m_credentialsProfile); });
        break;
    }
    case Kind::EndpointFailed: {
        banner->setObjectName(QStringLiteral("bannerEndpointFailed"));
        banner->setTone(Banner::Tone::Error);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* fix = banner->addButton(tr("Credentials…"), QStringLiteral("fixEndpointButton"));
        connect(fix, &QPushButton::clicked, this,
                [this] { emit credentialsRequested(m_credentialsProfile); });
        break;
    }
    case Kind::KeychainUnavailable:
        banner->setObjectName(QStringLiteral("bannerKeychainUnavailable"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("The system keychain is not available: credentials cannot be saved"));
        break;
    case Kind::Offline:
        banner->setObjectName(QStringLiteral("bannerOffline"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("Offline: no network connection"));
        banner->setDetail(tr("Polling goes on and recovers by itself when the network is back."));
        break;
    case Kind::Demo:
        banner->setObjectName(QStringLiteral("bannerDemo"));
        banner->setTone(Banner::Tone::Info);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("Demo: tasks come from the built-in emulator, not from Tencent Cloud"));
        break;
    case Kind::StoreFailed: {
        banner->setObjectName(QStringLiteral("bannerStoreFailed"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        banner->setTitle(tr("The history could not be saved; polling goes on"));
        QPushButton* dismiss = banner->addButton(tr("Dismiss"), QStringLiteral("dismissButton"));
        connect(dismiss, &QPushButton::clicked, this, [this] { setShown(Kind::StoreFailed, false); });
        break;
    }
    case Kind::HistoryProblem: {
        banner->setObjectName(QStringLiteral("bannerHistoryProblem"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* dismiss = banner->addButton(tr("Dismiss"), QStringLiteral("dismissHistoryButton"));
        connect(dismiss, &QPushButton::clicked, this, [this] { setShown(Kind::HistoryProblem, false); });
        break;
    }
    case Kind::DiscoveryDenied: {
        banner->setObjectName(QStringLiteral("bannerDiscoveryDenied"));
        banner->setTone(Banner::Tone::Warning);
        banner->setIcon(bannerIcon(kind, dark));
        QPushButton* edit =
            banner->addButton(tr("Credentials…"), QStringLiteral("discoveryCredentialsButton"));
        edit->setToolTip(tr("Use credentials whose CAM policy allows the permission"));
        connect(edit, &QPushButton::clicked, this, [this] { emit credentialsRequested(m_discoveryProfile); });
        QPushButton* dismiss = banner->addButton(tr("Dismiss"), QStringLiteral("dismissDiscoveryButton"));
        connect(dismiss, &QPushButton::clicked, this, [this] { setShown(Kind::DiscoveryDenied, false); });
        break;
    }
    }
    // Keep a fixed order: the most important condition first.
    int position = 0;
    for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
        if (int(it.key()) < int(kind))
            ++position;
    }
    m_layout->insertWidget(position, banner);
    m_banners.insert(kind, banner);
    return banner;
}

void BannerArea::setShown(Kind kind, bool shown) {
    if (!shown) {
        if (Banner* banner = m_banners.value(kind))
            banner->hide();
        return;
    }
    ensure(kind)->show();
}

bool BannerArea::isShown(Kind kind) const {
    Banner* banner = m_banners.value(kind);
    return banner && !banner->isHidden();
}

Banner* BannerArea::shown(Kind kind) const {
    Banner* banner = m_banners.value(kind);
    return banner && !banner->isHidden() ? banner : nullptr;
}

void BannerArea::showAccounts(const TaskBoard& board, bool demo) {
    QStringList rejected;
    QStringList missing;
    QString rejectedCode;
    QString rejectedMessage;
    for (const QString& profile : board.profiles()) {
        const AccountStatus status = board.accountStatus(profile);
        switch (status.state) {
        case AccountState::HeldByAuth:
            rejected << profile;
            rejectedCode = status.problem;
            rejectedMessage = status.problemMessage;
            break;
        case AccountState::CredentialsMissing:
            if (board.taskProfiles().contains(profile))
                missing << profile;
            break;
        case AccountState::Unknown:
        case AccountState::Polling:
            break;
        }
    }
    if (!rejected.isEmpty()) {
        Banner* banner = ensure(Kind::CredentialsRejected);
        // One-pass arg(): the code comes from the server.
        banner->setTitle(
            tr("The credentials of profile %1 were rejected (%2): its polling is on hold")
                .arg(rejected.join(QLatin1String(", ")), SafeText::singleLine(rejectedCode, 120)));
        const ErrorDescription d = ErrorCatalog::describe(rejectedCode);
        QStringList detail;
        for (const QString& part : {d.meaning, d.hint}) {
            if (!part.isEmpty())
                detail << part;
        }
        if (!rejectedMessage.isEmpty())
            detail << tr("Server message: %1").arg(SafeText::singleLine(rejectedMessage, 300));
        banner->setDetail(detail.join(QLatin1Char('\n')));
    }
    setShown(Kind::CredentialsRejected, !rejected.isEmpty());
    if (!missing.isEmpty()) {
        Banner* banner = ensure(Kind::CredentialsMissing);
        banner->setTitle(tr("Credentials missing for profile %1: its tasks are on hold")
                             .arg(missing.join(QLatin1String(", "))));
        banner->setDetail(SafeText::singleLine(board.accountStatus(missing.first()).problem, 300));
    }
    setShown(Kind::CredentialsMissing, !missing.isEmpty());
    QStringList endpointFailed;
    for (const QString& profile : board.profiles()) {
        if (!board.accountStatus(profile).endpointProblem.isEmpty())
            endpointFailed << profile;
    }
    if (!endpointFailed.isEmpty()) {
        Banner* banner = ensure(Kind::EndpointFailed);
        banner->setTitle(tr("The endpoint of profile %1 refuses the requests: its tasks stopped")
                             .arg(endpointFailed.join(QLatin1String(", "))));
        banner->setDetail(
            SafeText::singleLine(board.accountStatus(endpointFailed.first()).endpointProblem, 300));
    }
    setShown(Kind::EndpointFailed, !endpointFailed.isEmpty());
    QStringList denied;
    for (const QString& profile : board.profiles()) {
        if (!board.accountStatus(profile).discoveryProblem.isEmpty())
            denied << profile;
    }
    if (!denied.isEmpty()) {
        Banner* banner = ensure(Kind::DiscoveryDenied);
        const QString title = tr("Discovery is off for profile %1: a permission is missing; polling goes on")
                                  .arg(denied.join(QLatin1String(", ")));
        const QString detail =
            SafeText::singleLine(board.accountStatus(denied.first()).discoveryProblem, 500);
        // Shown again only when something changed (a dismissed banner stays dismissed).
        if (banner->title() != title || banner->detail() != detail || denied != m_discoveryDenied) {
            banner->setTitle(title);
            banner->setDetail(detail);
            setShown(Kind::DiscoveryDenied, true);
        }
    } else {
        setShown(Kind::DiscoveryDenied, false);
    }
    m_discoveryDenied = denied;
    m_discoveryProfile = denied.value(0);
    const QStringList profiles = board.profiles();
    const bool polling = std::any_of(profiles.cbegin(), profiles.cend(),
                                     [&board](const QString& p) { return board.hasAccount(p); });
    setShown(Kind::NoCredentials, !demo && !polling && missing.isEmpty());
    m_credentialsProfile = !missing.isEmpty()          ? missing.first()
                           : !rejected.isEmpty()       ? rejected.first()
                           : !endpointFailed.isEmpty() ? endpointFailed.first()
                                                       : QString();
}

void BannerArea::applyTheme(bool dark) {
    for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
        it.value()->setIcon(bannerIcon(it.key(), dark));
        it.value()->updateStyle();
    }
}

} // namespace taskwatch::ui
