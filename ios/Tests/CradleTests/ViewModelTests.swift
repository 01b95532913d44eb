@testable import Cradle
import Foundation
import XCTest

/// The screens' view models against the real core, and the shell's words.
@MainActor
final class ViewModelTests: DatabaseTestCase {
    /// The demo mother: 28w0d today (EDD 12 weeks out) with one high reading.
    private func mother(_ locale: String) throws -> CradleCore {
        let core = try CradleCore.open(
            path: path("mother-\(locale).db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: locale)
        _ = try core.setProfile(profile: ProfileInfo(
            displayName: locale.hasPrefix("zh") ? "小林" : "Lin", locale: locale, timeZone: "Asia/Shanghai"))
        _ = try core.recordDating(dating: .edd(edd: shanghaiDay(84)))
        _ = try core.records().recordBloodPressure(systolic: 142, diastolic: 92, pulse: nil, takenAt: nil)
        return core
    }

    /// The day `offset` days from today in Shanghai, `YYYY-MM-DD`.
    private func shanghaiDay(_ offset: Int) -> String {
        var shanghai = Calendar(identifier: .gregorian)
        shanghai.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let day = shanghai.date(byAdding: .day, value: offset, to: Date())!
        let c = shanghai.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Waits for the main actor to see `condition`; the limit only stops a hang.
    private func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<600 where !condition() {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        XCTAssertTrue(condition())
    }

    func testTodayLoadsInOneCallAndFollowsTheCoresChanges() async throws {
        let core = try mother("en")
        let model = TodayModel(core: core)
        model.start()
        try await eventually { model.state.value?.pregnancy != nil }
        let first = try XCTUnwrap(model.state.value)
        XCTAssertEqual(first.pregnancy?.gestationalAge.weeks, 28)
        XCTAssertEqual(first.pregnancy?.daysToEdd, 84)
        XCTAssertEqual(first.nextReminder?.kind, .checkup)
        XCTAssertEqual(first.flag?.level, "contact_clinic")
        XCTAssertEqual(first.sync, .signedOut)

        // A more worrying reading reaches Today through the change events.
        _ = try core.records().recordBloodPressure(systolic: 165, diastolic: 112, pulse: nil, takenAt: nil)
        try await eventually { model.state.value?.flag?.level == "seek_care_now" }

        // Ticking the checkup moves "next" on.
        let checkup = try XCTUnwrap(first.nextReminder?.id)
        try core.reminders().completeItem(id: checkup)
        try await eventually { model.state.value?.nextReminder?.id != checkup }
        await model.stop()
    }

    func testTheCartFollowsTheCoresRulesAndRefusedChangesChangeNothing() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("zh-Hans-CN")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        let model = CartModel(core: core)
        model.load()
        XCTAssertEqual(model.cart.value?.lines, [])
        let sku = try XCTUnwrap(core.shop().screen(query: "叶酸", limit: 1).products.first?.sku)
        model.add(sku: sku, qty: 2)
        let two = try XCTUnwrap(model.cart.value)
        XCTAssertEqual(two.itemCount, 2)
        XCTAssertEqual(two.lines.first?.qtyDown, 1)
        XCTAssertEqual(two.lines.first?.qtyUp, 3)

        model.set(sku: sku, qty: 0)
        XCTAssertEqual(model.problem?.kind, .invalidInput)
        XCTAssertEqual(model.problem?.field, "qty")
        XCTAssertEqual(model.cart.value, two)
        model.add(sku: "no-such-sku")
        XCTAssertEqual(model.problem?.kind, .notFound)
        XCTAssertEqual(model.cart.value, two)

        // Without her consent to the shop, review is refused by name.
        await model.startReview()
        XCTAssertEqual(model.problem?.kind, .consentRequired)
        XCTAssertEqual(model.problem?.purpose, .shop)
        _ = try core.setConsent(purpose: .sync, granted: true)
        _ = try core.setConsent(purpose: .shop, granted: true)

        // Checkout needs her account: review first, then one order.
        let login = "sw-vm-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await core.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        try shipHere(core)
        await model.startReview()
        let review = try XCTUnwrap(model.review)
        XCTAssertEqual(review.totalText, two.totalText)
        XCTAssertEqual(ShellStrings(.zhHans).confirm(review), "提交订单 · \(two.totalText)")
        await model.confirm()
        let placed = try XCTUnwrap(model.placed)
        XCTAssertEqual(placed.status, "pending_payment")
        XCTAssertEqual(ShellStrings(.zhHans).ordered(placed), "已下单 · 共 2 件 · \(two.totalText)")
        XCTAssertNil(model.review)
        XCTAssertEqual(model.cart.value?.lines, [])
        XCTAssertEqual(try core.shop().orders(), [placed])
    }

    func testTheShopSuggestsUntilSheSearchesAndAddsWhatThePageOffers() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("en")
        let model = ShopModel(core: core)
        model.refresh()
        XCTAssertEqual(model.screen.value?.catalogReady, false, "no catalogue on a new phone")
        // With no server known yet, the download is refused by name.
        await model.updateCatalog()
        XCTAssertEqual(model.problem?.field, "server_url")
        XCTAssertFalse(model.updating)

        _ = try await core.shop().updateCatalog(serverUrl: server)
        model.refresh()
        let home = try XCTUnwrap(model.screen.value)
        XCTAssertTrue(home.catalogReady && !home.searching)
        XCTAssertFalse(home.products.isEmpty, "suggestions for 28 weeks")

        model.search("folic")
        let found = try XCTUnwrap(model.screen.value)
        XCTAssertTrue(found.searching)
        let folic = try XCTUnwrap(found.products.first)
        XCTAssertTrue(folic.name.localizedCaseInsensitiveContains("folic"))

        model.open(sku: folic.sku)
        let page = try XCTUnwrap(model.product?.value)
        XCTAssertEqual(page.addQty, page.qtyMin, "a first add is the product's minimum")
        XCTAssertFalse(page.traceability.batch.isEmpty)
        model.addToCart()
        XCTAssertNil(model.problem)
        XCTAssertEqual(model.product?.value?.inCart, page.qtyMin)
        XCTAssertEqual(model.screen.value?.cartCount, page.qtyMin)
        model.close()
        XCTAssertNil(model.product)
        XCTAssertEqual(ShellStrings(.en).cartCount(1), "Cart, 1 item")
        XCTAssertEqual(ShellStrings(.zhHans).addToCart(2), "加入购物车（2件）")
    }

    func testTheHospitalBagOpensAt28WeeksTicksAndFollowsTheCart() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let early = try CradleCore.open(
            path: path("early.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "en")
        _ = try early.recordDating(dating: .edd(edd: shanghaiDay(140)))
        let closed = HospitalBagModel(core: early)
        closed.refresh()
        XCTAssertEqual(closed.bag.value?.open, false)
        XCTAssertEqual(closed.bag.value?.opensOn, shanghaiDay(56), "28 weeks is 12 weeks before the EDD")
        closed.pack(id: "id_cards", packed: true)
        XCTAssertEqual(closed.problem?.field, "hospital_bag")

        let core = try mother("zh-Hans-CN")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        let model = HospitalBagModel(core: core)
        model.start()
        model.refresh()
        let bag = try XCTUnwrap(model.bag.value)
        XCTAssertTrue(bag.open)
        XCTAssertEqual(bag.groups.map(\.title), ["证件资料", "妈妈用品", "宝宝用品"])
        model.pack(id: "health_handbook", packed: true)
        XCTAssertEqual(model.bag.value?.packed, 1)
        XCTAssertNil(model.problem)

        // A cart change made elsewhere reaches the list.
        let item = { (id: String) in model.bag.value?.groups.flatMap(\.items).first { $0.id == id } }
        let pads = try XCTUnwrap(item("maternity_pads")?.products.first)
        _ = try core.shop().cartAdd(sku: pads.sku, qty: 1)
        try await eventually { item("maternity_pads")?.shop == "in_cart" }
        XCTAssertEqual(item("maternity_pads")?.shopText, "已在购物车")
        XCTAssertEqual(ShellStrings(.en).packedOf(1, 17), "Packed 1 of 17")
        await model.stop()
    }

    func testAPaidOrderCancelledBeforeItShipsIsRefunded() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("en")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        _ = try core.setConsent(purpose: .sync, granted: true)
        _ = try core.setConsent(purpose: .shop, granted: true)
        let login = "sw-cancel-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await core.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        try shipHere(core)
        let wipes = try XCTUnwrap(core.shop().screen(query: "wipes", limit: 1).products.first?.sku)
        _ = try core.shop().cartAdd(sku: wipes, qty: 2)
        let placed = try await core.shop().placeOrder(quote: try await core.shop().reviewCheckout().quote)
        let model = OrdersModel(core: core)
        await model.pay(id: placed.id)
        let paid = try XCTUnwrap(model.orders.value?.first)
        XCTAssertTrue(paid.canCancel)
        XCTAssertEqual(ShellStrings(.en).cancelQuestion(paid), "Cancel this order? The payment is refunded in full.")
        await model.cancel(id: placed.id)
        XCTAssertNil(model.problem)
        let cancelled = try XCTUnwrap(model.orders.value?.first)
        XCTAssertEqual(cancelled.statusText, "Cancelled")
        XCTAssertFalse(cancelled.canCancel || cancelled.canPay || cancelled.canReturn)
    }

    func testOrdersArePaidTrackedARefusedReturnKeepsTheFormAndAComplaintOpens() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("zh-Hans-CN")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        _ = try core.setConsent(purpose: .sync, granted: true)
        _ = try core.setConsent(purpose: .shop, granted: true)
        let login = "sw-orders-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await core.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        try shipHere(core)
        let wipes = try XCTUnwrap(core.shop().screen(query: "湿巾", limit: 1).products.first?.sku)
        _ = try core.shop().cartAdd(sku: wipes, qty: 2)
        let placed = try await core.shop().placeOrder(quote: try await core.shop().reviewCheckout().quote)

        let model = OrdersModel(core: core)
        model.refresh()
        XCTAssertEqual(model.orders.value?.first?.statusText, "待付款")
        XCTAssertEqual(model.orders.value?.first?.canPay, true)
        await model.pay(id: placed.id)
        XCTAssertNil(model.problem)
        let paid = try XCTUnwrap(model.orders.value?.first)
        XCTAssertFalse(paid.canPay || paid.canReturn)
        XCTAssertEqual(paid.history.map(\.text), ["待付款", "已付款"])

        // Not delivered yet: the core refuses, and her choices stay on the form.
        model.startReturn(orderId: placed.id)
        model.setReturnQty(sku: wipes, qty: 1)
        model.chooseReason("changed_mind")
        model.chooseKind("refund_only")
        await model.submitReturn()
        XCTAssertEqual(model.problem?.field, "kind", "no refund for goods she keeps for changing her mind")
        model.chooseKind("exchange")
        await model.submitReturn()
        XCTAssertEqual(model.problem?.kind, .invalidInput)
        XCTAssertEqual(model.returning?.qty[wipes], 1)
        XCTAssertEqual(model.returning?.kind, "exchange")
        model.cancelReturn()
        XCTAssertNil(model.returning)

        // A complaint needs a topic; once filed the shop owes a reply within 48 h.
        model.startComplaint(orderId: placed.id)
        model.setComplaintNote("快递一直没到")
        await model.submitComplaint()
        XCTAssertEqual(model.problem?.field, "topic")
        XCTAssertNotNil(model.complaining)
        model.chooseTopic("late_delivery")
        await model.submitComplaint()
        XCTAssertNil(model.problem)
        XCTAssertNil(model.complaining)
        let ticket = try XCTUnwrap(model.orders.value?.first?.complaints.first)
        XCTAssertEqual(ticket.statusText, "待客服回复")
        XCTAssertEqual(ticket.targetText, "48 小时内回复")
        XCTAssertEqual(ShellStrings(.zhHans).complaintLine(ticket), "投诉（配送延误）：待客服回复")

        model.buyAgain(id: placed.id)
        XCTAssertEqual(model.skipped, [])
        XCTAssertEqual(ShellStrings(.zhHans).backInCart(skipped: model.skipped ?? []), "已加回购物车")
        XCTAssertEqual(try core.shop().cart().itemCount, 2)
    }

    func testRemindersComeFromTheCoreAndFollowHerActions() async throws {
        let core = try mother("en")
        let model = RemindersModel(core: core)
        model.start()
        try await eventually { model.items.value?.contains { $0.kind == .checkup } == true }
        let checkup = try XCTUnwrap(model.items.value?.first { $0.kind == .checkup && $0.status == .pending })
        XCTAssertNotNil(checkup.windowStart)
        model.complete(checkup.id)
        XCTAssertEqual(model.items.value?.first { $0.id == checkup.id }?.status, .done)

        // Her own reminder, added elsewhere, arrives through the change events.
        _ = try core.reminders().add(title: "Folic acid", rrule: "FREQ=DAILY", time: "21:00")
        try await eventually { model.items.value?.contains { $0.kind == .custom } == true }
        let custom = try XCTUnwrap(model.items.value?.first { $0.kind == .custom })
        model.snooze(custom.id, minutes: 60)
        XCTAssertNil(model.problem)
        model.snooze(custom.id, minutes: 0)
        XCTAssertEqual(model.problem?.kind, .invalidInput)
        XCTAssertEqual(ShellStrings(.zhHans).status(.pending), "待完成")
        XCTAssertEqual(ShellStrings(.en).window("2026-11-03", "2026-11-30"), "Between 2026-11-03 and 2026-11-30")
        await model.stop()
    }

    func testTheShellsWordsInBothLanguages() async throws {
        let core = try mother("zh-Hans-CN")
        let t = try core.today()
        XCTAssertEqual(t.language, .zhHans)
        let zh = ShellStrings(t.language)
        let en = ShellStrings(.en)
        let p = try XCTUnwrap(t.pregnancy)
        XCTAssertEqual(zh.gestationalAge(p.gestationalAge), "孕 28 周 0 天")
        XCTAssertEqual(en.gestationalAge(p.gestationalAge), "28 weeks 0 days")
        XCTAssertEqual(zh.dueIn(p), "预产期 \(p.edd) · 还有 84 天")
        XCTAssertEqual(en.dueIn(p), "Due \(p.edd) · 84 days to go")
        XCTAssertEqual(zh.hello("小林"), "小林，你好")
        XCTAssertEqual(zh.shopSaid("已拆封"), "商家说明：已拆封")
        XCTAssertEqual(en.shopSaid("Opened"), "The shop said: “Opened”")
        // The sync badge is the core's words, in her language.
        XCTAssertEqual(t.syncText, "仅保存在本机")
        XCTAssertEqual(try core.settingsScreen().syncText, "仅保存在本机")
        // A typed core error becomes a sentence, not a crash.
        let refused = Loadable<CartView>.attempt { try core.shop().cartAdd(sku: "no-such-sku", qty: 1) }
        guard case .failed(let problem) = refused else { return XCTFail("\(refused)") }
        XCTAssertEqual(en.problem(problem), "Could not find the product; it may have been deleted.")
        XCTAssertEqual(zh.problem(problem), "没有找到商品，可能已被删除。")
        // A refusal names the field and the rule in her language, from the core.
        let zero = Loadable<CartView>.attempt { try core.shop().cartAdd(sku: "folic", qty: 0) }
        guard case .failed(let invalid) = zero else { return XCTFail("\(zero)") }
        XCTAssertEqual(zh.problem(invalid), "请检查数量：至少为 1。")
    }

    func testOnboardingPreTicksNothingAndRecordsEachAnswer() async throws {
        let core = try CradleCore.open(
            path: path("new.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "zh-Hans-CN")
        let model = OnboardingModel(core: core)
        model.load()
        XCTAssertEqual(model.language, .zhHans, "the device's language first")
        XCTAssertNil(model.stage)
        XCTAssertTrue(model.consents.values.allSatisfy { !$0 }, "no consent is pre-ticked")
        XCTAssertFalse(model.canFinish)

        // A date the core refuses is shown, and onboarding is not done.
        model.stage = .pregnant
        model.date = "2031-01-01"
        model.finish()
        XCTAssertFalse(model.finished)
        XCTAssertEqual(model.problem?.field, "lmp")
        XCTAssertNil(try core.profile())

        model.date = shanghaiDay(-196)
        model.consents[.sync] = true
        model.finish()
        XCTAssertTrue(model.finished)
        let today = try core.today()
        XCTAssertEqual(today.pregnancy?.gestationalAge.weeks, 28)
        XCTAssertEqual(today.profile?.locale, "zh-Hans-CN")
        XCTAssertNil(today.profile?.displayName, "only what is needed")
        let consents = Dictionary(uniqueKeysWithValues: try core.consents().map { ($0.purpose, $0) })
        XCTAssertEqual(consents[.sync]?.granted, true)
        XCTAssertEqual(consents[.shop]?.granted, false)
        XCTAssertNotNil(consents[.shop]?.answeredAtEpochMs, "her 'no' is recorded as an answer")
    }

    func testOnboardingAfterTheBirthKeepsTheBirthWeightTheCoreAccepts() async throws {
        let core = try CradleCore.open(
            path: path("born.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "en-GB")
        let model = OnboardingModel(core: core)
        model.load()
        model.stage = .baby
        model.date = shanghaiDay(-10)
        model.birthWeeks = 36
        model.birthWeightGrams = 100
        model.finish()
        XCTAssertFalse(model.finished)
        XCTAssertEqual(model.problem?.field, "birth_weights", "the core judges the weight")
        model.birthWeightGrams = 2400
        model.finish()
        XCTAssertTrue(model.finished)
        let summary = try core.records().clinicExport(
            format: "html", options: ClinicExportOptions(from: nil, includeName: false, sections: []))
        XCTAssertTrue(summary.contains("Birth weight: 2400 g"))
    }

    func testSettingsRevokeConsentChangeLanguageAndQuietHoursExportAndDelete() async throws {
        let core = try mother("en")
        let model = SettingsModel(core: core)
        model.start()
        try await eventually { model.screen.value != nil }
        XCTAssertEqual(model.screen.value?.language, .en)
        XCTAssertEqual(model.screen.value?.consents.map(\.granted), [false, false, false])

        model.setConsent(.notifications, granted: true)
        XCTAssertFalse(try core.reminders().notificationPlan(limit: 64).isEmpty)
        model.setConsent(.notifications, granted: false)
        XCTAssertTrue(try core.reminders().notificationPlan(limit: 64).isEmpty, "withdrawn: the platform cancels them all")

        await model.syncNow()
        XCTAssertEqual(model.problem?.kind, .consentRequired)
        XCTAssertEqual(model.problem?.purpose, .sync)
        XCTAssertEqual(ShellStrings(.en).problem(model.problem!), "This needs your consent: Sync between my devices. You can turn it on in Settings.")

        model.setLanguage(.zhHans)
        XCTAssertEqual(model.screen.value?.language, .zhHans)
        model.setQuietHours(start: "21:30", end: "07:00")
        XCTAssertEqual(model.screen.value?.reminders.quietStart, "21:30")
        model.setQuietHours(start: "25:00", end: "07:00")
        XCTAssertEqual(model.problem?.field, "quiet_start")

        model.exportData()
        XCTAssertTrue(model.export?.contains("\"consent_log\"") == true, "her consent history is part of her data")
        model.exportShared()
        XCTAssertNil(model.export)

        model.deleteEverything()
        XCTAssertTrue(model.deleted)
        XCTAssertNil(try core.profile())
        await model.stop()
    }

    /// What UNUserNotificationCenter would hold.
    private final class PendingRequests: NotificationSink {
        var ids: [String] = []
        func schedule(_ n: NotificationInfo) {
            if !ids.contains(n.id) { ids.append(n.id) }
        }
        func cancel(_ id: String) { ids.removeAll { $0 == id } }
    }

    func testNotificationsFollowThePlanHerConsentAndTheIOSLimit() async throws {
        let core = try mother("en")
        for hour in 0..<4 {
            _ = try core.reminders().add(title: "Reminder \(hour)", rrule: "FREQ=DAILY", time: "1\(hour):15")
        }
        let pending = PendingRequests()
        let planner = NotificationPlanner(core: core, sink: pending)
        try planner.apply()
        XCTAssertTrue(pending.ids.isEmpty, "nothing before she agrees to notifications")

        _ = try core.setConsent(purpose: .notifications, granted: true)
        try planner.apply()
        XCTAssertEqual(pending.ids.count, 64, "four daily reminders fill iOS's 64 and no more")
        XCTAssertEqual(Set(pending.ids), Set(try core.reminders().notificationPlan(limit: 64).map(\.id)))
        let next = try XCTUnwrap(core.reminders().notificationPlan(limit: 1).first)
        XCTAssertGreaterThanOrEqual(next.secondsFromNow, 1)

        let fresh = PendingRequests()
        try NotificationPlanner(core: core, sink: fresh).rescheduleAll()
        XCTAssertEqual(Set(fresh.ids), Set(pending.ids))

        _ = try core.setConsent(purpose: .notifications, granted: false)
        try planner.apply()
        XCTAssertTrue(pending.ids.isEmpty, "withdrawn: every request is removed")
    }

    func testAChangeMadeElsewhereReachesTheOpenCart() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("en")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        let model = CartModel(core: core)
        model.start()
        model.load()
        XCTAssertEqual(model.cart.value?.lines, [])
        // As a product page, the hospital bag or her other phone would.
        let sku = try XCTUnwrap(core.shop().screen(query: "folic", limit: 1).products.first?.sku)
        _ = try core.shop().cartAdd(sku: sku, qty: 1)
        try await eventually { model.cart.value?.itemCount == 1 }
        await model.stop()
    }

    func testAnOrderSavedForLaterGoesWithTheBackgroundRunAndSheIsTold() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("zh-Hans-CN")
        _ = try await core.shop().updateCatalog(serverUrl: server)
        _ = try core.setConsent(purpose: .sync, granted: true)
        _ = try core.setConsent(purpose: .shop, granted: true)
        _ = try core.setConsent(purpose: .notifications, granted: true)
        let model = CartModel(core: core)
        let sku = try XCTUnwrap(core.shop().screen(query: "湿巾", limit: 1).products.first?.sku)
        model.add(sku: sku, qty: 2)
        model.queue()
        XCTAssertEqual(model.problem?.field, "account", "it needs an account to go to")
        let login = "sw-q-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await core.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        try shipHere(core)
        model.queue()
        let queued = try XCTUnwrap(model.cart.value?.queued)
        XCTAssertEqual(queued.status, "waiting")
        XCTAssertEqual(queued.statusText, "联网后自动下单")
        XCTAssertEqual(model.cart.value?.lines, [])

        // Taken back and saved again: the cart is whole each way.
        await model.takeBack()
        XCTAssertNil(model.cart.value?.queued)
        XCTAssertEqual(model.cart.value?.lines.first?.qty, 2)
        model.queue()
        let again = try XCTUnwrap(model.cart.value?.queued)

        let pending = PendingRequests()
        let planner = NotificationPlanner(core: core, sink: pending)
        let outcome = await BackgroundSync.run(core)
        XCTAssertEqual(outcome, .done)
        try planner.apply()
        XCTAssertTrue(pending.ids.contains("order:\(again.id)"), "she is told it went through")
        model.load()
        XCTAssertNil(model.cart.value?.queued)
        XCTAssertEqual(try core.shop().orders().map(\.id), [again.id])
        try planner.apply()
        XCTAssertFalse(pending.ids.contains("order:\(again.id)"), "withdrawn once she opened her orders")
    }

    func testTheAddressFormKeepsHerTextUntilTheCoreAcceptsIt() async throws {
        let core = try mother("en")
        let model = AddressBookModel(core: core)
        model.load()
        XCTAssertEqual(model.book.value, [])
        model.startNew()
        model.form?.address = ShipTo(name: "Lin", phone: "1380013800", province: "广东省", city: "深圳市",
                                     district: "南山区", detail: "科技园 1 号", postalCode: "")
        model.save()
        XCTAssertEqual(model.problem?.field, "phone")
        XCTAssertEqual(model.form?.address.phone, "1380013800", "her text stays")
        model.form?.address.phone = "138 0013 8000"
        model.save()
        XCTAssertNil(model.form)
        let home = try XCTUnwrap(model.book.value?.first)
        XCTAssertTrue(home.isDefault)
        XCTAssertNil(home.shipTo.postalCode, "an empty postal code is left out")
        XCTAssertEqual(try core.shop().cart().shipTo, home.label)
        model.startNew()
        model.form?.address = ShipTo(name: "Lin", phone: "13800138000", province: "上海市", city: "上海市",
                                     district: "黄浦区", detail: "南京东路 1 号", postalCode: nil)
        model.save()
        let office = try XCTUnwrap(model.book.value?.first(where: { !$0.isDefault }))
        model.makeDefault(id: office.id)
        XCTAssertEqual(model.book.value?.first?.id, office.id)
        model.remove(id: office.id)
        XCTAssertEqual(model.book.value?.map(\.id), [home.id])
        XCTAssertEqual(model.book.value?.first?.isDefault, true, "the other one takes over")
    }

    func testBackgroundSyncSaysWhenThereIsNothingToDo() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let core = try mother("en")
        let none = await BackgroundSync.run(core)
        XCTAssertEqual(none, .done, "no consent: nothing to do")
        _ = try core.setConsent(purpose: .sync, granted: true)
        let signedOut = await BackgroundSync.run(core)
        XCTAssertEqual(signedOut, .done, "signed out: nothing to do")
        let login = "sw-bg-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await core.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "iPhone")
        try shipHere(core)
        let synced = await BackgroundSync.run(core)
        XCTAssertEqual(synced, .done)
        guard case .upToDate = try core.syncStatus() else { return XCTFail("not synced") }
    }

    func testANewPhoneSignsInOnlyWithHerYesAndTheRightCodeAndHerDataComesBack() async throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CRADLE_TEST_SERVER"])
        let login = "sw-restore-" + UUID().uuidString.prefix(8).lowercased()
        let old = try mother("en")
        _ = try old.setConsent(purpose: .sync, granted: true)
        let code = try await old.sync().register(serverUrl: server, login: login, password: "correct horse battery", device: "old iPhone")
        _ = try await old.sync().syncNow()
        let readings = try old.records().list(kind: nil).count

        let phone = try CradleCore.open(path: path("new.db"), key: testKey, deviceTimeZone: "Asia/Shanghai", deviceLocale: "en")
        XCTAssertNil(try phone.profile())
        let model = SignInModel(core: phone, device: "new iPhone")
        model.server = server
        model.login = login
        model.password = "correct horse battery"
        XCTAssertFalse(model.canSignIn, "the recovery code is needed on a new phone")
        model.recoveryCode = code
        // No "yes" to sync yet: refused by purpose, nothing sent.
        await model.signIn()
        XCTAssertEqual(model.problem?.kind, .consentRequired)
        XCTAssertEqual(model.problem?.purpose, .sync)
        // Another account's code is refused by field.
        model.syncConsent = true
        model.recoveryCode = String(code.reversed())
        await model.signIn()
        XCTAssertEqual(model.problem?.field, "recovery_code")
        XCTAssertFalse(model.restored)
        XCTAssertNil(try phone.profile())

        model.recoveryCode = code
        await model.signIn()
        XCTAssertNil(model.problem)
        XCTAssertTrue(model.restored)
        XCTAssertEqual(model.password, "", "the password is not kept")
        XCTAssertEqual(try phone.profile()?.displayName, "Lin")
        XCTAssertEqual(try phone.records().list(kind: nil).count, readings)
        XCTAssertGreaterThan(readings, 0)
    }

    func testAPickedDayIsTheCoresCalendarDay() async {
        // 2027-02-15 00:00 in Shanghai is 2027-02-14 16:00 UTC.
        let picked = Date(timeIntervalSince1970: 1_802_620_800)
        XCTAssertEqual(picked.pickedDay(in: TimeZone(identifier: "Asia/Shanghai")!), "2027-02-15")
        XCTAssertEqual(picked.pickedDay(in: TimeZone(identifier: "UTC")!), "2027-02-14")
    }

    func testRecordsQuickAddKicksAndContractionsAreJudgedByTheCore() async throws {
        let core = try mother("zh-Hans-CN")
        let model = RecordsModel(core: core)
        model.refresh()
        XCTAssertEqual(model.screen.value?.recent.first?.text, "142/92 mmHg")
        model.addBloodPressure(systolic: "118", diastolic: "76")
        XCTAssertNil(model.problem)
        XCTAssertEqual(model.screen.value?.recent.first?.text, "118/76 mmHg", "newest first")
        model.addBloodPressure(systolic: "", diastolic: "76")
        XCTAssertEqual(model.problem?.field, "systolic")
        model.addBloodPressure(systolic: "400", diastolic: "76")
        XCTAssertEqual(model.problem?.kind, .invalidInput, "the core refuses the impossible")
        XCTAssertEqual(model.screen.value?.recent.count, 2)
        model.addGlucose("5,1", unit: .mmolPerL, context: .fasting)
        XCTAssertEqual(model.screen.value?.recent.first?.text, "5.1 mmol/L (空腹)")
        model.addWeight("六十", unit: .kg)
        XCTAssertEqual(model.problem?.field, "weight")
        model.addWeight("61", unit: .kg)
        XCTAssertEqual(model.screen.value?.stage, .pregnant)
        XCTAssertEqual(model.screen.value?.weight.first?.gaWeeks, 28)
        XCTAssertNil(model.screen.value?.weightBand, "no band until her height is known")
        try core.records().setBodyBaseline(baseline: BodyBaseline(heightCm: 160, prePregnancyKg: 55))
        model.refresh()
        XCTAssertEqual(model.screen.value?.weightBand?.class, "normal")

        model.kick(.start)
        model.kick(.tap)
        model.kick(.tap)
        XCTAssertEqual(model.screen.value?.kicks?.count, 2)
        model.kick(.stop)
        XCTAssertNotNil(model.screen.value?.kicks?.endedAtEpochMs)
        model.contraction(starting: true)
        model.contraction(starting: false)
        XCTAssertEqual(model.screen.value?.contractions.countLastHour, 1)
        XCTAssertEqual(ShellStrings(.en).kicks(1), "1 movement")
    }

    func testTheJourneyOpensAtWeek28AndTurnsToMonthsAtTheBirth() async throws {
        let core = try mother("zh-Hans-CN")
        let model = JourneyModel(core: core)
        model.start()
        try await eventually { model.state.value?.stage == .pregnant }
        let pregnant = try XCTUnwrap(model.state.value)
        XCTAssertEqual(pregnant.steps.count, 39)
        let now = pregnant.steps[Int(try XCTUnwrap(pregnant.now))]
        XCTAssertEqual(now.title, "孕28周")
        XCTAssertEqual(now.when, .now)
        XCTAssertEqual(now.starts, shanghaiDay(0))
        XCTAssertEqual(pregnant.steps.first?.when, .past)

        _ = try core.recordBirth(date: shanghaiDay(0), gaWeeks: 28, gaDays: 0, count: 1, birthWeightsGrams: [], motherHbsag: nil)
        try await eventually { model.state.value?.stage == .postpartum }
        let baby = try XCTUnwrap(model.state.value)
        XCTAssertEqual(baby.now, 0)
        XCTAssertEqual(baby.steps.first?.title, "新生儿")
        XCTAssertNotNil(baby.steps.first?.month)
        XCTAssertEqual(ShellStrings(.zhHans).sizeOf("茄子"), "大约有茄子那么大")
        await model.stop()
    }

    func testTheRecurrencePickerIsTheCoresRuleSentenceAndPreview() async throws {
        let core = try mother("zh-Hans-CN")
        let model = ReminderEditorModel(core: core)
        model.every = .week
        XCTAssertEqual(model.problem?.field, "title")
        XCTAssertNil(model.shownProblem, "an untouched title is not a mistake yet")
        XCTAssertFalse(model.save())

        model.title = "补铁"
        model.interval = 2
        model.toggle(.thursday)
        model.toggle(.monday)
        model.ends = .after(count: 10)
        model.time = "21:00"
        let draft = try XCTUnwrap(model.draft)
        XCTAssertEqual(draft.rrule, "FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,TH")
        XCTAssertEqual(draft.summary, "每2周的周一、周四 · 共10次")
        XCTAssertEqual(draft.next.count, 3)
        XCTAssertEqual(weekdayName(language: .zhHans, day: .sunday), "周日")

        model.every = .month
        XCTAssertTrue(model.weekdays.isEmpty)
        model.ends = .on(date: "2020-01-01")
        XCTAssertEqual(model.shownProblem?.field, "until")
        XCTAssertNil(model.draft)

        model.ends = .never
        XCTAssertTrue(model.save())
        let mine = try core.reminders().list(from: nil, to: "2099-01-01").filter { $0.kind == .custom }
        XCTAssertFalse(mine.isEmpty)
        XCTAssertTrue(mine.allSatisfy { $0.title == "补铁" })
        model.reset()
        XCTAssertEqual(model.title, "")
        XCTAssertNil(model.draft)
    }

    func testTheClinicVisitFollowsHerChoicesQuestionsAndTheFhirExport() async throws {
        let core = try mother("en")
        let model = ClinicModel(core: core)
        model.refresh()
        var visit = try XCTUnwrap(model.screen.value)
        XCTAssertFalse(visit.html.contains("Lin"), "her name is left out until she asks")
        XCTAssertTrue(visit.html.contains("142/92"))
        XCTAssertEqual(visit.sections.first { $0.code == "notes" }?.included, false)

        model.addQuestion("Should I worry about my blood pressure?")
        visit = try XCTUnwrap(model.screen.value)
        XCTAssertEqual(visit.questions.count, 1)
        XCTAssertTrue(visit.html.contains("Should I worry about my blood pressure?"))

        model.setIncludeName(true)
        XCTAssertTrue(try XCTUnwrap(model.screen.value).html.contains("Lin"))
        // Her age is judged by the core and never stored.
        model.setAge(150)
        XCTAssertEqual(model.problem?.field, "age")
        XCTAssertNil(model.ageYears)
        model.setAge(32)
        XCTAssertTrue(try XCTUnwrap(model.screen.value).html.contains("32 years"))
        XCTAssertFalse(try core.exportAllData().contains("32 years"))
        model.toggle("questions")
        visit = try XCTUnwrap(model.screen.value)
        XCTAssertFalse(visit.html.contains("Should I worry"))
        XCTAssertEqual(visit.questions.count, 1, "her list stays whatever she shares")

        model.exportFhir()
        let bundle = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(model.fhir).utf8)) as? [String: Any]
        XCTAssertEqual(bundle?["resourceType"] as? String, "Bundle")
        model.fhirSaved()
        XCTAssertNil(model.fhir)

        model.setFrom("2099-01-01")
        XCTAssertEqual(model.problem?.field, "from")
        XCTAssertNil(model.from)
        XCTAssertTrue(try XCTUnwrap(model.screen.value).html.contains("142/92"), "a refusal keeps the summary")

        model.deleteQuestion(try XCTUnwrap(model.screen.value?.questions.first).id)
        XCTAssertEqual(model.screen.value?.questions.count, 0)
    }

    func testAfterTheBirthTheBabysDayIsLoggedInOneTapEach() async throws {
        let core = try mother("en")
        _ = try core.recordBirth(date: shanghaiDay(0), gaWeeks: 39, gaDays: 0, count: 1, birthWeightsGrams: [], motherHbsag: nil)
        let model = RecordsModel(core: core)
        model.refresh()
        XCTAssertEqual(model.screen.value?.stage, .postpartum)
        model.logBreast(baby: 1, side: .left, minutes: "15")
        model.logBottle(baby: 1, ml: "90", milk: .breast)
        model.logDiaper(baby: 1, wet: true, dirty: true)
        model.logSleep(baby: 1, minutes: "45")
        let day = try XCTUnwrap(model.screen.value?.babies.first)
        XCTAssertEqual([day.feeds, day.wet, day.dirty, day.sleepMinutes], [2, 1, 1, 45])
        XCTAssertEqual(day.lastFeedLocal?.count, 5)
        model.logBottle(baby: 1, ml: "900", milk: .formula)
        XCTAssertEqual(model.problem?.kind, .invalidInput, "the core refuses 900 ml")
        model.logSleep(baby: 1, minutes: "")
        XCTAssertEqual(model.problem?.field, "minutes")
        XCTAssertEqual(ShellStrings(.zhHans).babyCounts(day), "喂奶 2 次（最近 \(day.lastFeedLocal!)） · 湿尿布 1 · 便便 1 · 睡眠 45 分钟")
    }

    func testALinkOpensItsScreenAndOneCradleDidNotMakeChangesNothing() async throws {
        let core = try mother("en")
        _ = try core.setConsent(purpose: .notifications, granted: true)
        let router = Router()
        // A notification's link, made by the core, read by the core.
        let reminder = try XCTUnwrap(core.reminders().notificationPlan(limit: 64).first)
        XCTAssertTrue(router.open(reminder.deepLink))
        XCTAssertEqual(router.tab, .reminders)
        XCTAssertEqual(router.path(.reminders), [])
        guard case .reminder(let id) = try parseLink(url: reminder.deepLink) else { return XCTFail("a reminder's link") }
        XCTAssertEqual(router.focus, id, "the list scrolls to that reminder")
        let places: [(String, AppTab, [Route])] = [
            ("cradle://orders/0123abcd", .shop, [.orders]),
            ("cradle://cart", .shop, [.cart]),
            ("cradle://products/CR-0042", .shop, [.product(sku: "CR-0042")]),
            ("cradle://clinic", .records, [.clinic]),
            ("cradle://journey", .today, [.journey]),
            ("cradle://settings", .settings, []),
        ]
        for (url, tab, path) in places {
            XCTAssertTrue(router.open(url), url)
            XCTAssertEqual(router.tab, tab, url)
            XCTAssertEqual(router.path(tab), path, url)
        }
        // The shop's stack was replaced by each link, not piled up.
        XCTAssertEqual(router.path(.shop), [.product(sku: "CR-0042")])
        for url in ["https://example.com/cart", "cradle://nowhere", "cradle://orders/a/b", ""] {
            XCTAssertFalse(router.open(url), url)
        }
        XCTAssertEqual(router.tab, .settings, "a refused link leaves her where she is")
    }

    func testTheItemALinkPointedAtStaysMarkedUntilSheMovesOn() async throws {
        let router = Router()
        router.open("cradle://orders/0123abcd")
        XCTAssertEqual(router.focus, "0123abcd")
        router.setPath([.orders], for: .shop)
        router.select(.shop)
        XCTAssertEqual(router.focus, "0123abcd", "SwiftUI writing back what it shows is no move")
        router.setPath([.orders, .cart], for: .shop)
        XCTAssertNil(router.focus, "a screen pushed over it")
        router.open("cradle://orders")
        XCTAssertNil(router.focus, "the list, no order")
        router.open("cradle://reminders/custom:7:2026-12-01T21:00")
        XCTAssertEqual(router.focus, "custom:7:2026-12-01T21:00")
        router.select(.today)
        XCTAssertEqual(router.tab, .today)
        XCTAssertNil(router.focus, "a tab from the bar")
    }
}
