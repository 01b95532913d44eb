//! Dating rules: every method, and ACOG Committee Opinion 700's redating
//! thresholds tested at each boundary.

use cradle_core::Error;
use cradle_core::timeline::dating::{
    DatingInput, Estimate, Method, Scan, best_estimate, crl_to_gestational_age,
    redating_threshold_days,
};
use cradle_core::timeline::gestation::{GestationalAge, add_days};
use jiff::civil::{Date, date};
use proptest::prelude::*;

/// ACOG CO 700's bands at each edge: (weeks, days) at the scan, and the
/// largest difference in days that keeps the LMP date.
const BANDS: [(i64, i64, i64); 10] = [
    (8, 6, 5),
    (9, 0, 7),
    (13, 6, 7),
    (14, 0, 7),
    (15, 6, 7),
    (16, 0, 10),
    (21, 6, 10),
    (22, 0, 14),
    (27, 6, 14),
    (28, 0, 21),
];

fn ga(w: i64, d: i64) -> GestationalAge {
    GestationalAge::new(w, d)
}

fn est(input: DatingInput) -> Estimate {
    Estimate {
        input,
        edd: input.edd().unwrap(),
    }
}

#[test]
fn each_method_implies_its_edd() {
    let cases = [
        (
            DatingInput::Lmp {
                lmp: date(2026, 5, 1),
                cycle_days: 28,
            },
            date(2027, 2, 5),
        ),
        (
            DatingInput::Lmp {
                lmp: date(2026, 5, 1),
                cycle_days: 35,
            },
            date(2027, 2, 12),
        ),
        (
            DatingInput::Lmp {
                lmp: date(2026, 5, 1),
                cycle_days: 21,
            },
            date(2027, 1, 29),
        ),
        (
            DatingInput::Conception {
                date: date(2026, 5, 15),
            },
            date(2027, 2, 5),
        ),
        (
            DatingInput::Ivf {
                transfer: date(2026, 5, 18),
                embryo_age: 3,
            },
            date(2027, 2, 5),
        ),
        (
            DatingInput::Ivf {
                transfer: date(2026, 5, 20),
                embryo_age: 5,
            },
            date(2027, 2, 5),
        ),
        (
            DatingInput::Ivf {
                transfer: date(2026, 5, 21),
                embryo_age: 6,
            },
            date(2027, 2, 5),
        ),
        (
            DatingInput::Edd {
                edd: date(2027, 2, 5),
            },
            date(2027, 2, 5),
        ),
        // A stated 20w0d on 2026-09-18 puts the start on 2026-05-01.
        (
            DatingInput::Ultrasound {
                scan_date: date(2026, 9, 18),
                scan: Scan::Stated(ga(20, 0)),
            },
            date(2027, 2, 5),
        ),
    ];
    for (input, edd) in cases {
        assert_eq!(input.edd().unwrap(), edd, "{input:?}");
    }
}

#[test]
fn robinson_fleming_crl_points() {
    // GA(days) = 8.052·√CRL + 23.73, floored to completed days.
    assert_eq!(crl_to_gestational_age(84.0), ga(13, 6));
    assert_eq!(crl_to_gestational_age(45.0), ga(11, 0)); // 77.74 days
    assert_eq!(crl_to_gestational_age(10.0), ga(7, 0)); // 49.19 days
    assert_eq!(crl_to_gestational_age(2.0), ga(5, 0)); // 35.12 days
    let scan = Scan::Crl { tenth_mm: 450 };
    assert_eq!(scan.gestational_age().unwrap(), ga(11, 0));
}

#[test]
fn threshold_table_edges() {
    for (weeks, days, threshold) in BANDS.into_iter().chain([(40, 0, 21)]) {
        assert_eq!(
            redating_threshold_days(ga(weeks, days)),
            threshold,
            "{weeks}w{days}d"
        );
    }
}

/// An LMP whose EDD differs from the scan's by `diff` days, scanned at `at`.
fn lmp_vs_scan(at: GestationalAge, diff: i64) -> Option<(Date, Method, bool)> {
    let scan_date = date(2026, 9, 1);
    let scan = DatingInput::Ultrasound {
        scan_date,
        scan: Scan::Stated(at),
    };
    let scan_edd = scan.edd().unwrap();
    // LMP chosen so that its EDD is scan_edd + diff.
    let lmp = add_days(scan_edd, diff - 280).unwrap();
    let lmp = DatingInput::Lmp {
        lmp,
        cycle_days: 28,
    };
    assert_eq!(lmp.edd().unwrap(), add_days(scan_edd, diff).unwrap());
    best_estimate(&[est(lmp), est(scan)]).map(|b| (b.edd, b.method, b.redated))
}

#[test]
fn acog_redating_at_every_threshold_boundary() {
    for (weeks, days, threshold) in BANDS {
        let at = ga(weeks, days);
        for sign in [1, -1] {
            let (_, method, redated) = lmp_vs_scan(at, sign * threshold).unwrap();
            assert_eq!(
                (method, redated),
                (Method::Lmp, false),
                "{at} diff {} kept",
                sign * threshold
            );
            let (_, method, redated) = lmp_vs_scan(at, sign * (threshold + 1)).unwrap();
            assert_eq!(
                (method, redated),
                (Method::Ultrasound, true),
                "{at} diff {} redates",
                sign * (threshold + 1)
            );
        }
    }
}

#[test]
fn ivf_and_clinic_dates_are_never_redated() {
    let scan = DatingInput::Ultrasound {
        scan_date: date(2026, 7, 1),
        scan: Scan::Crl { tenth_mm: 450 },
    };
    let ivf = DatingInput::Ivf {
        transfer: date(2026, 5, 1),
        embryo_age: 5,
    };
    let b = best_estimate(&[est(ivf), est(scan)]).unwrap();
    assert_eq!((b.method, b.redated), (Method::Ivf, false));
    let clinic = DatingInput::Edd {
        edd: date(2027, 3, 1),
    };
    let b = best_estimate(&[est(scan), est(clinic)]).unwrap();
    assert_eq!((b.edd, b.method), (date(2027, 3, 1), Method::Edd));
}

#[test]
fn the_earliest_scan_dates_and_later_scans_do_not_redate() {
    let lmp = DatingInput::Lmp {
        lmp: date(2026, 5, 1),
        cycle_days: 28,
    };
    // First scan agrees with the LMP (8w0d on 26 June); a later one is 3 weeks off.
    let early = DatingInput::Ultrasound {
        scan_date: date(2026, 6, 26),
        scan: Scan::Stated(ga(8, 0)),
    };
    let late = DatingInput::Ultrasound {
        scan_date: date(2026, 10, 30),
        scan: Scan::Stated(ga(29, 0)),
    };
    let b = best_estimate(&[est(lmp), est(late), est(early)]).unwrap();
    assert_eq!((b.method, b.edd), (Method::Lmp, date(2027, 2, 5)));
}

#[test]
fn only_a_scan_dates_by_ultrasound() {
    let scan = DatingInput::Ultrasound {
        scan_date: date(2026, 7, 1),
        scan: Scan::Crl { tenth_mm: 840 },
    };
    let b = best_estimate(&[est(scan)]).unwrap();
    assert_eq!((b.method, b.redated), (Method::Ultrasound, false));
    assert!(best_estimate(&[]).is_none());
}

#[test]
fn out_of_range_inputs_name_their_field() {
    let today = date(2026, 11, 23);
    let field = |input: DatingInput| match input.validate(today) {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected an invalid-input error for {input:?}, got {other:?}"),
    };
    assert_eq!(
        field(DatingInput::Lmp {
            lmp: date(2026, 11, 24),
            cycle_days: 28
        }),
        "lmp"
    );
    assert_eq!(
        field(DatingInput::Lmp {
            lmp: date(2026, 1, 1),
            cycle_days: 28
        }),
        "lmp",
        "past 44 weeks"
    );
    assert_eq!(
        field(DatingInput::Lmp {
            lmp: date(2026, 10, 1),
            cycle_days: 20
        }),
        "cycle_days"
    );
    assert_eq!(
        field(DatingInput::Lmp {
            lmp: date(2026, 10, 1),
            cycle_days: 46
        }),
        "cycle_days"
    );
    assert_eq!(
        field(DatingInput::Conception {
            date: date(2025, 12, 1)
        }),
        "conception"
    );
    assert_eq!(
        field(DatingInput::Ivf {
            transfer: date(2026, 10, 1),
            embryo_age: 4
        }),
        "embryo_age"
    );
    assert_eq!(
        field(DatingInput::Ultrasound {
            scan_date: date(2026, 11, 1),
            scan: Scan::Crl { tenth_mm: 841 }
        }),
        "crl"
    );
    assert_eq!(
        field(DatingInput::Ultrasound {
            scan_date: date(2026, 11, 1),
            scan: Scan::Crl { tenth_mm: 19 }
        }),
        "crl"
    );
    assert_eq!(
        field(DatingInput::Edd {
            edd: date(2027, 9, 1)
        }),
        "edd",
        "not begun yet"
    );
    // The edges themselves are accepted: 44w0d today, an LMP of today.
    assert!(
        DatingInput::Lmp {
            lmp: add_days(today, -308).unwrap(),
            cycle_days: 28
        }
        .validate(today)
        .is_ok()
    );
    assert!(
        DatingInput::Lmp {
            lmp: add_days(today, -309).unwrap(),
            cycle_days: 28
        }
        .validate(today)
        .is_err()
    );
    assert!(
        DatingInput::Lmp {
            lmp: today,
            cycle_days: 28
        }
        .validate(today)
        .is_ok()
    );
}

fn any_date() -> impl Strategy<Value = Date> {
    // 2000-01-01 to about 2099: leap years, century rules, month ends.
    (0i64..36_500).prop_map(|d| add_days(date(2000, 1, 1), d).unwrap())
}

proptest! {
    #[test]
    fn gestational_age_is_monotonic_in_today(edd in any_date(), day in any_date(), step in 1i64..400) {
        let later = add_days(day, step).unwrap();
        let (a, b) = (GestationalAge::on(day, edd), GestationalAge::on(later, edd));
        prop_assert_eq!(b.total_days - a.total_days, step);
    }

    #[test]
    fn edd_minus_gestational_age_is_consistent(lmp in any_date(), cycle in 21u32..=45, offset in 0i64..300) {
        let edd = DatingInput::Lmp { lmp, cycle_days: cycle }.edd().unwrap();
        let today = add_days(lmp, offset).unwrap();
        let ga = GestationalAge::on(today, edd);
        // today + (280 − GA) days is the EDD, and weeks·7 + days is the total.
        prop_assert_eq!(add_days(today, 280 - ga.total_days).unwrap(), edd);
        prop_assert_eq!(ga.weeks() * 7 + ga.days(), ga.total_days);
        prop_assert!((0..7).contains(&ga.days()));
        // The cycle adjustment shifts gestational age by exactly (cycle − 28) days.
        prop_assert_eq!(ga.total_days, offset - (i64::from(cycle) - 28));
    }

    #[test]
    fn redating_never_moves_an_ivf_date(transfer in any_date(), age in prop::sample::select(vec![3u32, 5, 6]), scan_ga in 35i64..300, shift in -60i64..60) {
        let ivf = DatingInput::Ivf { transfer, embryo_age: age };
        let scan_date = add_days(transfer, shift + 60).unwrap();
        let scan = DatingInput::Ultrasound { scan_date, scan: Scan::Stated(GestationalAge::from_days(scan_ga)) };
        let best = best_estimate(&[est(ivf), est(scan)]).unwrap();
        prop_assert_eq!(best.edd, ivf.edd().unwrap());
    }
}
