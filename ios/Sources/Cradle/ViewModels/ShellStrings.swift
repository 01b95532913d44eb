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

    public func ordered(_ order: OrderView) -> String { zh ? "已下单：\(order.id)" : "Order placed: \(order.id)" }

    public func sync(_ s: SyncState) -> String {
        switch s {
        case .signedOut: return zh ? "仅保存在本机" : "On this device only"
        case .waiting(let pending, _): return zh ? "\(pending) 项更改等待同步" : "\(pending) changes waiting to sync"
        case .offline(let pending): return zh ? "离线 · \(pending) 项更改稍后同步" : "Offline · \(pending) changes will sync later"
        case .syncing: return zh ? "正在同步…" : "Syncing…"
        case .upToDate: return zh ? "已同步" : "Synced"
        case .signInRequired: return zh ? "请重新登录以同步" : "Sign in again to sync"
        case .error(_, let pending, _): return zh ? "同步暂停 · 已保留 \(pending) 项更改" : "Sync paused · \(pending) changes kept"
        }
    }

    public func problem(_ p: Problem) -> String {
        switch p.kind {
        case .invalidInput: return zh ? "请检查 \(p.field ?? "")：\(p.detail ?? "")" : "Please check \(p.field ?? ""): \(p.detail ?? "")"
        case .notFound: return zh ? "未找到：\(p.detail ?? "")" : "Not found: \(p.detail ?? "")"
        case .storage: return zh ? "无法读取本机数据" : "Could not read your data on this device"
        case .network: return zh ? "网络未连接，更改已保留。" : "No connection. Your changes are kept."
        case .server: return zh ? "服务繁忙，请稍后再试。" : "The service is busy. Try again shortly."
        case .wrongKey: return zh ? "此设备无法解锁你的数据" : "This device cannot unlock your data"
        case .signInRequired: return zh ? "请先登录" : "Sign in to continue"
        }
    }
}
