package org.cradle.app

import android.Manifest
import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import org.cradle.platform.NotificationPlanner
import org.cradle.platform.NotificationSink
import uniffi.cradle.NotificationInfo

/**
 * The core's notification plan on AlarmManager. Each alarm carries what the
 * notification shows (no health values: the core writes titles for the lock
 * screen), so firing needs neither the database nor its key.
 */
class AlarmSink(private val context: Context) : NotificationSink {
    private val alarms = context.getSystemService(AlarmManager::class.java)!!

    override fun schedule(notification: NotificationInfo) {
        val intent = Intent(context, ReminderReceiver::class.java)
            .putExtra(EXTRA_ID, notification.id)
            .putExtra(EXTRA_TITLE, notification.title)
            .putExtra(EXTRA_BODY, notification.body)
            .putExtra(EXTRA_LINK, notification.deepLink)
        // Inexact, so no exact-alarm permission; allowed while idle, so Doze
        // cannot hold a checkup reminder back for hours (a setWindow alarm waits
        // for Doze's maintenance window). Her plan has few alarms a day, well
        // inside Doze's limit of one per app every nine minutes.
        alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, notification.fireAtEpochMs, pending(notification.id, intent))
    }

    /** Also takes it off the screen if it already fired: done, moved, or news she has read. */
    override fun cancel(id: String) {
        alarms.cancel(pending(id, Intent(context, ReminderReceiver::class.java)))
        NotificationManagerCompat.from(context).cancel(id.hashCode())
    }

    /** One PendingIntent per core id: the same id replaces, never duplicates. */
    private fun pending(id: String, intent: Intent): PendingIntent = PendingIntent.getBroadcast(
        context,
        id.hashCode(),
        intent.setData(Uri.parse("cradle://alarm/$id")),
        PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
    )

    companion object {
        const val EXTRA_ID = "id"
        const val EXTRA_TITLE = "title"
        const val EXTRA_BODY = "body"
        const val EXTRA_LINK = "link"
        const val CHANNEL = "reminders"
    }
}

/** An alarm fired: post its notification, opening the reminder on tap. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (Build.VERSION.SDK_INT >= 33 &&
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val id = intent.getStringExtra(AlarmSink.EXTRA_ID) ?: return
        val manager = context.getSystemService(NotificationManager::class.java)!!
        manager.createNotificationChannel(
            NotificationChannel(AlarmSink.CHANNEL, context.getString(R.string.channel_reminders), NotificationManager.IMPORTANCE_DEFAULT),
        )
        val open = PendingIntent.getActivity(
            context,
            id.hashCode(),
            Intent(Intent.ACTION_VIEW, Uri.parse(intent.getStringExtra(AlarmSink.EXTRA_LINK)), context, MainActivity::class.java),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val notification = NotificationCompat.Builder(context, AlarmSink.CHANNEL)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(intent.getStringExtra(AlarmSink.EXTRA_TITLE))
            .setContentText(intent.getStringExtra(AlarmSink.EXTRA_BODY))
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        NotificationManagerCompat.from(context).notify(id.hashCode(), notification)
    }
}

/** Alarms do not survive a reboot or an app update: schedule the whole plan again. */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val pending = goAsync()
        Thread {
            try {
                NotificationPlanner(Core.get(context), AlarmSink(context)).rescheduleAll()
            } catch (e: uniffi.cradle.CradleException) {
                // The data cannot be opened before first unlock; the app reschedules when opened.
            } catch (e: UnreadableData) {
                // Data from another phone: nothing to schedule until she starts fresh in the app.
            } finally {
                pending.finish()
            }
        }.start()
    }
}
