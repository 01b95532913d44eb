package org.cradle.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.graphics.toAwtImage
import androidx.compose.ui.test.DesktopComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertCountEquals
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.assertIsOff
import androidx.compose.ui.test.assertIsOn
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.hasAnyDescendant
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isSelected
import androidx.compose.ui.test.onAllNodesWithContentDescription
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.onLast
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runDesktopComposeUiTest
import kotlinx.coroutines.runBlocking
import org.cradle.app.ui.AddressActions
import org.cradle.app.ui.AddressesContent
import org.cradle.app.ui.HospitalBagContent
import org.cradle.app.ui.BabyLog
import org.cradle.app.ui.CartContent
import org.cradle.app.ui.ClinicContent
import org.cradle.app.ui.CradleApp
import org.cradle.app.ui.JourneyContent
import org.cradle.app.ui.ReminderEditorContent
import org.cradle.app.ui.RemindersContent
import org.cradle.app.ui.LocalStrings
import org.cradle.app.ui.OnboardingContent
import org.cradle.app.ui.OrderActions
import org.cradle.app.ui.OrdersContent
import org.cradle.app.ui.ProductContent
import org.cradle.app.ui.ShopContent
import org.cradle.app.ui.RecordsContent
import org.cradle.app.ui.SettingsContent
import org.cradle.app.ui.Strings
import org.cradle.app.ui.TodayContent
import org.cradle.viewmodel.AddressBookViewModel
import org.cradle.viewmodel.HospitalBagViewModel
import org.cradle.viewmodel.CartViewModel
import org.cradle.viewmodel.ClinicViewModel
import org.cradle.viewmodel.JourneyViewModel
import org.cradle.viewmodel.ReminderEditorViewModel
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.Navigator
import org.cradle.viewmodel.OnboardingViewModel
import org.cradle.viewmodel.OrdersViewModel
import org.cradle.viewmodel.ShopViewModel
import org.cradle.viewmodel.RecordsViewModel
import org.cradle.viewmodel.RemindersViewModel
import org.cradle.viewmodel.SettingsViewModel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import uniffi.cradle.BodyBaseline
import uniffi.cradle.CradleCore
import uniffi.cradle.records.WeightUnit
import uniffi.cradle.store.Purpose
import java.io.File
import java.nio.file.Path
import java.util.UUID
import javax.imageio.ImageIO

/**
 * The shared Compose screens, rendered headlessly on the JVM from the real
 * core's answers. Each test asserts on the semantics tree and saves a PNG
 * (phone-sized, 412 × 915 dp at density 1) under build/android-jvm/screenshots.
 */
@OptIn(ExperimentalTestApi::class)
class ScreensTest {
    @TempDir
    lateinit var dir: Path

    private val server: String = System.getProperty("cradle.server")
    private val shots = File(System.getProperty("screenshots.dir")).apply { mkdirs() }

    @Test
    fun `Today renders in English`() = today("en") { core ->
        onNodeWithText("Hello, Lin").assertIsDisplayed()
        onNodeWithText("28 weeks 0 days").assertIsDisplayed()
        onNodeWithText("days to go", substring = true).assertIsDisplayed()
        onNodeWithText("Health note").assertIsDisplayed()
        onNodeWithText("On this device only").assertIsDisplayed()
        onNodeWithContentDescription("Pregnancy progress", substring = true).assertExists()
        val next = core.today().nextReminder!!
        onNodeWithText(next.title, substring = true).assertExists()
    }

    @Test
    fun `Today renders in Chinese`() = today("zh-Hans-CN") { core ->
        onNodeWithText("小林，你好").assertIsDisplayed()
        onNodeWithText("孕 28 周 0 天").assertIsDisplayed()
        onNodeWithText("健康提示").assertIsDisplayed()
        onNodeWithText("仅保存在本机").assertIsDisplayed()
        // Content comes from the core in her language.
        val week = core.today().week!!
        onNodeWithText(week.sizeComparison, substring = true).assertIsDisplayed()
    }

    @Test
    fun `the cart renders and its buttons change the core's cart`() = cart("en") { vm, sku ->
        onNodeWithText("2 items", substring = true).assertIsDisplayed()
        onNodeWithContentDescription("One more", substring = true).performClick()
        waitUntil { vm.itemCount() == 3u }
        onNodeWithText("3 items", substring = true).assertIsDisplayed()
        onNodeWithText("Review order").assertIsDisplayed()
        assertEquals(sku, (vm.state.value.cart as Loadable.Ready).value.lines.single().sku)
    }

    @Test
    fun `an order saved for when she is back online shows in the cart and goes back to it`() =
        cart("en", queued = true) { vm, sku ->
            onNodeWithText("Orders when you are back online").assertIsDisplayed()
            onNodeWithText("2 × ", substring = true).assertIsDisplayed()
            onNodeWithText("Back to cart").performClick()
            waitUntil { (vm.state.value.cart as? Loadable.Ready)?.value?.queued == null }
            assertEquals(sku, (vm.state.value.cart as Loadable.Ready).value.lines.single().sku)
            onNodeWithText("Review order").assertIsDisplayed()
        }

    @Test
    fun `the address book renders in English and its form reaches the core`() = addresses("en") { vm ->
        onNodeWithText("Orders go here").assertIsDisplayed()
        onNodeWithText("New address").performClick()
        onNodeWithText("Province").assertIsDisplayed()
        onNodeWithText("Save address").performClick()
        waitUntil { vm.state.value.problem != null }
        assertEquals("name", vm.state.value.problem!!.field)
    }

    @Test
    fun `the address book renders in Chinese`() = addresses("zh-Hans-CN") {
        onNodeWithText("默认收货地址").assertIsDisplayed()
        onNodeWithText("上海市浦东新区", substring = true).assertIsDisplayed()
    }

    @Test
    fun `an order saved for later renders in Chinese`() = cart("zh-Hans-CN", queued = true) { _, _ ->
        onNodeWithText("联网后自动下单").assertIsDisplayed()
        onNodeWithText("放回购物车").assertIsDisplayed()
    }

    @Test
    fun `the journey opens at week 28 in English and a tap opens another week`() = journey("en") { core ->
        onNodeWithText("Week 28").assertIsDisplayed()
        onNodeWithText("Now ·", substring = true).assertIsDisplayed()
        val week28 = core.journeyScreen().steps.single { it.title == "Week 28" }.week!!
        onNodeWithText("About the size of ${week28.sizeComparison}").assertIsDisplayed()
        val week29 = core.journeyScreen().steps.single { it.title == "Week 29" }.week!!
        onNodeWithText("Week 29").performClick()
        onNodeWithText("About the size of ${week29.sizeComparison}").assertIsDisplayed()
        onAllNodesWithText("About the size of", substring = true).assertCountEquals(1)
    }

    @Test
    fun `the journey renders in Chinese`() = journey("zh-Hans-CN") {
        onNodeWithText("孕28周").assertIsDisplayed()
        onNodeWithText("当前 ·", substring = true).assertIsDisplayed()
        onNodeWithText("大约有", substring = true).assertIsDisplayed()
    }

    private fun journey(locale: String, checks: DesktopComposeUiTest.(CradleCore) -> Unit) {
        mother(dir, locale).use { core ->
            val vm = JourneyViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render("journey-$locale", Strings.of(core.today().language), checks = { checks(core) }) {
                val state by vm.state.collectAsState()
                JourneyContent(state)
            }
        }
    }

    @Test
    fun `the reminder picker renders in English and its weekday chips reach the core`() = editor("en") { vm ->
        onNodeWithText("What to remind you of").performTextInput("Iron tablet")
        waitUntil(timeoutMillis = 60_000) { vm.state.value.draft != null }
        onNodeWithText("Weekly").performClick()
        waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Thu").fetchSemanticsNodes().isNotEmpty() }
        onNodeWithText("Thu").performClick()
        waitUntil(timeoutMillis = 60_000) { vm.state.value.draft?.rrule == "FREQ=WEEKLY;BYDAY=TH" }
        onNodeWithText("Every week on Thu").performScrollTo().assertIsDisplayed()
        onNodeWithText("Save").performScrollTo().assertIsEnabled()
    }

    @Test
    fun `the reminder picker renders in Chinese`() = editor("zh-Hans-CN") {
        onNodeWithText("提醒内容").assertIsDisplayed()
        onNodeWithText("按周").assertIsDisplayed()
        onNodeWithText("永不结束").assertIsDisplayed()
        onNodeWithText("保存").performScrollTo().assertIsNotEnabled()
    }

    private fun editor(locale: String, checks: DesktopComposeUiTest.(ReminderEditorViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            val vm = ReminderEditorViewModel(core)
            val language = core.today().language
            render("reminder-editor-$locale", Strings.of(language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                ReminderEditorContent(
                    state,
                    language,
                    onTitle = { t -> runBlocking { vm.setTitle(t) } },
                    onTime = { t -> runBlocking { vm.setTime(t) } },
                    onEvery = { e -> runBlocking { vm.setEvery(e) } },
                    onInterval = { n -> runBlocking { vm.setInterval(n) } },
                    onWeekday = { d -> runBlocking { vm.toggle(d) } },
                    onEnds = { e -> runBlocking { vm.setEnds(e) } },
                    onSave = {},
                )
            }
        }
    }

    @Test
    fun `the clinic visit renders in English and a question reaches the summary`() = clinic("en") { vm ->
        onNodeWithText("Print or save as PDF").assertIsDisplayed()
        onNodeWithText("Save for the clinic's system (FHIR)").assertIsDisplayed()
        onNodeWithText("A question to ask").performScrollTo().performTextInput("Is 142/92 too high?")
        onNodeWithText("Add question").performScrollTo().performClick()
        waitUntil(timeoutMillis = 60_000) { (vm.state.value.screen as? Loadable.Ready)?.value?.html?.contains("Is 142/92 too high?") == true }
        onNodeWithContentDescription("Delete question: Is 142/92 too high?").performScrollTo().assertIsDisplayed()
        onNodeWithText("Include my name").performScrollTo().assertIsOff()
        onNodeWithText("Recent measurements").performScrollTo().assertIsOn()
    }

    @Test
    fun `the clinic visit renders in Chinese`() = clinic("zh-Hans-CN") {
        onNodeWithText("打印或存为 PDF").assertIsDisplayed()
        onNodeWithText("就诊时想问的问题").performScrollTo().assertIsDisplayed()
        onNodeWithText("包含我的姓名").performScrollTo().assertIsOff()
    }

    private fun clinic(locale: String, checks: DesktopComposeUiTest.(ClinicViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            val vm = ClinicViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render("clinic-$locale", Strings.of(core.today().language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                ClinicContent(
                    state,
                    // The desktop has no WebView: the screenshot shows the summary's text.
                    preview = { html, m -> Text(html.replace(Regex("<style.*?</style>|<title.*?</title>"), "").replace(Regex("<[^>]+>"), " ").replace(Regex("\\s+"), " ").trim(), m) },
                    onPrint = {},
                    onFhir = {},
                    onToggle = { c -> runBlocking { vm.toggle(c) } },
                    onIncludeName = { b -> runBlocking { vm.setIncludeName(b) } },
                    onAge = { a -> runBlocking { vm.setAge(a) } },
                    onFrom = { d -> runBlocking { vm.setFrom(d) } },
                    onAddQuestion = { q -> runBlocking { vm.addQuestion(q) } },
                    onDeleteQuestion = { id -> runBlocking { vm.deleteQuestion(id) } },
                )
            }
        }
    }

    @Test
    fun `reminders render in English`() = reminders("en") {
        onNodeWithText("Reminders").assertIsDisplayed()
        onAllNodesWithText("Between", substring = true).onFirst().assertIsDisplayed()
        onAllNodesWithText("To do").onFirst().assertIsDisplayed()
        onAllNodesWithContentDescription("Done:", substring = true).onFirst().assertIsDisplayed()
    }

    @Test
    fun `reminders render in Chinese`() = reminders("zh-Hans-CN") {
        onNodeWithText("提醒").assertIsDisplayed()
        onAllNodesWithText("待完成").onFirst().assertIsDisplayed()
        onAllNodesWithText("跳过").onFirst().assertIsDisplayed()
    }

    private fun reminders(locale: String, checks: DesktopComposeUiTest.() -> Unit) {
        mother(dir, locale).use { core ->
            val vm = RemindersViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render("reminders-$locale", Strings.of(core.today().language), checks = checks) {
                val state by vm.state.collectAsState()
                RemindersContent(state, focus = null, onDone = {}, onSkip = {}, onSnooze = {}, onAdd = {})
            }
        }
    }

    @Test
    fun `the app opens on Today, and the shop finds a product, adds it and opens the cart`() {
        mother(dir, "en").use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            val folic = core.shop().screen("folic", 1u).products.first()
            runDesktopComposeUiTest(width = 412, height = 915) {
                setContent { CradleApp(core) }
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("28 weeks 0 days").fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText("Shop").performClick()
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Suggested for you now").fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText("Search products").performTextInput("folic")
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText(folic.name).fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText(folic.name).performClick()
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Where it comes from").fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText("Add 1 to cart").performClick()
                waitUntil(timeoutMillis = 60_000) { core.shop().cart().itemCount == 1u }
                onNodeWithContentDescription("Back").performClick()
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithContentDescription("Cart, 1 item").fetchSemanticsNodes().isNotEmpty() }
                onNodeWithContentDescription("Cart, 1 item").performClick()
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("1 item ·", substring = true).fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText("Review order").assertIsDisplayed()
            }
        }
    }

    @Test
    fun `a deep link opens its page over its tab, and back walks out to Today`() {
        mother(dir, "en").use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            core.shop().cartAdd(core.shop().screen("folic", 1u).products.first().sku, 1)
            core.setConsent(Purpose.NOTIFICATIONS, true)
            val nav = Navigator()
            runDesktopComposeUiTest(width = 412, height = 915) {
                setContent { CradleApp(core, navigator = nav) }
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("28 weeks 0 days").fetchSemanticsNodes().isNotEmpty() }
                runOnIdle { nav.open("cradle://cart") }
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Review order").fetchSemanticsNodes().isNotEmpty() }
                onNodeWithContentDescription("Back").performClick()
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Suggested for you now").fetchSemanticsNodes().isNotEmpty() }
                runOnIdle { nav.back() }
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("28 weeks 0 days").fetchSemanticsNodes().isNotEmpty() }
                runOnIdle { nav.open(core.reminders().notificationPlan(64u).first().deepLink) }
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Add a reminder").fetchSemanticsNodes().isNotEmpty() }
                // A link to a reminder far down the list scrolls to it and marks it.
                core.reminders().add("Folic acid", "FREQ=DAILY", "21:00")
                waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("Folic acid").fetchSemanticsNodes().isNotEmpty() }
                val last = core.reminders().list(null, null).last()
                assertTrue(onAllNodesWithText(last.due).fetchSemanticsNodes().isEmpty(), "off screen before the link")
                val card = isSelected() and hasAnyDescendant(hasText(last.due))
                runOnIdle { nav.open("cradle://reminders/${last.id}") }
                waitUntil(timeoutMillis = 60_000) { onAllNodes(card).fetchSemanticsNodes().isNotEmpty() }
                onNode(card).assertIsDisplayed()
            }
        }
    }

    @Test
    fun `onboarding renders unticked in English and its boxes answer each purpose`() = onboarding("en") { vm ->
        onNodeWithText("Welcome to Cradle").assertIsDisplayed()
        onNodeWithText("Start").assertIsNotEnabled()
        onNodeWithText("Pregnant").performClick()
        waitUntil { vm.state.value.stage == OnboardingViewModel.Stage.PREGNANT }
        onNodeWithText("First day of my last period").assertIsDisplayed()
        onNodeWithText("Sync between my devices").assertIsOff()
        onNodeWithText("Shop orders").performClick()
        waitUntil { vm.state.value.consents[Purpose.SHOP] == true }
        onNodeWithText("Shop orders").assertIsOn()
        onNodeWithText("Reminders on this phone").assertIsOff()
    }

    @Test
    fun `onboarding renders in Chinese`() = onboarding("zh-Hans-CN") {
        onNodeWithText("欢迎使用 Cradle").assertIsDisplayed()
        onNodeWithText("已怀孕").assertIsDisplayed()
        onNodeWithText("在我的设备间同步").assertIsOff()
    }

    private fun onboarding(locale: String, checks: DesktopComposeUiTest.(OnboardingViewModel) -> Unit) {
        CradleCore.open(dir.resolve("new-$locale.db").toString(), KEY, "Asia/Shanghai", locale).use { core ->
            val vm = OnboardingViewModel(core)
            runBlocking { vm.load() }
            render("onboarding-$locale", Strings.of(vm.state.value.language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                OnboardingContent(
                    state,
                    onLanguage = vm::chooseLanguage,
                    onStage = vm::chooseStage,
                    onDatingBy = vm::chooseDating,
                    onDate = vm::chooseDate,
                    onBirthWeeks = vm::chooseBirthWeeks,
                    onBirthWeight = vm::chooseBirthWeight,
                    onAnswer = vm::answer,
                    onStart = {},
                    onSignIn = {},
                )
            }
        }
    }

    @Test
    fun `settings render in English and a consent switch reaches the core`() = settings("en") { core, vm ->
        onNodeWithText("Settings").assertIsDisplayed()
        onNodeWithText("Quiet hours 22:00–08:00").assertIsDisplayed()
        onNodeWithText("Not signed in: everything stays on this device").assertIsDisplayed()
        onNodeWithText("Reminders on this phone").assertIsOn()
        onNodeWithText("Reminders on this phone").performClick()
        waitUntil(timeoutMillis = 60_000) { !core.consents().single { it.purpose == Purpose.NOTIFICATIONS }.granted }
        onNodeWithText("Delete all my data").performScrollTo().performClick()
        onNodeWithText("This deletes everything on this device and cannot be undone.").assertIsDisplayed()
        assertEquals(null, vm.state.value.problem)
    }

    @Test
    fun `settings render in Chinese`() = settings("zh-Hans-CN") { _, _ ->
        onNodeWithText("授权管理").assertIsDisplayed()
        onNodeWithText("免打扰 22:00–08:00").assertIsDisplayed()
        onNodeWithText("导出我的数据").performScrollTo().assertIsDisplayed()
    }

    private fun settings(locale: String, checks: DesktopComposeUiTest.(CradleCore, SettingsViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            core.setConsent(Purpose.NOTIFICATIONS, true)
            val scope = kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default)
            val vm = SettingsViewModel(core, scope)
            runBlocking { vm.refresh() }
            render("settings-$locale", Strings.of(core.today().language), checks = { checks(core, vm) }) {
                val state by vm.state.collectAsState()
                SettingsContent(
                    state,
                    onConsent = { p, g -> runBlocking { vm.setConsent(p, g) } },
                    onLanguage = {},
                    onQuietHours = { _, _ -> },
                    onSyncNow = {},
                    onSignOutEverywhere = {},
                    onExport = {},
                    onDelete = {},
                )
            }
        }
    }

    @Test
    fun `records render in English and the kick button counts`() = records("en") { vm ->
        onNodeWithText("Records").assertIsDisplayed()
        // The reading is in the list and named in the advice above it.
        onAllNodesWithText("142/92 mmHg", substring = true).onLast().performScrollTo().assertIsDisplayed()
        onNodeWithText("Start counting").performScrollTo().performClick()
        waitUntil(timeoutMillis = 60_000) { onAllNodesWithContentDescription("Baby moved").fetchSemanticsNodes().isNotEmpty() }
        onNodeWithContentDescription("Baby moved").performScrollTo().performClick()
        waitUntil(timeoutMillis = 60_000) { onAllNodesWithText("1 movement").fetchSemanticsNodes().isNotEmpty() }
        assertEquals(1u, (vm.state.value.screen as Loadable.Ready).value.kicks!!.count)
    }

    @Test
    fun `the weight chart draws over its band and a weight saved from the screen reaches it`() = records("en", baseline = true) { vm ->
        onNodeWithContentDescription("Weight chart: 1 days recorded", substring = true).performScrollTo().assertIsDisplayed()
        onNodeWithText("Shaded: the recommended range", substring = true).performScrollTo().assertIsDisplayed()
        onNodeWithText("kg").performScrollTo().performTextInput("62.4")
        onAllNodesWithText("Save")[1].performScrollTo().performClick()
        waitUntil(timeoutMillis = 60_000) { (vm.state.value.screen as Loadable.Ready).value.recent.first().text == "62.4 kg" }
    }

    @Test
    fun `after the birth the records show the baby's day in Chinese`() = records("zh-Hans-CN", born = true) { vm ->
        onNodeWithText("宝宝今天").assertIsDisplayed()
        onNodeWithText("湿尿布").performClick()
        waitUntil(timeoutMillis = 60_000) { (vm.state.value.screen as Loadable.Ready).value.babies.single().wet == 1u }
        onNodeWithText("湿尿布 1", substring = true).assertIsDisplayed()
        onAllNodesWithText("数胎动").assertCountEquals(0)
    }

    @Test
    fun `records render in Chinese`() = records("zh-Hans-CN") {
        onNodeWithText("记录").assertIsDisplayed()
        onNodeWithText("数胎动").performScrollTo().assertIsDisplayed()
        onNodeWithText("宫缩开始了").performScrollTo().assertIsDisplayed()
    }

    private fun records(
        locale: String,
        baseline: Boolean = false,
        born: Boolean = false,
        checks: DesktopComposeUiTest.(RecordsViewModel) -> Unit,
    ) {
        mother(dir, locale).use { core ->
            if (baseline) {
                core.records().setBodyBaseline(BodyBaseline(160.0, 55.0))
                core.records().recordWeight(61.0, WeightUnit.KG, null)
            }
            if (born) core.recordBirth(core.today().date, 39u, 0u, 1u, emptyList(), null)
            val shot = "records-$locale" + (if (baseline) "-weight" else "") + (if (born) "-baby" else "")
            val vm = RecordsViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render(shot, Strings.of(core.today().language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                RecordsContent(
                    state,
                    onBloodPressure = { a, b -> runBlocking { vm.addBloodPressure(a, b) } },
                    onKick = { a -> runBlocking { vm.kick(a) } },
                    onContraction = { st -> runBlocking { vm.contraction(st) } },
                    onWeight = { kg -> runBlocking { vm.addWeight(kg, WeightUnit.KG) } },
                    onBabyLog = { log ->
                        runBlocking {
                            if (log is BabyLog.Diaper) vm.logDiaper(log.baby, log.wet, log.dirty)
                        }
                    },
                )
            }
        }
    }

    private fun CartViewModel.itemCount(): UInt? = (state.value.cart as? Loadable.Ready)?.value?.itemCount

    @Test
    fun `the cart renders in Chinese`() = cart("zh-Hans-CN") { _, _ ->
        onNodeWithText("共 2 件", substring = true).assertIsDisplayed()
        onNodeWithText("核对订单").assertIsDisplayed()
        onNodeWithContentDescription("减一", substring = true).assertIsEnabled()
    }

    @Test
    fun `the shop suggests for her week in English and the search field reaches the core`() = shop("en") { vm ->
        onNodeWithText("Suggested for you now").assertIsDisplayed()
        onNodeWithText("Search products").performTextInput("wipes")
        waitUntil { vm.state.value.query == "wipes" && (vm.state.value.screen as? Loadable.Ready)?.value?.searching == true }
        // A result row, not the search field's own text.
        val first = (vm.state.value.screen as Loadable.Ready).value.products.first()
        assertTrue(first.name.contains("wipes", ignoreCase = true), first.name)
        onNodeWithText(first.name).assertIsDisplayed()
        onNodeWithText("Suggested for you now").assertDoesNotExist()
    }

    @Test
    fun `the shop renders in Chinese`() = shop("zh-Hans-CN") {
        onNodeWithText("当前阶段为你推荐").assertIsDisplayed()
        onNodeWithContentDescription("我的订单").assertIsDisplayed()
    }

    @Test
    fun `the product page shows traceability and adds the core's quantity`() = product("en") { core, vm ->
        onNodeWithText("Where it comes from").performScrollTo().assertIsDisplayed()
        onNodeWithText("Batch").assertIsDisplayed()
        val add = (vm.state.value.product as Loadable.Ready).value.addQty!!
        onNodeWithText("Add $add to cart").performScrollTo().performClick()
        waitUntil { core.shop().cart().itemCount == add }
    }

    @Test
    fun `the product page renders in Chinese`() = product("zh-Hans-CN") { _, _ ->
        onNodeWithText("商品溯源").performScrollTo().assertIsDisplayed()
        onNodeWithText("质检报告").assertIsDisplayed()
    }

    @Test
    fun `orders render with tracking and a return in English`() = orders("en") { vm ->
        onNodeWithText("Delivered").assertIsDisplayed()
        onNodeWithText("Tracking").assertIsDisplayed()
        onNodeWithText("Return for a refund (Changed my mind): Requested").assertIsDisplayed()
        onNodeWithText("Complaint (Late delivery): Waiting for a reply").assertIsDisplayed()
        onNodeWithText("Reply due within 48 h").assertIsDisplayed()
        onNodeWithText("Buy again").performClick()
        waitUntil { vm.state.value.skipped != null }
        onNodeWithText("Back in your cart").assertIsDisplayed()
    }

    @Test
    fun `orders render in Chinese`() = orders("zh-Hans-CN") {
        onNodeWithText("已送达").assertIsDisplayed()
        onNodeWithText("物流进度").assertIsDisplayed()
        onNodeWithText("再次购买").assertIsDisplayed()
        onNodeWithText("48 小时内回复").assertIsDisplayed()
    }

    @Test
    fun `the hospital bag renders in English and a tap on a row packs it`() = bag("en") { vm ->
        onNodeWithText("Packed 0 of 17").assertIsDisplayed()
        onNodeWithText("Documents").assertIsDisplayed()
        onNodeWithText("Both parents' ID cards").performClick()
        waitUntil { (vm.state.value.bag as? Loadable.Ready)?.value?.packed == 1u }
        onNodeWithText("Packed 1 of 17").assertIsDisplayed()
    }

    @Test
    fun `the hospital bag renders in Chinese and marks what is in the cart`() = bag("zh-Hans-CN") {
        onNodeWithText("证件资料").assertIsDisplayed()
        onNodeWithText("已在购物车").assertExists()
    }

    /** Her checklist at 28 weeks, with maternity pads in the cart. */
    private fun bag(locale: String, checks: DesktopComposeUiTest.(HospitalBagViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            core.shop().cartAdd(core.shop().screen("产妇卫生巾", 1u).products.first().sku, 1)
            val vm = HospitalBagViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render("bag-$locale", Strings.of(core.today().language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                HospitalBagContent(
                    state,
                    onPack = { id, packed -> runBlocking { vm.pack(id, packed) } },
                    onOpen = {},
                )
            }
        }
    }

    private fun shop(locale: String, checks: DesktopComposeUiTest.(ShopViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            val vm = ShopViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            render("shop-$locale", Strings.of(core.today().language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                ShopContent(
                    state,
                    onQuery = { q -> runBlocking { vm.search(q) } },
                    onOpen = {},
                    onCart = {},
                    onOrders = {},
                    onUpdate = {},
                    onBag = {},
                )
            }
        }
    }

    private fun product(locale: String, checks: DesktopComposeUiTest.(CradleCore, ShopViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            val vm = ShopViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            val sku = core.shop().screen(if (locale == "en") "folic" else "叶酸", 1u).products.first().sku
            runBlocking { vm.open(sku) }
            render("product-$locale", Strings.of(core.today().language), checks = { checks(core, vm) }) {
                val state by vm.state.collectAsState()
                ProductContent(
                    state.product ?: Loadable.Loading,
                    state.problem,
                    onAdd = { runBlocking { vm.addToCart() } },
                    onCart = {},
                )
            }
        }
    }

    /** A delivered order of wipes with one return asked for and one complaint open. */
    private fun orders(locale: String, checks: DesktopComposeUiTest.(OrdersViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            val login = "kt-shots-" + java.util.UUID.randomUUID().toString().take(8)
            runBlocking {
                core.shop().updateCatalog(server)
                core.setConsent(Purpose.SYNC, true)
                core.setConsent(Purpose.SHOP, true)
                core.sync().register(server, login, "correct horse battery", "Pixel")
                core.shipHere()
                val wipes = core.shop().screen(if (locale == "en") "wipes" else "湿巾", 1u).products.first().sku
                core.shop().cartAdd(wipes, 2)
                val order = core.shop().placeOrder(core.shop().reviewCheckout().quote)
                core.shop().payOrder(order.id)
                val warehouse = Sandbox(server, login, "correct horse battery")
                repeat(2) { warehouse.advance(order.id) }
                core.shop().refreshOrders()
                core.shop().requestReturn(order.id, "return", listOf(uniffi.cradle.shop.ReturnItem(wipes, 1u)), "changed_mind", null)
                core.shop().fileComplaint(order.id, "late_delivery", if (locale == "en") "Two days late" else "晚到了两天")
            }
            val vm = OrdersViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            runBlocking { vm.refresh() }
            val language = core.today().language
            render("orders-$locale", Strings.of(language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                OrdersContent(
                    state,
                    focus = null,
                    language,
                    OrderActions(
                        onSync = {},
                        onPay = {},
                        onCancelOrder = {},
                        onBuyAgain = { id -> runBlocking { vm.buyAgain(id) } },
                        onStartReturn = vm::startReturn,
                        onReturnQty = vm::setReturnQty,
                        onKind = vm::chooseKind,
                        onReason = vm::chooseReason,
                        onNote = vm::setNote,
                        onSendReturn = {},
                        onCancelReturn = vm::cancelReturn,
                        onStartComplaint = vm::startComplaint,
                        onTopic = vm::chooseTopic,
                        onComplaintNote = vm::setComplaintNote,
                        onSendComplaint = { runBlocking { vm.submitComplaint() } },
                        onCancelComplaint = vm::cancelComplaint,
                    ),
                )
            }
        }
    }

    private fun today(locale: String, checks: DesktopComposeUiTest.(CradleCore) -> Unit) {
        mother(dir, locale).use { core ->
            val today = core.today()
            render("today-$locale", Strings.of(today.language), checks = { checks(core) }) {
                TodayContent(today)
            }
        }
    }

    /** The cart with two of a product; [queued]: saved as an order for when she is back online. */
    private fun cart(
        locale: String,
        queued: Boolean = false,
        checks: DesktopComposeUiTest.(CartViewModel, String) -> Unit,
    ) {
        mother(dir, locale).use { core ->
            runBlocking { core.shop().updateCatalog(server) }
            val vm = CartViewModel(core, kotlinx.coroutines.CoroutineScope(kotlinx.coroutines.Dispatchers.Default))
            val sku = core.shop().screen(if (locale == "en") "folic" else "叶酸", 1u).products.first().sku
            runBlocking { vm.add(sku, 2) }
            if (queued) {
                core.setConsent(Purpose.SYNC, true)
                core.setConsent(Purpose.SHOP, true)
                runBlocking {
                    core.sync().register(server, "kt-q-" + UUID.randomUUID().toString().take(8), "correct horse battery", "Pixel")
                    core.shipHere()
                    vm.queue()
                }
            }
            val name = if (queued) "cart-queued-$locale" else "cart-$locale"
            render(name, Strings.of(core.today().language), checks = { checks(vm, sku) }) {
                val state by vm.state.collectAsState()
                CartContent(
                    state,
                    onSet = { s, q -> runBlocking { vm.set(s, q) } },
                    onRemove = { s -> runBlocking { vm.remove(s) } },
                    onReview = {},
                    onConfirm = {},
                    onQueue = {},
                    onTakeBack = { runBlocking { vm.takeBack() } },
                    onOrders = {},
                    onAddresses = {},
                )
            }
        }
    }

    private fun addresses(locale: String, checks: DesktopComposeUiTest.(AddressBookViewModel) -> Unit) {
        mother(dir, locale).use { core ->
            core.shipHere()
            val vm = AddressBookViewModel(core)
            runBlocking { vm.load() }
            render("addresses-$locale", Strings.of(core.today().language), checks = { checks(vm) }) {
                val state by vm.state.collectAsState()
                AddressesContent(
                    state,
                    AddressActions(
                        onNew = vm::startNew,
                        onEdit = vm::edit,
                        onType = vm::type,
                        onSave = { runBlocking { vm.save() } },
                        onCancel = vm::cancel,
                        onDefault = { id -> runBlocking { vm.makeDefault(id) } },
                        onRemove = { id -> runBlocking { vm.remove(id) } },
                    ),
                )
            }
        }
    }

    /** Renders [content] phone-sized, saves its PNG, then runs [checks]. */
    private fun render(
        name: String,
        strings: Strings,
        checks: DesktopComposeUiTest.() -> Unit,
        content: @Composable () -> Unit,
    ) = runDesktopComposeUiTest(width = 412, height = 915) {
        setContent {
            CompositionLocalProvider(LocalStrings provides strings) {
                MaterialTheme { Surface { content() } }
            }
        }
        waitForIdle()
        val png = File(shots, "$name.png")
        ImageIO.write(onRoot().captureToImage().toAwtImage(), "png", png)
        assertTrue(png.length() > 0)
        checks()
    }
}
