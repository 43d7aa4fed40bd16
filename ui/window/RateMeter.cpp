#include "window/RateMeter.h"

#include <algorithm>

namespace taskwatch::ui {

void RateMeter::sample(qint64 nowMs, double sentInLastSecond) {
    // A sample taken less than half a second after the previous one (counting mostly the same requests)
    // replaces it.
    if (!m_samples.empty() && nowMs - m_samples.back().first < 500 && nowMs >= m_samples.back().first)
        m_samples.back() = {nowMs, std::max(m_samples.back().second, sentInLastSecond)};
    else
        m_samples.emplace_back(nowMs, sentInLastSecond);
    while (!m_samples.empty() && m_samples.front().first <= nowMs - kWindowMs)
        m_samples.pop_front();
}

double RateMeter::rate() const {
    if (m_samples.empty())
        return 0;
    double sum = 0;
    for (const auto& [when, count] : m_samples)
        sum += count;
    // Each sample covers one second (the window of the budget's count); gaps between samples (a busy or
    // suspended process) are not guessed at.
    return sum / double(m_samples.size());
}

} // namespace taskwatch::ui
