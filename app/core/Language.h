// The user-interface language: the system locale unless the setting "ui/language" overrides it ("en",
// "zh_CN"; empty = system). Loads the application's and Qt's own translations, and tells the API which
// language to answer error messages in (X-TC-Language follows the UI).
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace taskwatch::Language {

inline constexpr auto kSettingKey = "ui/language";

QStringList available();               // "en", "zh_CN"
QString configured();                  // the setting, empty = follow the system
void setConfigured(const QString& id); // takes effect at the next start
QLocale effectiveLocale();             // the setting, else the system locale (LANG/LC_ALL/LC_MESSAGES)
// Installs the translators on the running application (call once, after the Q*Application exists).
void install();
// X-TC-Language for the effective UI language: "zh-CN" for Chinese, else "en-US".
QString apiLanguage();

} // namespace taskwatch::Language
