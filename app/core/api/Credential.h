// A Tencent Cloud API key pair, plus the token of temporary (STS) credentials.
#pragma once

#include <QString>

namespace taskwatch {

struct Credential {
    QString secretId;
    QString secretKey;
    QString token; // empty for permanent keys
    bool isComplete() const { return !secretId.isEmpty() && !secretKey.isEmpty(); }
    bool operator==(const Credential&) const = default;
};

} // namespace taskwatch
