#pragma once

#include "result.h"

#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace wa {

// A value that many jobs of one bulk run need (the target's configs, say) and that is read
// once: the first get() starts the load, the others wait for it, later ones get it at once.
template<typename T> class OnceLoaded final
{
public:
    using Loaded = std::function<void(const Result<T> &)>;
    using Load = std::function<void(Loaded)>;

    explicit OnceLoaded(Load load)
        : m_load(std::move(load))
    { }

    void get(Loaded use)
    {
        if (m_value) {
            use(*m_value);
            return;
        }
        m_waiting.append(std::move(use));
        if (m_waiting.size() > 1)
            return;
        m_load([this](const Result<T> &value) {
            m_value = value;
            const QList<Loaded> waiting = std::exchange(m_waiting, {});
            for (const Loaded &use : waiting)
                use(*m_value);
        });
    }

    // The loaded value, to update as jobs change what it describes.
    std::optional<Result<T>> &value() { return m_value; }

private:
    Load m_load;
    std::optional<Result<T>> m_value;
    QList<Loaded> m_waiting;
};

} // namespace wa
