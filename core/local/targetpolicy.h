#pragma once

#include "phrase.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <optional>

namespace wa {

// Where test events may go. A service reachable only on loopback may send them anywhere: local
// receivers are the point of local mode. One bound beyond loopback must not become a way into
// the machine's own network for whoever holds its token, so it refuses targets on loopback,
// link-local and private addresses unless told otherwise (serve --allow-private-targets).
class TargetPolicy final
{
public:
    explicit TargetPolicy(bool allowPrivate = true)
        : m_allowPrivate(allowPrivate)
    { }

    bool allowsPrivate() const { return m_allowPrivate; }

    // Loopback, link-local, private-use, carrier-grade NAT or unspecified.
    static bool isPrivate(const QHostAddress &address);

    // Why the URL's host is refused as it is written (an address, or "localhost"), if it is.
    // Names that resolve to a private address are refused at delivery, when they resolve.
    std::optional<Phrase> urlProblem(const QString &url) const;

private:
    bool m_allowPrivate;
};

} // namespace wa
