//! The clinic summary as a doctor gets it: printed to A4 PDF by headless
//! Chromium, then read back page by page with poppler's `pdftotext`.
//!
//! Her history is long on purpose: 40 blood pressures, whose highest is
//! older than the 20 listed. Page 1 must still hold what matters, and every
//! page carries her name and "page N of M".
//!
//! With `CRADLE_PRINT_OUT=<dir>` the PDFs are kept there
//! (`scripts/clinic-screenshots` turns them into the PNGs of the docs).

use cradle_core::clinic::{Format, Options};
use cradle_core::clock::FixedClock;
use cradle_core::records::journal::Entry;
use cradle_core::records::symptoms::Severity;
use cradle_core::records::{GlucoseContext, GlucoseUnit, Measurement, WeightUnit};
use cradle_core::storage::DbKey;
use cradle_core::timeline::dating::{DatingInput, Scan};
use cradle_core::{Config, Cradle};
use jiff::Timestamp;
use jiff::civil::date;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

const NOW: &str = "2026-11-23T04:00:00Z";

/// 12:00 in Shanghai, `days` before NOW's day.
fn at(days: i64) -> Option<Timestamp> {
    let now: Timestamp = NOW.parse().unwrap();
    Some(now - jiff::SignedDuration::from_hours(24 * days))
}

/// A mother at 29w0d with a long record, in `language`.
fn mother(dir: &Path, language: &str, name: &str) -> Cradle {
    let clock = Arc::new(FixedClock::new(NOW.parse().unwrap()));
    let config = Config::new(
        "Asia/Shanghai",
        language,
        DbKey::from_bytes(&[9; 32]).unwrap(),
    )
    .unwrap()
    .with_clock(clock);
    let c = Cradle::open(dir.join(format!("{language}.db")), config).unwrap();
    c.set_profile(Some(name), language, "Asia/Shanghai")
        .unwrap();
    c.timeline()
        .record_dating(DatingInput::Lmp {
            lmp: date(2026, 5, 4),
            cycle_days: 28,
        })
        .unwrap();
    c.timeline()
        .record_dating(DatingInput::Ultrasound {
            scan_date: date(2026, 7, 13),
            scan: Scan::Crl { tenth_mm: 315 },
        })
        .unwrap();
    for day in (1..=40).rev() {
        let (s, d) = match day {
            35 => (162, 112),
            1 => (145, 95),
            _ => (116 + (day % 7) as u32, 74 + (day % 5) as u32),
        };
        c.records()
            .record(
                Measurement::blood_pressure(s, d, Some(80)).unwrap(),
                at(day),
            )
            .unwrap();
    }
    c.records()
        .record(
            Measurement::glucose(9.5, GlucoseUnit::MmolPerL, GlucoseContext::OneHour).unwrap(),
            at(2),
        )
        .unwrap();
    c.records()
        .record(
            Measurement::glucose(4.9, GlucoseUnit::MmolPerL, GlucoseContext::Fasting).unwrap(),
            at(1),
        )
        .unwrap();
    c.records()
        .record(Measurement::weight(63.0, WeightUnit::Kg).unwrap(), at(3))
        .unwrap();
    let (folic, iron, question) = if language == "en" {
        (
            "Folic acid",
            "Iron",
            "Is my blood pressure all right for a vaginal birth?",
        )
    } else {
        ("叶酸", "铁剂", "我的血压适合顺产吗？")
    };
    for entry in [
        Entry::Allergy {
            substance: "Penicillin".into(),
            reaction: Some("rash".into()),
        },
        Entry::Medication {
            name: folic.into(),
            dose: Some("0.4 mg".into()),
            supplement: true,
        },
        Entry::Medication {
            name: iron.into(),
            dose: Some("60 mg".into()),
            supplement: true,
        },
        Entry::Ogtt {
            fasting: 5.3,
            one_hour: Some(10.4),
            two_hours: Some(8.1),
        },
        Entry::Lab {
            name: "Hb".into(),
            value: 98.0,
            unit: "g/L".into(),
            low: Some(110.0),
            high: Some(150.0),
        },
        Entry::Question {
            text: question.into(),
        },
    ] {
        c.records().add_entry(entry, at(4)).unwrap();
    }
    c.records()
        .note_symptom("headache", Severity::Mild, at(1))
        .unwrap();
    c
}

fn tool(name: &str) -> PathBuf {
    let found = ["/usr/bin", "/usr/local/bin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists());
    found.unwrap_or_else(|| panic!("{name} is not installed: the test command installs it"))
}

/// Prints `html` to an A4 PDF and returns each page's text.
fn print(html: &str, dir: &Path, stem: &str) -> Vec<String> {
    let page = dir.join(format!("{stem}.html"));
    let pdf = dir.join(format!("{stem}.pdf"));
    std::fs::write(&page, html).unwrap();
    let status = Command::new(tool("chromium"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", dir.join("profile").display()),
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ])
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    if let Ok(out) = std::env::var("CRADLE_PRINT_OUT") {
        std::fs::copy(&pdf, Path::new(&out).join(format!("{stem}.pdf"))).unwrap();
    }
    let text = Command::new(tool("pdftotext"))
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    // pdftotext ends each page with a form feed.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn export(c: &Cradle) -> String {
    c.records()
        .clinic_export(
            Format::Html,
            &Options {
                include_name: true,
                age_years: Some(32),
                ..Options::default()
            },
        )
        .unwrap()
}

/// A page's text with no white space at all: where a line wraps, and how
/// the fonts at hand space a run of digits beside CJK, depend on the fonts
/// installed, not on the summary.
fn squeeze(page: &str) -> String {
    page.split_whitespace().collect()
}

fn assert_holds(page: &str, must: &str, which: &str) {
    assert!(
        squeeze(page).contains(&squeeze(must)),
        "{which} lacks {must:?}:\n{page}"
    );
}

#[test]
fn page_one_of_the_printed_summary_holds_what_matters_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let c = mother(dir.path(), "en", "Lin Mei");
    let pages = print(&export(&c), dir.path(), "clinic-summary-en");
    assert!(pages.len() >= 2, "{pages:?}");
    for must in [
        "Summary for my prenatal visit",
        "Lin Mei",
        "32 years",
        "2027-02-08 (last menstrual period)",
        "29 weeks 0 days",
        "Penicillin",
        "Folic acid",
        "Iron",
        "Your last glucose 1 hour after a meal was 9.5 mmol/L",
        "Your last blood pressure",
        // Sources are named as guidelines, by author, title and year.
        "ACOG Practice Bulletin 222, Gestational Hypertension and Preeclampsia (2020)",
        "Is my blood pressure all right for a vaginal birth?",
    ] {
        assert_holds(&pages[0], must, "page 1");
    }
    assert!(
        !pages.concat().contains(".md"),
        "no file of this repository"
    );
    let m = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert_holds(
            page,
            &format!("Page {} of {m}", i + 1),
            "the running header",
        );
        assert_holds(page, "Lin Mei", "the running header");
    }
    let all = pages.concat();
    // The highest reading is older than the 20 listed, and still shown.
    for must in [
        "Blood pressure (40)",
        "Highest: 162/112 mmHg",
        "The newest 20 of 40 readings are listed.",
        "9.5 mmol/L, 1 h after a meal (unusual)",
        "First day of last period",
        "Dating scan",
        "CRL 31.5 mm",
    ] {
        assert_holds(&all, must, "the summary");
    }
}

#[test]
fn the_chinese_page_cites_chinese_guidelines_and_numbers_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let c = mother(dir.path(), "zh-Hans", "林梅");
    let pages = print(&export(&c), dir.path(), "clinic-summary-zh-Hans");
    for must in [
        "产检就诊摘要",
        "林梅",
        "32岁",
        "29周0天",
        "Penicillin",
        "叶酸",
        "中华医学会妇产科学分会妊娠期高血压疾病学组《妊娠期高血压疾病诊治指南（2020）》",
        "我的血压适合顺产吗？",
    ] {
        assert_holds(&pages[0], must, "page 1");
    }
    let m = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert_holds(
            page,
            &format!("第{}页，共{m}页", i + 1),
            "the running header",
        );
    }
    let all = squeeze(&pages.concat());
    assert!(!all.contains("异常") && !all.contains("患者"));
}
