#pragma once

#include <string>
#include <utility>
#include <variant>

namespace torchscope {

// Why an operation failed. Each kind has its own message; the CLI maps every kind to exit code 2.
enum class ErrorKind {
    NotFound,
    Unreadable,
    IsDirectory,
    Empty,
    NotZip,
    CorruptZip,
    NotTorchArchive,
    Checkpoint,
    LegacyPickle,
    FlatbufferModel,
    NewerVersion,
    UnknownOperator,
    LoadFailed,
    LibraryFailed,
    NoSuchModule,
    NoSuchMethod,
    NoSuchRecord,
    InvalidArgument,
};

struct Error {
    Error() = default;
    Error(ErrorKind k, std::string m, std::string d = {})
        : kind(k)
        , message(std::move(m))
        , detail(std::move(d))
    {
    }

    ErrorKind kind = ErrorKind::LoadFailed;
    // One line (or a few) for a person: names the file, says what was wrong and what to do.
    std::string message;
    // Optional longer text behind the message (LibTorch's full report, with source excerpts); never a backtrace.
    std::string detail;
};

// A value or the error that prevented it; failures are values, never exceptions across our API.
template <typename T>
class Result {
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

struct Ok {
};
using Status = Result<Ok>;

} // namespace torchscope
