// Anchor of the taskwatch_i18n library, whose content is the embedded .qm resources (see CMakeLists.txt).
namespace taskwatch {
int i18nAnchor = 0;
}
