// The Credentials dialog's Import menu: where to import keys from, and what each source needs to know (which
// section of a credentials file that has several, which tccli profile, which profile name for the
// environment's keys). It only reads and parses; whoever receives chosen() stores the result.
#pragma once

#include "accounts/CredentialImport.h"

#include <QMenu>
#include <functional>

class QAction;

namespace taskwatch::ui {

class ImportMenu : public QMenu {
    Q_OBJECT
public:
    // `suggestedProfile`: the profile name first offered for the environment's keys. The questions are asked
    // over the parent's window.
    ImportMenu(std::function<QString()> suggestedProfile, QWidget* parent);

    QAction* tencentCloudAction() const { return m_tencentCloud; }
    QAction* tccliAction() const { return m_tccli; }
    QAction* environmentAction() const { return m_environment; }

signals:
    // What was read (or why it could not be): nothing is stored yet.
    void chosen(const taskwatch::ImportResult& parsed);

private:
    void askTencentCloud();
    void askTccli();
    void askEnvironment();
    QWidget* owner() const;

    std::function<QString()> m_suggestedProfile;
    QAction* m_tencentCloud;
    QAction* m_tccli;
    QAction* m_environment;
};

} // namespace taskwatch::ui
