package org.cradle.ui

import uniffi.cradle.CradleCore
import uniffi.cradle.Dating
import uniffi.cradle.ProfileInfo
import uniffi.cradle.protocol.ShipTo
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneId

/** A fixed database key for these tests; the app's comes from the Android Keystore. */
internal val KEY = ByteArray(32) { 9 }

/**
 * The demo mother: 28 weeks pregnant today, with one high blood pressure
 * reading, in the given locale. The EDD is set 12 weeks out so her
 * gestational age is exactly 28w0d whatever day the tests run.
 */
internal fun mother(dir: Path, locale: String): CradleCore {
    val core = CradleCore.open(dir.resolve("mother-$locale.db").toString(), KEY, "Asia/Shanghai", locale)
    core.setProfile(ProfileInfo(if (locale.startsWith("zh")) "小林" else "Lin", locale, "Asia/Shanghai"))
    core.recordDating(Dating.Edd(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(12).toString()))
    core.records().recordBloodPressure(142u, 92u, null, null)
    return core
}

/** Her delivery address in Shanghai (the default), which ordering needs. */
internal fun CradleCore.shipHere() {
    shop().saveAddress(null, ShipTo("小林", "13800138000", "上海市", "上海市", "浦东新区", "世纪大道 100 号 2 号楼 301", null))
}
