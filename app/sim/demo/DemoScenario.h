// The demo's account: a dozen pasted cdb tasks, a few of each other product, across every status, error and a
// transient fault (timelines in seconds), tasks DescribeTasks lists in two regions, and the instances they
// run on.
#pragma once

#include "Script.h"

#include <QList>
#include <QString>

namespace taskwatch::sim::demo {

QString region();                    // ap-guangzhou
QString secondRegion();              // ap-shanghai
QList<ScriptedTask> scriptedTasks(); // answered to pasted ids
// mongodb, redis and postgres tasks answered to pasted ids (and listed by redis and postgres).
QList<ScriptedTask> productTasks();
// Started relative to now: call it when serving.
QList<ScriptedTask> discoverableTasks();
QList<EmulatedInstance> instances();

} // namespace taskwatch::sim::demo
