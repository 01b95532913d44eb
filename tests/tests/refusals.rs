//! Every refusal the core can give reaches her in her language.
//!
//! The core's checks name a field by its key and the rule in English
//! (`Error::invalid("qty", "must be at most 99")`). This reads every such
//! check in the shipped Rust sources and fails if the catalogue
//! (`cradle_core::words::REFUSALS`) cannot word its field or its rule in
//! Chinese, so a new check cannot show `请检查 qty：must be at most 99`.

use cradle_core::error::{Problem, ProblemKind};
use cradle_core::profile::Language;
use cradle_core::words::{REFUSALS, problem};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("tests") && !path.ends_with("benches") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The shipped code of a file: its test module cut off.
fn shipped(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// A string literal at the start of `s` (after blanks and an optional
/// `format!(`), with `{name}` placeholders written `{}`.
fn literal(s: &str) -> Option<String> {
    let s = s.trim_start();
    let s = s.strip_prefix("format!(").map_or(s, str::trim_start);
    let body = s.strip_prefix('"')?;
    let end = body.find('"')?;
    let mut out = String::new();
    let mut rest = &body[..end];
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}')?;
        out.push_str("{}");
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The checks' fields and rules: `(file, field key or None, rule or None)`.
/// A helper taking the field as a parameter shows up as its callers' keys.
fn checks() -> Vec<(String, Option<String>, Option<String>)> {
    let mut files = Vec::new();
    for dir in [
        "core/src",
        "features",
        "store/src",
        "protocol/src",
        "cli/src",
    ] {
        rust_files(&repo().join(dir), &mut files);
    }
    let callers = [
        "invalid(",
        "parse_date(",
        "parse_instant(",
        "parse_time(",
        "check(",
        "check_opt(",
        "text(",
        "opt_text(",
        "Err((",
    ];
    let mut found = Vec::new();
    for path in files {
        let code = shipped(&path);
        let name = path.strip_prefix(repo()).unwrap().display().to_string();
        for caller in callers {
            for (at, _) in code.match_indices(caller) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let args = &code[at + caller.len()..];
                let field = literal(args).filter(|f| is_key(f));
                // `text(…)` words a sentence elsewhere; only its field is a check's.
                let rule = args
                    .find(',')
                    .filter(|_| !caller.ends_with("text("))
                    .and_then(|comma| literal(&args[comma + 1..]));
                // A helper's first argument is always a key; without one it
                // is another function of that name.
                let helper = !matches!(caller, "invalid(" | "Err((");
                if field.is_some() || (rule.is_some() && !helper) {
                    found.push((name.clone(), field, rule));
                }
            }
        }
        // The CLI's own refusals, `CradleError::InvalidInput { field: "…", reason: "…" }`.
        if !name.starts_with("cli/") {
            continue;
        }
        for (at, _) in code.match_indices("field: \"") {
            let field = literal(&code[at + "field: ".len()..]);
            let rule = code[at..]
                .find("reason: ")
                .filter(|r| *r < 120)
                .and_then(|r| literal(&code[at + r + "reason: ".len()..]));
            found.push((name.clone(), field, rule));
        }
    }
    found
}

fn is_key(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

fn field_zh(key: &str) -> Option<&'static str> {
    REFUSALS.iter().find_map(|t| t.field(key, Language::ZhHans))
}

fn rule_zh(rule: &str) -> Option<String> {
    // A template's `{}`s are filled with a number, as the code fills them.
    let sample = rule.replace("{}", "7");
    REFUSALS
        .iter()
        .find_map(|t| t.rule(&sample, Language::ZhHans))
}

#[test]
fn every_check_in_the_sources_has_chinese_words_for_its_field_and_rule() {
    let found = checks();
    assert!(found.len() > 150, "read only {} checks", found.len());
    let mut missing = Vec::new();
    for (file, field, rule) in &found {
        if let Some(f) = field
            && field_zh(f).is_none()
        {
            missing.push(format!("{file}: field {f:?}"));
        }
        // A repeat rule's syntax error (`RuleError`) is worded "请检查重复规则"
        // as a whole; it is not an `invalid(` call and is not read here.
        if let Some(r) = rule
            && rule_zh(r).is_none()
        {
            missing.push(format!("{file}: rule {r:?}"));
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "no Chinese words for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_thing_that_can_be_not_found_is_named_in_chinese() {
    let mut files = Vec::new();
    for dir in ["core/src", "features", "store/src", "client/src"] {
        rust_files(&repo().join(dir), &mut files);
    }
    let mut names = Vec::new();
    for path in files {
        let code = shipped(&path);
        for (at, _) in code.match_indices("NotFound(") {
            names.extend(literal(&code[at + "NotFound(".len()..]));
        }
    }
    assert!(names.len() > 20, "read only {} names", names.len());
    let unnamed = problem(
        &Problem {
            kind: ProblemKind::NotFound,
            field: None,
            detail: Some("no such thing".into()),
            purpose: None,
        },
        Language::ZhHans,
    );
    for what in names {
        let p = Problem {
            kind: ProblemKind::NotFound,
            field: None,
            detail: Some(what.clone()),
            purpose: None,
        };
        assert_ne!(
            problem(&p, Language::ZhHans),
            unnamed,
            "{what:?} has no Chinese name"
        );
    }
}

#[test]
fn the_catalogue_says_each_field_once_and_keeps_each_rule_s_values() {
    let mut keys: Vec<&str> = REFUSALS
        .iter()
        .flat_map(|t| t.fields.iter().map(|(k, ..)| *k))
        .collect();
    let all = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), all, "a field is worded in two crates");
    for (en, zh) in REFUSALS.iter().flat_map(|t| t.rules.iter()) {
        assert_eq!(en.matches("{}").count(), zh.matches("{}").count(), "{en}");
        for word in ["您", "患者", "病人", "预防", "治疗"] {
            assert!(!zh.contains(word), "{zh} says {word}");
        }
    }
}

fn invalid(field: &str, reason: &str) -> Problem {
    Problem {
        kind: ProblemKind::InvalidInput,
        field: Some(field.into()),
        detail: Some(reason.into()),
        purpose: None,
    }
}

#[test]
fn a_refusal_reads_as_one_sentence_in_her_language() {
    let zh = Language::ZhHans;
    assert_eq!(
        problem(&invalid("qty", "must be at most 99"), zh),
        "请检查数量：不能超过 99。"
    );
    assert_eq!(
        problem(
            &invalid("pulse", "must be between 30 and 220 beats per minute"),
            zh
        ),
        "请检查心率：应在 30 到 220 次/分钟之间。"
    );
    assert_eq!(
        problem(&invalid("qty", "must be at most 99"), Language::En),
        "Please check the quantity: must be at most 99."
    );
    // A rule the catalogue does not know is left out, never shown in English.
    assert_eq!(problem(&invalid("qty", "made up"), zh), "请检查数量。");
    assert_eq!(
        problem(&invalid("nonsense", "made up"), zh),
        "请检查填写的内容。"
    );
}

#[test]
fn a_refused_reading_is_worded_in_chinese_from_the_public_error() {
    use cradle_core::records::Measurement;
    let err = Measurement::blood_pressure(120, 300, None).unwrap_err();
    let public = cradle_core::CradleError::from(err);
    let text = problem(&Problem::from(&public), Language::ZhHans);
    assert!(text.starts_with("请检查舒张压"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| c.is_ascii_alphabetic() && !"mHg".contains(c)),
        "English in {text}"
    );
}
