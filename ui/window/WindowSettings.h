// The QSettings keys of the main window's state and choices (one place for every file of the window).
#pragma once

namespace taskwatch::ui::WindowSettings {
constexpr auto Geometry = "mainWindow/geometry";
constexpr auto WindowState = "mainWindow/windowState";
constexpr auto DetailsHeight = "mainWindow/detailsHeight";
constexpr auto TaskView = "mainWindow/taskView"; // "table" or "timeline"
constexpr auto Header = "mainWindow/header";
constexpr auto Filter = "mainWindow/filter";
constexpr auto HideFinished = "mainWindow/hideFinished";
constexpr auto Notifications = "notifications/enabled";
constexpr auto LastRegion = "tasks/lastRegion";
constexpr auto LastProduct = "tasks/lastProduct"; // the Add Tasks dialog's product of bare numbers
} // namespace taskwatch::ui::WindowSettings
