#include "linediff.h"

#include <algorithm>

namespace torchscope {

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::vector<LineEdit> diffLines(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(static_cast<size_t>(2 * max + 3), 0);
    std::vector<std::vector<int>> trace;
    int x = 0;
    int y = 0;
    bool done = false;
    for (int d = 0; d <= max && !done; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            const bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
            y = x - k;
            while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
    }
    std::vector<LineEdit> edits;
    x = n;
    y = m;
    for (int d = static_cast<int>(trace.size()) - 1; d >= 0; --d) {
        const auto& vd = trace[static_cast<size_t>(d)];
        const int k = x - y;
        const bool down = k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]);
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = vd[offset + prevK];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            edits.push_back({ LineEdit::Equal, x, y });
        }
        if (d > 0) {
            if (x == prevX)
                edits.push_back({ LineEdit::Insert, -1, y - 1 });
            else
                edits.push_back({ LineEdit::Delete, x - 1, -1 });
        }
        x = prevX;
        y = prevY;
    }
    std::reverse(edits.begin(), edits.end());
    return edits;
}

std::string unifiedDiff(
    const std::string& textA, const std::string& textB, const std::string& nameA, const std::string& nameB, int context)
{
    if (textA == textB)
        return {};
    const auto a = splitLines(textA);
    const auto b = splitLines(textB);
    const auto edits = diffLines(a, b);
    std::string out = "--- " + nameA + "\n+++ " + nameB + "\n";
    const int count = static_cast<int>(edits.size());
    int i = 0;
    while (i < count) {
        // Find the next change, then extend the hunk while changes are within 2*context lines of each other.
        while (i < count && edits[static_cast<size_t>(i)].op == LineEdit::Equal)
            ++i;
        if (i >= count)
            break;
        const int start = std::max(0, i - context);
        int end = i;
        int lastChange = i;
        while (end < count) {
            if (edits[static_cast<size_t>(end)].op != LineEdit::Equal)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(count, lastChange + context + 1);
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        // Positions where the hunk starts in each file: the first line of that file at or after `start`.
        int aPos = 0, bPos = 0;
        for (int j = 0; j < start; ++j) {
            const auto& e = edits[static_cast<size_t>(j)];
            if (e.op != LineEdit::Insert)
                ++aPos;
            if (e.op != LineEdit::Delete)
                ++bPos;
        }
        std::string body;
        for (int j = start; j < end; ++j) {
            const auto& e = edits[static_cast<size_t>(j)];
            if (e.op == LineEdit::Equal) {
                body += " " + a[static_cast<size_t>(e.aLine)] + "\n";
                ++aCount;
                ++bCount;
            } else if (e.op == LineEdit::Delete) {
                body += "-" + a[static_cast<size_t>(e.aLine)] + "\n";
                ++aCount;
            } else {
                body += "+" + b[static_cast<size_t>(e.bLine)] + "\n";
                ++bCount;
            }
        }
        aStart = aCount ? aPos + 1 : aPos;
        bStart = bCount ? bPos + 1 : bPos;
        out += "@@ -" + std::to_string(aStart) + (aCount == 1 ? "" : "," + std::to_string(aCount)) + " +"
            + std::to_string(bStart) + (bCount == 1 ? "" : "," + std::to_string(bCount)) + " @@\n" + body;
        i = end;
    }
    return out;
}

} // namespace torchscope
