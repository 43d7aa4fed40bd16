// libFuzzer: response parsing on arbitrary bodies must not crash and must respect its bounds.
#include "ApiClient.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    for (int status : {200, 502}) {
        const taskwatch::QueryResult r = taskwatch::ApiClient::parseResponse(status, body, false);
        if (r.excerpt.size() > taskwatch::kMaxExcerptBytes)
            std::abort();
        if (r.info && r.info->size() > taskwatch::kMaxInfoChars + 64)
            std::abort();
        if (r.errorMessage.size() > taskwatch::kMaxMessageChars + 64)
            std::abort();
        if (r.kind == taskwatch::ResultKind::ApiError && r.errorCode.isEmpty())
            std::abort();
        if (status != 200 && r.kind != taskwatch::ResultKind::TransportError)
            std::abort();
    }
    return 0;
}
