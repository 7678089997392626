#pragma once

// A TLS listener whose certificate no one trusts (self-signed, made once with
// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1`): a delivery to it
// must fail its handshake, since certificates are verified normally and errors never ignored.

#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace untrusted {
const char CertificatePem[] = "-----BEGIN CERTIFICATE-----\n"
                              "MIIDCzCCAfOgAwIBAgIUUQm3oAh+zcwBf3RPQHNgI0Ps9sAwDQYJKoZIhvcNAQEL\n"
                              "BQAwFDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyODExMTA0M1oYDzIxMjYx\n"
                              "MTA0MTExMDQzWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwggEiMA0GCSqGSIb3DQEB\n"
                              "AQUAA4IBDwAwggEKAoIBAQCpJxBCSBSazSr5CbyDdhDUMNldrERjMihKZGJTBHje\n"
                              "kRkyaxO3CB2mvwQq/Y4fmF/pNnW3HG1gRojPJdc/8okU60FKKoDfLZsf647KZkSH\n"
                              "LmqKiBDpmEiGdi10sdaRXTw+WGTLPl/3xTcANW4NT5lbOr20hK1d0tomJgXeGUby\n"
                              "DUQ94uZST/+GVSCYugt1AGM3BK0sXqBFYJ0AhbxGGomLxAGWbTvbSNNGRLlEyS4Z\n"
                              "83meyMKx7GHXsq4wQnTI+YoOmBl9u8GzWGoEcS3DcBpbygv8LHZxwl6O9ZfW0oGa\n"
                              "ZgM78/9CWZz9HL+8C7DufmNfRSJghnqO1rUbeEQ+hOdDAgMBAAGjUzBRMB0GA1Ud\n"
                              "DgQWBBT8QbSBSoxngmMl9PnQou4qsowcGTAfBgNVHSMEGDAWgBT8QbSBSoxngmMl\n"
                              "9PnQou4qsowcGTAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQBa\n"
                              "UO+s9rHnqNIKjLXVB5rh77lmcYMPZzN8ZmYBAVR1od+WnjbMd1aXs89EHaql5Zkz\n"
                              "t175ubUWG2x3pqriy+fJ64yOsc57U/NUtVXEzUQUYJFigZPVgkspigvavyQ3zrdL\n"
                              "TJWbMUG4vG5/hMzGI7Rqvdl+FKsCp9N/j/Ua3WnHr22koMWJIE3bF7tAL7ndt2j/\n"
                              "Mk/fMUJVAs/hczBEDNKKi4KFm0g6PtX8OD/xWZO7sqKyME5IEYn/4+YQuixCoJj5\n"
                              "8Z/udZZiOfexXJ1+0xUo4FVIiGWmLAPe8RB5Q6W1KEswh5sLiTyeolBhXH6kpfrW\n"
                              "CZLmKELEK/R8S3ENJpgr\n"
                              "-----END CERTIFICATE-----\n";
const char KeyPem[] = "-----BEGIN PRIVATE KEY-----\n"
                      "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCpJxBCSBSazSr5\n"
                      "CbyDdhDUMNldrERjMihKZGJTBHjekRkyaxO3CB2mvwQq/Y4fmF/pNnW3HG1gRojP\n"
                      "Jdc/8okU60FKKoDfLZsf647KZkSHLmqKiBDpmEiGdi10sdaRXTw+WGTLPl/3xTcA\n"
                      "NW4NT5lbOr20hK1d0tomJgXeGUbyDUQ94uZST/+GVSCYugt1AGM3BK0sXqBFYJ0A\n"
                      "hbxGGomLxAGWbTvbSNNGRLlEyS4Z83meyMKx7GHXsq4wQnTI+YoOmBl9u8GzWGoE\n"
                      "cS3DcBpbygv8LHZxwl6O9ZfW0oGaZgM78/9CWZz9HL+8C7DufmNfRSJghnqO1rUb\n"
                      "eEQ+hOdDAgMBAAECggEABB05HgOWzLUUyH3eIexrOF3/y3F3MFp19GlAovhG4FLz\n"
                      "I/DKx/bgkb+voEQOguI34vo6HrwIRQEyLqei9qE1iFa4fc9O1x7K2RnnnTCjlg4g\n"
                      "9UGd97CGgw64yE/TAjIcVv/bY74eo24eiljCVnyLJFbnak6X0OJh/++I0QAYY6a4\n"
                      "1LcQBZr/FqcHmYO3cVbE8rirCxv3dRvS7IYJs9q/YEGCMS4bLoR2kCMxrOAKr22D\n"
                      "RY4tBgzwdnHdx7K1JZ5LETZuXYj4ZVvzCm5bZzKm/uai/MSFVwy/qo+zBnqXnd/k\n"
                      "wxIbWM98eE0dkvB5e1SA9EPvKccWbrcMh7sYuGIqYQKBgQDRdSDtmTIPMSvcehij\n"
                      "22So1WIJMX825bvshIMzfrjyw3QXmEq3FhRCmNIlaitcA/Q236xXX6mxy8ZNexm7\n"
                      "u1iGwcSWyhuWFUjmDvX2Pzct2/FllXLGCAQeycPMR85XPSldP3HTDaf7mKuUxKbo\n"
                      "1WoZRjkS6Z9ThoS5SygPsFNC2QKBgQDOvTYhFmyFv8g4ykN1kEJjGHZaI4Di7/rE\n"
                      "V+Fp9eIxw1oe4X/uWLH7isvnCOpWgePYk9ZNu/FXK/2vyz5t1sr7BzSVBAiSq9Ej\n"
                      "NxqPmRd8yr74uazS2dRMFj1sxlMqnEWKNTje+CxyNZzfJz7P1pedzwcDThHWw1g1\n"
                      "LyDqcNJxewKBgQCn2GlznJCd1fRk8D5wh+3I0X2HCm/76OrHpISSrli8yN1tzu8I\n"
                      "ehvwJhA4RTTLvqtjkafEOHd+b2HQUvYTFxTgn8POZdTnVtUc7h4xnwSzrg1qLvFT\n"
                      "Obc7iMlrGJuEExHjlGS9ELNtDTFpvJBYAjTMXhZ8TlQLlb8j0NMgh1ahOQKBgQDK\n"
                      "5Zm9KWPCdDENwzwnojf1R2nIFzYEAx/qGJGKy51910qYKhnDEttCkrqA+Rf7ZKj3\n"
                      "wke9rKk0M2FbaS3Q4M//Q9gQM5AyWlv7orX3nnkVqWl5c8iwesZHEkCgg5fVpt78\n"
                      "wDUbZxc/02ws+jhEBEhywV8RmEobq0XjlGhKjgWLBwKBgQCdNRCSGcaGiZvNNg/I\n"
                      "46q6nSKcRM8+TQPYjshpB0nu+7F7rNygb5wbihFyfr4yEpWBQ22I0vmrWuDL4Skc\n"
                      "TzYEv2WUDgSwoL/JNAADPrzSQ0DphlN3/7Y7FdWNzQZ4VWRZYw/uM3aSiivsc+JD\n"
                      "HH4URgR1EyqVno+XAZy35ADoCw==\n"
                      "-----END PRIVATE KEY-----\n";
} // namespace untrusted

class UntrustedTlsServer final : public QTcpServer
{
public:
    explicit UntrustedTlsServer(QObject *parent = nullptr)
        : QTcpServer(parent)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    int handshakesStarted = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(QSslCertificate(QByteArray(untrusted::CertificatePem)));
        socket->setPrivateKey(QSslKey(QByteArray(untrusted::KeyPem), QSsl::Rsa));
        ++handshakesStarted;
        socket->startServerEncryption();
        addPendingConnection(socket);
    }
};
