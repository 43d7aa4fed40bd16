#include "dialogs/DiscoverDialog.h"

#include "api/Regions.h"
#include "dialogs/DialogKeys.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryRequest.h"
#include "products/Products.h"
#include "task/TaskKey.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QVBoxLayout>

namespace taskwatch::ui {

namespace {

// One map, profile -> its choices (QVariantMap): never a secret.
constexpr auto kSettingsKey = "discovery/profiles";
constexpr auto kRegions = "regions";
constexpr auto kSince = "since";
constexpr auto kCustomSince = "customSince";
constexpr auto kOnlyUnfinished = "onlyUnfinished";
constexpr auto kInstances = "instances";
constexpr auto kType = "type";
constexpr auto kFollow = "follow";

QVariantMap rememberedOf(const QString& profile) {
    return QSettings().value(QLatin1String(kSettingsKey)).toMap().value(profile).toMap();
}

QDateTime sinceTime(DiscoverDialog::Since since, const QDateTime& custom, const QDateTime& now) {
    switch (since) {
    case DiscoverDialog::Since::LastHour:
        return now.addSecs(-3600);
    case DiscoverDialog::Since::LastDay:
        return now.addDays(-1);
    case DiscoverDialog::Since::LastWeek:
        return now.addDays(-7);
    case DiscoverDialog::Since::Custom:
        return custom.isValid() ? custom.toUTC() : now.addDays(-1);
    }
    return now.addDays(-1);
}

QStringList splitIds(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

bool DiscoverDialog::isInstanceId(const QString& word) {
    // cdb-c1nl9rpv, cdbro-…, cdbrg-…: a short prefix, a dash, letters and digits.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z]{2,10}-[A-Za-z0-9]{4,32}$"));
    return pattern.match(word).hasMatch();
}

DiscoverDialog::DiscoverDialog(QWidget* parent)
    : QDialog(parent)
    , m_profile(new QComboBox(this))
    , m_product(new QComboBox(this))
    , m_regions(new QListWidget(this))
    , m_since(new QComboBox(this))
    , m_customSince(new QDateTimeEdit(this))
    , m_onlyUnfinished(new QCheckBox(tr("Only &unfinished tasks"), this))
    , m_instances(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_follow(new QCheckBox(tr("&Keep discovering (every 60 s)"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("discoverDialog"));
    setWindowTitle(tr("Discover Tasks"));

    auto* intro = new QLabel(tr("List the account's tasks with DescribeTasks and watch them here, without "
                                "pasting their ids."),
                             this);
    intro->setWordWrap(true);
    setUpAccountFields();
    setUpTimeFields();
    setUpFilterFields();
    setUpButtons();
    layOut(intro);

    connect(m_profile, &QComboBox::currentTextChanged, this, &DiscoverDialog::loadProfile);
    connect(m_regions, &QListWidget::itemChanged, this, &DiscoverDialog::updateState);
    connect(m_since, &QComboBox::currentIndexChanged, this, &DiscoverDialog::updateState);
    connect(m_instances, &QLineEdit::textChanged, this, &DiscoverDialog::updateState);
    connect(m_product, &QComboBox::currentIndexChanged, this, &DiscoverDialog::updateState);
    setProfiles({}, {}, {});
    setSince(Since::LastDay);
}

void DiscoverDialog::setUpAccountFields() {
    m_profile->setObjectName(QStringLiteral("discoverProfile"));
    m_profile->setAccessibleName(tr("Profile"));
    m_profile->setToolTip(tr("The credential profile (account) whose tasks are listed"));

    m_product->setObjectName(QStringLiteral("discoverProduct"));
    m_product->setAccessibleName(tr("Product"));
    m_product->setToolTip(
        tr("Whose tasks to list: MySQL's (DescribeTasks), or another product's list action"));
    for (const ProductAdapter* p : Products::all()) {
        if (p->listAction())
            m_product->addItem(p->title(), p->key());
    }

    m_regions->setObjectName(QStringLiteral("discoverRegions"));
    m_regions->setAccessibleName(tr("Regions"));
    m_regions->setAccessibleDescription(tr("Check every region to list; Space checks or unchecks one"));
    m_regions->setToolTip(tr("A task is listed only in its own region: check every region to look in"));
    m_regions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_regions->setMinimumHeight(fontMetrics().height() * 8);
    // "Guangzhou (ap-guangzhou)": the name the console uses, and the id (the item's data).
    for (const QString& region : Regions::cdb()) {
        auto* item = new QListWidgetItem(Regions::label(region), m_regions);
        item->setData(Qt::UserRole, region);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

void DiscoverDialog::setUpTimeFields() {
    m_since->setObjectName(QStringLiteral("discoverSince"));
    m_since->setAccessibleName(tr("Started since"));
    m_since->addItem(tr("The last hour"), int(Since::LastHour));
    m_since->addItem(tr("The last 24 hours"), int(Since::LastDay));
    m_since->addItem(tr("The last 7 days"), int(Since::LastWeek));
    m_since->addItem(tr("A chosen time"), int(Since::Custom));
    m_customSince->setObjectName(QStringLiteral("discoverCustomSince"));
    m_customSince->setAccessibleName(tr("Started since (local time)"));
    m_customSince->setCalendarPopup(true);
    m_customSince->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_customSince->setDateTime(QDateTime::currentDateTime().addDays(-1));
    m_customSince->setMaximumDateTime(QDateTime::currentDateTime().addDays(1));
}

void DiscoverDialog::setUpFilterFields() {
    m_onlyUnfinished->setObjectName(QStringLiteral("discoverOnlyUnfinished"));
    m_onlyUnfinished->setChecked(true);
    m_onlyUnfinished->setToolTip(tr("Leave out tasks that had already finished"));

    m_instances->setObjectName(QStringLiteral("discoverInstances"));
    m_instances->setAccessibleName(tr("Instances"));
    m_instances->setPlaceholderText(tr("All instances (or ids: cdb-c1nl9rpv, cdb-…)"));
    m_instances->setToolTip(tr("Only the tasks of these instances: ids separated by commas or spaces"));
    m_instances->setMaxLength(4000);

    m_type->setObjectName(QStringLiteral("discoverType"));
    m_type->setAccessibleName(tr("Task type"));
    m_type->addItem(tr("Any type"), 0);
    for (const Discovery::TaskTypeInfo& t : Discovery::taskTypes())
        m_type->addItem(QCoreApplication::translate("Discovery", t.readable), t.number);

    m_follow->setObjectName(QStringLiteral("discoverFollow"));
    m_follow->setToolTip(
        tr("List these regions again every 60 s, also after TaskWatch starts again, so new tasks appear "
           "by themselves"));

    m_problem->setObjectName(QStringLiteral("discoverProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
}

void DiscoverDialog::setUpButtons() {
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Discover"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        remember();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    acceptOnCtrlEnter(this);
}

// The form in reading order (each field's label is its buddy, for the Alt shortcut), and Tab in that order.
void DiscoverDialog::layOut(QLabel* intro) {
    auto* sinceRow = new QHBoxLayout;
    sinceRow->addWidget(m_since);
    sinceRow->addWidget(m_customSince, 1);

    auto* form = new QFormLayout;
    const auto addRow = [this, form](const QString& text, QWidget* buddy, QLayout* field = nullptr) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (field)
            form->addRow(label, field);
        else
            form->addRow(label, buddy);
        return label;
    };
    addRow(tr("&Profile:"), m_profile);
    addRow(tr("Produc&t:"), m_product);
    addRow(tr("&Regions:"), m_regions);
    addRow(tr("&Started since:"), m_since, sinceRow);
    form->addRow(QString(), m_onlyUnfinished);
    addRow(tr("&Instances:"), m_instances);
    addRow(tr("T&ype:"), m_type);
    form->addRow(QString(), m_follow);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    setTabOrder(m_profile, m_product);
    setTabOrder(m_product, m_regions);
    setTabOrder(m_regions, m_since);
    setTabOrder(m_since, m_customSince);
    setTabOrder(m_customSince, m_onlyUnfinished);
    setTabOrder(m_onlyUnfinished, m_instances);
    setTabOrder(m_instances, m_type);
    setTabOrder(m_type, m_follow);
    setTabOrder(m_follow, m_buttons);
}

void DiscoverDialog::setProfiles(const QStringList& profiles, const QString& current,
                                 const QHash<QString, QString>& defaultRegions) {
    m_defaultRegions = defaultRegions;
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    m_profile->addItems(profiles);
    m_profile->setCurrentIndex(std::max(0, int(profiles.indexOf(current))));
    m_profile->setEnabled(profiles.size() > 1);
    loadProfile(m_profile->currentText());
}

QString DiscoverDialog::profile() const {
    return m_profile->currentText();
}

void DiscoverDialog::loadProfile(const QString& profile) {
    const QVariantMap saved = rememberedOf(profile);
    QStringList regions = saved.value(QLatin1String(kRegions)).toStringList();
    if (regions.isEmpty()) {
        const QString region = m_defaultRegions.value(profile);
        regions << (Regions::isWellFormed(region) ? region : QString::fromLatin1(Regions::kDefault));
    }
    setRegions(regions);
    if (saved.isEmpty()) {
        setSince(Since::LastDay);
        m_onlyUnfinished->setChecked(true);
        m_instances->clear();
        m_type->setCurrentIndex(0);
        m_follow->setChecked(false);
    } else {
        setSince(
            static_cast<Since>(qBound(0, saved.value(QLatin1String(kSince)).toInt(), int(Since::Custom))),
            saved.value(QLatin1String(kCustomSince)).toDateTime());
        m_onlyUnfinished->setChecked(saved.value(QLatin1String(kOnlyUnfinished), true).toBool());
        m_instances->setText(saved.value(QLatin1String(kInstances)).toString());
        m_type->setCurrentIndex(std::max(0, m_type->findData(saved.value(QLatin1String(kType)).toInt())));
        m_follow->setChecked(saved.value(QLatin1String(kFollow)).toBool());
    }
    updateState();
}

QStringList DiscoverDialog::regions() const {
    QStringList out;
    for (int i = 0; i < m_regions->count(); ++i) {
        if (m_regions->item(i)->checkState() == Qt::Checked)
            out << m_regions->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

void DiscoverDialog::setRegions(const QStringList& regions) {
    const QSignalBlocker blocker(m_regions);
    QSet<QString> listed;
    for (int i = 0; i < m_regions->count(); ++i)
        listed.insert(m_regions->item(i)->data(Qt::UserRole).toString());
    for (const QString& region : regions) {
        if (Regions::isWellFormed(region) && !listed.contains(region)) {
            auto* item = new QListWidgetItem(region, m_regions); // a region not in the built-in list
            item->setData(Qt::UserRole, region);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            listed.insert(region);
        }
    }
    int first = -1;
    for (int i = 0; i < m_regions->count(); ++i) {
        const bool on = regions.contains(m_regions->item(i)->data(Qt::UserRole).toString());
        m_regions->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        if (on && first < 0)
            first = i;
    }
    if (first >= 0) {
        m_regions->setCurrentRow(first);
        m_regions->scrollToItem(m_regions->item(first));
    }
    updateState();
}

DiscoverDialog::Since DiscoverDialog::since() const {
    return static_cast<Since>(m_since->currentData().toInt());
}

void DiscoverDialog::setSince(Since since, const QDateTime& custom) {
    m_since->setCurrentIndex(std::max(0, m_since->findData(int(since))));
    if (custom.isValid())
        m_customSince->setDateTime(custom.toLocalTime());
    updateState();
}

bool DiscoverDialog::onlyUnfinished() const {
    return m_onlyUnfinished->isChecked();
}

bool DiscoverDialog::keepDiscovering() const {
    return m_follow->isChecked();
}

QStringList DiscoverDialog::instanceIds(bool* valid) const {
    QStringList ids;
    bool ok = true;
    for (const QString& word : splitIds(m_instances->text())) {
        if (!isInstanceId(word)) {
            ok = false;
            continue;
        }
        if (!ids.contains(word.toLower()))
            ids << word.toLower();
    }
    if (ids.size() > kMaxInstanceIds)
        ok = false;
    if (valid)
        *valid = ok;
    return ok ? ids : QStringList();
}

void DiscoverDialog::updateState() {
    m_customSince->setEnabled(since() == Since::Custom);
    // The other products' listings: no instance or type filter, listed once (not kept going).
    const bool cdb = product() == QLatin1String(kCdbProduct);
    for (QWidget* cdbOnly : std::initializer_list<QWidget*>{m_instances, m_type, m_follow})
        cdbOnly->setEnabled(cdb);
    if (!cdb)
        m_follow->setChecked(false);
    bool idsValid = true;
    if (cdb)
        instanceIds(&idsValid);
    QString problem;
    if (regions().isEmpty())
        problem = tr("Check at least one region.");
    else if (!idsValid)
        problem = tr("The instance filter holds something that is not an instance id (like cdb-c1nl9rpv), "
                     "or more than %1 ids.")
                      .arg(kMaxInstanceIds);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

DiscoveryRequest DiscoverDialog::request(const QDateTime& now) const {
    DiscoveryRequest r;
    r.profile = profile();
    r.product = product();
    r.regions = regions();
    r.query.since = sinceTime(since(), m_customSince->dateTime(), now);
    r.query.onlyUnfinished = onlyUnfinished();
    if (r.product != QLatin1String(kCdbProduct))
        return r; // no instance or type filter, not followed
    r.query.instanceIds = instanceIds();
    if (const int type = m_type->currentData().toInt(); type > 0)
        r.query.taskTypes = {type};
    r.follow = keepDiscovering();
    return r;
}

QString DiscoverDialog::product() const {
    const QString key = m_product->currentData().toString();
    return key.isEmpty() ? QString::fromLatin1(kCdbProduct) : key;
}

void DiscoverDialog::setProduct(const QString& product) {
    m_product->setCurrentIndex(std::max(0, m_product->findData(product)));
}

void DiscoverDialog::remember() const {
    QSettings settings;
    QVariantMap all = settings.value(QLatin1String(kSettingsKey)).toMap();
    QVariantMap mine;
    mine.insert(QLatin1String(kRegions), regions());
    mine.insert(QLatin1String(kSince), int(since()));
    if (since() == Since::Custom)
        mine.insert(QLatin1String(kCustomSince), m_customSince->dateTime().toUTC());
    mine.insert(QLatin1String(kOnlyUnfinished), onlyUnfinished());
    mine.insert(QLatin1String(kInstances), instanceIds().join(QLatin1Char(' ')));
    mine.insert(QLatin1String(kType), m_type->currentData().toInt());
    mine.insert(QLatin1String(kFollow), keepDiscovering());
    all.insert(profile(), mine);
    settings.setValue(QLatin1String(kSettingsKey), all);
}

std::optional<DiscoveryRequest> DiscoverDialog::rememberedFollow(const QString& profile,
                                                                 const QDateTime& now) {
    const QVariantMap saved = rememberedOf(profile);
    if (!saved.value(QLatin1String(kFollow)).toBool())
        return std::nullopt;
    DiscoveryRequest r;
    r.profile = profile;
    for (const QString& region : saved.value(QLatin1String(kRegions)).toStringList()) {
        if (Regions::isWellFormed(region))
            r.regions << region;
    }
    if (r.regions.isEmpty())
        return std::nullopt;
    const auto since =
        static_cast<Since>(qBound(0, saved.value(QLatin1String(kSince)).toInt(), int(Since::Custom)));
    r.query.since = sinceTime(since, saved.value(QLatin1String(kCustomSince)).toDateTime(), now);
    for (const QString& id :
         saved.value(QLatin1String(kInstances)).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (isInstanceId(id) && r.query.instanceIds.size() < kMaxInstanceIds)
            r.query.instanceIds << id;
    }
    if (const int type = saved.value(QLatin1String(kType)).toInt(); type > 0)
        r.query.taskTypes = {type};
    r.query.onlyUnfinished = saved.value(QLatin1String(kOnlyUnfinished), true).toBool();
    r.follow = true;
    return r;
}

} // namespace taskwatch::ui
