#include "pacing/SharedBudget.h"

#include "pacing/FileLedgerStore.h"
#include "pacing/LocalBudget.h"
#include "pacing/PacingGate.h"
#include "platform/RuntimeDirectory.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace taskwatch {

namespace {
struct Locked {
    explicit Locked(LedgerStore& s)
        : store(s)
        , block(s.lock()) {
        if (block->magic != LedgerBlock::kMagic || block->version != LedgerBlock::kVersion ||
            block->size != sizeof(LedgerBlock)) {
            *block = LedgerBlock{}; // new, foreign or damaged: start over (it is only a ledger)
            block->magic = LedgerBlock::kMagic;
            block->version = LedgerBlock::kVersion;
            block->size = sizeof(LedgerBlock);
        }
        PacingGate::sanitize(block->pacing);
    }
    ~Locked() { store.unlock(); }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;
    LedgerStore& store;
    LedgerBlock* block;
};

constexpr int kNone = LedgerBlock::kMaxParticipants; // "no slot in the ledger" (it was full)
constexpr qint64 kFutureMs = 60'000;

// Times far in the future come from another boot's clock (a ledger left in a runtime directory that is not
// cleared at boot) or from damage: forget them, or this participant would wait for them.
void forgetFuture(LedgerBlock* block, qint64 nowMs) {
    PacingState& s = block->pacing;
    if (s.hasSent && (s.lastSend > nowMs + kFutureMs || s.slot > double(nowMs + kFutureMs)))
        s = PacingState{};
    for (LedgerParticipant& p : block->participants) {
        if (p.token != 0 && p.heartbeatMs > nowMs + kFutureMs)
            p = LedgerParticipant{};
    }
}
} // namespace

SharedBudget::SharedBudget(std::shared_ptr<LedgerStore> store, int accountMax)
    : m_store(std::move(store))
    , m_accountMax(std::clamp(accountMax, 1, PacingState::kCapacity))
    , m_ownMax(m_accountMax)
    , m_gate(m_accountMax)
    , m_mine(m_accountMax) {
    do {
        m_token = QRandomGenerator::system()->generate64();
    } while (m_token == 0);
    m_tag = qint32(m_token & 0x7fffffff);
}

SharedBudget::~SharedBudget() {
    Locked l(*m_store);
    for (LedgerParticipant& p : l.block->participants) {
        if (p.token == m_token)
            p = LedgerParticipant{};
    }
}

int SharedBudget::join(LedgerBlock* block, qint64 nowMs) const {
    forgetFuture(block, nowMs);
    auto& ps = block->participants;
    if (m_index < 0 || m_index >= kNone || ps[m_index].token != m_token) {
        m_index = -1;
        for (int i = 0; i < kNone && m_index < 0; ++i) {
            if (ps[i].token == m_token)
                m_index = i;
        }
        // A free slot, or one whose owner has been silent for kReuseMs (it exited or was killed); a
        // heartbeat in the future is garbage (another boot's clock).
        for (int i = 0; i < kNone && m_index < 0; ++i) {
            if (ps[i].token == 0 || ps[i].heartbeatMs < nowMs - kReuseMs ||
                ps[i].heartbeatMs > nowMs + 60'000)
                m_index = i;
        }
        if (m_index < 0)
            return kNone; // full: this participant still obeys the shared window, without a share of its own
        ps[m_index] = LedgerParticipant{};
        ps[m_index].token = m_token;
        ps[m_index].pid = qint32(QCoreApplication::applicationPid());
    }
    LedgerParticipant& me = ps[m_index];
    me.heartbeatMs = nowMs;
    me.backlogUntil = m_backlog ? nowMs + kLeaseMs : 0;
    me.ownMax = m_ownMax;
    return m_index;
}

int SharedBudget::activeParticipants(qint64 nowMs) const {
    Locked l(*m_store);
    const int me = join(l.block, nowMs);
    return activeLocked(l.block, me, nowMs);
}

int SharedBudget::activeLocked(const LedgerBlock* block, int me, qint64 nowMs) const {
    int active = (m_backlog && (me == kNone || block->participants[me].backlogUntil <= nowMs)) ? 1 : 0;
    for (const LedgerParticipant& p : block->participants) {
        if (p.token != 0 && p.backlogUntil > nowMs && p.heartbeatMs > nowMs - kLeaseMs)
            ++active;
    }
    return active;
}

const PacingGate& SharedBudget::gateFor(const LedgerBlock* block, qint64 nowMs) const {
    int max = m_accountMax;
    if (block->limitMax > 0 && block->limitUntil > nowMs && block->limitUntil - nowMs <= 3'600'000)
        max = std::min(max, int(block->limitMax));
    m_gate.setMaxPerWindow(max);
    return m_gate;
}

qint64 SharedBudget::unusedSlotAt(const LedgerBlock* block) const {
    // The moment the shared schedule first allowed the next send after the latest one, plus half a spacing:
    // a slot nobody took by then is free for anyone.
    const PacingState& s = block->pacing;
    return m_gate.nextAllowedAt(s, s.lastSend) + qint64(std::ceil(m_gate.spacingMs() / 2));
}

int SharedBudget::fairShare(const LedgerBlock* block, int me, qint64 nowMs) const {
    // Equal shares of the window among the participants with a backlog; one whose own limit is below its
    // share leaves the rest to the others (water-filling).
    int caps[LedgerBlock::kMaxParticipants + 1];
    int n = 0;
    for (int i = 0; i < kNone; ++i) {
        const LedgerParticipant& p = block->participants[i];
        if (i != me && p.token != 0 && p.backlogUntil > nowMs && p.heartbeatMs > nowMs - kLeaseMs)
            caps[n++] = p.ownMax > 0 ? int(p.ownMax) : m_accountMax;
    }
    caps[n++] = m_ownMax; // this participant, announced or about to be
    std::sort(caps, caps + n);
    int remaining = m_gate.maxPerWindow();
    int left = n;
    for (int i = 0; i < n - 1; ++i) {
        const int equal = (remaining + left - 1) / left;
        if (caps[i] >= equal)
            break;
        remaining -= caps[i];
        --left;
    }
    return std::max(1, (remaining + left - 1) / left);
}

std::optional<qint64> SharedBudget::ownFreeAt(const LedgerBlock* block, int limit, qint64 nowMs) const {
    const qint64 window = m_gate.guardedWindowMs();
    // My sends in the guarded window, newest first; below the limit again when the limit-th leaves it.
    const PacingState& s = block->pacing;
    int mine = 0;
    for (int k = 1; k <= s.count; ++k) {
        const int i = (s.head + s.count - k) % PacingState::kCapacity;
        if (s.owners[i] != m_tag || s.sends[i] <= nowMs - window || s.sends[i] > nowMs)
            continue;
        if (++mine == limit)
            return s.sends[i] + window;
    }
    return std::nullopt;
}

qint64 SharedBudget::nextAllowedLocked(const LedgerBlock* block, int me, qint64 nowMs) const {
    const PacingGate& gate = gateFor(block, nowMs);
    qint64 t = gate.nextAllowedAt(block->pacing, nowMs);
    if (const std::optional<qint64> ownAt = ownFreeAt(block, m_ownMax, nowMs))
        t = std::max(t, *ownAt); // this participant's own limit: hard
    if (const std::optional<qint64> shareAt = ownFreeAt(block, fairShare(block, me, nowMs), nowMs))
        t = std::max(t, std::min(*shareAt, unusedSlotAt(block))); // its fair share: unless left unused
    // Wake up in time to renew the backlog announcement, even when no slot is free for that long.
    if (m_backlog)
        t = std::min(t, nowMs + kLeaseMs / 3);
    return std::max(t, nowMs);
}

void SharedBudget::setBacklog(qint64 nowMs, bool backlog) {
    if (backlog == m_backlog && (!backlog || nowMs - m_announcedAt < kLeaseMs / 4))
        return;
    m_backlog = backlog;
    m_announcedAt = nowMs;
    Locked l(*m_store);
    join(l.block, nowMs);
}

void SharedBudget::limitAccount(qint64 nowMs, qint64 untilMs, int maxPerWindow) {
    Locked l(*m_store);
    LedgerBlock* b = l.block;
    const bool current = b->limitMax > 0 && b->limitUntil > nowMs;
    b->limitMax =
        current ? std::min(b->limitMax, qint32(std::max(1, maxPerWindow))) : std::max(1, maxPerWindow);
    b->limitUntil = current ? std::max(b->limitUntil, untilMs) : untilMs;
}

qint64 SharedBudget::nextAllowedAt(qint64 nowMs) const {
    // Read-only: `nowMs` may be a time in the future (when the next task is due), so no heartbeat here.
    Locked l(*m_store);
    forgetFuture(l.block, nowMs);
    int me = kNone;
    for (int i = 0; i < kNone; ++i) {
        if (l.block->participants[i].token == m_token)
            me = i;
    }
    return nextAllowedLocked(l.block, me, nowMs);
}

bool SharedBudget::tryAcquire(qint64 nowMs) {
    Locked l(*m_store);
    PacingState& s = l.block->pacing;
    // Sends are recorded in order: a clock read just before another process's send is taken as that time.
    if (s.hasSent && nowMs < s.lastSend && s.lastSend - nowMs < 1000)
        nowMs = s.lastSend;
    const int me = join(l.block, nowMs);
    if (m_backlog)
        m_announcedAt = nowMs;
    const PacingGate& gate = gateFor(l.block, nowMs);
    if (gate.nextAllowedAt(s, nowMs) > nowMs || ownFreeAt(l.block, m_ownMax, nowMs))
        return false;
    if (ownFreeAt(l.block, fairShare(l.block, me, nowMs), nowMs) && nowMs < unusedSlotAt(l.block))
        return false; // my share is used up and the slot may be another participant's
    gate.recordSend(s, nowMs, m_tag);
    m_mine.recordSend(nowMs);
    return true;
}

void SharedBudget::amendSend(qint64 acquiredMs, qint64 sentMs) {
    Locked l(*m_store);
    PacingGate::amendSend(l.block->pacing, acquiredMs, sentMs, m_tag);
    m_mine.amendSend(acquiredMs, sentMs);
}

int SharedBudget::sentInLast(qint64 nowMs, int windowMs) const {
    return m_mine.sentInLast(nowMs, windowMs);
}

// ---------------------------------------------------------------------------------------------------------
// The factory

QString SharedBudget::ledgerFileName(const QString& secretId, const QString& action) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayLiteral("cdb-taskwatch pacing ledger\n"));
    hash.addData(secretId.toUtf8());
    hash.addData(QByteArrayLiteral("\n"));
    hash.addData(action.toUtf8());
    return QStringLiteral("cdb-taskwatch-pacing-%1.ledger")
        .arg(QString::fromLatin1(hash.result().toHex().left(32)));
}

SharedBudget::Choice SharedBudget::forAccount(const QString& secretId, const QString& action,
                                              int maxPerWindow, const QString& runtimeDir) {
    const auto fallback = [&](const QString& why) {
        return Choice{std::make_shared<LocalBudget>(maxPerWindow),
                      QCoreApplication::translate("SendBudget",
                                                  "Pacing is per process: %1. Other TaskWatch windows or "
                                                  "watch runs with the same SecretId are not counted in its "
                                                  "40 requests per second.")
                          .arg(why)};
    };
    // Checked here rather than by QStandardPaths, which would repair a directory with wrong permissions: the
    // ledger only lives in a private directory of this user.
    const platform::RuntimeDirectory dir =
        runtimeDir.isEmpty()
            ? platform::userRuntimeDirectory()
            : platform::RuntimeDirectory{runtimeDir, platform::checkPrivateDirectory(runtimeDir)};
    if (!dir.isUsable())
        return fallback(dir.problem);
    const QString path = QDir(dir.path).filePath(ledgerFileName(secretId, action));
    auto store = std::make_shared<FileLedgerStore>(path);
    if (!store->isValid()) {
        return fallback(
            QCoreApplication::translate("SendBudget", "cannot use %1: %2").arg(path, store->errorString()));
    }
    return Choice{std::make_shared<SharedBudget>(std::move(store), maxPerWindow), QString()};
}

} // namespace taskwatch
