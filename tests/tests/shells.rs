//! The native shells render what the core computes. A date calculation or a
//! money sum written in Kotlin or Swift is a bug, so this fails the build
//! when shell source uses date arithmetic or touches money in minor units.

use std::path::{Path, PathBuf};

/// Shell source: the Android app and library (view models included) and
/// the iOS app and Swift library. Generated bindings and tests are not shell.
const SHELL_DIRS: &[&str] = &[
    "android/app/src/main",
    "android/cradle/src/main/kotlin",
    "ios/App",
    "ios/Sources/Cradle",
];

/// What gives logic away, with why. Matched as plain substrings.
const FORBIDDEN: &[(&str, &str)] = &[
    ("plusDays(", "date arithmetic"),
    ("minusDays(", "date arithmetic"),
    ("plusWeeks(", "date arithmetic"),
    ("minusWeeks(", "date arithmetic"),
    ("plusMonths(", "date arithmetic"),
    ("ChronoUnit", "date arithmetic"),
    ("Period.", "date arithmetic"),
    ("Duration.between", "date arithmetic"),
    ("LocalDate", "date handling"),
    ("Calendar", "date arithmetic"),
    ("DateComponents", "date arithmetic"),
    ("dateComponents(", "date arithmetic"),
    ("byAdding", "date arithmetic"),
    ("addingTimeInterval", "date arithmetic"),
    ("timeIntervalSince", "date arithmetic"),
    (
        "Minor",
        "money in minor units (show the core's *Text fields)",
    ),
    ("BigDecimal", "money arithmetic"),
    ("Decimal(", "money arithmetic"),
    (
        "NumberFormat",
        "money or number formatting belongs in the core",
    ),
    ("/ 7", "days to weeks (the core gives weeks)"),
    ("* 7", "weeks to days (the core gives days)"),
    ("/ 100", "unit or money conversion"),
    ("* 100", "unit or money conversion"),
];

/// Legitimate uses, each with its reason. Keep it short.
const ALLOWED: &[(&str, &[&str], &str)] = &[
    (
        "android/app/src/main/kotlin/org/cradle/app/ui/TodayContent.kt",
        &["/ 100"],
        "the core's whole percent becomes the progress bar's fraction",
    ),
    (
        "ios/Sources/Cradle/Platform/Instants.swift",
        &["timeIntervalSince", "/ 100", "* 100"],
        "the one bridge between the core's epoch milliseconds and Foundation's Date",
    ),
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "Generated") {
                continue;
            }
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "kt" || e == "swift" || e == "kts")
        {
            out.push(path);
        }
    }
}

/// Every forbidden use in `text`, as "line: needle (why)".
fn findings(rel: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
            continue;
        }
        for (needle, why) in FORBIDDEN {
            let allowed = ALLOWED
                .iter()
                .any(|(p, a, _)| *p == rel && a.contains(needle));
            if line.contains(needle) && !allowed {
                found.push(format!("{rel}:{}: `{needle}`: {why}", n + 1));
            }
        }
    }
    found
}

#[test]
fn the_shells_hold_no_date_or_money_arithmetic() {
    let root = repo();
    let mut files = Vec::new();
    for dir in SHELL_DIRS {
        sources(&root.join(dir), &mut files);
    }
    assert!(
        files.len() >= 10,
        "found only {} shell files: did the layout move?",
        files.len()
    );
    let mut all = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        all.extend(findings(&rel, &std::fs::read_to_string(file).unwrap()));
    }
    assert!(
        all.is_empty(),
        "move this logic into cradle-core (or allow-list it with a reason):\n{}",
        all.join("\n")
    );
}

/// The FFI crate only converts: what it must not do, with why.
const FFI_FORBIDDEN: &[(&str, &str)] = &[
    ("strftime", "time formatting belongs in the core"),
    ("to_datetime(", "time-zone conversion belongs in the core"),
    (".sort", "ordering belongs in the core"),
    (".rev()", "ordering belongs in the core"),
    (".truncate(", "slicing belongs in the core"),
    (".take(", "slicing belongs in the core"),
    (".skip(", "slicing belongs in the core"),
    ("[..", "slicing belongs in the core"),
    ("..]", "slicing belongs in the core"),
    ("/ 100", "unit or money conversion"),
    ("* 100", "unit or money conversion"),
    ("/ 1000", "unit conversion"),
];

/// One feature's conversions fit in a file this long.
const FFI_MAX_LINES: usize = 500;

#[test]
fn the_ffi_only_converts() {
    let dir = repo().join("bindings/cradle-ffi/src");
    let mut found = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = text.lines().count();
        if lines > FFI_MAX_LINES {
            found.push(format!(
                "{}: {lines} lines: split it by feature",
                path.display()
            ));
        }
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (needle, why) in FFI_FORBIDDEN {
                if line.contains(needle) {
                    found.push(format!("{}:{}: `{needle}`: {why}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(files >= 1, "no FFI source under {}", dir.display());
    assert!(
        found.is_empty(),
        "move this into cradle-core:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_logic_and_honours_the_allow_list() {
    let kotlin = "val edd = LocalDate.now().plusDays(280)\nval total = line.priceMinor * qty\n// plusDays( in a comment is fine\n";
    let found = findings("android/app/src/main/kotlin/X.kt", kotlin);
    assert_eq!(found.len(), 3, "{found:?}");
    let swift = "let due = Calendar.current.date(byAdding: .day, value: 7, to: now)\n";
    assert_eq!(findings("ios/App/X.swift", swift).len(), 2);
    let bar = "progress = { p.progressPercent.toFloat() / 100f }";
    assert!(findings(ALLOWED[0].0, bar).is_empty());
    assert_eq!(
        findings("android/app/src/main/kotlin/Other.kt", bar).len(),
        1
    );
}
