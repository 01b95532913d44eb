//! Printing: human text in the user's language, or JSON with `--json`.
//! Errors go to stderr with a non-zero exit code either way.

use cradle_core::CradleError;
use cradle_core::Today;
use cradle_core::profile::{Language, Profile};
use serde_json::{Value, json};
use std::process::ExitCode;

pub struct Output {
    json: bool,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    fn print_json(&self, value: Value) {
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    }

    pub fn profile(&self, p: &Profile) {
        if self.json {
            self.print_json(profile_json(p));
            return;
        }
        let zh = Language::for_locale(&p.locale) == Language::ZhHans;
        let name = p.display_name.as_deref().unwrap_or("-");
        if zh {
            println!(
                "昵称：{name}\n语言：{}\n时区：{}",
                p.locale,
                p.time_zone_name()
            );
        } else {
            println!(
                "Name: {name}\nLanguage: {}\nTime zone: {}",
                p.locale,
                p.time_zone_name()
            );
        }
    }

    pub fn profile_or_hint(&self, p: Option<&Profile>) {
        match p {
            Some(p) => self.profile(p),
            None if self.json => self.print_json(Value::Null),
            None => println!("No profile yet. Set one with: cradle profile set --name NAME"),
        }
    }

    pub fn today(&self, t: &Today) {
        if self.json {
            self.print_json(json!({
                "date": t.date.to_string(),
                "time_zone": cradle_core::clock::zone_name(&t.time_zone),
                "language": t.language.code(),
                "profile": t.profile.as_ref().map(profile_json),
            }));
            return;
        }
        let name = t.profile.as_ref().and_then(|p| p.display_name.as_deref());
        match (t.language, name) {
            (Language::ZhHans, Some(n)) => println!("{n}，你好！今天是 {}。", t.date),
            (Language::ZhHans, None) => println!("你好！今天是 {}。", t.date),
            (Language::En, Some(n)) => println!("Hello, {n}! Today is {}.", t.date),
            (Language::En, None) => println!("Hello! Today is {}.", t.date),
        }
        if t.profile.is_none() {
            match t.language {
                Language::ZhHans => println!(
                    "欢迎使用 Cradle，这里还是空的。先设置你的资料：\n  cradle profile set --name 昵称"
                ),
                Language::En => println!(
                    "Welcome to Cradle: nothing is set up yet. Start with your profile:\n  cradle profile set --name NAME"
                ),
            }
        }
    }

    pub fn error(&self, e: &CradleError) -> ExitCode {
        if self.json {
            let (kind, field) = match e {
                CradleError::InvalidInput { field, .. } => ("invalid_input", Some(field.as_str())),
                CradleError::NotFound { .. } => ("not_found", None),
                CradleError::Storage { .. } => ("storage", None),
                CradleError::Network { .. } => ("network", None),
                CradleError::Server { .. } => ("server", None),
            };
            let body = json!({"error": {"kind": kind, "field": field, "message": e.to_string()}});
            eprintln!(
                "{}",
                serde_json::to_string_pretty(&body).unwrap_or_default()
            );
        } else {
            eprintln!("error: {e}");
        }
        match e {
            CradleError::InvalidInput { .. } | CradleError::NotFound { .. } => ExitCode::from(2),
            _ => ExitCode::FAILURE,
        }
    }
}

fn profile_json(p: &Profile) -> Value {
    json!({
        "display_name": p.display_name,
        "locale": p.locale,
        "time_zone": p.time_zone_name(),
    })
}
