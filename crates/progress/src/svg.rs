//! The progress charts as SVG text drawn on the server: no script, no external font, stylesheet or CDN (the product
//! works offline), sizes in a `viewBox` so a chart scales to the width of its container. Each chart has
//! `role="img"`, a `<title>` and a `<desc>` that says the data in words (what a screen reader reads), text at least
//! 4.5:1 against white and marks at least 3:1, and shape or words besides colour (circles and squares, "recurring").
//! Every text is XML-escaped. Without data a chart says "No records yet".
//!
//! Ids are made from the chart's title (`chart-error-categories-title`): a page shows each chart once.

use crate::accuracy::{AccuracySeries, Granularity};
use crate::productivity::{setting_label, SettingProductivity};
use crate::recommendation::track_label;
use crate::{ErrorStat, TrackCount};
use std::fmt::Write;

const WIDTH: f64 = 640.0;
const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
/// Text: 17:1 on white; axis labels 8.5:1.
const INK: &str = "#1a1a1a";
const MUTED: &str = "#4d4d4d";
const GRID: &str = "#d9d9d9";
/// Series and bars: 6.4:1 and 6.1:1; the lighter bar 3.8:1.
const BLUE: &str = "#1f5fa8";
const ORANGE: &str = "#a34700";
const LIGHT: &str = "#5b84c4";

/// Text made safe for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// An SVG document being written.
struct Canvas(String);

impl Canvas {
    fn new(title: &str, desc: &str, height: f64) -> Canvas {
        let id: String = title.to_ascii_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        let id = format!("chart-{}", id.split('-').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-"));
        let mut s = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" "#);
        let _ = write!(s, r#"aria-labelledby="{id}-title {id}-desc" font-family="{FONT}" font-size="13" fill="{INK}">"#);
        let _ = write!(s, r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#, escape(title), escape(desc));
        let _ = write!(s, r##"<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>"##);
        let mut c = Canvas(s);
        c.text(12.0, 24.0, "start", 15.0, INK, title, true);
        c
    }

    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: f64, y: f64, anchor: &str, size: f64, fill: &str, s: &str, bold: bool) {
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(self.0, r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{weight}>{}</text>"#, escape(s));
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dash: Option<&str>) {
        let dash = dash.map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
        let _ = write!(self.0, r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#);
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = write!(self.0, r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"/>"#, w.max(0.0));
    }

    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// A chart with nothing to draw yet.
fn empty(title: &str, message: &str) -> String {
    let mut c = Canvas::new(title, message, 110.0);
    c.text(WIDTH / 2.0, 70.0, "middle", 14.0, MUTED, message, false);
    c.finish()
}

const NO_RECORDS: &str = "No records yet";

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// 3 or 2.5: a figure without a useless ".0".
fn figure(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// Year, month and day of a unix day (Howard Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn date(ms: i64) -> String {
    let (y, m, d) = civil(ms.div_euclid(86_400_000));
    format!("{y:04}-{m:02}-{d:02}")
}

fn short_date(ms: i64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (_, m, d) = civil(ms.div_euclid(86_400_000));
    format!("{d} {}", MONTHS[(m - 1) as usize])
}

/// Code-level and record-level accuracy over time, with the industry bar as a dashed line.
pub fn accuracy_chart(series: &AccuracySeries) -> String {
    const TITLE: &str = "Accuracy over time";
    let ps = &series.periods;
    let (Some(first), Some(last)) = (ps.first(), ps.last()) else { return empty(TITLE, NO_RECORDS) };
    let (unit, each) = match series.granularity {
        Granularity::Day => ("day", ""),
        Granularity::Week => ("week", "Week of "),
    };
    let mut desc = format!(
        "Code-level and record-level accuracy per {unit}, {} {unit}{} from {} to {}, against the {} industry bar.",
        ps.len(),
        if ps.len() == 1 { "" } else { "s" },
        date(first.start),
        date(last.start),
        pct(series.bar)
    );
    for p in ps {
        let _ = write!(
            desc,
            " {each}{}: {} record{}, code-level {}, record-level {}.",
            date(p.start),
            p.records,
            if p.records == 1 { "" } else { "s" },
            pct(p.code_accuracy),
            pct(p.record_accuracy)
        );
    }
    let height = 340.0;
    let mut c = Canvas::new(TITLE, &desc, height);
    let (left, right, top, bottom) = (52.0, 566.0, 70.0, 286.0);
    let y = |v: f64| bottom - v.clamp(0.0, 1.0) * (bottom - top);
    let n = ps.len();
    // Placed by time, so a day or a week without records shows as a gap.
    let span = (last.start - first.start) as f64;
    let x = |i: usize| if span <= 0.0 { (left + right) / 2.0 } else { left + 14.0 + (ps[i].start - first.start) as f64 / span * (right - left - 28.0) };

    // Legend: a circle, a square and a dash, so the series are told apart without colour.
    let _ = write!(c.0, r#"<circle cx="18" cy="45" r="4" fill="{BLUE}"/>"#);
    c.text(28.0, 49.0, "start", 12.0, INK, "Code-level accuracy", false);
    c.rect(176.0, 41.0, 8.0, 8.0, ORANGE);
    c.text(190.0, 49.0, "start", 12.0, INK, "Record-level accuracy", false);
    c.line((348.0, 45.0), (372.0, 45.0), INK, 2.0, Some("6 4"));
    c.text(378.0, 49.0, "start", 12.0, INK, &format!("{} industry bar", pct(series.bar)), false);

    for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
        c.line((left, y(v)), (right, y(v)), GRID, 1.0, None);
        c.text(left - 6.0, y(v) + 4.0, "end", 11.0, MUTED, &pct(v), false);
    }
    c.line((left, y(series.bar)), (right, y(series.bar)), INK, 2.0, Some("6 4"));
    c.text(right + 6.0, y(series.bar) + 4.0, "start", 11.0, INK, &format!("{} bar", pct(series.bar)), false);

    // A date under a point when there is room for it (about 50 units from the last one).
    let mut labelled = f64::NEG_INFINITY;
    for (i, p) in ps.iter().enumerate() {
        if x(i) - labelled >= 50.0 {
            labelled = x(i);
            c.text(x(i), bottom + 18.0, "middle", 11.0, MUTED, &short_date(p.start), false);
        }
    }
    let caption = match series.granularity {
        Granularity::Day => "Per day (UTC)",
        Granularity::Week => "Per week, weeks starting on Monday (UTC)",
    };
    c.text((left + right) / 2.0, bottom + 40.0, "middle", 11.0, MUTED, caption, false);

    let points = |f: &dyn Fn(&crate::Period) -> f64| ps.iter().enumerate().map(|(i, p)| format!("{:.1},{:.1}", x(i), y(f(p)))).collect::<Vec<_>>().join(" ");
    if n > 1 {
        let _ = write!(c.0, r#"<polyline points="{}" fill="none" stroke="{BLUE}" stroke-width="2.5"/>"#, points(&|p| p.code_accuracy));
        let _ = write!(c.0, r#"<polyline points="{}" fill="none" stroke="{ORANGE}" stroke-width="2.5"/>"#, points(&|p| p.record_accuracy));
    }
    for (i, p) in ps.iter().enumerate() {
        let when = format!("{each}{}", date(p.start));
        let _ = write!(
            c.0,
            r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{BLUE}"><title>{}: code-level {}</title></circle>"#,
            x(i),
            y(p.code_accuracy),
            escape(&when),
            pct(p.code_accuracy)
        );
        let _ = write!(
            c.0,
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{ORANGE}"><title>{}: record-level {}</title></rect>"#,
            x(i) - 4.0,
            y(p.record_accuracy) - 4.0,
            escape(&when),
            pct(p.record_accuracy)
        );
    }
    c.finish()
}

/// One bar of a horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The figure written after the bar, and said in the description ("4.2/h").
    pub text: String,
    /// A reference drawn as a dashed line across the bar (a benchmark).
    pub marker: Option<f64>,
    /// Drawn in the darker colour (the lighter one for bars of less concern).
    pub strong: bool,
}

/// A horizontal bar chart: a label, a bar and its figure per row, in the order given. `summary` opens the
/// description; `marker` says what the dashed lines are, when bars have one.
pub fn bar_chart(title: &str, summary: &str, bars: &[Bar], marker: Option<&str>) -> String {
    if bars.is_empty() {
        return empty(title, NO_RECORDS);
    }
    let mut desc = summary.to_string();
    for b in bars {
        let _ = write!(desc, " {}: {}.", b.label, b.text);
    }
    const ROW: f64 = 26.0;
    let top = if marker.is_some() { 64.0 } else { 44.0 };
    let height = top + ROW * bars.len() as f64 + 12.0;
    let mut c = Canvas::new(title, &desc, height);
    if let Some(m) = marker {
        c.line((14.0, 41.0), (14.0, 53.0), INK, 2.0, Some("3 2"));
        c.text(24.0, 51.0, "start", 12.0, INK, m, false);
    }
    let (left, full) = (204.0, 200.0);
    let max = bars.iter().flat_map(|b| [b.value, b.marker.unwrap_or(0.0)]).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let scale = |v: f64| if max > 0.0 && v.is_finite() { v.max(0.0) / max * full } else { 0.0 };
    for (i, b) in bars.iter().enumerate() {
        let y = top + i as f64 * ROW;
        c.text(left - 8.0, y + 17.0, "end", 13.0, INK, &b.label, false);
        let w = scale(b.value);
        c.rect(left, y + 5.0, w, 16.0, if b.strong { BLUE } else { LIGHT });
        let mut end = left + w;
        if let Some(m) = b.marker {
            let mx = left + scale(m);
            c.line((mx, y + 1.0), (mx, y + 25.0), INK, 2.0, Some("3 2"));
            end = end.max(mx);
        }
        c.text(end + 8.0, y + 17.0, "start", 12.0, INK, &b.text, false);
    }
    c.finish()
}

/// Charts per hour per setting against each setting's benchmark.
pub fn productivity_chart(rows: &[SettingProductivity]) -> String {
    let bars: Vec<Bar> = rows
        .iter()
        .map(|p| {
            let benchmark = figure(p.benchmark);
            Bar {
                label: setting_label(p.setting).to_string(),
                value: p.charts_per_hour.unwrap_or(0.0),
                text: match p.charts_per_hour {
                    Some(c) => format!("{}/h, benchmark {benchmark}/h", figure(c)),
                    None => format!("no timed record, benchmark {benchmark}/h"),
                },
                marker: Some(p.benchmark),
                strong: true,
            }
        })
        .collect();
    bar_chart("Charts per hour", "Charts coded per hour in each setting, from the workstation timer, against the setting's benchmark.", &bars, Some("Benchmark"))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The error categories: in how many of the learner's `records` each appears, the recurring ones darker.
pub fn error_chart(errors: &[ErrorStat], records: usize) -> String {
    const TITLE: &str = "Error categories";
    if records == 0 {
        return empty(TITLE, NO_RECORDS);
    }
    if errors.is_empty() {
        return empty(TITLE, &format!("No errors in {records} record{}", if records == 1 { "" } else { "s" }));
    }
    let bars: Vec<Bar> = errors
        .iter()
        .map(|e| Bar {
            label: capitalised(e.category.label()),
            value: e.records as f64,
            text: format!("{} of {records} ({}){}", e.records, pct(e.share), if e.recurring { ", recurring" } else { "" }),
            marker: None,
            strong: e.recurring,
        })
        .collect();
    bar_chart(TITLE, &format!("The records, of {records}, in which each error category appears."), &bars, None)
}

/// Records coded per track.
pub fn track_chart(tracks: &[TrackCount]) -> String {
    const TITLE: &str = "Records coded per track";
    if tracks.iter().all(|t| t.records == 0) {
        return empty(TITLE, NO_RECORDS);
    }
    let bars: Vec<Bar> = tracks
        .iter()
        .map(|t| Bar { label: track_label(t.track).to_string(), value: t.records as f64, text: t.records.to_string(), marker: None, strong: true })
        .collect();
    bar_chart(TITLE, "Records coded in each track; a record counts for each of its case's tracks.", &bars, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape(r#"<a href="x">Tom & 'Jerry'</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc\nd");
    }

    #[test]
    fn unix_days_become_calendar_dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_772_409_600_000), "2026-03-02");
        assert_eq!(date(951_782_400_000), "2000-02-29");
        assert_eq!(date(-86_400_000), "1969-12-31");
        assert_eq!(short_date(1_772_409_600_000), "2 Mar");
    }

    #[test]
    fn figures_drop_a_useless_decimal() {
        assert_eq!((figure(3.0), figure(2.5), figure(22.04)), ("3".to_string(), "2.5".to_string(), "22.0".to_string()));
    }

    #[test]
    fn empty_data_gives_a_chart_that_says_so() {
        let s = AccuracySeries { granularity: Granularity::Day, periods: vec![], bar: 0.95 };
        for svg in [accuracy_chart(&s), productivity_chart(&[]), error_chart(&[], 0), track_chart(&[]), bar_chart("x", "y", &[], None)] {
            assert!(svg.contains("No records yet") && svg.contains(r#"role="img""#) && svg.ends_with("</svg>"), "{svg}");
        }
        assert!(error_chart(&[], 3).contains("No errors in 3 records"));
    }

    #[test]
    fn a_bar_chart_scales_to_the_largest_value_or_marker_and_survives_nonsense() {
        let bar = |label: &str, value: f64, marker: Option<f64>| Bar { label: label.into(), value, text: "t".into(), marker, strong: true };
        let svg = bar_chart("T", "S", &[bar("a", 2.0, Some(4.0)), bar("b", 4.0, None)], Some("Benchmark"));
        assert!(svg.contains(r#"width="100.0""#) && svg.contains(r#"width="200.0""#), "{svg}");
        let svg = bar_chart("T", "S", &[bar("a", f64::NAN, None), bar("b", -1.0, Some(f64::INFINITY))], None);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }
}
