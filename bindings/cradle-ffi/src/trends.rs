//! Charts: weight with its band, blood pressure, glucose and growth.

use super::*;

#[derive(uniffi::Record)]
pub struct WeightDay {
    /// `YYYY-MM-DD`, the user's local day; `kg` is that day's mean.
    pub day: String,
    pub kg: f64,
    /// Gestational age that day, when it fell in the ongoing pregnancy.
    pub ga_days: Option<i64>,
    /// The same in weeks: the chart's x beside the band's weeks.
    pub ga_weeks: Option<f64>,
}

#[derive(uniffi::Record)]
pub struct WeightBandView {
    pub bmi: f64,
    /// `underweight`, `normal`, `overweight` or `obese`.
    pub class: String,
    pub total_gain_low_kg: f64,
    pub total_gain_high_kg: f64,
    pub points: Vec<BandPoint>,
    pub source: String,
}

#[derive(uniffi::Record)]
pub struct PressureDay {
    pub day: String,
    pub readings: u32,
    pub systolic_mean: f64,
    pub diastolic_mean: f64,
    pub systolic_max: u32,
    pub diastolic_max: u32,
}

#[derive(uniffi::Record)]
pub struct GlucoseDay {
    pub day: String,
    pub context: String,
    pub mmol_mean: f64,
    pub mmol_max: f64,
}

#[derive(uniffi::Record)]
pub struct GrowthReading {
    pub day: String,
    pub age_days: i64,
    pub weight_kg: Option<f64>,
    pub length_cm: Option<f64>,
    pub head_cm: Option<f64>,
    pub weight_percentile: Option<f64>,
    pub length_percentile: Option<f64>,
    pub head_percentile: Option<f64>,
}

#[derive(uniffi::Record)]
pub struct CurvePoint {
    pub age_days: i64,
    /// kg or cm, as the curve's indicator.
    pub value: f64,
}

#[derive(uniffi::Record)]
pub struct PercentileCurve {
    pub indicator: Indicator,
    pub percentile: u8,
    pub points: Vec<CurvePoint>,
}

#[derive(uniffi::Record)]
pub struct GrowthChart {
    pub baby: u8,
    pub sex: Option<Sex>,
    pub points: Vec<GrowthReading>,
    pub curves: Vec<PercentileCurve>,
    pub source: String,
}

/// Every chart of the Records screen, in one call.
#[derive(uniffi::Record)]
pub struct TrendsView {
    pub weight: Vec<WeightDay>,
    pub weight_band: Option<WeightBandView>,
    pub blood_pressure: Vec<PressureDay>,
    pub glucose: Vec<GlucoseDay>,
    pub growth: Vec<GrowthChart>,
}

impl From<WeightPoint> for WeightDay {
    fn from(w: WeightPoint) -> Self {
        Self {
            day: w.day.to_string(),
            kg: w.kg,
            ga_weeks: w.ga_weeks(),
            ga_days: w.ga_days,
        }
    }
}

impl From<WeightBand> for WeightBandView {
    fn from(b: WeightBand) -> Self {
        Self {
            bmi: b.bmi,
            class: b.class.to_owned(),
            total_gain_low_kg: b.total_gain_kg[0],
            total_gain_high_kg: b.total_gain_kg[1],
            points: b.points,
            source: b.source,
        }
    }
}

impl From<Trends> for TrendsView {
    fn from(t: Trends) -> Self {
        Self {
            weight: t.weight.into_iter().map(Into::into).collect(),
            weight_band: t.weight_band.map(Into::into),
            blood_pressure: t
                .blood_pressure
                .into_iter()
                .map(|p: PressurePoint| PressureDay {
                    day: p.day.to_string(),
                    readings: p.readings,
                    systolic_mean: p.systolic_mean,
                    diastolic_mean: p.diastolic_mean,
                    systolic_max: p.systolic_max,
                    diastolic_max: p.diastolic_max,
                })
                .collect(),
            glucose: t
                .glucose
                .into_iter()
                .map(|g: GlucosePoint| GlucoseDay {
                    day: g.day.to_string(),
                    context: g.context,
                    mmol_mean: g.mmol_mean,
                    mmol_max: g.mmol_max,
                })
                .collect(),
            growth: t
                .growth
                .into_iter()
                .map(|g: GrowthSeries| GrowthChart {
                    baby: g.baby,
                    sex: g.sex,
                    points: g
                        .points
                        .into_iter()
                        .map(|p: GrowthPoint| GrowthReading {
                            day: p.day.to_string(),
                            age_days: p.age_days,
                            weight_kg: p.weight_kg,
                            length_cm: p.length_cm,
                            head_cm: p.head_cm,
                            weight_percentile: p.weight_percentile,
                            length_percentile: p.length_percentile,
                            head_percentile: p.head_percentile,
                        })
                        .collect(),
                    curves: g
                        .curves
                        .into_iter()
                        .map(|c: Curve| PercentileCurve {
                            indicator: c.indicator,
                            percentile: c.percentile,
                            points: c
                                .points
                                .into_iter()
                                .map(|(age_days, value)| CurvePoint { age_days, value })
                                .collect(),
                        })
                        .collect(),
                    source: g.source.to_owned(),
                })
                .collect(),
        }
    }
}

#[uniffi::export]
impl RecordsClient {
    /// Saves (or with `None`, forgets) height and pre-pregnancy weight.
    pub fn set_body_baseline(&self, baseline: Option<BodyBaseline>) -> Result<()> {
        let baseline = baseline
            .map(|b| Baseline::new(b.height_cm, b.pre_pregnancy_kg))
            .transpose()?;
        Ok(self.records().set_baseline(baseline)?)
    }

    pub fn body_baseline(&self) -> Result<Option<BodyBaseline>> {
        Ok(self.records().baseline()?.map(|b| BodyBaseline {
            height_cm: b.height_cm,
            pre_pregnancy_kg: b.pre_pregnancy_kg,
        }))
    }

    /// Every chart's series between two local dates (`YYYY-MM-DD`, both optional).
    pub fn trends(&self, from: Option<String>, to: Option<String>) -> Result<TrendsView> {
        let from = from
            .map(|d| cradle_core::timeline::parse_date("from", &d))
            .transpose()?;
        let to = to
            .map(|d| cradle_core::timeline::parse_date("to", &d))
            .transpose()?;
        Ok(self.records().trends(from, to)?.into())
    }
}

#[uniffi::export]
impl CradleCore {
    /// Records the sex of baby `baby` (1 for a singleton), for growth percentiles.
    pub fn set_baby_sex(&self, baby: u8, sex: Sex) -> Result<()> {
        Ok(self.core.timeline().set_baby_sex(baby, sex)?)
    }
}
