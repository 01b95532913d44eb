package org.cradle.platform

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch
import org.cradle.core.changes
import uniffi.cradle.CradleCore
import uniffi.cradle.store.DataArea
import uniffi.cradle.NotificationInfo

/** Where notifications go: Android's AlarmManager in the app, a record in tests. */
interface NotificationSink {
    /** Schedules (or replaces) the notification with this id. */
    fun schedule(notification: NotificationInfo)

    fun cancel(id: String)
}

/**
 * Applies the core's notification plan. The core decides what fires when
 * (quiet hours, snoozes, her consent); this only hands the changes on.
 */
class NotificationPlanner(
    private val core: CradleCore,
    private val sink: NotificationSink,
    /** How many alarms to keep ahead; iOS's limit, and plenty for weeks here. */
    private val limit: UInt = 64u,
) {
    /** After a change: only what changed since the last plan. */
    fun apply() {
        val diff = core.reminders().notificationPlanDiff(limit)
        diff.cancel.forEach(sink::cancel)
        diff.add.forEach(sink::schedule)
    }

    /** After a reboot or an app update, when the platform forgot every alarm. */
    fun rescheduleAll() {
        apply()
        core.reminders().notificationPlan(limit).forEach(sink::schedule)
    }

    /** Applies the plan whenever reminders, the profile or her orders' news change, until cancelled. */
    fun follow(scope: CoroutineScope, io: CoroutineDispatcher = Dispatchers.IO): Job = scope.launch(io) {
        apply()
        core.changes()
            .filter { it == DataArea.REMINDERS || it == DataArea.PROFILE || it == DataArea.SHOP }
            .collect { apply() }
    }
}
