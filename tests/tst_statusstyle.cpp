// StatusStyle: every key has a text, an icon of its own shape and a light and a dark colour; the palette
// picks the variant; unknown statuses keep their text.
#include "FakeTaskList.h"
#include "model/StatusStyle.h"
#include "model/TaskTableModel.h"
#include "task/TaskState.h"

#include <QGuiApplication>
#include <QImage>
#include <QPalette>
#include <QSet>
#include <QtTest>
#include <cmath>

using namespace taskwatch;

namespace {

TaskState stateWith(std::optional<QString> status, TaskPhase phase = TaskPhase::Polling,
                    QString errorCode = {}) {
    TaskState s;
    s.id = QStringLiteral("f96e4f3c-8fc96c86-2ec79ac8-cb63a7a7");
    s.region = QStringLiteral("ap-guangzhou");
    s.status = std::move(status);
    s.phase = phase;
    s.errorCode = std::move(errorCode);
    return s;
}

// WCAG relative luminance and contrast ratio.
double luminance(const QColor& c) {
    const auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QImage alphaMask(const QIcon& icon, int side) {
    const QImage image = icon.pixmap(QSize(side, side)).toImage().convertToFormat(QImage::Format_ARGB32);
    QImage mask(image.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            mask.setPixel(x, y, qAlpha(image.pixel(x, y)) > 127 ? 0xffffff : 0);
    }
    return mask;
}

int opaquePixels(const QImage& mask) {
    int n = 0;
    for (int y = 0; y < mask.height(); ++y) {
        for (int x = 0; x < mask.width(); ++x)
            n += qGray(mask.pixel(x, y)) > 0 ? 1 : 0;
    }
    return n;
}

QPalette paletteWithWindow(const QColor& window, const QColor& text) {
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::Base, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Text, text);
    return p;
}

} // namespace

class TestStatusStyle : public QObject {
    Q_OBJECT
private slots:
    void everyKeyHasTextIconAndBothColours();
    void iconShapesAreDistinct();
    void coloursAreReadable();
    void darkPalettePicksDarkVariant();
    void keyForState_data();
    void keyForState();
    void unknownStatusKeepsItsText();
    void severityOrdersAttention();
};

void TestStatusStyle::everyKeyHasTextIconAndBothColours() {
    const QList<StatusKey> keys = StatusStyle::allKeys();
    QCOMPARE(keys.size(), 12);
    QSet<QString> names;
    QSet<QString> labels;
    for (StatusKey key : keys) {
        const QString name = StatusStyle::keyName(key);
        QVERIFY(!name.isEmpty());
        names.insert(name);
        QVERIFY2(!StatusStyle::label(key).isEmpty(), qPrintable(name));
        labels.insert(StatusStyle::label(key));
        QVERIFY2(!StatusStyle::description(key).isEmpty(), qPrintable(name));
        for (bool dark : {false, true}) {
            const QIcon icon = StatusStyle::icon(key, dark);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QVERIFY2(opaquePixels(alphaMask(icon, 32)) > 40, qPrintable(name));
            QVERIFY(StatusStyle::color(key, dark).isValid());
        }
        QVERIFY2(StatusStyle::color(key, false) != StatusStyle::color(key, true), qPrintable(name));
        QVERIFY(StatusStyle::background(key, false) != StatusStyle::background(key, true));
    }
    QCOMPARE(names.size(), keys.size());
    QCOMPARE(labels.size(), keys.size());
    for (const char* documented : {"INITIAL", "RUNNING", "PAUSED", "UNDEFINED", "SUCCESS", "FAILED", "KILLED",
                                   "REMOVED", "NoStatus", "Unknown", "Error", "Held"})
        QVERIFY2(names.contains(QLatin1String(documented)), documented);
}

void TestStatusStyle::iconShapesAreDistinct() {
    // Shapes, not only colours: the alpha masks differ pairwise by a visible number of pixels.
    const QList<StatusKey> keys = StatusStyle::allKeys();
    QList<QImage> masks;
    for (StatusKey key : keys)
        masks.append(alphaMask(StatusStyle::icon(key, false), 32));
    for (int i = 0; i < keys.size(); ++i) {
        for (int j = i + 1; j < keys.size(); ++j) {
            int differing = 0;
            for (int y = 0; y < 32; ++y) {
                for (int x = 0; x < 32; ++x)
                    differing += masks[i].pixel(x, y) != masks[j].pixel(x, y) ? 1 : 0;
            }
            QVERIFY2(differing >= 30,
                     qPrintable(QStringLiteral("%1 vs %2: %3 pixels differ")
                                    .arg(StatusStyle::keyName(keys[i]), StatusStyle::keyName(keys[j]))
                                    .arg(differing)));
        }
    }
}

void TestStatusStyle::coloursAreReadable() {
    // Text in the status colour stays readable on a white and on a dark window (WCAG AA: 4.5:1).
    for (StatusKey key : StatusStyle::allKeys()) {
        const double light = contrast(StatusStyle::color(key, false), QColor(Qt::white));
        const double dark = contrast(StatusStyle::color(key, true), QColor(0x1e, 0x1e, 0x1e));
        QVERIFY2(light >= 4.5, qPrintable(StatusStyle::keyName(key) + QString::number(light)));
        QVERIFY2(dark >= 4.5, qPrintable(StatusStyle::keyName(key) + QString::number(dark)));
    }
}

void TestStatusStyle::darkPalettePicksDarkVariant() {
    const QPalette light = paletteWithWindow(QColor(0xef, 0xef, 0xef), Qt::black);
    const QPalette dark = paletteWithWindow(QColor(0x2b, 0x2b, 0x2b), Qt::white);
    QVERIFY(!StatusStyle::isDark(light));
    QVERIFY(StatusStyle::isDark(dark));

    const QPalette saved = QGuiApplication::palette();
    QGuiApplication::setPalette(dark);
    QVERIFY(StatusStyle::isApplicationDark());
    FakeTaskList darkModelTasks;
    TaskTableModel darkModel;
    darkModel.setTaskList(&darkModelTasks);
    QVERIFY(darkModel.isDarkTheme());
    darkModelTasks.upsert(stateWith(QStringLiteral("SUCCESS"), TaskPhase::Finished));
    const QModelIndex status = darkModel.index(0, TaskTableModel::StatusColumn);
    QCOMPARE(status.data(Qt::ForegroundRole).value<QColor>(), StatusStyle::color(StatusKey::Success, true));

    QGuiApplication::setPalette(light);
    QVERIFY(!StatusStyle::isApplicationDark());
    FakeTaskList lightModelTasks;
    TaskTableModel lightModel;
    lightModel.setTaskList(&lightModelTasks);
    QVERIFY(!lightModel.isDarkTheme());
    lightModelTasks.upsert(stateWith(QStringLiteral("SUCCESS"), TaskPhase::Finished));
    QCOMPARE(lightModel.index(0, TaskTableModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
             StatusStyle::color(StatusKey::Success, false));
    QGuiApplication::setPalette(saved);

    // The icon is painted in the variant's colour: the disc's centre-left pixel carries it.
    const QImage lightIcon = StatusStyle::icon(StatusKey::Success, false).pixmap(QSize(48, 48)).toImage();
    const QImage darkIcon = StatusStyle::icon(StatusKey::Success, true).pixmap(QSize(48, 48)).toImage();
    QCOMPARE(QColor(lightIcon.pixel(8, 24)).rgb(), StatusStyle::color(StatusKey::Success, false).rgb());
    QCOMPARE(QColor(darkIcon.pixel(8, 24)).rgb(), StatusStyle::color(StatusKey::Success, true).rgb());
}

void TestStatusStyle::keyForState_data() {
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<QString>("key");
    QTest::newRow("never polled") << stateWith(std::nullopt, TaskPhase::Waiting) << "NoStatus";
    QTest::newRow("null status") << stateWith(std::nullopt, TaskPhase::Polling) << "NoStatus";
    QTest::newRow("INITIAL") << stateWith(QStringLiteral("INITIAL")) << "INITIAL";
    QTest::newRow("RUNNING") << stateWith(QStringLiteral("RUNNING")) << "RUNNING";
    QTest::newRow("PAUSED") << stateWith(QStringLiteral("PAUSED")) << "PAUSED";
    QTest::newRow("UNDEFINED") << stateWith(QStringLiteral("UNDEFINED")) << "UNDEFINED";
    QTest::newRow("SUCCESS") << stateWith(QStringLiteral("SUCCESS"), TaskPhase::Finished) << "SUCCESS";
    QTest::newRow("FAILED") << stateWith(QStringLiteral("FAILED"), TaskPhase::Finished) << "FAILED";
    QTest::newRow("KILLED") << stateWith(QStringLiteral("KILLED"), TaskPhase::Finished) << "KILLED";
    QTest::newRow("REMOVED") << stateWith(QStringLiteral("REMOVED"), TaskPhase::Finished) << "REMOVED";
    QTest::newRow("lowercase is not documented") << stateWith(QStringLiteral("success")) << "Unknown";
    QTest::newRow("trailing space is not documented") << stateWith(QStringLiteral("PAUSED ")) << "Unknown";
    QTest::newRow("permanent error") << stateWith(std::nullopt, TaskPhase::Stopped,
                                                  QStringLiteral("InvalidParameter.InvalidAsyncRequestId"))
                                     << "Error";
    QTest::newRow("retrying keeps no status")
        << stateWith(QStringLiteral("RUNNING"), TaskPhase::Retrying, QStringLiteral("ClientNetworkError"))
        << "Error";
    QTest::newRow("held") << stateWith(QStringLiteral("RUNNING"), TaskPhase::Held,
                                       QStringLiteral("AuthFailure.SignatureFailure"))
                          << "Held";
    QTest::newRow("error cleared while polling")
        << stateWith(QStringLiteral("RUNNING"), TaskPhase::Polling) << "RUNNING";
}

void TestStatusStyle::keyForState() {
    QFETCH(TaskState, state);
    QFETCH(QString, key);
    QCOMPARE(StatusStyle::keyName(StatusStyle::keyFor(state)), key);
    QVERIFY(!StatusStyle::text(state).isEmpty());
}

void TestStatusStyle::unknownStatusKeepsItsText() {
    const TaskState s = stateWith(QStringLiteral("WAITING_FOR_SWITCH"));
    QCOMPARE(StatusStyle::keyFor(s), StatusKey::Unknown);
    QCOMPARE(StatusStyle::text(s), QStringLiteral("WAITING_FOR_SWITCH"));
    QCOMPARE(StatusStyle::text(stateWith(QStringLiteral("success"))), QStringLiteral("success"));
    // DescribeTasks' WAITING (discovered tasks) is shown like UNDEFINED: scheduled, not started.
    QCOMPARE(StatusStyle::keyFor(stateWith(QStringLiteral("WAITING"))), StatusKey::Undefined);

    // Verbatim, but never able to act: control characters and bidi overrides are neutralised.
    const TaskState hostile = stateWith(QStringLiteral("DONE\u202E\nevil"));
    const QString shown = StatusStyle::text(hostile);
    QVERIFY(shown.startsWith(QLatin1String("DONE")));
    QVERIFY(!shown.contains(QChar(0x202E)));
    QVERIFY(!shown.contains(QLatin1Char('\n')));

    // Documented statuses are labelled (translatable), not shown raw.
    QCOMPARE(StatusStyle::text(stateWith(QStringLiteral("SUCCESS"), TaskPhase::Finished)),
             StatusStyle::label(StatusKey::Success));
    QCOMPARE(StatusStyle::text(stateWith(QStringLiteral("RUNNING"), TaskPhase::Retrying,
                                         QStringLiteral("ClientNetworkError"))),
             QStringLiteral("Retrying"));
}

void TestStatusStyle::severityOrdersAttention() {
    QVERIFY(StatusStyle::severity(StatusKey::Held) > StatusStyle::severity(StatusKey::Error));
    QVERIFY(StatusStyle::severity(StatusKey::Error) > StatusStyle::severity(StatusKey::Failed));
    QVERIFY(StatusStyle::severity(StatusKey::Failed) > StatusStyle::severity(StatusKey::Running));
    QVERIFY(StatusStyle::severity(StatusKey::Running) > StatusStyle::severity(StatusKey::Success));
    QVERIFY(StatusStyle::isTerminal(StatusKey::Success));
    QVERIFY(StatusStyle::isTerminal(StatusKey::Removed));
    QVERIFY(!StatusStyle::isTerminal(StatusKey::Paused));
    QVERIFY(!StatusStyle::isTerminal(StatusKey::Unknown));
}

QTEST_MAIN(TestStatusStyle)
#include "tst_statusstyle.moc"
