import Foundation

/// The shell's own words, in both languages. Health and shop content comes
/// from the core already in her language; these are labels around it, kept
/// in one table so XCTest checks them on Linux too.
public struct ShellStrings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private var zh: Bool { language == .zhHans }

    public var today: String { zh ? "今天" : "Today" }
    public var unreadableTitle: String { zh ? "这部手机无法打开旧数据" : "This phone can't open your old data" }
    public var unreadableBody: String {
        zh ? "你的记录用一把留在旧手机上的密钥加密。在这里重新开始后选择登录，已同步的内容就会回来；未同步的内容仍在旧手机上。"
            : "Your records were locked with a key that stayed on your old phone. Start fresh here, then choose to sign in: what you synced comes back. Anything not synced stays on the old phone."
    }
    public var startFresh: String { zh ? "在这部手机上重新开始" : "Start fresh on this phone" }
    public var haveAccount: String { zh ? "我已在用 Cradle：登录" : "I already use Cradle: sign in" }
    public var signInTitle: String { zh ? "在这部手机上登录" : "Sign in on this phone" }
    public var signInIntro: String {
        zh ? "已同步的内容会回到这部手机。需要你注册时保存的恢复码。"
            : "What you synced comes back to this phone. You need the recovery code you kept when you made your account."
    }
    public var server: String { zh ? "你的 Cradle 服务器" : "Your Cradle server" }
    public var login: String { zh ? "账号名" : "Account name" }
    public var password: String { zh ? "密码" : "Password" }
    public var recoveryCode: String { zh ? "恢复码" : "Recovery code" }
    public var signIn: String { zh ? "登录并取回我的数据" : "Sign in and bring back my data" }
    public var couldNotOpen: String { zh ? "Cradle 无法打开数据" : "Cradle could not open its data" }
    public var cart: String { zh ? "购物车" : "Cart" }
    public var loading: String { zh ? "加载中…" : "Loading…" }
    public var next: String { zh ? "下一项" : "Next" }
    public var nothingDue: String { zh ? "近期没有待办" : "Nothing due in the next weeks" }
    public var healthFlag: String { zh ? "健康提示" : "Health note" }
    public var welcome: String {
        zh ? "欢迎使用 Cradle，先设置你的资料吧。" : "Welcome to Cradle. Set up your profile to begin."
    }
    public var cartEmpty: String { zh ? "购物车是空的" : "Your cart is empty" }
    public var priceChanged: String { zh ? "价格有变动" : "Price changed" }
    public var unavailable: String { zh ? "已下架" : "No longer available" }
    public var shortOfStock: String { zh ? "库存不足" : "Not enough in stock" }
    public var review: String { zh ? "核对订单" : "Review order" }
    public var removeShort: String { zh ? "删除" : "Remove" }
    public var progress: String { zh ? "孕期进度" : "Pregnancy progress" }
    public var reminders: String { zh ? "提醒" : "Reminders" }
    public var done: String { zh ? "完成" : "Done" }
    public var skip: String { zh ? "跳过" : "Skip" }
    public var snoozeHour: String { zh ? "1 小时后" : "In 1 hour" }

    public func window(_ start: String, _ end: String) -> String {
        zh ? "\(start) 至 \(end)" : "Between \(start) and \(end)"
    }

    public func status(_ s: ReminderStatus) -> String {
        switch s {
        case .pending: return zh ? "待完成" : "To do"
        case .done: return zh ? "已完成" : "Done"
        case .skipped: return zh ? "已跳过" : "Skipped"
        case .snoozed: return zh ? "稍后提醒" : "Snoozed"
        }
    }

    // Onboarding and settings.
    public var welcomeTitle: String { zh ? "欢迎使用 Cradle" : "Welcome to Cradle" }
    public var languageLabel: String { zh ? "语言" : "Language" }
    public var stageQuestion: String { zh ? "你现在处于哪个阶段？" : "Where are you now?" }
    public var chooseDate: String { zh ? "选择日期" : "Choose a date" }
    public var consentIntro: String {
        zh ? "以下每一项都由你决定，之后可随时在设置中更改或撤回。"
            : "Each of these is your choice, and you can change it any time in Settings."
    }
    public var start: String { zh ? "开始使用" : "Start" }
    public var settings: String { zh ? "设置" : "Settings" }
    public var consents: String { zh ? "授权管理" : "Consents" }
    public var quietFrom: String { zh ? "免打扰开始" : "Quiet from" }
    public var quietUntil: String { zh ? "免打扰结束" : "Quiet until" }
    public var account: String { zh ? "账号与同步" : "Account and sync" }
    public var notSignedIn: String { zh ? "未登录：所有数据仅保存在本机" : "Not signed in: everything stays on this device" }
    public var syncNow: String { zh ? "立即同步" : "Sync now" }
    public var signOutEverywhere: String { zh ? "退出所有设备" : "Sign out on all devices" }
    public var yourData: String { zh ? "我的数据" : "Your data" }
    public var exportData: String { zh ? "导出我的数据" : "Export my data" }
    public var deleteData: String { zh ? "删除我的全部数据" : "Delete all my data" }
    public var deleteWarning: String {
        zh ? "这将删除本机上的全部数据，且无法恢复。" : "This deletes everything on this device and cannot be undone."
    }
    public var delete: String { zh ? "删除" : "Delete" }
    public var cancel: String { zh ? "取消" : "Cancel" }

    // Records.
    public var records: String { zh ? "记录" : "Records" }
    public var recent: String { zh ? "最近的测量" : "Recent readings" }
    public var unusual: String { zh ? "数值少见，请核对" : "unusual, please check" }
    public var bloodPressure: String { zh ? "血压" : "Blood pressure" }
    public var systolic: String { zh ? "收缩压（高压）" : "Systolic (upper)" }
    public var diastolic: String { zh ? "舒张压（低压）" : "Diastolic (lower)" }
    public var save: String { zh ? "保存" : "Save" }
    public var kickCounter: String { zh ? "数胎动" : "Kick counter" }
    public var fewKicks: String { zh ? "胎动少于正常：请立即联系医院。" : "Fewer movements than expected: contact your hospital now." }
    public var kickStart: String { zh ? "开始计数" : "Start counting" }
    public var kickTap: String { zh ? "宝宝动了" : "Baby moved" }
    public var stop: String { zh ? "结束" : "Stop" }
    public var contractions: String { zh ? "宫缩计时" : "Contraction timer" }
    public var timeToCall: String { zh ? "该联系医院了。" : "Time to call your hospital." }
    public var contractionStarts: String { zh ? "宫缩开始了" : "Contraction starts now" }
    public var contractionEnds: String { zh ? "宫缩结束了" : "Contraction ended" }
    public func kicks(_ n: UInt32) -> String { zh ? "\(n) 次胎动" : (n == 1 ? "1 movement" : "\(n) movements") }
    public func contractionsLastHour(_ n: UInt32) -> String { zh ? "过去 1 小时 \(n) 次" : "\(n) in the last hour" }

    // Journey.
    public var journey: String { zh ? "孕育旅程" : "Journey" }
    public var seeJourney: String { zh ? "查看每一周" : "See every week" }
    public var journeyEmpty: String {
        zh ? "记录孕期或宝宝出生后，这里会按周或按月陪伴你。"
            : "Your journey appears here week by week once your pregnancy or your baby's birth is recorded."
    }
    public func journeyWhen(_ w: When) -> String {
        switch w {
        case .past: return zh ? "已走过" : "Behind you"
        case .now: return zh ? "当前" : "Now"
        case .ahead: return zh ? "即将到来" : "Ahead"
        }
    }
    public func dateRange(_ a: String, _ b: String) -> String { zh ? "\(a) 至 \(b)" : "\(a) – \(b)" }
    public func sizeOf(_ thing: String) -> String { zh ? "大约有\(thing)那么大" : "About the size of \(thing)" }

    // The reminder editor.
    public var addReminder: String { zh ? "添加提醒" : "Add a reminder" }
    public var newReminder: String { zh ? "新建提醒" : "New reminder" }
    public var reminderTitle: String { zh ? "提醒内容" : "What to remind you of" }
    public var at: String { zh ? "时间" : "At" }
    public var repeats: String { zh ? "重复" : "Repeats" }
    public var ends: String { zh ? "结束" : "Ends" }
    public var never: String { zh ? "永不结束" : "Never" }
    public var afterTimes: String { zh ? "重复一定次数后" : "After a number of times" }
    public var onDate: String { zh ? "到某一天" : "On a date" }
    public var nextTimes: String { zh ? "接下来的提醒：" : "Next reminders:" }
    public var noMoreTimes: String { zh ? "之后不再提醒。" : "No more times to remind you." }
    public func every(_ e: Every) -> String {
        switch e {
        case .day: return zh ? "按天" : "Daily"
        case .week: return zh ? "按周" : "Weekly"
        case .month: return zh ? "按月" : "Monthly"
        case .year: return zh ? "按年" : "Yearly"
        }
    }
    public func interval(_ e: Every, _ n: UInt16) -> String {
        let (unit, zhUnit): (String, String) = switch e {
        case .day: ("day", "天")
        case .week: ("week", "周")
        case .month: ("month", "个月")
        case .year: ("year", "年")
        }
        if zh { return "每 \(n) \(zhUnit)" }
        return n == 1 ? "Every \(unit)" : "Every \(n) \(unit)s"
    }
    public func times(_ n: UInt32) -> String { zh ? "共 \(n) 次" : (n == 1 ? "Once" : "\(n) times") }

    // The clinic visit.
    public var clinicVisit: String { zh ? "产检就诊" : "Clinic visit" }
    public var prepareVisit: String { zh ? "准备产检就诊" : "Prepare my clinic visit" }
    public var printPdf: String { zh ? "打印或存为 PDF" : "Print or save as PDF" }
    public var saveFhir: String { zh ? "导出给医院系统（FHIR）" : "Save for the clinic's system (FHIR)" }
    public var questions: String { zh ? "就诊时想问的问题" : "My questions for the visit" }
    public var noQuestions: String {
        zh ? "把想问医生的问题记下来，就诊时不会忘。" : "Write down what you want to ask, so nothing is forgotten."
    }
    public var askQuestion: String { zh ? "想问的问题" : "A question to ask" }
    public var addQuestion: String { zh ? "添加问题" : "Add question" }
    public var whatToShare: String { zh ? "分享哪些内容" : "What to share" }
    public var includeName: String { zh ? "包含我的姓名" : "Include my name" }
    public var herAge: String { zh ? "我的年龄（显示在第1页，不保存）" : "My age, for page 1 (not saved)" }
    public var sinceWhen: String { zh ? "从某一天起" : "Since a date" }
    public var allTime: String { zh ? "全部" : "Everything" }

    // Weight, glucose and the baby's day.
    public var weight: String { zh ? "体重" : "Weight" }
    public var kg: String { zh ? "公斤" : "kg" }
    public var glucose: String { zh ? "血糖" : "Blood glucose" }
    public var glucoseMmol: String { "mmol/L" }
    public var weightChartTitle: String { zh ? "孕期体重" : "Weight by week" }
    public var week: String { zh ? "孕周" : "Week" }
    public var minutes: String { zh ? "分钟" : "Minutes" }
    public var ml: String { zh ? "毫升" : "ml" }
    public var breastLeft: String { zh ? "亲喂（左）" : "Breast, left" }
    public var breastRight: String { zh ? "亲喂（右）" : "Breast, right" }
    public var slept: String { zh ? "睡了" : "Slept" }
    public var wet: String { zh ? "湿尿布" : "Wet nappy" }
    public var dirty: String { zh ? "便便" : "Dirty nappy" }
    public func bottle(_ m: Milk) -> String {
        switch m {
        case .breast: return zh ? "瓶喂母乳" : "Bottle, breast milk"
        case .formula: return zh ? "瓶喂配方奶" : "Bottle, formula"
        }
    }
    public func glucoseContext(_ c: GlucoseContext) -> String {
        switch c {
        case .fasting: return zh ? "空腹" : "Fasting"
        case .oneHour: return zh ? "餐后 1 小时" : "1 h after a meal"
        case .twoHours: return zh ? "餐后 2 小时" : "2 h after a meal"
        case .random: return zh ? "随机" : "Any time"
        }
    }
    public func bandSource(_ source: String) -> String {
        zh ? "阴影为推荐范围（\(source)）" : "Shaded: the recommended range (\(source))"
    }
    public func babyToday(_ n: UInt8) -> String {
        zh ? (n == 1 ? "宝宝今天" : "宝宝 \(n) 今天") : (n == 1 ? "Baby today" : "Baby \(n) today")
    }
    public func babyCounts(_ d: BabyToday) -> String {
        if zh {
            let last = d.lastFeedLocal.map { "（最近 \($0)）" } ?? ""
            return "喂奶 \(d.feeds) 次\(last) · 湿尿布 \(d.wet) · 便便 \(d.dirty) · 睡眠 \(d.sleepMinutes) 分钟"
        }
        let last = d.lastFeedLocal.map { " (last \($0))" } ?? ""
        return "Feeds \(d.feeds)\(last) · wet \(d.wet) · dirty \(d.dirty) · sleep \(d.sleepMinutes) min"
    }

    /// Each language is named in itself, so she can find hers.
    public static func languageName(_ l: Language) -> String { l == .zhHans ? "简体中文" : "English" }

    public func stage(_ s: OnboardingModel.Stage) -> String {
        switch s {
        case .trying: return zh ? "备孕中" : "Trying to conceive"
        case .pregnant: return zh ? "已怀孕" : "Pregnant"
        case .baby: return zh ? "宝宝已出生" : "My baby is born"
        }
    }

    public func datingBy(_ d: OnboardingModel.DatingBy) -> String {
        switch d {
        case .lmp: return zh ? "末次月经第一天" : "First day of my last period"
        case .edd: return zh ? "预产期" : "My due date"
        }
    }

    public func date(_ d: String) -> String { zh ? "日期：\(d)" : "Date: \(d)" }
    public func birthWeeks(_ w: UInt32) -> String { zh ? "出生时孕 \(w) 周" : "Born at \(w) weeks" }
    public var birthWeight: String { zh ? "出生体重（克），知道的话请填写" : "Birth weight (g), if you know it" }
    public func quietHours(_ a: String, _ b: String) -> String { zh ? "免打扰 \(a)–\(b)" : "Quiet hours \(a)–\(b)" }
    public func signedInAs(_ login: String) -> String { zh ? "已登录：\(login)" : "Signed in as \(login)" }

    public func purpose(_ p: Purpose) -> String {
        purposeName(purpose: p, language: language)
    }

    public func purposeDetail(_ p: Purpose) -> String {
        switch p {
        case .sync:
            return zh ? "记录在手机上加密后才上传，服务器无法读取。"
                : "Your records are encrypted on this phone before upload; the server cannot read them."
        case .shop:
            return zh ? "姓名、地址和订单信息提供给商城用于配送。" : "Your name, address and order go to the shop so it can deliver."
        case .notifications:
            return zh ? "在锁屏显示产检和疫苗提醒，不含任何健康数值。"
                : "Checkups and vaccines on the lock screen, never with health values."
        }
    }

    public func hello(_ name: String?) -> String {
        switch (zh, name) {
        case (true, let n?): return "\(n)，你好"
        case (true, nil): return "你好"
        case (false, let n?): return "Hello, \(n)"
        case (false, nil): return "Hello"
        }
    }

    public func gestationalAge(_ ga: GestationalAgeInfo) -> String {
        zh ? "孕 \(ga.weeks) 周 \(ga.days) 天" : "\(ga.weeks) weeks \(ga.days) days"
    }

    public func dueIn(_ p: PregnancyInfo) -> String {
        switch (zh, p.daysToEdd >= 0) {
        case (true, true): return "预产期 \(p.edd) · 还有 \(p.daysToEdd) 天"
        case (true, false): return "预产期 \(p.edd) · 已过 \(-p.daysToEdd) 天"
        case (false, true): return "Due \(p.edd) · \(p.daysToEdd) days to go"
        case (false, false): return "Due \(p.edd) · \(-p.daysToEdd) days past"
        }
    }

    public func thisWeek(_ week: Int64) -> String { zh ? "第 \(week) 周" : "Week \(week)" }

    public func babyAge(_ b: BabyInfo) -> String {
        zh ? "\(b.ageMonths) 个月（出生第 \(b.ageDays) 天）" : "\(b.ageMonths) months (\(b.ageDays) days old)"
    }

    public func correctedAge(_ months: UInt32) -> String {
        zh ? "矫正月龄：\(months) 个月" : "Corrected age: \(months) months"
    }

    public func quantity(_ q: UInt32) -> String { zh ? "数量 \(q)" : "Quantity \(q)" }
    public func increase(_ name: String) -> String { zh ? "\(name) 加一" : "One more \(name)" }
    public func decrease(_ name: String) -> String { zh ? "\(name) 减一" : "One less \(name)" }
    public func remove(_ name: String) -> String { zh ? "删除 \(name)" : "Remove \(name)" }

    public func total(_ cart: CartView) -> String {
        if zh { return "共 \(cart.itemCount) 件 · \(cart.totalText)" }
        return cart.itemCount == 1 ? "1 item · \(cart.totalText)" : "\(cart.itemCount) items · \(cart.totalText)"
    }

    public func confirm(_ review: CheckoutReview) -> String {
        zh ? "提交订单 · \(review.totalText)" : "Place order · \(review.totalText)"
    }

    // The shop, the product page and orders.
    public var shop: String { zh ? "商城" : "Shop" }
    public var myOrders: String { zh ? "我的订单" : "My orders" }
    public func cartCount(_ n: UInt32) -> String {
        zh ? (n == 0 ? "购物车，空" : "购物车，\(n)件") : (n == 0 ? "Cart, empty" : n == 1 ? "Cart, 1 item" : "Cart, \(n) items")
    }
    public var searchShop: String { zh ? "搜索商品" : "Search products" }
    public var suggested: String { zh ? "当前阶段为你推荐" : "Suggested for you now" }
    public var noResults: String { zh ? "没有找到相关商品" : "Nothing matches that search" }
    public var noSuggestions: String { zh ? "这个阶段暂无推荐，试试搜索。" : "No suggestions for this stage yet. Try searching." }
    public var catalogMissing: String {
        zh ? "联网后会下载商品目录，之后离线也能逛。"
            : "The catalogue downloads the first time you are online; after that the shop works offline."
    }
    public var updateCatalog: String { zh ? "下载商品目录" : "Download the catalogue" }
    /// Why a product cannot be bought now, or nil when it can.
    public func availability(_ card: ProductCard) -> String? {
        if card.discontinued { return zh ? "已停售" : "No longer sold" }
        if !card.inStock { return zh ? "已售罄" : "Out of stock" }
        return nil
    }
    public var notForNow: String { zh ? "不适合你当前的阶段" : "Not meant for your current stage" }
    public func source(_ src: String) -> String { zh ? "依据：\(src)" : "Source: \(src)" }
    public func quantityRule(_ p: ProductPage) -> String {
        if zh {
            return p.qtyStep > 1 ? "可购\(p.qtyMin)至\(p.qtyMax)件，每次增减\(p.qtyStep)件" : "可购\(p.qtyMin)至\(p.qtyMax)件"
        }
        return p.qtyStep > 1 ? "Buy \(p.qtyMin) to \(p.qtyMax), in steps of \(p.qtyStep)" : "Buy \(p.qtyMin) to \(p.qtyMax)"
    }
    public func addToCart(_ n: UInt32) -> String { zh ? "加入购物车（\(n)件）" : "Add \(n) to cart" }
    public var cannotAdd: String { zh ? "无法再添加" : "Cannot add more" }
    public func inCart(_ n: UInt32) -> String { zh ? "购物车中已有\(n)件" : "\(n) in your cart" }
    public var traceability: String { zh ? "商品溯源" : "Where it comes from" }
    public var batch: String { zh ? "批次" : "Batch" }
    public var origin: String { zh ? "产地" : "Origin" }
    public var qualityReport: String { zh ? "质检报告" : "Quality report" }
    public var coldChain: String { zh ? "全程冷链配送" : "Shipped cold (cold chain)" }
    public var refreshOrders: String { zh ? "查看最新状态" : "Check for updates" }
    public var noOrders: String { zh ? "还没有订单" : "No orders yet" }
    public func orderedOn(_ t: String) -> String { zh ? "下单时间 \(t)" : "Ordered \(t)" }
    public func lineTrace(_ l: OrderLineView) -> String { zh ? "批次 \(l.batch) · \(l.origin)" : "Batch \(l.batch) · \(l.origin)" }
    public var tracking: String { zh ? "物流进度" : "Tracking" }
    public func returnLine(_ r: ReturnView) -> String {
        zh ? "\(r.kindText)（\(r.reasonText)）：\(r.statusText)" : "\(r.kindText) (\(r.reasonText)): \(r.statusText)"
    }
    public func returnUntil(_ t: String) -> String { zh ? "无理由退货截止 \(t)" : "No-reason return until \(t)" }
    public var pay: String { zh ? "付款" : "Pay" }
    public func shopSaid(_ why: String) -> String { zh ? "商家说明：\(why)" : "The shop said: “\(why)”" }
    public var cancelOrder: String { zh ? "取消订单" : "Cancel order" }
    public var keepOrder: String { zh ? "不取消" : "Keep it" }
    public func cancelQuestion(_ o: OrderView) -> String {
        switch (zh, o.canPay) {
        case (true, true): return "确定取消这个订单吗？尚未付款。"
        case (true, false): return "确定取消这个订单吗？已付款项将全额退回。"
        case (false, true): return "Cancel this order? Nothing has been paid."
        case (false, false): return "Cancel this order? The payment is refunded in full."
        }
    }
    public var buyAgain: String { zh ? "再次购买" : "Buy again" }
    public func backInCart(skipped: [String]) -> String {
        if skipped.isEmpty { return zh ? "已加回购物车" : "Back in your cart" }
        return zh ? "已加回购物车，以下商品除外：\(skipped.joined(separator: "、"))"
            : "Back in your cart, except: \(skipped.joined(separator: ", "))"
    }
    public var requestReturn: String { zh ? "申请退货" : "Return items" }
    public var returnReason: String { zh ? "退货原因" : "Why?" }
    public var returnKind: String { zh ? "申请类型" : "What would you like?" }
    public var returnNote: String { zh ? "备注（选填）" : "Note (optional)" }
    public var sendReturn: String { zh ? "提交申请" : "Send request" }
    public var seeOrders: String { zh ? "查看我的订单" : "See my orders" }
    public var product: String { zh ? "商品详情" : "Product" }
    public var complain: String { zh ? "投诉" : "Make a complaint" }
    public var complaintPromise: String {
        zh ? "商家会在48小时内回复，72小时内解决。" : "The shop replies within 48 hours and resolves it within 72 hours."
    }
    public var whatHappened: String { zh ? "发生了什么？" : "What happened?" }
    public var sendComplaint: String { zh ? "提交投诉" : "Send complaint" }
    public var complaintTopic: String { zh ? "投诉类型" : "About" }
    public func complaintLine(_ k: ComplaintView) -> String {
        zh ? "投诉（\(k.topicText)）：\(k.statusText)" : "Complaint (\(k.topicText)): \(k.statusText)"
    }

    public func ordered(_ order: OrderView) -> String { zh ? "已下单 · \(order.summaryText)" : "Order placed · \(order.summaryText)" }
    public var orderWhenOnline: String { zh ? "联网后自动下单" : "Order when back online" }
    public func queuedSaved(_ q: QueuedOrder) -> String {
        zh ? "保存于 \(q.queuedText) · \(q.totalText)" : "Saved \(q.queuedText) · \(q.totalText)"
    }
    public func reviewLine(_ l: ReviewLine) -> String { "\(l.qty) × \(l.name)  \(l.lineTotalText)" }
    public var takeBack: String { zh ? "放回购物车" : "Back to cart" }
    public func deliverTo(_ label: String) -> String { zh ? "送至：\(label)" : "Deliver to: \(label)" }
    public var addAddress: String { zh ? "添加收货地址" : "Add a delivery address" }
    public var addresses: String { zh ? "收货地址" : "Delivery addresses" }
    public var hospitalBag: String { zh ? "待产包" : "Hospital bag" }

    public func packedOf(_ n: UInt32, _ total: UInt32) -> String {
        zh ? "已装好 \(n) / \(total) 件" : "Packed \(n) of \(total)"
    }

    public func bagOpensOn(_ date: String) -> String { zh ? "\(date) 开放" : "Opens on \(date)" }
    public var change: String { zh ? "更改" : "Change" }
    public var noAddresses: String { zh ? "还没有收货地址，下单需要一个。" : "No addresses yet. Orders need one." }
    public var newAddress: String { zh ? "新增地址" : "New address" }
    public var defaultAddress: String { zh ? "默认收货地址" : "Orders go here" }
    public var useThisAddress: String { zh ? "设为默认" : "Send orders here" }
    public var edit: String { zh ? "编辑" : "Edit" }
    public var recipient: String { zh ? "收货人" : "Recipient" }
    public var phone: String { zh ? "手机号码" : "Mobile number" }
    public var province: String { zh ? "省份" : "Province" }
    public var city: String { zh ? "城市" : "City" }
    public var district: String { zh ? "区/县" : "District or county" }
    public var streetAndDoor: String { zh ? "详细地址（街道、楼栋、门牌）" : "Street, building and door" }
    public var postalCode: String { zh ? "邮政编码（选填）" : "Postal code (optional)" }
    public var saveAddress: String { zh ? "保存地址" : "Save address" }
    public var reviewInCart: String { zh ? "回购物车确认" : "Review in cart" }

    public func problem(_ p: Problem) -> String {
        describeProblem(problem: p, language: language)
    }
}
