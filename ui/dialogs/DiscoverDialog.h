// "Discover…": which account (profile), which product (MySQL, or another product with a list action: Redis,
// PostgreSQL; their listings take no instance or type filter and are not kept going), which regions (several
// at once), how far back (1 h, 24 h, 7 days or a chosen time), only unfinished tasks or all, optional
// instance and type filters, and "keep discovering" (every 60 s). It only builds a DiscoveryRequest; the
// window hands it to the TaskBoard. The choices are remembered per profile in QSettings (no secrets: regions,
// filters, the switch), and the remembered "keep discovering" is started again at the next start
// (rememberedFollow()).
#pragma once

#include "discovery/DiscoveryRequest.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QStringList>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace taskwatch::ui {

class DiscoverDialog : public QDialog {
    Q_OBJECT
public:
    enum class Since { LastHour, LastDay, LastWeek, Custom };
    Q_ENUM(Since)
    static constexpr int kMaxInstanceIds = 100;

    explicit DiscoverDialog(QWidget* parent = nullptr);

    // The profiles to choose from, the preselected one and each profile's default region (checked when the
    // profile has nothing remembered).
    void setProfiles(const QStringList& profiles, const QString& current,
                     const QHash<QString, QString>& defaultRegions);
    QString profile() const;
    QString product() const; // registry key: "cdb", "redis", "postgres"
    void setProduct(const QString& product);
    QStringList regions() const; // the checked ones, in list order
    void setRegions(const QStringList& regions);
    Since since() const;
    void setSince(Since since, const QDateTime& custom = {});
    bool onlyUnfinished() const;
    bool keepDiscovering() const;
    // The instance filter as typed: ids separated by commas or spaces. Empty when a word is not an id.
    QStringList instanceIds(bool* valid = nullptr) const;

    // What to ask the board for (relative times counted from `now`).
    DiscoveryRequest request(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    // Saves the choices for the chosen profile (called on accept).
    void remember() const;
    // The request remembered with "keep discovering" on for `profile`, if any (start-up).
    static std::optional<DiscoveryRequest>
    rememberedFollow(const QString& profile, const QDateTime& now = QDateTime::currentDateTimeUtc());
    static bool isInstanceId(const QString& word);

private:
    // The constructor's steps: the fields of each part of the form, the buttons, then the layout.
    void setUpAccountFields();
    void setUpTimeFields();
    void setUpFilterFields();
    void setUpButtons();
    void layOut(QLabel* intro);
    void loadProfile(const QString& profile);
    void updateState();

    QComboBox* m_profile;
    QComboBox* m_product;
    QListWidget* m_regions;
    QComboBox* m_since;
    QDateTimeEdit* m_customSince;
    QCheckBox* m_onlyUnfinished;
    QLineEdit* m_instances;
    QComboBox* m_type;
    QCheckBox* m_follow;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QHash<QString, QString> m_defaultRegions;
};

} // namespace taskwatch::ui
