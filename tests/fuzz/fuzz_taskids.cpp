// libFuzzer: id extraction on arbitrary text must not crash, and every id it reports must be a canonical id.
#include "task/TaskIdExtractor.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const taskwatch::ExtractedIds r = taskwatch::TaskIdExtractor::extract(text);
    for (const QString& id : r.ids) {
        if (!taskwatch::TaskIdExtractor::isTaskId(id) || id != id.toLower())
            std::abort();
        // A value labelled RequestId is never a task id; labelled AsyncRequestId it is.
        if (!taskwatch::TaskIdExtractor::extract(QStringLiteral("{\"RequestId\": \"%1\"}").arg(id))
                 .ids.isEmpty())
            std::abort();
        if (taskwatch::TaskIdExtractor::extract(QStringLiteral("AsyncRequestId=%1").arg(id)).ids !=
            QStringList{id})
            std::abort();
    }
    if (r.unrecognisedLines.size() > taskwatch::ExtractedIds::kMaxReportedLines)
        std::abort();
    return 0;
}
