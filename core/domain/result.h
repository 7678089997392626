#pragma once

#include "apierror.h"

#include <utility>
#include <variant>

namespace wa {

// A value or the ApiError that prevented it. Errors are values, never exceptions.
template<typename T> class Result
{
public:
    // No default: a result is a value or the error that prevented it, never a made-up one.
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(ApiError error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const ApiError &error() const { return std::get<ApiError>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

// For calls that answer nothing but success or an error.
struct Done
{
};

} // namespace wa
