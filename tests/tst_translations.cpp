// zh_CN: the .ts is complete (no unfinished entry, placeholders kept), the embedded .qm loads for a Chinese
// locale, the GUI shows translated text, and `cdb-taskwatch watch` prints Chinese (its help, its own lines,
// the explanation of a malformed region) under LANG=zh_CN.UTF-8.
#include "Language.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <utility>

namespace {
bool hasHan(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

QSet<QString> placeholders(const QString& text) {
    QSet<QString> found;
    static const QRegularExpression re(QStringLiteral("%L?[0-9n]"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0).remove(QLatin1Char('L')));
    return found;
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void tsFileIsComplete() {
        QFile file(QStringLiteral(TASKWATCH_TS_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                // Plural messages hold <numerusform> children; readElementText collects them.
                const QString translation =
                    xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                if (type == QLatin1String("unfinished") || translation.isEmpty())
                    problems << QStringLiteral("unfinished: ") + source;
                else if (placeholders(translation) != placeholders(source))
                    problems << QStringLiteral("placeholders differ: ") + source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 400);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
    }

    void guiShowsChineseUnderAChineseLocale() {
        QSettings().remove(QLatin1String(taskwatch::Language::kSettingKey));
        qputenv("LANG", "zh_CN.UTF-8");
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
        // QLocale::system() is read when first needed; the process started under LC_ALL=C.UTF-8, so use the
        // setting, which is what a user choosing the language in the app does.
        taskwatch::Language::setConfigured(QStringLiteral("zh_CN"));
        QCOMPARE(taskwatch::Language::apiLanguage(), QStringLiteral("zh-CN"));
        taskwatch::Language::install();
        taskwatch::TaskBoard board(nullptr);
        taskwatch::ui::MainWindow window(&board);
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(hasHan(menus.join(QLatin1Char(' '))), qPrintable(menus.join(QLatin1Char(' '))));
        QVERIFY(hasHan(window.windowTitle()) || hasHan(menus.first()));
        taskwatch::Language::setConfigured(QString());
    }

    void watchHelpIsChineseUnderLangZhCn() {
        QProcess p;
        QProcessEnvironment env = environmentOf(QStringLiteral("zh_CN.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"), {QStringLiteral("watch"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        // Our own text, not only Qt's ("Displays help…" comes translated from qtbase_zh_CN.qm anyway).
        const qsizetype at = help.indexOf(QLatin1String("--max-rate")); // option names stay as they are
        QVERIFY(at >= 0);
        const QString maxRateLine = help.mid(at, help.indexOf(QLatin1Char('\n'), at) - at);
        QVERIFY2(hasHan(maxRateLine), qPrintable(maxRateLine));

        env.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"), {QStringLiteral("watch"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(!hasHan(QString::fromUtf8(p.readAllStandardOutput())));
    }

    // The lines `watch` writes itself (start, a retried task, the summary) come in the user's language too.
    void watchLinesAreChineseUnderLangZhCn() {
        // Nothing listens on the discard port: the task is retried until the time-out, then summarised.
        const auto [out, err] = watchInChinese({QStringLiteral("--timeout"), QStringLiteral("2"),
                                                QStringLiteral("--region"), QStringLiteral("ap-guangzhou")});
        // The status cell of the task's line (the network error's text after it comes from the system).
        const QString taskLine = lineWith(out, kTask);
        const QString statusCell = taskLine.left(taskLine.indexOf(QLatin1String("ClientNetworkError")));
        QVERIFY2(!statusCell.isEmpty() && hasHan(statusCell), qPrintable(taskLine));
        // Found by content: Qt's warning may come first where the zh_CN locale is not installed.
        const QString all = err.join(QLatin1Char('\n'));
        QVERIFY2(hasHan(lineWith(err, QStringLiteral("ap-guangzhou"))), qPrintable(all));
        QVERIFY2(hasHan(lineWith(err, kTask)), qPrintable(all));
        for (const char* english : {"Watching", "task(s)", "Unfinished", "(no status)"})
            QVERIFY2(!all.contains(QLatin1String(english)), qPrintable(all));
    }

    // A malformed TENCENTCLOUD_REGION is explained in the user's language.
    void malformedEnvironmentRegionIsExplainedInChinese() {
        const auto [out, err] = watchInChinese({}, QStringLiteral("bad!"));
        QVERIFY2(hasHan(lineWith(err, QStringLiteral("bad!"))), qPrintable(err.join(QLatin1Char('\n'))));
    }

private:
    // The caller's environment under LANG=`lang`, without what would override it (LC_ALL, LC_MESSAGES, a
    // language chosen in the app's settings: the configuration directory is an empty one) and without the
    // caller's TENCENTCLOUD_* variables.
    QProcessEnvironment environmentOf(const QString& lang) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys())
            if (name.startsWith(QLatin1String("TENCENTCLOUD_")))
                env.remove(name);
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        return env;
    }

    QTemporaryDir m_home;
    static inline const QString kTask = QStringLiteral("6d4c4e2a-1b1c-4c3d-8e9f-0a1b2c3d4e5f");

    static QString lineWith(const QStringList& lines, const QString& text) {
        for (const QString& line : lines)
            if (line.contains(text))
                return line;
        return {};
    }

    // `watch --no-history` of one task against a port nothing listens on, under LANG=zh_CN, with credentials
    // in the environment: its stdout and stderr lines.
    std::pair<QStringList, QStringList> watchInChinese(const QStringList& arguments,
                                                       const QString& environmentRegion = {}) const {
        QProcess p;
        QProcessEnvironment env = environmentOf(QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"),
                   QStringLiteral("AKIDTRANSLATIONS00000000000000000001"));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), QStringLiteral("translations-secret-key"));
        if (!environmentRegion.isEmpty())
            env.insert(QStringLiteral("TENCENTCLOUD_REGION"), environmentRegion);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("TASKWATCH_BIN"),
                QStringList{QStringLiteral("watch"), QStringLiteral("--no-history"),
                            QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9")}
                    << arguments << kTask);
        if (!p.waitForFinished(30000))
            p.kill();
        return {QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')),
                QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'))};
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
