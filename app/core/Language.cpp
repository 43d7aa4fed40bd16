#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace taskwatch::Language {

QStringList available() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString configured() {
    return QSettings().value(QLatin1String(kSettingKey)).toString();
}

void setConfigured(const QString& id) {
    QSettings settings;
    if (id.isEmpty())
        settings.remove(QLatin1String(kSettingKey));
    else
        settings.setValue(QLatin1String(kSettingKey), id);
}

QLocale effectiveLocale() {
    const QString id = configured();
    if (!id.isEmpty() && available().contains(id))
        return QLocale(id);
    return QLocale::system();
}

void install() {
    const QLocale locale = effectiveLocale();
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    // Owned by the application for its whole life.
    auto* app = new QTranslator(QCoreApplication::instance());
    if (app->load(locale, QStringLiteral("cdb-taskwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(app);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString apiLanguage() {
    return effectiveLocale().language() == QLocale::Chinese ? QStringLiteral("zh-CN")
                                                            : QStringLiteral("en-US");
}

} // namespace taskwatch::Language
