#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace torchscope {

// A small streaming JSON writer: values are appended in order, commas and indentation are handled here.
// Misuse (a key outside an object) is a programming error and not checked at run time.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(const std::string& name);
    JsonWriter& value(const std::string& text);
    JsonWriter& value(const char* text);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& field(const std::string& name, const std::string& text) { return key(name).value(text); }
    JsonWriter& field(const std::string& name, const char* text) { return key(name).value(text); }
    JsonWriter& field(const std::string& name, std::int64_t n) { return key(name).value(n); }
    JsonWriter& field(const std::string& name, std::uint64_t n) { return key(name).value(n); }
    JsonWriter& field(const std::string& name, int n) { return key(name).value(n); }
    JsonWriter& field(const std::string& name, bool b) { return key(name).value(b); }

    // The document so far, ending with a newline once the outermost value is closed.
    const std::string& str() const { return m_out; }

    static std::string escape(const std::string& text);

private:
    void beforeValue();
    void newline();

    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace torchscope
