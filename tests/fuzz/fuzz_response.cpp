// libFuzzer: response parsing on arbitrary bodies must not crash and must respect its bounds — the
// DescribeAsyncRequestInfo envelope, and the DescribeTasks / DescribeDBInstances pages of discovery.
#include "api/ApiClient.h"
#include "api/QueryResult.h"
#include "discovery/Discovery.h"
#include "task/TextBounds.h"

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
    QJsonObject response;
    const taskwatch::QueryResult envelope =
        taskwatch::ApiClient::parseEnvelope(200, body, false, {}, &response);
    if (envelope.kind == taskwatch::ResultKind::Success) {
        const taskwatch::Discovery::TasksPage page =
            taskwatch::Discovery::parseTasksPage(response, QStringLiteral("ap-guangzhou"));
        for (const taskwatch::Discovery::Item& item : page.items) {
            if (item.id.isEmpty() || item.id.size() > 160 ||
                item.facts.taskMessage.size() > taskwatch::kMaxMessageChars + 64)
                std::abort();
            if (item.facts.progress && (*item.facts.progress < 0 || *item.facts.progress > 100))
                std::abort();
            if (item.facts.instanceIds.size() > 100)
                std::abort();
        }
        const taskwatch::Discovery::InstancesPage names = taskwatch::Discovery::parseInstancesPage(response);
        for (const QString& name : names.names)
            if (name.size() > 256 + 64)
                std::abort();
    }
    return 0;
}
