//! Words the user sees, over every shipped text: product copy, content,
//! advice and the shells' strings.
//!
//! - China's Advertising Law (广告法, Art. 17) forbids product copy that
//!   claims to prevent or treat disease: 预防, 治疗, 治愈 and their English
//!   equivalents.
//! - Cradle addresses a mother (孕妈), never a patient (患者, 病人), and
//!   calls her 你, never 您.
//! - A source is a guideline, never a file of this repository.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shipped text files: their string literals are what the user reads.
const SOURCES: &[&str] = &[
    "server/src/catalog/demo.rs",
    "features/records/src/insights.rs",
    "features/shop/src/lib.rs",
    "features/records/src/clinic/html.rs",
    "cli/src/output/mod.rs",
    "cli/src/output/shop.rs",
    "features/shop/src/words.rs",
    "features/shop/src/status.rs",
    "features/records/src/words.rs",
    "features/sync/src/words.rs",
    "features/timeline/src/words.rs",
    "features/reminders/src/words.rs",
    "core/src/words.rs",
    "store/src/refusal.rs",
    "android/app/src/main/kotlin/org/cradle/app/ui/Strings.kt",
    "ios/Sources/Cradle/ViewModels/ShellStrings.swift",
];

/// Double-quoted literals outside line comments. Good enough for these
/// files, which hold no raw strings or quotes inside comments that matter.
fn literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with("///") || code.starts_with("*") {
            continue;
        }
        let mut chars = code.chars();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '"') => current = Some(String::new()),
                (Some(s), '\\') => {
                    s.push('\\');
                    s.extend(chars.next());
                }
                (Some(_), '"') => out.extend(current.take()),
                (Some(s), c) => s.push(c),
                (None, '/') if chars.clone().next() == Some('/') => break,
                (None, _) => {}
            }
        }
    }
    out
}

fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| json_strings(x, out)),
        _ => {}
    }
}

/// Every shipped text, with where it came from.
fn shipped() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for file in SOURCES {
        let text =
            std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let found = literals(&text);
        assert!(found.len() > 10, "{file} read as {} literals", found.len());
        all.extend(found.into_iter().map(|s| (file.to_string(), s)));
    }
    // Each feature crate's content.
    let mut dirs = Vec::new();
    for feature in std::fs::read_dir(repo().join("features")).unwrap() {
        let dir = feature.unwrap().path().join("content");
        if dir.is_dir() {
            dirs.push(dir);
        }
    }
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 9, "{files:?}");
    for path in files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        json_strings(&v, &mut found);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        all.extend(found.into_iter().map(|s| (name.clone(), s)));
    }
    all
}

/// 异常 reads as a diagnosis for a value that is only unusual.
const CHINESE: [&str; 7] = ["预防", "治疗", "治愈", "患者", "病人", "您", "异常"];
/// English stems: "treatment", "prevents", "cured", "patients".
const ENGLISH: [&str; 4] = ["prevent", "treat", "cure", "patient"];

fn offences(text: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = CHINESE.into_iter().filter(|w| text.contains(w)).collect();
    let lower = text.to_lowercase();
    for word in lower.split(|c: char| !c.is_alphabetic()) {
        found.extend(ENGLISH.into_iter().filter(|stem| word.starts_with(stem)));
    }
    // A repository path in product text: a source must be a guideline.
    if text.contains("shared/") || text.contains("domain-facts") {
        found.push("a repository path");
    }
    found
}

#[test]
fn no_shipped_text_claims_to_prevent_or_treat_or_calls_her_a_patient() {
    let all = shipped();
    assert!(all.len() > 2_000, "read {} texts", all.len());
    let bad: Vec<String> = all
        .iter()
        .filter_map(|(file, text)| {
            let o = offences(text);
            (!o.is_empty()).then(|| format!("{file}: {o:?} in {text:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_checker_finds_what_it_forbids() {
    // The demo catalogue's old iron copy, and English equivalents.
    for text in [
        "孕中晚期补铁，预防贫血。",
        "请您确认",
        "Helps prevent stretch marks",
        "A treatment for nausea",
        "Cures colic",
        "For the patient",
        "see shared/domain-facts.md",
    ] {
        assert!(!offences(text).is_empty(), "{text}");
    }
    assert!(offences("Iron for the second and third trimesters.").is_empty());
    assert_eq!(
        literals(r#"let x = "a \"b\" c"; // "not this""#),
        [r#"a \"b\" c"#]
    );
}
