// libFuzzer: id extraction on arbitrary text must not crash, and every id it reports must be a canonical id.
#include "TaskIdExtractor.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const taskwatch::ExtractedIds r = taskwatch::TaskIdExtractor::extract(text);
    for (const QString& id : r.ids) {
        if (!taskwatch::TaskIdExtractor::isTaskId(id) || id != id.toLower())
            std::abort();
    }
    if (r.unrecognisedLines.size() > taskwatch::ExtractedIds::kMaxReportedLines)
        std::abort();
    return 0;
}
