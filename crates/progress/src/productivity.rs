//! Productivity: charts per hour per setting, from the workstation timer, against the setting's benchmark.

use crate::attempt::Attempt;
use cases::model::Setting;
use serde::{Deserialize, Serialize};

/// Every setting, in the order the progress page lists them (`Setting` has no order of its own).
pub const SETTINGS: [Setting; 9] = [
    Setting::Inpatient,
    Setting::OutpatientHospital,
    Setting::EmergencyDepartment,
    Setting::AmbulatorySurgery,
    Setting::PhysicianOffice,
    Setting::Snf,
    Setting::HomeHealth,
    Setting::Anesthesia,
    Setting::RiskAdjustmentReview,
];

/// Words for a setting on a page.
pub fn setting_label(s: Setting) -> &'static str {
    match s {
        Setting::Inpatient => "Inpatient",
        Setting::OutpatientHospital => "Outpatient hospital",
        Setting::EmergencyDepartment => "Emergency department",
        Setting::AmbulatorySurgery => "Ambulatory surgery",
        Setting::PhysicianOffice => "Physician office (E/M)",
        Setting::Snf => "Skilled nursing facility",
        Setting::HomeHealth => "Home health",
        Setting::Anesthesia => "Anesthesia",
        Setting::RiskAdjustmentReview => "Risk adjustment review",
    }
}

/// The charts per hour expected of a coder in each setting. A programme sets its own (it deserializes, and a
/// setting left out keeps the default).
///
/// No national standard exists; facilities set their own. The defaults:
/// - inpatient 3/h: the benchmark most facilities reported in HCPro's 2009 coder productivity survey, and the
///   20 minutes per inpatient record of AHIMA's best practices (DeVault, Journal of AHIMA 83(7), 2012);
/// - emergency department 22/h and physician office E/M 12/h: the figures of issue 7 (ED 20-25/h; E/M about
///   12/h, the median of an ICD10monitor poll of E/M coders, interquartile range 8-20);
/// - outpatient hospital 10/h: the middle of AHIMA's outpatient range (5 to 20 records per hour by type);
/// - ambulatory surgery 6/h: the low end of that range, operative notes being the longest outpatient records;
/// - anesthesia 15/h: one anesthesia service and its diagnoses per record, between E/M and ED;
/// - skilled nursing facility and home health 2/h and risk adjustment review 4/h: our estimates, not published
///   norms (a post-acute record codes a whole stay or episode with its sequencing; a risk adjustment review reads
///   every note for MEAT).
///
/// DOMAIN.md says only that productivity varies by setting; these figures make the chart readable, they are not a
/// grading rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Benchmarks {
    pub inpatient: f64,
    pub outpatient_hospital: f64,
    pub emergency_department: f64,
    pub ambulatory_surgery: f64,
    pub physician_office: f64,
    pub snf: f64,
    pub home_health: f64,
    pub anesthesia: f64,
    pub risk_adjustment_review: f64,
}

impl Default for Benchmarks {
    fn default() -> Self {
        Benchmarks {
            inpatient: 3.0,
            outpatient_hospital: 10.0,
            emergency_department: 22.0,
            ambulatory_surgery: 6.0,
            physician_office: 12.0,
            snf: 2.0,
            home_health: 2.0,
            anesthesia: 15.0,
            risk_adjustment_review: 4.0,
        }
    }
}

impl Benchmarks {
    /// Charts per hour expected in a setting.
    pub fn get(&self, s: Setting) -> f64 {
        match s {
            Setting::Inpatient => self.inpatient,
            Setting::OutpatientHospital => self.outpatient_hospital,
            Setting::EmergencyDepartment => self.emergency_department,
            Setting::AmbulatorySurgery => self.ambulatory_surgery,
            Setting::PhysicianOffice => self.physician_office,
            Setting::Snf => self.snf,
            Setting::HomeHealth => self.home_health,
            Setting::Anesthesia => self.anesthesia,
            Setting::RiskAdjustmentReview => self.risk_adjustment_review,
        }
    }
}

/// A learner's pace in one setting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingProductivity {
    pub setting: Setting,
    /// Records coded in the setting, timed or not.
    pub records: usize,
    /// Records with a timer (seconds spent above 0): the only ones the pace is computed from.
    pub timed_records: usize,
    /// Seconds on the timer over the timed records.
    pub seconds: u64,
    /// timed records ÷ (seconds ÷ 3600), rounded to 0.1; `None` without a timed record.
    pub charts_per_hour: Option<f64>,
    /// The setting's benchmark in charts per hour.
    pub benchmark: f64,
}

impl SettingProductivity {
    /// Records coded without a timer.
    pub fn untimed(&self) -> usize {
        self.records - self.timed_records
    }

    /// The pace as a share of the benchmark (1.0 = on benchmark).
    pub fn share_of_benchmark(&self) -> Option<f64> {
        self.charts_per_hour.filter(|_| self.benchmark > 0.0).map(|c| c / self.benchmark)
    }
}

/// Charts per hour from a record count and seconds, rounded to 0.1.
pub(crate) fn charts_per_hour(records: usize, seconds: u64) -> Option<f64> {
    (records > 0 && seconds > 0).then(|| (records as f64 / (seconds as f64 / 3600.0) * 10.0).round() / 10.0)
}

/// The pace per setting, for the settings the learner has coded in (in [`SETTINGS`] order).
pub fn productivity(attempts: &[Attempt], benchmarks: &Benchmarks) -> Vec<SettingProductivity> {
    SETTINGS
        .iter()
        .filter_map(|&setting| {
            let of: Vec<&Attempt> = attempts.iter().filter(|a| a.setting == setting).collect();
            let timed: Vec<&&Attempt> = of.iter().filter(|a| a.seconds_spent > 0).collect();
            let seconds = timed.iter().map(|a| a.seconds_spent as u64).sum();
            (!of.is_empty()).then(|| SettingProductivity {
                setting,
                records: of.len(),
                timed_records: timed.len(),
                seconds,
                charts_per_hour: charts_per_hour(timed.len(), seconds),
                benchmark: benchmarks.get(setting),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::sample;

    #[test]
    fn charts_per_hour_are_records_over_hours_on_the_timer_and_untimed_records_count_apart() {
        let mut v: Vec<Attempt> = (0..3).map(|i| sample(&format!("IP-{i}"), i)).collect();
        v[2].seconds_spent = 0;
        v[1].seconds_spent = 600; // 1200 + 600 s for two records: 4 charts per hour
        let mut ed = sample("ED-1", 9);
        (ed.setting, ed.seconds_spent) = (Setting::EmergencyDepartment, 150);
        v.push(ed);
        let p = productivity(&v, &Benchmarks::default());
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].setting, p[0].records, p[0].timed_records, p[0].seconds, p[0].untimed()), (Setting::Inpatient, 3, 2, 1800, 1));
        assert_eq!((p[0].charts_per_hour, p[0].benchmark), (Some(4.0), 3.0));
        assert_eq!(p[1].charts_per_hour, Some(24.0));
        assert!((p[1].share_of_benchmark().unwrap() - 24.0 / 22.0).abs() < 1e-9);
    }

    #[test]
    fn a_setting_with_no_timed_record_has_no_pace() {
        let mut a = sample("IP-1", 0);
        a.seconds_spent = 0;
        let p = productivity(&[a], &Benchmarks::default());
        assert_eq!((p[0].charts_per_hour, p[0].share_of_benchmark(), p[0].untimed()), (None, None, 1));
    }

    #[test]
    fn a_programme_overrides_some_benchmarks_and_keeps_the_others() {
        let b: Benchmarks = serde_json::from_str(r#"{"inpatient": 2.5}"#).unwrap();
        assert_eq!((b.get(Setting::Inpatient), b.get(Setting::PhysicianOffice)), (2.5, 12.0));
        assert!(SETTINGS.iter().all(|&s| Benchmarks::default().get(s) > 0.0 && !setting_label(s).is_empty()));
    }
}
