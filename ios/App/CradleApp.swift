#if canImport(SwiftUI)
import Cradle
import Foundation
import SwiftUI
import UserNotifications

/// The iPhone app: opens the core once with the Keychain's key and the
/// device's zone and locale; every screen renders what the core computes.
@main
struct CradleApp: App {
    private let opened = Storage.open()

    init() {
        if case .open(let core) = opened {
            SyncTask.register(core: core)
            Reconnect.follow(core: core)
        }
        // Must be set before launch ends, so a tap that launched the app is delivered.
        UNUserNotificationCenter.current().delegate = NotificationTaps.shared
    }

    var body: some Scene {
        WindowGroup { OpenedView(opened: opened) }
    }
}

/// Her data in Application Support, in the folder backups leave out.
enum Storage {
    static func open() -> DataStore.Opening {
        guard let base = try? FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        else { return .failed(CocoaError(.fileNoSuchFile)) }
        // The device's zone and locale are passed in; the core does the dates.
        return DataStore.open(
            in: base, key: DatabaseKey.load,
            timeZone: TimeZone.current.identifier, locale: Locale.current.identifier(.bcp47))
    }

    static func startFresh() -> DataStore.Opening {
        if let base = try? FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: false) {
            try? DataStore.startFresh(in: base)
        }
        return open()
    }
}

/// The app, or, when this phone cannot open the data on it, a plain
/// explanation in the phone's language and a way to start fresh.
struct OpenedView: View {
    @State var opened: DataStore.Opening

    private var s: ShellStrings {
        ShellStrings(Locale.current.language.languageCode == .chinese ? .zhHans : .en)
    }

    var body: some View {
        switch opened {
        case .open(let core):
            RootView(core: core)
        case .unreadable:
            VStack(alignment: .leading, spacing: 16) {
                Text(s.unreadableTitle).font(.title2).bold().accessibilityAddTraits(.isHeader)
                Text(s.unreadableBody)
                Button(s.startFresh) { opened = Storage.startFresh() }
                    .buttonStyle(.borderedProminent)
            }
            .padding(24)
        case .failed(let error):
            Text("\(s.couldNotOpen): \(error.localizedDescription)")
        }
    }
}

/// Onboarding until she has a profile, then the tabs.
struct RootView: View {
    @State private var today: TodayModel
    @State private var cart: CartModel
    @State private var shop: ShopModel
    @State private var orders: OrdersModel
    @State private var addresses: AddressBookModel
    @State private var bag: HospitalBagModel
    @State private var reminders: RemindersModel
    @State private var onboarding: OnboardingModel
    @State private var signIn: SignInModel
    @State private var settings: SettingsModel
    @State private var records: RecordsModel
    @State private var journey: JourneyModel
    @State private var editor: ReminderEditorModel
    @State private var clinic: ClinicModel
    @State private var planner: NotificationPlanner
    @State private var router = Router()
    @Environment(\.scenePhase) private var phase
    private let core: CradleCore

    init(core: CradleCore) {
        self.core = core
        _planner = State(initialValue: NotificationPlanner(core: core, sink: UserNotificationSink()))
        _today = State(initialValue: TodayModel(core: core))
        _cart = State(initialValue: CartModel(core: core))
        _shop = State(initialValue: ShopModel(core: core))
        _orders = State(initialValue: OrdersModel(core: core))
        _addresses = State(initialValue: AddressBookModel(core: core))
        _bag = State(initialValue: HospitalBagModel(core: core))
        _reminders = State(initialValue: RemindersModel(core: core))
        _onboarding = State(initialValue: OnboardingModel(core: core))
        _signIn = State(initialValue: SignInModel(core: core, device: UIDevice.current.model))
        _settings = State(initialValue: SettingsModel(core: core))
        _records = State(initialValue: RecordsModel(core: core))
        _journey = State(initialValue: JourneyModel(core: core))
        _editor = State(initialValue: ReminderEditorModel(core: core))
        _clinic = State(initialValue: ClinicModel(core: core))
    }

    var body: some View {
        if let t = today.state.value, t.profile == nil {
            OnboardingView(model: onboarding, signIn: signIn)
                .task { today.start() }
        } else {
            tabs
        }
    }

    private var tabs: some View {
        // Her language is the core's (from her profile, else the device's).
        let s = ShellStrings(today.state.value?.language ?? .en)
        // Each tab's stack is the router's, so a deep link can open any screen.
        return TabView(selection: Binding(get: { router.tab }, set: { router.select($0) })) {
            stack(.today, s) { TodayView(state: today.state, s: s).navigationTitle(s.today) }
                .tabItem { Label(s.today, systemImage: "house") }
            stack(.reminders, s) { RemindersView(model: reminders, editor: editor, focus: router.focus, s: s).navigationTitle(s.reminders) }
                .tabItem { Label(s.reminders, systemImage: "bell") }
            stack(.records, s) { RecordsView(model: records, s: s).navigationTitle(s.records) }
                .tabItem { Label(s.records, systemImage: "heart.text.square") }
            stack(.shop, s) { ShopView(model: shop, s: s).navigationTitle(s.shop) }
                .tabItem { Label(s.shop, systemImage: "bag") }
            stack(.settings, s) { SettingsView(model: settings, s: s).navigationTitle(s.settings) }
                .tabItem { Label(s.settings, systemImage: "gearshape") }
        }
        .onOpenURL { router.open($0.absoluteString) }
        .task {
            today.start(); journey.start(); clinic.start(); reminders.start(); cart.start(); cart.load(); planner.follow()
            NotificationTaps.shared.follow(router)
            askToNotifyIfAgreed()
        }
        .onChange(of: phase) { _, now in
            guard now == .active else {
                if now == .background { SyncTask.schedule() }
                return
            }
            today.refresh()
            Task { _ = await BackgroundSync.run(core) }
        }
        .onChange(of: settings.screen.value?.consents) { _, _ in askToNotifyIfAgreed() }
    }

    /// A tab's navigation stack, bound to the router's path for that tab.
    private func stack<Root: View>(_ tab: AppTab, _ s: ShellStrings, @ViewBuilder root: () -> Root) -> some View {
        NavigationStack(path: Binding(get: { router.path(tab) }, set: { router.setPath($0, for: tab) })) {
            root().navigationDestination(for: Route.self) { destination($0, s) }
        }
        .tag(tab)
    }

    /// The one place each pushed screen is built, whether a tap or a link pushed it.
    @ViewBuilder
    private func destination(_ route: Route, _ s: ShellStrings) -> some View {
        switch route {
        case .journey: JourneyView(model: journey, s: s).navigationTitle(s.journey)
        case .clinic: ClinicView(model: clinic, s: s).navigationTitle(s.clinicVisit)
        case .cart: CartScreen(model: cart, s: s).navigationTitle(s.cart).onAppear { cart.load() }
        case .orders: OrdersView(model: orders, focus: router.focus, s: s).navigationTitle(s.myOrders)
        case .addresses: AddressesView(model: addresses, s: s).navigationTitle(s.addresses)
        case .bag: HospitalBagView(model: bag, s: s).navigationTitle(s.hospitalBag)
        case .product(let sku): ProductView(model: shop, sku: sku, s: s)
        }
    }

    /// Once she agrees to notifications in the app, iOS asks its own question.
    private func askToNotifyIfAgreed() {
        if (try? core.consents())?.contains(where: { $0.purpose == .notifications && $0.granted }) == true {
            UserNotificationSink.askPermission()
        }
    }
}
#endif
