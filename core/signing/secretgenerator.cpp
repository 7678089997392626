#include "secretgenerator.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace wa {

QString SecretGenerator::generate(int bytes)
{
    // Never fewer than the API's 32 bytes, whatever the caller asks for.
    bytes = qMax(bytes, DefaultBytes);
    QByteArray random(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), bytes) != 1) {
        // A weak secret would be worse than no program: stop here.
        qFatal("The system's random number generator failed: no secret can be made.");
    }
    const QByteArray encoded
        = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    OPENSSL_cleanse(random.data(), static_cast<size_t>(random.size()));
    return QString::fromLatin1(encoded);
}

} // namespace wa
