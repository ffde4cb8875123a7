//! The MS-DRG v43.1 definitions tables, read from `data/raw/msdrg/v431/` (embedded).
//!
//! Every diagnosis and procedure carries *tokens*: a token names the DRGs of one formula and the list of that formula
//! the code belongs to, as the Definitions Manual titles it (`023&024|CRANIOTOMY ORPCS`). Tokens are interned as
//! *labels* (`u16`), so that the formulas in `logic` test a bit, not a string. The tables are data; which label makes
//! which DRG is decided in `logic`.

use crate::code::Key;
use flate2::read::GzDecoder;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Read;
use std::sync::OnceLock;

/// CC or MCC.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Level {
    Cc,
    Mcc,
}

#[derive(Clone, Debug)]
pub struct CcInfo {
    pub level: Level,
    /// The principal-diagnosis exclusion list (Definitions Manual Appendix C, Table 6K).
    pub exclusion_list: u16,
    /// A CC/MCC only when the patient was discharged alive.
    pub only_alive: bool,
    /// The hospital-acquired condition category (1–14) the code belongs to, 0 if none.
    pub hac: u8,
}

#[derive(Clone, Debug, Default)]
pub struct DxInfo {
    /// The MDC of the code as a principal diagnosis (0 when it has none). Codes of both reproductive MDCs hold 12
    /// here and `female_mdc` 13.
    pub mdc: u8,
    pub female_mdc: u8,
    /// A principal diagnosis that can open MDC 24 (multiple significant trauma).
    pub trauma_pdx: bool,
    /// In MDC 25's list of HIV-related conditions.
    pub hiv_related: bool,
    /// Body sites of significant trauma (bit per `TRAUMA_SITES` entry).
    pub trauma_sites: u8,
    pub labels: Box<[u16]>,
    pub cc: Option<CcInfo>,
}

/// The significant-trauma body sites of MDC 24, in bit order.
pub const TRAUMA_SITES: [&str; 8] = ["HEAD", "CHEST", "ABDOMEN", "KIDNEY", "URINARY", "PELVIS_SPINE", "UPPER_LIMB", "LOWER_LIMB"];

#[derive(Clone, Debug)]
pub struct OrInfo {
    pub extensive: bool,
    /// The DRGs this O.R. procedure may group to (Appendix E).
    pub drgs: Box<[u16]>,
}

#[derive(Clone, Debug, Default)]
pub struct PrInfo {
    pub labels: Box<[u16]>,
    /// Labels that hold only when every one of the other procedures is also on the claim (a procedure cluster).
    pub clusters: Box<[(u16, Box<[Key]>)]>,
    pub or: Option<OrInfo>,
}

#[derive(Clone, Debug)]
pub struct DrgInfo {
    pub drg: u16,
    /// 0 for pre-MDC, 255 for none (the unrelated O.R. DRGs and 998/999).
    pub mdc: u8,
    pub surgical: bool,
    pub medical: bool,
    pub title: String,
    pub weight: f64,
    pub gmlos: f64,
    pub amlos: f64,
    pub post_acute: bool,
    pub special_pay: bool,
    pub rank: Option<u16>,
}

pub struct Definitions {
    pub version: &'static str,
    label_names: Vec<String>,
    label_ids: FxHashMap<String, u16>,
    /// For each label, the DRGs of its formula.
    label_drgs: Vec<Box<[u16]>>,
    pub dx: FxHashMap<Key, DxInfo>,
    pub pr: FxHashMap<Key, PrInfo>,
    drgs: Vec<Option<DrgInfo>>,
    /// For each principal diagnosis, the sorted exclusion lists it belongs to.
    pdx_exclusions: FxHashMap<Key, Box<[u16]>>,
    /// DRG → secondary diagnoses that do not count as CC/MCC within it.
    pub drg_exclusions: FxHashMap<u16, FxHashSet<Key>>,
    /// DRG → first DRG of its family; first DRG → the family's DRGs (the longest list any label names).
    family_of: FxHashMap<u16, u16>,
    families: FxHashMap<u16, Vec<u16>>,
    /// Cluster labels whose codes are all non-O.R. but together make one O.R. procedure (a pacemaker device with its
    /// lead), with the DRGs that procedure may group to.
    pub cluster_or: FxHashMap<u16, OrInfo>,
}

macro_rules! table {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/raw/msdrg/v431/", $name, ".tsv.gz"))
    };
}

fn gunzip(bytes: &[u8]) -> String {
    let mut s = String::new();
    GzDecoder::new(bytes).read_to_string(&mut s).expect("embedded MS-DRG table is valid gzip UTF-8");
    s
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

fn key(s: &str) -> Key {
    Key::of(s).unwrap_or_else(|| panic!("MS-DRG table holds a malformed code {s:?}"))
}

static BUILTIN: OnceLock<Definitions> = OnceLock::new();

/// The built-in v43.1 definitions, read once.
pub fn builtin() -> &'static Definitions {
    BUILTIN.get_or_init(Definitions::load_builtin)
}

impl Definitions {
    fn load_builtin() -> Definitions {
        let mut d = Definitions {
            version: "43.1",
            label_names: vec![],
            label_ids: FxHashMap::default(),
            label_drgs: vec![],
            dx: FxHashMap::default(),
            pr: FxHashMap::default(),
            drgs: vec![None; 1000],
            pdx_exclusions: FxHashMap::default(),
            drg_exclusions: FxHashMap::default(),
            family_of: FxHashMap::default(),
            families: FxHashMap::default(),
            cluster_or: FxHashMap::default(),
        };
        let dx_text = gunzip(table!("dx"));
        for r in rows(&dx_text) {
            let mut info = DxInfo::default();
            let mut labels = vec![];
            for t in &r[1..] {
                if let Some(m) = t.strip_prefix("_MDC") {
                    match m {
                        "24_PDX" => info.trauma_pdx = true,
                        "25" => info.hiv_related = true,
                        _ => {
                            let m: u8 = m.parse().unwrap_or_else(|_| panic!("bad MDC token {t}"));
                            if info.mdc == 0 {
                                info.mdc = m;
                            } else {
                                info.female_mdc = m;
                            }
                        }
                    }
                } else if let Some(site) = t.strip_prefix("_TRAUMA24_SITE_") {
                    let bit = TRAUMA_SITES.iter().position(|s| *s == site).unwrap_or_else(|| panic!("unknown trauma site {site}"));
                    info.trauma_sites |= 1 << bit;
                } else {
                    labels.push(d.intern(t));
                }
            }
            labels.sort_unstable();
            labels.dedup();
            info.labels = labels.into();
            d.dx.insert(key(r[0]), info);
        }
        let pr_text = gunzip(table!("pr"));
        for r in rows(&pr_text) {
            let mut labels = vec![];
            let mut clusters: Vec<(u16, Box<[Key]>)> = vec![];
            for t in &r[1..] {
                let parts: Vec<&str> = t.split('|').collect();
                let id = d.intern(&format!("{}|{}", parts[0], parts.get(1).copied().unwrap_or("")));
                if parts.len() > 2 {
                    let others: Box<[Key]> = parts[2..].iter().map(|c| key(c)).collect();
                    if !clusters.iter().any(|(l, o)| *l == id && *o == others) {
                        clusters.push((id, others));
                    }
                } else {
                    labels.push(id);
                }
            }
            labels.sort_unstable();
            labels.dedup();
            d.pr.insert(key(r[0]), PrInfo { labels: labels.into(), clusters: clusters.into(), or: None });
        }
        let or_text = gunzip(table!("or"));
        for r in rows(&or_text) {
            let drgs: Box<[u16]> = r[2].split(',').filter(|s| !s.is_empty()).map(|s| s.parse().expect("DRG number")).collect();
            let info = OrInfo { extensive: r[1] == "extensive", drgs };
            d.pr.entry(key(r[0])).or_default().or = Some(info);
        }
        // A cluster of non-O.R. codes (the pacemaker device with its lead) is one extensive O.R. procedure that may
        // group to the DRGs of the cluster's formula (as the reference does in every MDC).
        let mut cluster_or = FxHashMap::default();
        for info in d.pr.values() {
            for (l, others) in info.clusters.iter() {
                if info.or.is_none() && others.iter().all(|o| d.pr.get(o).is_none_or(|x| x.or.is_none())) {
                    let drgs = d.label_drgs[*l as usize].clone();
                    cluster_or.entry(*l).or_insert_with(|| OrInfo { extensive: true, drgs });
                }
            }
        }
        d.cluster_or = cluster_or;
        let cc_text = gunzip(table!("cc"));
        let mut ccs = vec![];
        for r in rows(&cc_text) {
            let level = if r[1] == "MCC" { Level::Mcc } else { Level::Cc };
            let hac = if r[4] == "-" { 0 } else { r[4].parse().expect("HAC category") };
            ccs.push((key(r[0]), CcInfo { level, exclusion_list: r[2].parse().expect("exclusion list"), only_alive: r[3] == "1", hac }));
        }
        for (k, cc) in ccs {
            d.dx.entry(k).or_default().cc = Some(cc);
        }
        let ex_text = gunzip(table!("cc-exclusions"));
        let mut by_pdx: FxHashMap<Key, Vec<u16>> = FxHashMap::default();
        for r in rows(&ex_text) {
            let list: u16 = r[0].parse().expect("exclusion list number");
            for c in &r[1..] {
                by_pdx.entry(key(c)).or_default().push(list);
            }
        }
        d.pdx_exclusions = by_pdx
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_unstable();
                v.dedup();
                (k, v.into_boxed_slice())
            })
            .collect();
        let de_text = gunzip(table!("drg-exclusions"));
        for r in rows(&de_text) {
            d.drg_exclusions.insert(r[0].parse().expect("DRG"), r[1..].iter().map(|c| key(c)).collect());
        }
        let drg_text = gunzip(table!("drgs"));
        for r in rows(&drg_text) {
            let drg: u16 = r[0].parse().expect("DRG");
            let mdc = match r[1] {
                "PRE" => 0,
                "-" => 255,
                m => m.parse().expect("MDC"),
            };
            let num = |s: &str| s.parse::<f64>().unwrap_or(0.0);
            d.drgs[drg as usize] = Some(DrgInfo {
                drg,
                mdc,
                surgical: r[2] == "SURG",
                medical: r[2] == "MED",
                title: r[3].to_string(),
                weight: num(r[4]),
                gmlos: num(r[5]),
                amlos: num(r[6]),
                post_acute: r[7] == "1",
                special_pay: r[8] == "1",
                rank: r[9].parse().ok(),
            });
        }
        for drgs in &d.label_drgs {
            let Some(&first) = drgs.first() else { continue };
            let known = d.families.get(&first).map_or(0, |v| v.len());
            if drgs.len() > known {
                d.families.insert(first, drgs.to_vec());
            }
        }
        for (first, drgs) in &d.families {
            for x in drgs {
                d.family_of.insert(*x, *first);
            }
        }
        assert!(d.label_names.len() <= 1024, "more labels than the grouper's bit sets hold");
        d
    }

    fn intern(&mut self, token: &str) -> u16 {
        if let Some(&id) = self.label_ids.get(token) {
            return id;
        }
        let id = self.label_names.len() as u16;
        let drgs: Box<[u16]> = token.split('|').next().unwrap_or("").split('&').filter_map(|s| s.parse().ok()).collect();
        self.label_names.push(token.to_string());
        self.label_ids.insert(token.to_string(), id);
        self.label_drgs.push(drgs);
        id
    }

    /// The label of a token, if any code carries it.
    pub fn label(&self, token: &str) -> Option<u16> {
        self.label_ids.get(token).copied()
    }

    pub fn label_name(&self, id: u16) -> &str {
        &self.label_names[id as usize]
    }

    pub fn label_count(&self) -> usize {
        self.label_names.len()
    }

    /// The DRGs of the family whose first DRG is `first` (as the labels name it).
    pub fn label_drgs_of(&self, first: u16) -> Option<&[u16]> {
        self.family_of.get(&first).filter(|&&f| f == first).and_then(|_| self.families.get(&first)).map(|v| &v[..])
    }

    /// The first DRG of the family a DRG belongs to.
    pub fn family_of(&self, drg: u16) -> Option<u16> {
        self.family_of.get(&drg).copied()
    }

    /// The DRGs of the formula a label belongs to.
    pub fn label_drgs(&self, id: u16) -> &[u16] {
        &self.label_drgs[id as usize]
    }

    pub fn drg(&self, drg: u16) -> Option<&DrgInfo> {
        self.drgs.get(drg as usize).and_then(|d| d.as_ref())
    }

    pub fn drgs(&self) -> impl Iterator<Item = &DrgInfo> {
        self.drgs.iter().flatten()
    }

    /// Whether `pdx` excludes a secondary diagnosis whose exclusion list is `list`.
    pub fn pdx_excludes(&self, pdx: Key, list: u16) -> bool {
        self.exclusion_lists_of(pdx).binary_search(&list).is_ok()
    }

    /// The exclusion lists that hold a principal diagnosis, sorted (look them up once per claim).
    pub fn exclusion_lists_of(&self, pdx: Key) -> &[u16] {
        self.pdx_exclusions.get(&pdx).map_or(&[], |l| &l[..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_facts_read_from_the_tables() {
        let d = builtin();
        // Heart failure with reduced ejection fraction, acute: an MCC; chronic: a CC (Tables 6I and 6J).
        assert_eq!(d.dx[&Key::of("I5021").unwrap()].cc.as_ref().unwrap().level, Level::Mcc);
        assert_eq!(d.dx[&Key::of("I5022").unwrap()].cc.as_ref().unwrap().level, Level::Cc);
        assert!(d.dx[&Key::of("E119").unwrap()].cc.is_none());
        assert_eq!(d.dx[&Key::of("I5020").unwrap()].mdc, 5);
        assert_eq!(d.dx[&Key::of("J189").unwrap()].mdc, 4);
        // A CC is excluded by a principal diagnosis of its own kind: I50.22 with I50.21 as principal.
        let cc = d.dx[&Key::of("I5022").unwrap()].cc.as_ref().unwrap().exclusion_list;
        assert!(d.pdx_excludes(Key::of("I5021").unwrap(), cc));
        assert!(!d.pdx_excludes(Key::of("J189").unwrap(), cc));
        // Table 5, FY2026: DRG 470 and its relative weight, a surgical DRG of MDC 8.
        let drg = d.drg(470).unwrap();
        assert_eq!(drg.mdc, 8);
        assert!(drg.surgical);
        assert!(drg.weight > 1.5 && drg.weight < 2.5, "{}", drg.weight);
        assert!(drg.title.contains("Hip"));
        // Laparoscopic cholecystectomy is an O.R. procedure.
        assert!(d.pr[&Key::of("0FT44ZZ").unwrap()].or.is_some());
        assert!(d.drgs().count() > 750);
    }
}
