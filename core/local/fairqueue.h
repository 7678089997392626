#pragma once

#include <QHash>
#include <QQueue>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace wa {

// Items waiting per key (a receiver's host), served in turns: each take goes to the next key
// that may go, oldest item first. A key with a thousand items waiting delays another key's
// item by one turn, not by a thousand.
template<typename T> class FairQueue final
{
public:
    void push(const QString &key, T item)
    {
        auto it = m_queues.find(key);
        if (it == m_queues.end()) {
            it = m_queues.insert(key, {});
            m_turns.append(key);
        }
        it->enqueue(std::move(item));
        ++m_size;
    }

    // The oldest item of the next key in turn for which `may(key)` is true.
    template<typename May> std::optional<std::pair<QString, T>> takeNext(May may)
    {
        for (qsizetype tried = 0; tried < m_turns.size(); ++tried) {
            const qsizetype at = (m_next + tried) % m_turns.size();
            const QString key = m_turns.at(at);
            if (!may(key))
                continue;
            QQueue<T> &queue = m_queues[key];
            std::pair<QString, T> taken {key, queue.dequeue()};
            --m_size;
            if (queue.isEmpty()) {
                m_queues.remove(key);
                m_turns.removeAt(at);
                m_next = m_turns.isEmpty() ? 0 : at % m_turns.size();
            } else {
                m_next = (at + 1) % m_turns.size();
            }
            return taken;
        }
        return std::nullopt;
    }

    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear()
    {
        m_queues.clear();
        m_turns.clear();
        m_next = 0;
        m_size = 0;
    }

private:
    QHash<QString, QQueue<T>> m_queues;
    QStringList m_turns; // keys with items, in the order of their turns
    qsizetype m_next = 0;
    int m_size = 0;
};

} // namespace wa
