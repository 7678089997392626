#pragma once

// A certificate no one trusts, for TestHttpServer::startTls(): self-signed, for CN=localhost
// with the names localhost and 127.0.0.1 (so that a client refuses it for trust alone, whichever
// of the two it connects to), valid until 2126. Made once with `openssl req -x509 -newkey
// rsa:2048 -nodes -days 36500 -subj /CN=localhost -addext
// "subjectAltName=DNS:localhost,IP:127.0.0.1"`.
// Test data only: the key is public by being here.

namespace wa::test::untrusted {

inline constexpr char CertificatePem[]
    = "-----BEGIN CERTIFICATE-----\n"
      "MIIDJzCCAg+gAwIBAgIUD2bXEuqKM712j1wXZ5nhdU3FrlowDQYJKoZIhvcNAQEL\n"
      "BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMTA3NDA1M1oYDzIxMjYx\n"
      "MTA3MDc0MDUzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB\n"
      "AQUAA4IBDwAwggEKAoIBAQDtp77YDmFxBi6GMnrH9FbOg1AM2DQ74WRdX5O/cmX3\n"
      "eJh15qVPp8CuX5Jr5pNRmC9gZV26I9JqNEfkjls3JeC27/9YaMGmxeE7o9vIBaay\n"
      "FL57Vo4LhvtWCrSDNZ/FJWKJrln9mY0q4OiakCbKDMkNja6IMunFjaYJvIKaN5m4\n"
      "nZReBiZgOo2TCB2O20HSlqzyfe4E2LOrnesdAchifpm0TzASf18NLv7MYOngDEoe\n"
      "syZzM4AN+AR3ZCjKlSoUKp/p3ujgpdLh60K1BqizVIN89nO9Gsb3cI5CmZDFd6MU\n"
      "Eml49qMu054XlC52nHEH4mOf8I5jk3OZajteK+EvRbd5AgMBAAGjbzBtMB0GA1Ud\n"
      "DgQWBBSLtqJpb2Tt3wEmCxmeBIscgAcfSTAfBgNVHSMEGDAWgBSLtqJpb2Tt3wEm\n"
      "CxmeBIscgAcfSTAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGCCWxvY2FsaG9z\n"
      "dIcEfwAAATANBgkqhkiG9w0BAQsFAAOCAQEAfNqWoZFXiV7udmmy0jarDcXYkoUK\n"
      "y3O9rz+e2lOLGGHC8RBsf2EJ1bChH2xRqDfjkt7ac9/un9CAAsjYAE6OIZW5L751\n"
      "RuUDmqWS9Hy1cct2cRM94ftKEqo0Lb4kbyMh23Pc1G9E8Tp6lt0viSNURAjs2S/K\n"
      "ItBSlIvURPGAD43u4GzOoqzFB5/uPZA/78JDJoAotUNvN9gmUdPDTLgDqydJex7B\n"
      "BMtbuNWkt2qgfDZaeCKkNVe5awXKtgPg1eFizfcP+pds6PnBQ0QRC16Hl/fDKURg\n"
      "T7QBrayXBzzK2C+wbhl0+Xg2+he7558GqlyBccu/MVKDMo7dd7Y75FoCdg==\n"
      "-----END CERTIFICATE-----\n";

inline constexpr char KeyPem[]
    = "-----BEGIN PRIVATE KEY-----\n"
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDtp77YDmFxBi6G\n"
      "MnrH9FbOg1AM2DQ74WRdX5O/cmX3eJh15qVPp8CuX5Jr5pNRmC9gZV26I9JqNEfk\n"
      "jls3JeC27/9YaMGmxeE7o9vIBaayFL57Vo4LhvtWCrSDNZ/FJWKJrln9mY0q4Oia\n"
      "kCbKDMkNja6IMunFjaYJvIKaN5m4nZReBiZgOo2TCB2O20HSlqzyfe4E2LOrnesd\n"
      "Achifpm0TzASf18NLv7MYOngDEoesyZzM4AN+AR3ZCjKlSoUKp/p3ujgpdLh60K1\n"
      "BqizVIN89nO9Gsb3cI5CmZDFd6MUEml49qMu054XlC52nHEH4mOf8I5jk3OZajte\n"
      "K+EvRbd5AgMBAAECggEAchHoe+rXIXlunlIfdddVTTVhGHE0DSPf2SOVlrhRsglL\n"
      "4Jdu9H9X8DqGXM0lG+54mwO8i6pDBmAGu/EKXjuLkzM59FT/0k07kTVSujzgKKzl\n"
      "Su0eK/FDtSZZQ3tbLzUFCYHKxvtLc2/Vpc6YF7YwUJWXVt9dLsoRDq5RX7VdTutD\n"
      "MPT2ThNnJ0OthHvQTMAdXqIOLZFhhUECLiUIKzwolY/6WW+oeJ50Kc1/ZDxWphW0\n"
      "FzqVXcI0YPWhrFf9ICUqY9nIBO7Bhj/FJdTL5yH7jdjX2ThtZE9XEnWYJ5KH9uno\n"
      "ja82cFNH9g4E183MXOhyBZal7ElPIKE9QmVBAl/jMwKBgQD3W6zIwW9oCfW68nRV\n"
      "opJ8t3wkQAXWR1nNt87b3Gjqa4BbXAtz9j/LNd9awBK4Y7D9DRmBFeF0txufQvTU\n"
      "LNna8+pl3zUgRUEd+2hPerUarZd1D/GcxEokHHYW6xd6yLrwku0NkJ5jLfoB/dBR\n"
      "dLR68jMQ7l62xUWLws5W4R6yWwKBgQD19UpBRT4vycnQes4E9bTpuiBq+2HBR/kq\n"
      "mSwFKPoJXEtd5TX9w7nJvoIaTpSiyfF7Irg/O93ixZfsrIP7dEuuxZJuUhJNhNiA\n"
      "8UjRZh3FI7qJOZ27VLO6SrCnIwYl+rvPBUQFG3YmhPs+QmeGgWcnWtvxdemCMoX6\n"
      "tI+sJ7l9uwKBgCRu/1suiq9DUEtx7Mq0QGlYSVO5jmKKbeLMIQ7nPxjQLr7GJvW0\n"
      "np7a14QxaFB6dpY/OLN3upaLZekmXpNl68zBQpQwtU2EhdvZrPqP817zlKxsZcUW\n"
      "cGkzO/2SMQonyMkoivwFgh7PpdRnQyjMTM0TIYxr382B7wVv8x5+2BujAoGAISZj\n"
      "ULLFc+ltkvTKSa7YKFxWvDSPc16A/bXRUgy4zoQrAEfBZCd6Je/QVz1aGSrAqkj+\n"
      "rj8iY8sf8904mK6O+MpWNxpGrz4FdDORDfAGeSicnpwuXy5GXwhsEMrOrFXD9F4Q\n"
      "UePmo8BuoHCQxXcxcQN0+3FZ/JtUpXqqlphwDrsCgYEAr5jygQIGkYOnr02egmsn\n"
      "TGAPHdmEPJlNXcQ/8JPekKB57GueSUaoWZfcnOxITzymQemkTIxqUn3DKY+VYKc7\n"
      "uAMxMe/AKdjn/POceyVHpOdhi+DLaSPrkoqgBhff/XgEz4PDiR04I4/HLc98lz2C\n"
      "c0Wui1QLVw/fbzH0Kw91lLk=\n"
      "-----END PRIVATE KEY-----\n";

} // namespace wa::test::untrusted
