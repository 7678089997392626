#include "targetpolicy.h"

#include <array>

namespace wa {

bool TargetPolicy::isPrivate(const QHostAddress &given)
{
    bool mapped = false;
    const QHostAddress v4(given.toIPv4Address(&mapped));
    const QHostAddress address = mapped ? v4 : given;
    if (address.isLoopback() || address.isLinkLocal() || address.isNull()
        || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        return true;
    static const std::array<QPair<QHostAddress, int>, 7> ranges {{
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
        QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("169.254.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7")),
    }};
    for (const auto &range : ranges) {
        if (address.isInSubnet(range))
            return true;
    }
    return false;
}

std::optional<Phrase> TargetPolicy::urlProblem(const QString &text) const
{
    if (m_allowPrivate)
        return std::nullopt;
    const QString host = QUrl(text).host().toLower();
    const QHostAddress address(host);
    const bool privateHost = host == QLatin1String("localhost")
        || host.endsWith(QLatin1String(".localhost")) || (!address.isNull() && isPrivate(address));
    if (!privateHost)
        return std::nullopt;
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TargetPolicy",
                                       "points at a loopback, link-local or private address, which "
                                       "this service refuses (it is reachable beyond loopback; "
                                       "start it with --allow-private-targets to allow them)"));
}

} // namespace wa
