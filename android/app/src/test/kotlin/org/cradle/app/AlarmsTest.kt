package org.cradle.app

import android.Manifest
import android.app.AlarmManager
import android.app.NotificationManager
import android.content.Intent
import android.os.Looper
import org.cradle.platform.NotificationPlanner
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** Her notification plan on AlarmManager, after a reboot too, and the notification permission. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class AlarmsTest {
    private val alarmManager get() = Phone.context.getSystemService(AlarmManager::class.java)!!
    private val alarms get() = shadowOf(alarmManager).scheduledAlarms

    @Before
    fun setUp() = Phone.fresh()

    @Test
    fun `her plan becomes alarms that Doze does not hold back`() {
        val core = Phone.mother()
        val plan = core.reminders().notificationPlan(64u)
        assertTrue("a pregnant mother who agreed has checkups to be told of", plan.isNotEmpty())
        NotificationPlanner(core, AlarmSink(Phone.context)).rescheduleAll()
        assertEquals(plan.map { it.fireAtEpochMs }.sorted(), alarms.map { it.triggerAtMs }.sorted())
        assertTrue(alarms.all { it.isAllowWhileIdle && it.type == AlarmManager.RTC_WAKEUP })
        // The same id replaces its alarm, never adds one.
        NotificationPlanner(core, AlarmSink(Phone.context)).rescheduleAll()
        assertEquals(plan.size, alarms.size)
    }

    @Test
    fun `a reboot and an app update schedule the whole plan again`() {
        val plan = Phone.mother().reminders().notificationPlan(64u)
        for (action in listOf(Intent.ACTION_BOOT_COMPLETED, Intent.ACTION_MY_PACKAGE_REPLACED)) {
            val receivers = Phone.context.packageManager.queryBroadcastReceivers(Intent(action).setPackage(Phone.context.packageName), 0)
            assertEquals(listOf(RescheduleReceiver::class.java.name), receivers.map { it.activityInfo.name })
            alarms.forEach { alarmManager.cancel(it.operation!!) } // what the system forgot
            assertEquals(0, alarms.size)
            Phone.context.sendBroadcast(Intent(action).setPackage(Phone.context.packageName))
            Phone.waitFor("$action reschedules ${plan.size} alarms") {
                shadowOf(Looper.getMainLooper()).idle()
                alarms.size == plan.size
            }
        }
    }

    @Test
    fun `agreeing to notifications asks for Android's permission, and alarms post only once it is given`() {
        val core = Core.get(Phone.context)
        core.setProfile(uniffi.cradle.ProfileInfo("Lin", "en", "Asia/Shanghai"))
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        core.setConsent(uniffi.cradle.store.Purpose.NOTIFICATIONS, true)
        Phone.waitFor("the permission is asked for") {
            shadowOf(Looper.getMainLooper()).idle()
            shadowOf(activity).lastRequestedPermission != null
        }
        assertEquals(listOf(Manifest.permission.POST_NOTIFICATIONS), shadowOf(activity).lastRequestedPermission.requestedPermissions.toList())

        val fired = Intent(Phone.context, ReminderReceiver::class.java)
            .putExtra(AlarmSink.EXTRA_ID, "checkup:1:visit_3")
            .putExtra(AlarmSink.EXTRA_TITLE, "Checkup tomorrow")
            .putExtra(AlarmSink.EXTRA_BODY, "Visit 3")
            .putExtra(AlarmSink.EXTRA_LINK, "cradle://reminders/checkup:1:visit_3")
        val notifications = shadowOf(Phone.context.getSystemService(NotificationManager::class.java)!!)
        ReminderReceiver().onReceive(Phone.context, fired)
        assertEquals("refused: nothing is posted", 0, notifications.allNotifications.size)
        shadowOf(Phone.context).grantPermissions(Manifest.permission.POST_NOTIFICATIONS)
        ReminderReceiver().onReceive(Phone.context, fired)
        val posted = notifications.allNotifications.single()
        assertEquals("Checkup tomorrow", shadowOf(posted).contentTitle)
        val tap = shadowOf(shadowOf(posted.contentIntent).savedIntent)
        assertEquals("cradle://reminders/checkup:1:visit_3", shadowOf(posted.contentIntent).savedIntent.dataString)
        assertEquals(MainActivity::class.java.name, tap.intentClass.name)
    }
}
