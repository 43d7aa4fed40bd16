// One product's asynchronous-task API in our terms: which service, version and actions to call, how fast,
// which CAM permission each needs, the request bodies, and what the answers say in our status vocabulary
// (task/TaskStatus.h) with the vendor's own word kept beside it. Pure: the caller signs, sends and paces.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>
#include <span>

namespace taskwatch {

// One action of a product, as pacing and error hints need it.
struct ProductAction {
    const char* name = "";       // "DescribeTaskInfo"
    int ratePerSecond = 0;       // the vendor's documented limit for the action
    const char* permission = ""; // the CAM permission it needs: "redis:DescribeTaskInfo"
};

// How the poll action takes the task id. Integer ids are written into the JSON text digit for digit, never
// through an int or a double, so ids beyond 2^53 arrive intact.
enum class IdKind {
    CdbAsyncRequestId, // cdb's 4×8 hex groups (or a UUID), sent as a JSON string
    DigitString,       // digits, sent as a JSON string (mongodb's AsyncRequestId)
    Integer            // digits, sent as a JSON number (redis TaskId, postgres TaskId)
};

// What the vendor says about a task, in our words where there are ours.
struct TaskFacts {
    QString instanceId;          // empty: not reported
    QString taskType;            // the vendor's type text or code, verbatim (bounded)
    std::optional<int> progress; // 0..100 (redis reports 0..1: scaled)
    QDateTime startedAt;         // UTC; invalid: not reported
    QDateTime endedAt;           // UTC; invalid: not ended or not reported
    bool operator==(const TaskFacts&) const = default;
};

// A status word read from an answer: ours (task/TaskStatus.h) and the vendor's, both nullopt when the
// answer carries none.
struct StatusReading {
    std::optional<QString> status;       // our vocabulary; an undocumented word verbatim (unfinished)
    std::optional<QString> vendorStatus; // the vendor's word, verbatim (bounded)
    bool operator==(const StatusReading&) const = default;
};

// What the answer to one poll says.
struct PollAnswer {
    enum class Kind {
        Found,      // status/vendorStatus/info/facts are set (each may still be nullopt or empty)
        NotVisible, // the service does not know the task (yet): see unseenVerdict()
        Malformed   // the answer is not what the API documents: `problem` says why
    };
    Kind kind = Kind::Malformed;
    StatusReading reading;
    std::optional<QString> info; // the vendor's message (bounded); nullopt when none or empty
    TaskFacts facts;
    QString problem; // Malformed: why, translated
};

// A task a product does not know yet: new tasks appear late (an empty TaskSet right after submission), so
// an unknown id is pending for kUnseenGraceMs after it was added and an error from then on.
inline constexpr qint64 kUnseenGraceMs = 30 * 1000;
enum class UnseenVerdict { Pending, NotFound };
// Both times from the same clock, in milliseconds. A clock that went back counts as no time passed.
UnseenVerdict unseenVerdict(qint64 addedAtMs, qint64 nowMs);

// What to list.
struct ListQuery {
    QDateTime since;             // tasks started from then on; invalid: the service's default window
    QDateTime until;             // tasks started until then; invalid: up to now
    QString instanceId;          // one instance; empty: the whole account (in the request's region)
    bool onlyUnfinished = false; // sent as the service's status filter where it has one, else filtered here
    QDateTime now;               // for services that only look back so far; invalid: no clamping
    bool operator==(const ListQuery&) const = default;
};

// One task of a listing page.
struct ListItem {
    QString id; // canonical id text (digits for numeric products)
    StatusReading reading;
    std::optional<QString> info;
    TaskFacts facts;
    bool operator==(const ListItem&) const = default;
};

struct ListPage {
    int totalCount = 0;
    QList<ListItem> items;
    int malformed = 0; // items skipped: not an object, no usable id, wrong types, beyond kMaxListItems
    QString problem;   // non-empty: the page itself is unusable (translated)
    static constexpr int kMaxListItems = 1000; // per page; the actions return at most 100
};

// Whether a listed item passes the filters the service could not apply itself.
bool listMatches(const ListQuery& query, const ListItem& item);

// One documented status word and what it is in our vocabulary.
struct VendorStatusWord {
    const char* vendor;
    const char* ours;
};

class ProductAdapter {
public:
    virtual ~ProductAdapter() = default;
    ProductAdapter(const ProductAdapter&) = delete;
    ProductAdapter& operator=(const ProductAdapter&) = delete;

    QString key() const { return QLatin1String(m_key); } // how users name the product: "redis"
    QString title() const; // the product's name in a list of choices, translated: "Redis"
    // The API service: the host's first label and the service in the TC3 signature.
    QString service() const { return QLatin1String(m_service); }
    QString version() const { return QLatin1String(m_version); } // X-TC-Version
    QString defaultHost() const;                                 // <service>.intl.tencentcloudapi.com
    QString defaultEndpoint() const;                             // https://<defaultHost>

    const ProductAction& pollAction() const { return m_poll; }
    const ProductAction* listAction() const { return m_list.name[0] ? &m_list : nullptr; }
    QList<ProductAction> actions() const;         // the poll action, then the list action when it differs
    int rateLimit(QStringView action) const;      // per second; 0 for an action the product does not use
    QString permission(QStringView action) const; // "redis:DescribeTaskList"; empty when not used
    QStringList permissions() const;
    // What to tell a user whose CAM policy lacks the action (translated).
    QString permissionHint(QStringView action) const;

    IdKind idKind() const { return m_idKind; }
    // The canonical id (trimmed; cdb ids lowercase), or nullopt when `text` is not an id of this product.
    // Numeric ids: 1 to 18446744073709551615 without leading zeros (0 means "no task"; the SDKs type these
    // ids as unsigned 64-bit).
    std::optional<QString> normaliseId(QStringView text) const;
    // The poll request body, exact bytes; empty when `id` is not an id of this product.
    QByteArray pollBody(const QString& id) const;
    // The Response object of a successful poll (see ApiClient::parseEnvelope) for task `id`.
    virtual PollAnswer parsePoll(const QJsonObject& response, const QString& id) const = 0;
    // An API error that means "no such task" (best effort where the vendor documents no such code).
    virtual bool isNotFoundError(const QString& code) const;
    // How long an id the service does not know is pending after it was added (kUnseenGraceMs); 0: not found
    // at once (cdb knows its ids as soon as they are returned).
    virtual qint64 unseenGraceMs() const { return kUnseenGraceMs; }

    // The status words of the poll action, and a word of it in our terms.
    std::span<const VendorStatusWord> statusWords() const { return m_words; }
    StatusReading readStatus(const std::optional<QString>& vendorWord) const;

    int listPageLimit() const { return m_listPageLimit; } // 0 without a list action
    // The list request body for page `page` (0, 1, …), exact bytes; empty without a list action.
    virtual QByteArray listBody(const ListQuery& query, int page) const;
    virtual ListPage parseList(const QJsonObject& response) const;

protected:
    struct Definition {
        const char* key;
        const char* title; // QT_TRANSLATE_NOOP("ProductAdapter", ...)
        const char* service;
        const char* version;
        ProductAction poll;
        ProductAction list; // name "" when the product has no list action
        IdKind idKind;
        const char* idField; // the poll request's id parameter
        std::span<const VendorStatusWord> words;
        int listPageLimit = 0;
    };
    explicit ProductAdapter(const Definition& d);

    // A word outside `words` in our terms: kept verbatim (unfinished), but never one of our final words.
    static StatusReading readStatus(std::span<const VendorStatusWord> words,
                                    const std::optional<QString>& vendorWord);

private:
    const char* m_key;
    const char* m_title;
    const char* m_service;
    const char* m_version;
    ProductAction m_poll;
    ProductAction m_list;
    IdKind m_idKind;
    const char* m_idField;
    std::span<const VendorStatusWord> m_words;
    int m_listPageLimit;
};

} // namespace taskwatch
