// Where a profile's requests go: International, Mainland, Regional or Financial (both follow the region:
// https://cdb.<region>.tencentcloudapi.com) or a Custom URL, with a remark below that says where requests go,
// or why the choice cannot be used, or what is odd about it. A stored URL maps back to its choice.
//
// The owner passes the region it belongs to with setRegion() whenever the region changes: a financial-zone
// region selects Financial (their own host), leaving one goes back to Regional.
#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace taskwatch::ui {

class EndpointChooser : public QWidget {
    Q_OBJECT
public:
    enum class Kind { International, Mainland, Regional, Financial, Custom };
    Q_ENUM(Kind)

    static constexpr auto kInternationalEndpoint = "https://cdb.intl.tencentcloudapi.com";
    static constexpr auto kMainlandEndpoint = "https://cdb.tencentcloudapi.com";

    explicit EndpointChooser(QWidget* parent = nullptr);

    // The region the endpoint is for (trimmed, lower case; may be empty).
    void setRegion(const QString& region);
    Kind kind() const;
    void setKind(Kind kind);
    void setCustomUrl(const QString& url); // selects Custom
    // Maps `url` back to International / Mainland / Regional / Financial when it is one of those for
    // `region`, else it becomes a Custom URL; empty = International (the built-in default).
    void setUrl(const QString& url, const QString& region);
    QString url() const;     // the effective URL; empty when the choice is incomplete
    QString problem() const; // why url() cannot be used (translated), empty when it can
    QString warning() const; // a non-blocking remark on the choice (translated), empty when none

    QComboBox* combo() const { return m_combo; }
    QLineEdit* customEdit() const { return m_customEdit; }

private:
    void updateRemark();

    QComboBox* m_combo;
    QLineEdit* m_customEdit;
    QLabel* m_remark;
    QString m_region;
};

} // namespace taskwatch::ui
