// One emulated product behind the gateway (cdb, mongodb, redis, postgres): its service name, API version,
// actions and their default rate limits, and the answers to requests the gateway has already let through.
#pragma once

#include "http/HttpReply.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace taskwatch::sim {

struct EmulatorStats;

// A request that passed the gateway: signature verified for this service, region valid, body a JSON object.
struct ServiceCall {
    QString action;
    QString region;
    QString key; // the verified SecretId
    QJsonObject params;
    QByteArray body; // the exact bytes (integers QJsonValue would round)
    QString* taskId;
    QString* outcome;
    EmulatorStats* stats;

    // The vendor's error envelope; counts auth failures and rate-limit refusals in `stats`.
    HttpReply error(const QString& code, const QString& message) const;
    // UnknownParameter for the first body field not in `known` (the vendor refuses undocumented fields).
    std::optional<HttpReply> unknownParameter(const QStringList& known) const;
};

class ProductService {
public:
    virtual ~ProductService() = default;
    virtual QString service() const = 0;    // the credential scope's service, e.g. "redis"
    virtual QByteArray version() const = 0; // X-TC-Version, e.g. "2018-04-12"
    // The served actions; the first one's rate-limit window is shared by requests of any other action.
    virtual QStringList actions() const = 0;
    virtual int defaultLimit(const QString& action) const = 0; // per SecretId and 1000 ms
    virtual HttpReply answer(const ServiceCall& call) = 0;
};

} // namespace taskwatch::sim
