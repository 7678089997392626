#pragma once

namespace wa {

// Which bulk action a report is about: it decides the words of its summary.
enum class BulkAction
{
    Test,
    Deactivate,
    Reactivate,
    Import,
    Promote
};

} // namespace wa
