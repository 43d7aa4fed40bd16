#include "dialogs/EndpointChooser.h"

#include "api/Endpoint.h"
#include "api/Regions.h"
#include "dialogs/LabelStyle.h"
#include "task/SafeText.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace taskwatch::ui {

namespace {

QString normalizedUrl(const QString& url) {
    // ApiClient sends every request to "/": only the scheme, host and port matter.
    return QUrl(url.trimmed())
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

} // namespace

EndpointChooser::EndpointChooser(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_customEdit(new QLineEdit(this))
    , m_remark(new QLabel(this)) {
    // The combo, the custom URL and the remark share one form row (no empty rows when hidden).
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setObjectName(QStringLiteral("endpointCombo"));
    m_combo->setAccessibleName(tr("Endpoint"));
    m_combo->addItem(tr("International — cdb.intl.tencentcloudapi.com"),
                     static_cast<int>(Kind::International));
    m_combo->addItem(tr("Mainland China — cdb.tencentcloudapi.com"), static_cast<int>(Kind::Mainland));
    m_combo->addItem(tr("Regional — cdb.<region>.tencentcloudapi.com (follows the region)"),
                     static_cast<int>(Kind::Regional));
    m_combo->addItem(tr("Financial zone — cdb.<region>.tencentcloudapi.com (ap-shanghai-fsi, "
                        "ap-shenzhen-fsi)"),
                     static_cast<int>(Kind::Financial));
    m_combo->addItem(tr("Custom…"), static_cast<int>(Kind::Custom));
    layout->addWidget(m_combo);

    m_customEdit->setObjectName(QStringLiteral("customEndpointEdit"));
    m_customEdit->setPlaceholderText(tr("https://…"));
    m_customEdit->setAccessibleName(tr("Endpoint URL"));
    m_customEdit->setAccessibleDescription(tr("The https:// URL of a custom API endpoint"));
    m_customEdit->setHidden(true);
    layout->addWidget(m_customEdit);

    m_remark->setObjectName(QStringLiteral("endpointInfoLabel"));
    m_remark->setWordWrap(true);
    m_remark->setTextFormat(Qt::PlainText);
    m_remark->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_remark);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        updateRemark();
        if (kind() == Kind::Custom)
            m_customEdit->setFocus();
    });
    connect(m_customEdit, &QLineEdit::textChanged, this, &EndpointChooser::updateRemark);
    updateRemark();
}

void EndpointChooser::setRegion(const QString& region) {
    m_region = region;
    const Kind current = kind();
    // Financial-zone regions are served only by their own host: follow the region (a loaded profile's
    // stored endpoint is applied after its region, so it still wins).
    if (Regions::isFinancial(region) && current != Kind::Custom && current != Kind::Financial)
        setKind(Kind::Financial);
    else if (!Regions::isFinancial(region) && current == Kind::Financial)
        setKind(Kind::Regional);
    updateRemark();
}

EndpointChooser::Kind EndpointChooser::kind() const {
    return static_cast<Kind>(m_combo->currentData().toInt());
}

void EndpointChooser::setKind(Kind kind) {
    m_combo->setCurrentIndex(m_combo->findData(static_cast<int>(kind)));
    updateRemark();
}

void EndpointChooser::setCustomUrl(const QString& url) {
    m_customEdit->setText(url);
    setKind(Kind::Custom);
}

void EndpointChooser::setUrl(const QString& url, const QString& region) {
    const QString u = normalizedUrl(url);
    if (url.trimmed().isEmpty() || u == normalizedUrl(QString::fromLatin1(kInternationalEndpoint))) {
        setKind(Kind::International);
    } else if (u == normalizedUrl(QString::fromLatin1(kMainlandEndpoint))) {
        setKind(Kind::Mainland);
    } else if (Regions::isWellFormed(region) && u == normalizedUrl(Regions::regionalEndpoint(region))) {
        setKind(Regions::isFinancial(region) ? Kind::Financial : Kind::Regional);
    } else {
        setCustomUrl(url.trimmed());
    }
}

QString EndpointChooser::url() const {
    switch (kind()) {
    case Kind::International:
        return QString::fromLatin1(kInternationalEndpoint);
    case Kind::Mainland:
        return QString::fromLatin1(kMainlandEndpoint);
    case Kind::Regional:
        return Regions::regionalEndpoint(m_region);
    case Kind::Financial:
        return Regions::isFinancial(m_region) ? Regions::regionalEndpoint(m_region) : QString();
    case Kind::Custom:
        return m_customEdit->text().trimmed();
    }
    return {};
}

QString EndpointChooser::problem() const {
    switch (kind()) {
    case Kind::International:
    case Kind::Mainland:
        return {};
    case Kind::Regional:
        if (m_region.isEmpty())
            return tr("The regional endpoint needs a region: choose one above.");
        if (!Regions::isWellFormed(m_region))
            return tr("\"%1\" is not a region name (lowercase letters, digits and '-', e.g. ap-guangzhou).")
                .arg(SafeText::singleLine(m_region, 80));
        return {};
    case Kind::Financial:
        if (!Regions::isFinancial(m_region))
            return tr("The financial zone endpoint is for the regions ap-shanghai-fsi and ap-shenzhen-fsi: "
                      "choose one of them as the region, or another endpoint.");
        return {};
    case Kind::Custom: {
        const QString text = m_customEdit->text().trimmed();
        if (text.isEmpty())
            return tr("Enter the endpoint URL, e.g. https://cdb.tencentcloudapi.com.");
        return Endpoint::validate(QUrl(text));
    }
    }
    return {};
}

QString EndpointChooser::warning() const {
    // The same rules as `credentials set --endpoint` (core).
    return Regions::endpointWarning(m_region, url());
}

void EndpointChooser::updateRemark() {
    using Severity = LabelStyle::Severity;
    const Kind current = kind();
    m_customEdit->setHidden(current != Kind::Custom);
    const QString why = problem();
    const QString remark = warning();
    if (!why.isEmpty()) {
        m_remark->setText(why);
        LabelStyle::apply(m_remark, Severity::Error);
    } else if (!remark.isEmpty()) {
        m_remark->setText(remark);
        LabelStyle::apply(m_remark, Severity::Warning);
    } else if (current == Kind::Financial) {
        m_remark->setText(
            tr("Requests go to %1. Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their "
               "own "
               "host: they are not served by the international, mainland or other regional hosts.")
                .arg(url()));
        LabelStyle::apply(m_remark, Severity::Info);
    } else {
        m_remark->setText(tr("Requests go to %1.").arg(url()));
        LabelStyle::apply(m_remark, Severity::Info);
    }
}

} // namespace taskwatch::ui
