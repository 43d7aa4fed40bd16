// Which certificate authorities HTTPS requests trust. By default the system's (Qt's OpenSSL backend reads
// /etc/ssl/certs). When SSL_CERT_FILE names a PEM bundle, that bundle REPLACES the system list, as it does
// for OpenSSL, curl, Python and git: exactly the authorities in the file are trusted. A file that cannot be
// read or holds no certificate makes every HTTPS request fail (never a silent fall back to the system list).
// Applied once per process to QSslConfiguration::defaultConfiguration(); TLS errors are never ignored.
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace taskwatch {

class TlsTrust {
public:
    static constexpr auto kEnvVar = "SSL_CERT_FILE";

    struct Bundle {
        QList<QSslCertificate> certificates;
        QString problem; // translated; empty when the file gave at least one certificate
    };
    // Reads a PEM bundle (at most 16 MiB). Pure: does not touch the process-wide configuration.
    static Bundle load(const QString& path);

    // Applies SSL_CERT_FILE (when set) to the default TLS configuration, the first time only; cheap
    // afterwards.
    static void ensureApplied();
    // Why the SSL_CERT_FILE trust could not be set up (translated), or empty. Valid after ensureApplied().
    static QString problem();
};

} // namespace taskwatch
