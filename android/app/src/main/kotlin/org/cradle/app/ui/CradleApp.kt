package org.cradle.app.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Favorite
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Notifications
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.ShoppingCart
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.TopAppBar
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import kotlinx.coroutines.launch
import org.cradle.viewmodel.CartViewModel
import org.cradle.viewmodel.ClinicViewModel
import org.cradle.viewmodel.HospitalBagViewModel
import org.cradle.viewmodel.JourneyViewModel
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.Navigator
import org.cradle.viewmodel.Page
import org.cradle.viewmodel.Tab
import org.cradle.viewmodel.OnboardingViewModel
import org.cradle.viewmodel.OrdersViewModel
import org.cradle.viewmodel.AddressBookViewModel
import org.cradle.viewmodel.ShopViewModel
import org.cradle.viewmodel.RecordsViewModel
import org.cradle.viewmodel.ReminderEditorViewModel
import org.cradle.viewmodel.RemindersViewModel
import org.cradle.viewmodel.SettingsViewModel
import org.cradle.viewmodel.SignInViewModel
import org.cradle.viewmodel.TodayViewModel
import uniffi.cradle.CradleCore
import uniffi.cradle.records.GlucoseUnit
import uniffi.cradle.records.WeightUnit
import uniffi.cradle.store.Language

/**
 * The app's root, shared by Android and the desktop test renderer: onboarding
 * until she has a profile, then the tabs. The platform saves files where she
 * chooses ([onSave]: her data export, the FHIR bundle), prints the core's
 * HTML ([onPrint]) and shows it ([htmlPreview]).
 */
@Composable
fun CradleApp(
    core: CradleCore,
    onSave: (fileName: String, text: String) -> Unit = { _, _ -> },
    onPrint: (html: String) -> Unit = {},
    htmlPreview: @Composable (html: String, modifier: Modifier) -> Unit = { _, _ -> },
    /** Asks the platform for a background run soon, once there is a network. */
    sendSoon: () -> Unit = {},
    /** Hoisted so the platform's back gesture and deep links reach it. */
    navigator: Navigator = remember { Navigator() },
    /** How her account lists this device (the phone's model). */
    device: String = "Cradle",
) {
    val scope = rememberCoroutineScope()
    val today = remember(core) { TodayViewModel(core, scope).also { it.start() } }
    val onboarding = remember(core) { OnboardingViewModel(core) }
    val settings = remember(core) { SettingsViewModel(core, scope).also { it.start() } }
    val records = remember(core) { RecordsViewModel(core, scope).also { it.start() } }
    val recordsState by records.state.collectAsState()
    LaunchedEffect(onboarding) { onboarding.load() }
    val onboardingState by onboarding.state.collectAsState()
    val signIn = remember(core) { SignInViewModel(core, device) }
    val signInState by signIn.state.collectAsState()
    var signingIn by remember(core) { mutableStateOf(false) }
    val settingsState by settings.state.collectAsState()
    LaunchedEffect(settingsState.export) {
        settingsState.export?.let {
            onSave("cradle-export.json", it)
            settings.exportShared()
        }
    }
    val clinic = remember(core) { ClinicViewModel(core, scope).also { it.start() } }
    val clinicState by clinic.state.collectAsState()
    LaunchedEffect(clinicState.fhir) {
        clinicState.fhir?.let {
            onSave("cradle-clinic-visit.fhir.json", it)
            clinic.fhirSaved()
        }
    }
    val cart = remember(core) { CartViewModel(core, scope).also { it.start() } }
    val shop = remember(core) { ShopViewModel(core, scope).also { it.start() } }
    val shopState by shop.state.collectAsState()
    LaunchedEffect(shop) { shop.refresh() }
    val orders = remember(core) { OrdersViewModel(core, scope).also { it.start() } }
    val ordersState by orders.state.collectAsState()
    val reminders = remember(core) { RemindersViewModel(core, scope).also { it.start() } }
    val remindersState by reminders.state.collectAsState()
    LaunchedEffect(cart) { cart.load() }
    val addresses = remember(core) { AddressBookViewModel(core) }
    val addressesState by addresses.state.collectAsState()
    val bag = remember(core) { HospitalBagViewModel(core, scope).also { it.start() } }
    val bagState by bag.state.collectAsState()
    val todayState by today.state.collectAsState()
    val cartState by cart.state.collectAsState()
    val ready = (todayState as? Loadable.Ready)?.value
    // Her language is the core's (from her profile, else the device's);
    // during onboarding, the one she is choosing.
    val language = if (ready != null && ready.profile == null) onboardingState.language else ready?.language ?: Language.EN
    val journey = remember(core) { JourneyViewModel(core, scope).also { it.start() } }
    val journeyState by journey.state.collectAsState()
    val editor = remember(core) { ReminderEditorViewModel(core) }
    val editorState by editor.state.collectAsState()
    val place by navigator.place.collectAsState()
    val tab = place.tab
    // A page opened from a tab covers the tabs until she goes back.
    val page = place.page
    LaunchedEffect(page) {
        // Each page reads fresh when it comes to the top, however it got
        // there (a tap, back, a deep link).
        if (page !is Page.Product) shop.close()
        when (page) {
            is Page.Product -> shop.open(page.sku)
            Page.Addresses -> addresses.load()
            Page.Cart -> cart.load()
            Page.Orders -> orders.refresh()
            Page.Bag -> bag.refresh()
            else -> {}
        }
    }
    CompositionLocalProvider(LocalStrings provides Strings.of(language)) {
        val s = LocalStrings.current
        MaterialTheme {
            if (ready != null && ready.profile == null) {
                // Edge to edge (Android 15): the first screen keeps clear of the
                // status bar, the navigation bar and the keyboard itself.
                Surface(Modifier.fillMaxSize()) {
                    if (signingIn) {
                        SignInContent(
                            signInState,
                            onType = signIn::type,
                            onSyncConsent = signIn::answerSync,
                            onSignIn = { scope.launch { signIn.signIn() } },
                            onBack = { signingIn = false },
                            modifier = Modifier.windowInsetsPadding(WindowInsets.safeDrawing),
                        )
                    } else OnboardingContent(
                        onboardingState,
                        onLanguage = onboarding::chooseLanguage,
                        onStage = onboarding::chooseStage,
                        onDatingBy = onboarding::chooseDating,
                        onDate = onboarding::chooseDate,
                        onBirthWeeks = onboarding::chooseBirthWeeks,
                        onBirthWeight = onboarding::chooseBirthWeight,
                        onAnswer = onboarding::answer,
                        onStart = { scope.launch { onboarding.finish() } },
                        onSignIn = { signingIn = true },
                        modifier = Modifier.windowInsetsPadding(WindowInsets.safeDrawing),
                    )
                }
                return@MaterialTheme
            }
            page?.let { open ->
                PageScaffold(title = s.pageTitle(open), onBack = { navigator.back() }) {
                    when (open) {
                        Page.Journey -> JourneyContent(journeyState)
                        Page.Clinic -> ClinicContent(
                            clinicState,
                            preview = htmlPreview,
                            onPrint = onPrint,
                            onFhir = { scope.launch { clinic.exportFhir() } },
                            onToggle = { c -> scope.launch { clinic.toggle(c) } },
                            onIncludeName = { b -> scope.launch { clinic.setIncludeName(b) } },
                            onAge = { a -> scope.launch { clinic.setAge(a) } },
                            onFrom = { d -> scope.launch { clinic.setFrom(d) } },
                            onAddQuestion = { q -> scope.launch { clinic.addQuestion(q) } },
                            onDeleteQuestion = { id -> scope.launch { clinic.deleteQuestion(id) } },
                        )
                        Page.Cart -> CartContent(
                            cartState,
                            onSet = { sku, qty -> scope.launch { cart.set(sku, qty) } },
                            onRemove = { sku -> scope.launch { cart.remove(sku) } },
                            onReview = { scope.launch { cart.review() } },
                            onConfirm = { scope.launch { cart.confirm() } },
                            onQueue = {
                                scope.launch {
                                    cart.queue()
                                    sendSoon()
                                }
                            },
                            onTakeBack = { scope.launch { cart.takeBack() } },
                            onOrders = { navigator.push(Page.Orders) },
                            onAddresses = { navigator.push(Page.Addresses) },
                        )
                        Page.Addresses -> AddressesContent(
                            addressesState,
                            AddressActions(
                                onNew = addresses::startNew,
                                onEdit = addresses::edit,
                                onType = addresses::type,
                                onSave = { scope.launch { addresses.save() } },
                                onCancel = addresses::cancel,
                                onDefault = { id -> scope.launch { addresses.makeDefault(id) } },
                                onRemove = { id -> scope.launch { addresses.remove(id) } },
                            ),
                        )
                        Page.Orders -> OrdersContent(
                            ordersState,
                            place.focus,
                            language,
                            OrderActions(
                                onSync = { scope.launch { orders.sync() } },
                                onPay = { id -> scope.launch { orders.pay(id) } },
                                onCancelOrder = { id -> scope.launch { orders.cancel(id) } },
                                onBuyAgain = { id -> scope.launch { orders.buyAgain(id) } },
                                onStartReturn = orders::startReturn,
                                onReturnQty = orders::setReturnQty,
                                onKind = orders::chooseKind,
                                onReason = orders::chooseReason,
                                onNote = orders::setNote,
                                onSendReturn = { scope.launch { orders.submitReturn() } },
                                onCancelReturn = orders::cancelReturn,
                                onStartComplaint = orders::startComplaint,
                                onTopic = orders::chooseTopic,
                                onComplaintNote = orders::setComplaintNote,
                                onSendComplaint = { scope.launch { orders.submitComplaint() } },
                                onCancelComplaint = orders::cancelComplaint,
                            ),
                        )
                        Page.Bag -> HospitalBagContent(
                            bagState,
                            onPack = { id, packed -> scope.launch { bag.pack(id, packed) } },
                            onOpen = { sku -> navigator.push(Page.Product(sku)) },
                        )
                        is Page.Product -> ProductContent(
                            shopState.product ?: Loadable.Loading,
                            shopState.problem,
                            onAdd = { scope.launch { shop.addToCart() } },
                            onCart = { navigator.push(Page.Cart) },
                        )
                        Page.AddReminder -> ReminderEditorContent(
                            editorState,
                            language,
                            onTitle = { t -> scope.launch { editor.setTitle(t) } },
                            onTime = { t -> scope.launch { editor.setTime(t) } },
                            onEvery = { e -> scope.launch { editor.setEvery(e) } },
                            onInterval = { n -> scope.launch { editor.setInterval(n) } },
                            onWeekday = { d -> scope.launch { editor.toggle(d) } },
                            onEnds = { e -> scope.launch { editor.setEnds(e) } },
                            onSave = { scope.launch { if (editor.save()) navigator.back() } },
                        )
                    }
                }
                return@MaterialTheme
            }
            Scaffold(
                bottomBar = {
                    NavigationBar {
                        Tab.entries.forEach { t ->
                            NavigationBarItem(
                                selected = tab == t,
                                onClick = { navigator.select(t) },
                                icon = { Icon(t.icon(), contentDescription = null) },
                                label = {
                                    Text(
                                        when (t) {
                                            Tab.Today -> s.today
                                            Tab.Reminders -> s.reminders
                                            Tab.Records -> s.records
                                            Tab.Shop -> s.shop
                                            Tab.Settings -> s.settings
                                        },
                                    )
                                },
                            )
                        }
                    }
                },
            ) { padding ->
                Box(Modifier.insetContent(padding)) {
                    when (tab) {
                        Tab.Today -> when (val st = todayState) {
                            is Loadable.Loading -> Text(s.loading)
                            is Loadable.Failed -> Text(s.problem(st.error), color = MaterialTheme.colorScheme.error)
                            is Loadable.Ready -> TodayContent(st.value, onJourney = { navigator.push(Page.Journey) })
                        }
                        Tab.Reminders -> RemindersContent(
                            remindersState,
                            place.focus,
                            onDone = { id -> scope.launch { reminders.complete(id) } },
                            onSkip = { id -> scope.launch { reminders.skip(id) } },
                            onSnooze = { id -> scope.launch { reminders.snooze(id, 60u) } },
                            onAdd = {
                                editor.reset()
                                navigator.push(Page.AddReminder)
                            },
                        )
                        Tab.Records -> RecordsContent(
                            recordsState,
                            onBloodPressure = { a, b -> scope.launch { records.addBloodPressure(a, b) } },
                            onKick = { a -> scope.launch { records.kick(a) } },
                            onContraction = { st -> scope.launch { records.contraction(st) } },
                            onWeight = { kg -> scope.launch { records.addWeight(kg, WeightUnit.KG) } },
                            onGlucose = { v, c -> scope.launch { records.addGlucose(v, GlucoseUnit.MMOL_PER_L, c) } },
                            onBabyLog = { log -> scope.launch { records.log(log) } },
                            onClinic = { navigator.push(Page.Clinic) },
                        )
                        Tab.Shop -> ShopContent(
                            shopState,
                            onQuery = { q -> scope.launch { shop.search(q) } },
                            onOpen = { sku -> navigator.push(Page.Product(sku)) },
                            onCart = { navigator.push(Page.Cart) },
                            onOrders = { navigator.push(Page.Orders) },
                            onUpdate = { scope.launch { shop.updateCatalog() } },
                            onBag = { navigator.push(Page.Bag) },
                        )
                        Tab.Settings -> SettingsContent(
                            settingsState,
                            onConsent = { p, granted -> scope.launch { settings.setConsent(p, granted) } },
                            onLanguage = { l -> scope.launch { settings.setLanguage(l) } },
                            onQuietHours = { a, b -> scope.launch { settings.setQuietHours(a, b) } },
                            onSyncNow = { scope.launch { settings.syncNow() } },
                            onSignOutEverywhere = { scope.launch { settings.signOutEverywhere() } },
                            onExport = { scope.launch { settings.exportData() } },
                            onDelete = {
                                scope.launch {
                                    settings.deleteEverything()
                                    navigator.select(Tab.Today)
                                }
                            },
                        )
                    }
                }
            }
        }
    }
}

/** Writes one baby log through the view model. */
private suspend fun RecordsViewModel.log(log: BabyLog) = when (log) {
    is BabyLog.Breast -> logBreast(log.baby, log.side, log.minutes)
    is BabyLog.Bottle -> logBottle(log.baby, log.ml, log.milk)
    is BabyLog.Sleep -> logSleep(log.baby, log.minutes)
    is BabyLog.Diaper -> logDiaper(log.baby, log.wet, log.dirty)
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun PageScaffold(title: String, onBack: () -> Unit, content: @Composable () -> Unit) {
    val s = LocalStrings.current
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(title) },
                navigationIcon = {
                    IconButton(onBack) { Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = s.back) }
                },
            )
        },
    ) { padding -> Box(Modifier.insetContent(padding)) { content() } }
}

/** Inside a scaffold's bars, and above the keyboard while she types (Records, Clinic). */
private fun Modifier.insetContent(bars: PaddingValues) = padding(bars).consumeWindowInsets(bars).imePadding()

private fun Tab.icon(): ImageVector = when (this) {
    Tab.Today -> Icons.Filled.Home
    Tab.Reminders -> Icons.Filled.Notifications
    Tab.Records -> Icons.Filled.Favorite
    Tab.Shop -> Icons.Filled.ShoppingCart
    Tab.Settings -> Icons.Filled.Settings
}
