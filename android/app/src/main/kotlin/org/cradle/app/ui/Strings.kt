package org.cradle.app.ui

import androidx.compose.runtime.staticCompositionLocalOf
import org.cradle.viewmodel.OnboardingViewModel
import org.cradle.viewmodel.Page
import uniffi.cradle.BabyToday
import uniffi.cradle.Every
import uniffi.cradle.Problem
import uniffi.cradle.describeProblem
import uniffi.cradle.purposeName
import uniffi.cradle.records.GlucoseContext
import uniffi.cradle.store.Language
import uniffi.cradle.records.Milk
import uniffi.cradle.store.Purpose
import uniffi.cradle.ReminderStatus
import uniffi.cradle.timeline.When

/**
 * The shell's own words, in both languages. Health and shop content comes
 * from the core already in her language; these are labels around it. They
 * live in Kotlin rather than res/values so the same screens render on the
 * desktop JVM in tests.
 */
data class Strings(
    val today: String,
    val hello: (String?) -> String,
    val gestationalAge: (Long, Long) -> String,
    val dueIn: (String, Long) -> String,
    val progress: String,
    val thisWeek: (Long) -> String,
    val babyAge: (UInt, Long) -> String,
    val correctedAge: (UInt) -> String,
    val next: String,
    val nothingDue: String,
    val healthFlag: String,
    val welcome: String,
    val cart: String,
    val cartEmpty: String,
    val quantity: (UInt) -> String,
    val increase: (String) -> String,
    val decrease: (String) -> String,
    val remove: (String) -> String,
    val removeShort: String,
    val priceChanged: String,
    val unavailable: String,
    val shortOfStock: String,
    val total: (UInt, String) -> String,
    val review: String,
    val confirm: (String) -> String,
    val ordered: (String) -> String,
    val orderWhenOnline: String,
    val queuedSaved: (String, String) -> String,
    val reviewLine: (UInt, String, String) -> String,
    val takeBack: String,
    val reviewInCart: String,
    val deliverTo: (String) -> String,
    val addAddress: String,
    val change: String,
    val noAddresses: String,
    val newAddress: String,
    val defaultAddress: String,
    val useThisAddress: String,
    val edit: String,
    val recipient: String,
    val phone: String,
    val province: String,
    val city: String,
    val district: String,
    val streetAndDoor: String,
    val postalCode: String,
    val saveAddress: String,
    val problem: (Problem) -> String,
    val loading: String,
    val reminders: String,
    val window: (String, String) -> String,
    val status: (ReminderStatus) -> String,
    val done: String,
    val skip: String,
    val snoozeHour: String,
    val welcomeTitle: String,
    val language: String,
    val stageQuestion: String,
    val stage: (OnboardingViewModel.Stage) -> String,
    val datingBy: (OnboardingViewModel.DatingBy) -> String,
    val chooseDate: String,
    val date: (String) -> String,
    val birthWeeks: (UInt) -> String,
    val birthWeight: String,
    val consentIntro: String,
    val purpose: (Purpose) -> String,
    val purposeDetail: (Purpose) -> String,
    val start: String,
    val settings: String,
    val consents: String,
    val quietHours: (String, String) -> String,
    val quietFrom: String,
    val quietUntil: String,
    val account: String,
    val signedInAs: (String) -> String,
    val notSignedIn: String,
    val syncNow: String,
    val signOutEverywhere: String,
    val yourData: String,
    val exportData: String,
    val deleteData: String,
    val deleteWarning: String,
    val delete: String,
    val cancel: String,
    val ok: String,
    val records: String,
    val recent: String,
    val unusual: String,
    val bloodPressure: String,
    val systolic: String,
    val diastolic: String,
    val save: String,
    val kickCounter: String,
    val kicks: (UInt) -> String,
    val fewKicks: String,
    val kickStart: String,
    val kickTap: String,
    val stop: String,
    val contractions: String,
    val contractionsLastHour: (UInt) -> String,
    val timeToCall: String,
    val contractionStarts: String,
    val contractionEnds: String,
    val journeyEmpty: String,
    val seeJourney: String,
    val journeyWhen: (When) -> String,
    val dateRange: (String, String) -> String,
    val sizeOf: (String) -> String,
    val back: String,
    val pageTitle: (Page) -> String,
    val addReminder: String,
    val reminderTitle: String,
    val at: String,
    val repeats: String,
    val every: (Every) -> String,
    val interval: (Every, UShort) -> String,
    val fewer: String,
    val more: String,
    val ends: String,
    val never: String,
    val afterTimes: String,
    val times: (UInt) -> String,
    val onDate: String,
    val nextTimes: String,
    val noMoreTimes: String,
    val prepareVisit: String,
    val printPdf: String,
    val saveFhir: String,
    val questions: String,
    val noQuestions: String,
    val askQuestion: String,
    val addQuestion: String,
    val deleteQuestion: (String) -> String,
    val whatToShare: String,
    val includeName: String,
    val herAge: String,
    val since: (String) -> String,
    val sinceWhen: String,
    val allTime: String,
    val weight: String,
    val kg: String,
    val glucose: String,
    val glucoseMmol: String,
    val glucoseContext: (GlucoseContext) -> String,
    val weightChartTitle: String,
    val weightChart: (Int, String?) -> String,
    val bandSource: (String) -> String,
    val babyToday: (UByte) -> String,
    val babyCounts: (BabyToday) -> String,
    val minutes: String,
    val ml: String,
    val breastLeft: String,
    val breastRight: String,
    val bottle: (Milk) -> String,
    val slept: String,
    val wet: String,
    val dirty: String,
    val shop: String,
    val myOrders: String,
    val cartCount: (UInt) -> String,
    val searchShop: String,
    val suggested: String,
    val noResults: String,
    val noSuggestions: String,
    val catalogMissing: String,
    val updateCatalog: String,
    val availability: (Availability) -> String,
    val notForNow: String,
    val source: (String) -> String,
    val quantityRule: (UInt, UInt, UInt) -> String,
    val addToCart: (UInt) -> String,
    val cannotAdd: String,
    val inCart: (UInt) -> String,
    val traceability: String,
    val batch: String,
    val origin: String,
    val qualityReport: String,
    val coldChain: String,
    val refreshOrders: String,
    val noOrders: String,
    val orderedOn: (String) -> String,
    val lineTrace: (String, String) -> String,
    val tracking: String,
    val returnLine: (String, String, String) -> String,
    val returnKind: String,
    val returnUntil: (String) -> String,
    val shopSaid: (String) -> String,
    val pay: String,
    val cancelOrder: String,
    val cancelUnpaid: String,
    val cancelPaid: String,
    val keepOrder: String,
    val buyAgain: String,
    val backInCart: String,
    val notBackInCart: (List<String>) -> String,
    val requestReturn: String,
    val returnReason: String,
    val returnNote: String,
    val sendReturn: String,
    val seeOrders: String,
    val complain: String,
    val complaintPromise: String,
    val whatHappened: String,
    val sendComplaint: String,
    val complaintLine: (String, String) -> String,
    val hospitalBag: String,
    val packedOf: (UInt, UInt) -> String,
    val bagOpensOn: (String) -> String,
    val unreadableTitle: String,
    val unreadableBody: String,
    val startFresh: String,
    val haveAccount: String,
    val signInTitle: String,
    val signInIntro: String,
    val server: String,
    val login: String,
    val password: String,
    val recoveryCode: String,
    val signIn: String,
) {
    companion object {
        fun of(language: Language): Strings = if (language == Language.ZH_HANS) ZH_HANS else EN

        val EN = Strings(
            today = "Today",
            hello = { name -> if (name != null) "Hello, $name" else "Hello" },
            gestationalAge = { w, d -> "$w weeks $d days" },
            dueIn = { edd, days -> if (days >= 0) "Due $edd · $days days to go" else "Due $edd · ${-days} days past" },
            progress = "Pregnancy progress",
            thisWeek = { w -> "Week $w" },
            babyAge = { months, days -> "$months months ($days days old)" },
            correctedAge = { months -> "Corrected age: $months months" },
            next = "Next",
            nothingDue = "Nothing due in the next weeks",
            healthFlag = "Health note",
            welcome = "Welcome to Cradle. Set up your profile to begin.",
            cart = "Cart",
            cartEmpty = "Your cart is empty",
            quantity = { q -> "Quantity $q" },
            increase = { name -> "One more $name" },
            decrease = { name -> "One less $name" },
            remove = { name -> "Remove $name" },
            removeShort = "Remove",
            priceChanged = "Price changed",
            unavailable = "No longer available",
            shortOfStock = "Not enough in stock",
            total = { items, total -> if (items == 1u) "1 item · $total" else "$items items · $total" },
            review = "Review order",
            confirm = { total -> "Place order · $total" },
            ordered = { summary -> "Order placed · $summary" },
            orderWhenOnline = "Order when back online",
            queuedSaved = { at, total -> "Saved $at · $total" },
            reviewLine = { qty, name, total -> "$qty × $name  $total" },
            takeBack = "Back to cart",
            reviewInCart = "Review in cart",
            deliverTo = { label -> "Deliver to: $label" },
            addAddress = "Add a delivery address",
            change = "Change",
            noAddresses = "No addresses yet. Orders need one.",
            newAddress = "New address",
            defaultAddress = "Orders go here",
            useThisAddress = "Send orders here",
            edit = "Edit",
            recipient = "Recipient",
            phone = "Mobile number",
            province = "Province",
            city = "City",
            district = "District or county",
            streetAndDoor = "Street, building and door",
            postalCode = "Postal code (optional)",
            saveAddress = "Save address",
            problem = { p -> describeProblem(p, Language.EN) },
            loading = "Loading…",
            reminders = "Reminders",
            window = { a, b -> "Between $a and $b" },
            status = { st ->
                when (st) {
                    ReminderStatus.PENDING -> "To do"
                    ReminderStatus.DONE -> "Done"
                    ReminderStatus.SKIPPED -> "Skipped"
                    ReminderStatus.SNOOZED -> "Snoozed"
                }
            },
            done = "Done",
            skip = "Skip",
            snoozeHour = "In 1 hour",
            welcomeTitle = "Welcome to Cradle",
            language = "Language",
            stageQuestion = "Where are you now?",
            stage = { st ->
                when (st) {
                    OnboardingViewModel.Stage.TRYING -> "Trying to conceive"
                    OnboardingViewModel.Stage.PREGNANT -> "Pregnant"
                    OnboardingViewModel.Stage.BABY -> "My baby is born"
                }
            },
            datingBy = { by ->
                when (by) {
                    OnboardingViewModel.DatingBy.LMP -> "First day of my last period"
                    OnboardingViewModel.DatingBy.EDD -> "My due date"
                }
            },
            chooseDate = "Choose a date",
            date = { d -> "Date: $d" },
            birthWeeks = { w -> "Born at $w weeks" },
            birthWeight = "Birth weight (g), if you know it",
            consentIntro = "Each of these is your choice, and you can change it any time in Settings.",
            purpose = { p -> purposeName(p, Language.EN) },
            purposeDetail = { p ->
                when (p) {
                    Purpose.SYNC -> "Your records are encrypted on this phone before upload; the server cannot read them."
                    Purpose.SHOP -> "Your name, address and order go to the shop so it can deliver."
                    Purpose.NOTIFICATIONS -> "Checkups and vaccines on the lock screen, never with health values."
                }
            },
            start = "Start",
            settings = "Settings",
            consents = "Consents",
            quietHours = { a, b -> "Quiet hours $a–$b" },
            quietFrom = "Quiet from",
            quietUntil = "Quiet until",
            account = "Account and sync",
            signedInAs = { login -> "Signed in as $login" },
            notSignedIn = "Not signed in: everything stays on this device",
            syncNow = "Sync now",
            signOutEverywhere = "Sign out on all devices",
            yourData = "Your data",
            exportData = "Export my data",
            deleteData = "Delete all my data",
            deleteWarning = "This deletes everything on this device and cannot be undone.",
            delete = "Delete",
            cancel = "Cancel",
            ok = "OK",
            records = "Records",
            recent = "Recent readings",
            unusual = "unusual, please check",
            bloodPressure = "Blood pressure",
            systolic = "Systolic (upper)",
            diastolic = "Diastolic (lower)",
            save = "Save",
            kickCounter = "Kick counter",
            kicks = { n -> if (n == 1u) "1 movement" else "$n movements" },
            fewKicks = "Fewer movements than expected: contact your hospital now.",
            kickStart = "Start counting",
            kickTap = "Baby moved",
            stop = "Stop",
            contractions = "Contraction timer",
            contractionsLastHour = { n -> "$n in the last hour" },
            timeToCall = "Time to call your hospital.",
            contractionStarts = "Contraction starts now",
            contractionEnds = "Contraction ended",
            journeyEmpty = "Your journey appears here week by week once your pregnancy or your baby's birth is recorded.",
            seeJourney = "See every week",
            journeyWhen = { w ->
                when (w) {
                    When.PAST -> "Behind you"
                    When.NOW -> "Now"
                    When.AHEAD -> "Ahead"
                }
            },
            dateRange = { a, b -> "$a – $b" },
            sizeOf = { thing -> "About the size of $thing" },
            back = "Back",
            pageTitle = { p ->
                when (p) {
                    Page.Journey -> "Journey"
                    Page.AddReminder -> "New reminder"
                    Page.Clinic -> "Clinic visit"
                    Page.Cart -> "Cart"
                    Page.Orders -> "My orders"
                    Page.Addresses -> "Delivery addresses"
                    Page.Bag -> "Hospital bag"
                    is Page.Product -> "Product"
                }
            },
            addReminder = "Add a reminder",
            reminderTitle = "What to remind you of",
            at = "At",
            repeats = "Repeats",
            every = { e ->
                when (e) {
                    Every.DAY -> "Daily"
                    Every.WEEK -> "Weekly"
                    Every.MONTH -> "Monthly"
                    Every.YEAR -> "Yearly"
                }
            },
            interval = { e, n ->
                val unit = when (e) {
                    Every.DAY -> "day"
                    Every.WEEK -> "week"
                    Every.MONTH -> "month"
                    Every.YEAR -> "year"
                }
                if (n == 1.toUShort()) "Every $unit" else "Every $n ${unit}s"
            },
            fewer = "Fewer",
            more = "More",
            ends = "Ends",
            never = "Never",
            afterTimes = "After a number of times",
            times = { n -> if (n == 1u) "Once" else "$n times" },
            onDate = "On a date",
            nextTimes = "Next reminders:",
            noMoreTimes = "No more times to remind you.",
            prepareVisit = "Prepare my clinic visit",
            printPdf = "Print or save as PDF",
            saveFhir = "Save for the clinic's system (FHIR)",
            questions = "My questions for the visit",
            noQuestions = "Write down what you want to ask, so nothing is forgotten.",
            askQuestion = "A question to ask",
            addQuestion = "Add question",
            deleteQuestion = { q -> "Delete question: $q" },
            whatToShare = "What to share",
            includeName = "Include my name",
            herAge = "My age, for page 1 (not saved)",
            since = { d -> "Since $d" },
            sinceWhen = "Since a date…",
            allTime = "Everything",
            weight = "Weight",
            kg = "kg",
            glucose = "Blood glucose",
            glucoseMmol = "mmol/L",
            glucoseContext = { c ->
                when (c) {
                    GlucoseContext.FASTING -> "Fasting"
                    GlucoseContext.ONE_HOUR -> "1 h after a meal"
                    GlucoseContext.TWO_HOURS -> "2 h after a meal"
                    GlucoseContext.RANDOM -> "Any time"
                }
            },
            weightChartTitle = "Weight by week",
            weightChart = { n, band -> "Weight chart: $n days recorded" + (band?.let { ". $it" } ?: "") },
            bandSource = { src -> "Shaded: the recommended range ($src)" },
            babyToday = { n -> if (n == 1.toUByte()) "Baby today" else "Baby $n today" },
            babyCounts = { d ->
                "Feeds ${d.feeds}" + (d.lastFeedLocal?.let { " (last $it)" } ?: "") +
                    " · wet ${d.wet} · dirty ${d.dirty} · sleep ${d.sleepMinutes} min"
            },
            minutes = "Minutes",
            ml = "ml",
            breastLeft = "Breast, left",
            breastRight = "Breast, right",
            bottle = { m -> if (m == Milk.BREAST) "Bottle, breast milk" else "Bottle, formula" },
            slept = "Slept",
            wet = "Wet nappy",
            dirty = "Dirty nappy",
            shop = "Shop",
            myOrders = "My orders",
            cartCount = { n -> if (n == 0u) "Cart, empty" else if (n == 1u) "Cart, 1 item" else "Cart, $n items" },
            searchShop = "Search products",
            suggested = "Suggested for you now",
            noResults = "Nothing matches that search",
            noSuggestions = "No suggestions for this stage yet. Try searching.",
            catalogMissing = "The catalogue downloads the first time you are online; after that the shop works offline.",
            updateCatalog = "Download the catalogue",
            availability = { a ->
                when (a) {
                    Availability.OutOfStock -> "Out of stock"
                    Availability.Discontinued -> "No longer sold"
                }
            },
            notForNow = "Not meant for your current stage",
            source = { src -> "Source: $src" },
            quantityRule = { min, max, step -> if (step > 1u) "Buy $min to $max, in steps of $step" else "Buy $min to $max" },
            addToCart = { n -> "Add $n to cart" },
            cannotAdd = "Cannot add more",
            inCart = { n -> "$n in your cart" },
            traceability = "Where it comes from",
            batch = "Batch",
            origin = "Origin",
            qualityReport = "Quality report",
            coldChain = "Shipped cold (cold chain)",
            refreshOrders = "Check for updates",
            noOrders = "No orders yet",
            orderedOn = { t -> "Ordered $t" },
            lineTrace = { batch, origin -> "Batch $batch · $origin" },
            tracking = "Tracking",
            returnLine = { kind, reason, status -> "$kind ($reason): $status" },
            returnKind = "What would you like?",
            returnUntil = { t -> "No-reason return until $t" },
            shopSaid = { why -> "The shop said: “$why”" },
            pay = "Pay",
            cancelOrder = "Cancel order",
            cancelUnpaid = "Cancel this order? Nothing has been paid.",
            cancelPaid = "Cancel this order? The payment is refunded in full.",
            keepOrder = "Keep it",
            buyAgain = "Buy again",
            backInCart = "Back in your cart",
            notBackInCart = { names -> "Back in your cart, except: ${names.joinToString(", ")}" },
            requestReturn = "Return items",
            returnReason = "Why?",
            returnNote = "Note (optional)",
            sendReturn = "Send request",
            seeOrders = "See my orders",
            complain = "Make a complaint",
            complaintPromise = "The shop replies within 48 hours and resolves it within 72 hours.",
            whatHappened = "What happened?",
            sendComplaint = "Send complaint",
            complaintLine = { topic, status -> "Complaint ($topic): $status" },
            hospitalBag = "Hospital bag",
            packedOf = { n, total -> "Packed $n of $total" },
            bagOpensOn = { date -> "Opens on $date" },
            unreadableTitle = "This phone can't open your old data",
            unreadableBody = "Your records were locked with a key that stayed on your old phone. Start fresh here, then choose to sign in: what you synced comes back. Anything not synced stays on the old phone.",
            startFresh = "Start fresh on this phone",
            haveAccount = "I already use Cradle: sign in",
            signInTitle = "Sign in on this phone",
            signInIntro = "What you synced comes back to this phone. You need the recovery code you kept when you made your account.",
            server = "Your Cradle server",
            login = "Account name",
            password = "Password",
            recoveryCode = "Recovery code",
            signIn = "Sign in and bring back my data",
        )

        val ZH_HANS = Strings(
            today = "今天",
            hello = { name -> if (name != null) "${name}，你好" else "你好" },
            gestationalAge = { w, d -> "孕 $w 周 $d 天" },
            dueIn = { edd, days -> if (days >= 0) "预产期 $edd · 还有 $days 天" else "预产期 $edd · 已过 ${-days} 天" },
            progress = "孕期进度",
            thisWeek = { w -> "第 $w 周" },
            babyAge = { months, days -> "$months 个月（出生第 $days 天）" },
            correctedAge = { months -> "矫正月龄：$months 个月" },
            next = "下一项",
            nothingDue = "近期没有待办",
            healthFlag = "健康提示",
            welcome = "欢迎使用 Cradle，先设置你的资料吧。",
            cart = "购物车",
            cartEmpty = "购物车是空的",
            quantity = { q -> "数量 $q" },
            increase = { name -> "$name 加一" },
            decrease = { name -> "$name 减一" },
            remove = { name -> "删除 $name" },
            removeShort = "删除",
            priceChanged = "价格有变动",
            unavailable = "已下架",
            shortOfStock = "库存不足",
            total = { items, total -> "共 $items 件 · $total" },
            review = "核对订单",
            confirm = { total -> "提交订单 · $total" },
            ordered = { summary -> "已下单 · $summary" },
            orderWhenOnline = "联网后自动下单",
            queuedSaved = { at, total -> "保存于 $at · $total" },
            reviewLine = { qty, name, total -> "$qty × $name  $total" },
            takeBack = "放回购物车",
            reviewInCart = "回购物车确认",
            deliverTo = { label -> "送至：$label" },
            addAddress = "添加收货地址",
            change = "更改",
            noAddresses = "还没有收货地址，下单需要一个。",
            newAddress = "新增地址",
            defaultAddress = "默认收货地址",
            useThisAddress = "设为默认",
            edit = "编辑",
            recipient = "收货人",
            phone = "手机号码",
            province = "省份",
            city = "城市",
            district = "区/县",
            streetAndDoor = "详细地址（街道、楼栋、门牌）",
            postalCode = "邮政编码（选填）",
            saveAddress = "保存地址",
            problem = { p -> describeProblem(p, Language.ZH_HANS) },
            loading = "加载中…",
            reminders = "提醒",
            window = { a, b -> "$a 至 $b" },
            status = { st ->
                when (st) {
                    ReminderStatus.PENDING -> "待完成"
                    ReminderStatus.DONE -> "已完成"
                    ReminderStatus.SKIPPED -> "已跳过"
                    ReminderStatus.SNOOZED -> "稍后提醒"
                }
            },
            done = "完成",
            skip = "跳过",
            snoozeHour = "1 小时后",
            welcomeTitle = "欢迎使用 Cradle",
            language = "语言",
            stageQuestion = "你现在处于哪个阶段？",
            stage = { st ->
                when (st) {
                    OnboardingViewModel.Stage.TRYING -> "备孕中"
                    OnboardingViewModel.Stage.PREGNANT -> "已怀孕"
                    OnboardingViewModel.Stage.BABY -> "宝宝已出生"
                }
            },
            datingBy = { by ->
                when (by) {
                    OnboardingViewModel.DatingBy.LMP -> "末次月经第一天"
                    OnboardingViewModel.DatingBy.EDD -> "预产期"
                }
            },
            chooseDate = "选择日期",
            date = { d -> "日期：$d" },
            birthWeeks = { w -> "出生时孕 $w 周" },
            birthWeight = "出生体重（克），知道的话请填写",
            consentIntro = "以下每一项都由你决定，之后可随时在设置中更改或撤回。",
            purpose = { p -> purposeName(p, Language.ZH_HANS) },
            purposeDetail = { p ->
                when (p) {
                    Purpose.SYNC -> "记录在手机上加密后才上传，服务器无法读取。"
                    Purpose.SHOP -> "姓名、地址和订单信息提供给商城用于配送。"
                    Purpose.NOTIFICATIONS -> "在锁屏显示产检和疫苗提醒，不含任何健康数值。"
                }
            },
            start = "开始使用",
            settings = "设置",
            consents = "授权管理",
            quietHours = { a, b -> "免打扰 $a–$b" },
            quietFrom = "免打扰开始",
            quietUntil = "免打扰结束",
            account = "账号与同步",
            signedInAs = { login -> "已登录：$login" },
            notSignedIn = "未登录：所有数据仅保存在本机",
            syncNow = "立即同步",
            signOutEverywhere = "退出所有设备",
            yourData = "我的数据",
            exportData = "导出我的数据",
            deleteData = "删除我的全部数据",
            deleteWarning = "这将删除本机上的全部数据，且无法恢复。",
            delete = "删除",
            cancel = "取消",
            ok = "确定",
            records = "记录",
            recent = "最近的测量",
            unusual = "数值少见，请核对",
            bloodPressure = "血压",
            systolic = "收缩压（高压）",
            diastolic = "舒张压（低压）",
            save = "保存",
            kickCounter = "数胎动",
            kicks = { n -> "$n 次胎动" },
            fewKicks = "胎动少于正常：请立即联系医院。",
            kickStart = "开始计数",
            kickTap = "宝宝动了",
            stop = "结束",
            contractions = "宫缩计时",
            contractionsLastHour = { n -> "过去 1 小时 $n 次" },
            timeToCall = "该联系医院了。",
            contractionStarts = "宫缩开始了",
            contractionEnds = "宫缩结束了",
            journeyEmpty = "记录孕期或宝宝出生后，这里会按周或按月陪伴你。",
            seeJourney = "查看每一周",
            journeyWhen = { w ->
                when (w) {
                    When.PAST -> "已走过"
                    When.NOW -> "当前"
                    When.AHEAD -> "即将到来"
                }
            },
            dateRange = { a, b -> "$a 至 $b" },
            sizeOf = { thing -> "大约有${thing}那么大" },
            back = "返回",
            pageTitle = { p ->
                when (p) {
                    Page.Journey -> "孕育旅程"
                    Page.AddReminder -> "新建提醒"
                    Page.Clinic -> "产检就诊"
                    Page.Cart -> "购物车"
                    Page.Orders -> "我的订单"
                    Page.Addresses -> "收货地址"
                    Page.Bag -> "待产包"
                    is Page.Product -> "商品详情"
                }
            },
            addReminder = "添加提醒",
            reminderTitle = "提醒内容",
            at = "时间",
            repeats = "重复",
            every = { e ->
                when (e) {
                    Every.DAY -> "按天"
                    Every.WEEK -> "按周"
                    Every.MONTH -> "按月"
                    Every.YEAR -> "按年"
                }
            },
            interval = { e, n ->
                when (e) {
                    Every.DAY -> "每 $n 天"
                    Every.WEEK -> "每 $n 周"
                    Every.MONTH -> "每 $n 个月"
                    Every.YEAR -> "每 $n 年"
                }
            },
            fewer = "减少",
            more = "增加",
            ends = "结束",
            never = "永不结束",
            afterTimes = "重复一定次数后",
            times = { n -> "共 $n 次" },
            onDate = "到某一天",
            nextTimes = "接下来的提醒：",
            noMoreTimes = "之后不再提醒。",
            prepareVisit = "准备产检就诊",
            printPdf = "打印或存为 PDF",
            saveFhir = "导出给医院系统（FHIR）",
            questions = "就诊时想问的问题",
            noQuestions = "把想问医生的问题记下来，就诊时不会忘。",
            askQuestion = "想问的问题",
            addQuestion = "添加问题",
            deleteQuestion = { q -> "删除问题：$q" },
            whatToShare = "分享哪些内容",
            includeName = "包含我的姓名",
            herAge = "我的年龄（显示在第1页，不保存）",
            since = { d -> "自 $d 起" },
            sinceWhen = "从某一天起…",
            allTime = "全部",
            weight = "体重",
            kg = "公斤",
            glucose = "血糖",
            glucoseMmol = "mmol/L",
            glucoseContext = { c ->
                when (c) {
                    GlucoseContext.FASTING -> "空腹"
                    GlucoseContext.ONE_HOUR -> "餐后 1 小时"
                    GlucoseContext.TWO_HOURS -> "餐后 2 小时"
                    GlucoseContext.RANDOM -> "随机"
                }
            },
            weightChartTitle = "孕期体重",
            weightChart = { n, band -> "体重图：已记录 $n 天" + (band?.let { "。$it" } ?: "") },
            bandSource = { src -> "阴影为推荐范围（$src）" },
            babyToday = { n -> if (n == 1.toUByte()) "宝宝今天" else "宝宝 $n 今天" },
            babyCounts = { d ->
                "喂奶 ${d.feeds} 次" + (d.lastFeedLocal?.let { "（最近 $it）" } ?: "") +
                    " · 湿尿布 ${d.wet} · 便便 ${d.dirty} · 睡眠 ${d.sleepMinutes} 分钟"
            },
            minutes = "分钟",
            ml = "毫升",
            breastLeft = "亲喂（左）",
            breastRight = "亲喂（右）",
            bottle = { m -> if (m == Milk.BREAST) "瓶喂母乳" else "瓶喂配方奶" },
            slept = "睡了",
            wet = "湿尿布",
            dirty = "便便",
            shop = "商城",
            myOrders = "我的订单",
            cartCount = { n -> if (n == 0u) "购物车，空" else "购物车，${n}件" },
            searchShop = "搜索商品",
            suggested = "当前阶段为你推荐",
            noResults = "没有找到相关商品",
            noSuggestions = "这个阶段暂无推荐，试试搜索。",
            catalogMissing = "联网后会下载商品目录，之后离线也能逛。",
            updateCatalog = "下载商品目录",
            availability = { a ->
                when (a) {
                    Availability.OutOfStock -> "已售罄"
                    Availability.Discontinued -> "已停售"
                }
            },
            notForNow = "不适合你当前的阶段",
            source = { src -> "依据：$src" },
            quantityRule = { min, max, step -> if (step > 1u) "可购${min}至${max}件，每次增减${step}件" else "可购${min}至${max}件" },
            addToCart = { n -> "加入购物车（${n}件）" },
            cannotAdd = "无法再添加",
            inCart = { n -> "购物车中已有${n}件" },
            traceability = "商品溯源",
            batch = "批次",
            origin = "产地",
            qualityReport = "质检报告",
            coldChain = "全程冷链配送",
            refreshOrders = "查看最新状态",
            noOrders = "还没有订单",
            orderedOn = { t -> "下单时间 $t" },
            lineTrace = { batch, origin -> "批次 $batch · $origin" },
            tracking = "物流进度",
            returnLine = { kind, reason, status -> "$kind（$reason）：$status" },
            returnKind = "申请类型",
            returnUntil = { t -> "无理由退货截止 $t" },
            shopSaid = { why -> "商家说明：$why" },
            pay = "付款",
            cancelOrder = "取消订单",
            cancelUnpaid = "确定取消这个订单吗？尚未付款。",
            cancelPaid = "确定取消这个订单吗？已付款项将全额退回。",
            keepOrder = "不取消",
            buyAgain = "再次购买",
            backInCart = "已加回购物车",
            notBackInCart = { names -> "已加回购物车，以下商品除外：${names.joinToString("、")}" },
            requestReturn = "申请退货",
            returnReason = "退货原因",
            returnNote = "备注（选填）",
            sendReturn = "提交申请",
            seeOrders = "查看我的订单",
            complain = "投诉",
            complaintPromise = "商家会在48小时内回复，72小时内解决。",
            whatHappened = "发生了什么？",
            sendComplaint = "提交投诉",
            complaintLine = { topic, status -> "投诉（$topic）：$status" },
            hospitalBag = "待产包",
            packedOf = { n, total -> "已装好 $n / $total 件" },
            bagOpensOn = { date -> "$date 开放" },
            unreadableTitle = "这部手机无法打开旧数据",
            unreadableBody = "你的记录用一把留在旧手机上的密钥加密。在这里重新开始后选择登录，已同步的内容就会回来；未同步的内容仍在旧手机上。",
            startFresh = "在这部手机上重新开始",
            haveAccount = "我已在用 Cradle：登录",
            signInTitle = "在这部手机上登录",
            signInIntro = "已同步的内容会回到这部手机。需要你注册时保存的恢复码。",
            server = "你的 Cradle 服务器",
            login = "账号名",
            password = "密码",
            recoveryCode = "恢复码",
            signIn = "登录并取回我的数据",
        )
    }
}

val LocalStrings = staticCompositionLocalOf { Strings.EN }
