//! The `cradle` CLI's shop against a real server: every line in her
//! language, and `--json` as the core's own view types.

use cradle_tests::{PASSWORD, Server, binary};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

fn run(db: &Path, args: &[&str]) -> String {
    let out = Command::new(binary("cradle"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("CRADLE_PASSWORD", PASSWORD)
        .env("LANG", "zh_CN.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cradle {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(db, &[&["--json"][..], args].concat())).unwrap()
}

#[test]
fn her_chinese_shop_holds_no_english_words() {
    let server = Server::start_with(&["--sandbox"]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("phone.db");
    // 28 weeks and more in any zone: the hospital bag is open.
    let today = jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    let lmp = today
        .checked_sub(jiff::Span::new().days(200))
        .unwrap()
        .to_string();
    run(
        &db,
        &[
            "profile",
            "set",
            "--name",
            "小雨",
            "--locale",
            "zh-CN",
            "--time-zone",
            "Asia/Shanghai",
        ],
    );
    run(&db, &["pregnancy", "set", "--lmp", &lmp]);
    for purpose in ["sync", "shop"] {
        run(&db, &["consent", "grant", purpose]);
    }
    run(
        &db,
        &[
            "account",
            "register",
            "--server",
            &server.url,
            "--login",
            "xiaoyu",
        ],
    );
    run(&db, &["shop", "update"]);

    let found = json(&db, &["shop", "search", "产妇卫生巾", "--limit", "1"]);
    let sku = found[0]["sku"].as_str().expect("a product").to_owned();
    let cart = json(&db, &["cart", "add", &sku, "--qty", "2"]);
    assert_eq!(cart["lines"][0]["sku"], sku.as_str(), "{cart}");
    assert_eq!(cart["item_count"], 2, "{cart}");
    assert!(cart["total_text"].as_str().unwrap().starts_with('¥'));

    let mut said = vec![
        run(&db, &["shop", "suggest", "--limit", "3"]),
        run(&db, &["shop", "search", "不存在的商品名"]),
        run(&db, &["shop", "show", &sku]),
        run(&db, &["cart", "show"]),
        run(
            &db,
            &[
                "address",
                "add",
                "--name",
                "小雨",
                "--phone",
                "13800138000",
                "--province",
                "上海市",
                "--city",
                "上海市",
                "--district",
                "浦东新区",
                "--detail",
                "世纪大道 100 号 2 号楼 301",
            ],
        ),
        run(&db, &["bag"]),
        run(&db, &["checkout"]),
        run(&db, &["checkout", "--confirm"]),
        run(&db, &["orders", "list"]),
        run(&db, &["cart", "show"]),
    ];
    // Commands to type, SKUs and ids are not words.
    for text in &mut said {
        *text = text
            .lines()
            .map(|l| {
                l.split("  ")
                    .filter(|part| {
                        !part.contains("cradle ")
                            && !part
                                .trim()
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-_()".contains(c))
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let all = said.join("\n");
    for english in [
        "Total", "Deliver", "Order", "batch", "Batch", "Buy ", "Packed", "Nothing", "empty",
        "item", "default", "report", "No ", "Run ",
    ] {
        assert!(!all.contains(english), "`{english}` in:\n{all}");
    }
    for chinese in [
        "合计：",
        "收货地址：",
        "订单 ",
        "批次 ",
        "共 2 件",
        "已装好 0 /",
        "购物车是空的。",
    ] {
        assert!(all.contains(chinese), "`{chinese}` missing in:\n{all}");
    }

    let orders = json(&db, &["orders", "list"]);
    assert_eq!(orders.as_array().unwrap().len(), 1, "one order: {orders}");
    assert_eq!(orders[0]["status"], "pending_payment", "{orders}");
    assert_eq!(orders[0]["status_text"], "待付款", "{orders}");
}
