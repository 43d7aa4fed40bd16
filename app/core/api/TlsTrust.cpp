#include "api/TlsTrust.h"

#include "task/SafeText.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslConfiguration>
#include <algorithm>
#include <mutex>

namespace taskwatch {

namespace {
constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024;

QString& problemText() {
    static QString text;
    return text;
}
} // namespace

TlsTrust::Bundle TlsTrust::load(const QString& path) {
    Bundle bundle;
    const QString shown = SafeText::singleLine(path, 200);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        bundle.problem = QCoreApplication::translate("TlsTrust", "%1=%2 cannot be read (%3).")
                             .arg(QString::fromLatin1(kEnvVar), shown, file.errorString());
        return bundle;
    }
    // Read by its size when it has one (a read of the largest size allowed reserves that much first).
    const qint64 size = file.size();
    const QByteArray pem = file.read((size > 0 ? std::min(size, kMaxBundleBytes) : kMaxBundleBytes) + 1);
    if (pem.size() > kMaxBundleBytes || size > kMaxBundleBytes) {
        bundle.problem =
            QCoreApplication::translate("TlsTrust", "%1=%2 is larger than %3 MiB.")
                .arg(QString::fromLatin1(kEnvVar), shown, QString::number(kMaxBundleBytes >> 20));
        return bundle;
    }
    for (const QSslCertificate& cert : QSslCertificate::fromData(pem, QSsl::Pem)) {
        if (!cert.isNull())
            bundle.certificates.append(cert);
    }
    if (bundle.certificates.isEmpty())
        bundle.problem = QCoreApplication::translate("TlsTrust", "%1=%2 holds no PEM certificate.")
                             .arg(QString::fromLatin1(kEnvVar), shown);
    return bundle;
}

void TlsTrust::ensureApplied() {
    static std::once_flag once;
    std::call_once(once, [] {
        const QString path = qEnvironmentVariable(kEnvVar);
        if (path.isEmpty())
            return; // the system's authorities, as Qt loads them
        const Bundle bundle = load(path);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        // Replaces the list (and turns off Qt's on-demand loading of the system's): an unusable file leaves
        // nothing trusted, so every HTTPS request fails with a TLS error that names the file.
        config.setCaCertificates(bundle.certificates);
        QSslConfiguration::setDefaultConfiguration(config);
        problemText() = bundle.problem;
        if (!bundle.problem.isEmpty())
            qWarning("%s", qPrintable(bundle.problem));
    });
}

QString TlsTrust::problem() {
    return problemText();
}

} // namespace taskwatch
