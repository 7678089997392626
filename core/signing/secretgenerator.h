#pragma once

#include <QByteArray>
#include <QString>

namespace wa {

// Secrets and tokens from OpenSSL's CSPRNG, URL-safe base64 without padding.
class SecretGenerator final
{
public:
    static constexpr int DefaultBytes = 32;
    static QString generate(int bytes = DefaultBytes);
};

} // namespace wa
