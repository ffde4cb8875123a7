//! Grouping: from a claim to its MS-DRG, with what each code did.
//!
//! The order follows the Definitions Manual: the principal diagnosis opens an MDC (or the pre-MDC procedures take the
//! claim first); within the MDC the O.R. procedures pick a surgical DRG by the surgical hierarchy, or the principal
//! diagnosis a medical DRG; an O.R. procedure unrelated to the MDC leads to 981–989; the secondary diagnoses set the
//! severity (CC/MCC after exclusions), and the severity picks the DRG within its family. Hospital-acquired conditions
//! not present on admission are dropped from the severity for the *final* DRG; the *initial* DRG counts them.

use crate::claim::{Claim, Poa, Sex};
use crate::code::Key;
use crate::defs::{builtin, CcInfo, Definitions, DrgInfo, DxInfo, Level, OrInfo};
use crate::logic;
use serde::Serialize;

/// A set of labels as bits (the definitions hold fewer than 1,024 labels).
#[derive(Clone, Copy, Default)]
pub struct Bits([u64; 16]);

impl Bits {
    #[inline]
    pub fn set(&mut self, l: u16) {
        self.0[(l >> 6) as usize] |= 1 << (l & 63);
    }
    #[inline]
    pub fn has(&self, l: u16) -> bool {
        l < 1024 && self.0[(l >> 6) as usize] & (1 << (l & 63)) != 0
    }
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            let mut b = bits;
            std::iter::from_fn(move || {
                if b == 0 {
                    return None;
                }
                let t = b.trailing_zeros();
                b &= b - 1;
                Some((w as u32 * 64 + t) as u16)
            })
        })
    }
}

/// Why a secondary diagnosis on the CC/MCC list did not count.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// The principal diagnosis excludes it (CC exclusion list).
    Principal,
    /// The DRG the claim groups to does not count it.
    Drg,
    /// A CC/MCC only when the patient is discharged alive.
    Died,
    /// A hospital-acquired condition not present on admission.
    HospitalAcquired,
    /// The same code as an earlier secondary diagnosis (a code counts once).
    Duplicate,
}

#[derive(Clone, Copy, Debug)]
pub struct SdxSeverity {
    pub index: usize,
    pub level: Level,
    pub excluded: Option<Exclusion>,
}

/// Everything the formulas ask of a claim.
pub struct Features<'a> {
    pub d: &'a Definitions,
    pub claim: &'a Claim,
    pub pdx: &'a DxInfo,
    pub pdx_labels: Bits,
    pub sdx_labels: Bits,
    pub pr_labels: Bits,
    /// The claim's O.R. procedures (index into `claim.procedures`).
    pub or: Vec<(usize, &'a OrInfo)>,
    /// The CC/MCC of the secondary diagnoses before DRG-specific exclusions, for the DRG being computed.
    pub ccs: Vec<SdxSeverity>,
    /// The MDC being evaluated.
    pub mdc: u8,
    /// For each procedure of the claim: the families of the complete clusters of the claim's MDC it is part of (it
    /// counts only for their lists; set with the MDC by `enter_mdc`, none before).
    consumed: Vec<Vec<u16>>,
}

impl<'a> Features<'a> {
    #[inline]
    pub fn pdx(&self, l: u16) -> bool {
        self.pdx_labels.has(l)
    }
    #[inline]
    pub fn sdx(&self, l: u16) -> bool {
        self.sdx_labels.has(l)
    }
    #[inline]
    pub fn pr(&self, l: u16) -> bool {
        self.pr_labels.has(l)
    }
    pub fn died(&self) -> bool {
        self.claim.discharge_status == 20
    }
    pub fn sex(&self) -> Sex {
        self.claim.sex
    }
    pub fn pdx_code(&self) -> Key {
        self.claim.pdx.code
    }
    pub fn sdx_codes(&self) -> impl Iterator<Item = Key> + '_ {
        self.claim.sdx.iter().map(|d| d.code)
    }

    /// The severity of the claim's secondary diagnoses, leaving out those a DRG family excludes.
    pub fn level_for(&self, family_first: u16) -> Option<Level> {
        let drg_excl = self.d.drg_exclusions.get(&family_first);
        let mut best = None;
        for s in &self.ccs {
            if s.excluded.is_some() {
                continue;
            }
            if let Some(ex) = drg_excl {
                if ex.contains(&self.claim.sdx[s.index].code) {
                    continue;
                }
            }
            if best.is_none_or(|b| s.level > b) {
                best = Some(s.level);
            }
        }
        best
    }

    /// Whether any O.R. procedure on the claim may group to `drg` (Appendix E).
    pub fn or_to(&self, drg: u16) -> bool {
        self.or.iter().any(|(_, o)| o.drgs.contains(&drg))
    }

    /// Whether the procedure at `i` counts for its list `l`: a procedure that completes a procedure cluster of the
    /// claim's MDC counts only through the cluster's family (a removal of a knee spacer with a knee replacement is a
    /// revision, not a debridement; a lead of a craniotomy with a major device implant is still a craniotomy).
    pub fn counts(&self, i: usize, l: u16) -> bool {
        let Some(info) = self.d.pr.get(&self.claim.procedures[i]) else { return false };
        info.labels.contains(&l) && self.counts_own(i, l)
    }

    /// `counts` for a label the procedure is known to carry.
    pub fn counts_own(&self, i: usize, l: u16) -> bool {
        match self.consumed.get(i) {
            None => true,
            Some(c) if c.is_empty() => true,
            Some(c) => self.d.label_drgs(l).first().is_some_and(|x| c.contains(x)),
        }
    }

    /// Opens the claim's MDC: the procedure labels become those the MDC's formulas see. As the reference does, a
    /// procedure of a complete cluster whose family is in the claim's MDC (listed under it or under another procedure
    /// of the claim) counts only for that family's lists; clusters of other MDCs take nothing away (a hip revision
    /// pair stays a hip procedure for multiple significant trauma; a neurostimulator lead of a nervous-system pair
    /// stays a musculoskeletal procedure).
    pub fn enter_mdc(&mut self, mdc: u8) {
        self.mdc = mdc;
        let d = self.d;
        let procs = &self.claim.procedures;
        let complete = |others: &[Key]| others.iter().all(|o| procs.contains(o));
        // Allocated only when a cluster of the MDC is complete (most claims have none).
        let mut consumed: Vec<Vec<u16>> = Vec::new();
        for (j, p) in procs.iter().enumerate() {
            let Some(info) = d.pr.get(p) else { continue };
            for (l, others) in info.clusters.iter() {
                let Some(&first) = d.label_drgs(*l).first() else { continue };
                if d.drg(first).is_none_or(|x| x.mdc != mdc) || !complete(others) {
                    continue;
                }
                if consumed.is_empty() {
                    consumed = vec![Vec::new(); procs.len()];
                }
                for (i, c) in procs.iter().enumerate() {
                    if (i == j || others.contains(c)) && !consumed[i].contains(&first) {
                        consumed[i].push(first);
                    }
                }
            }
        }
        self.consumed = consumed;
        if self.consumed.is_empty() {
            return;
        }
        let mut bits = Bits::default();
        for (i, p) in procs.iter().enumerate() {
            let Some(info) = d.pr.get(p) else { continue };
            for &l in info.labels.iter() {
                if self.counts_own(i, l) {
                    bits.set(l);
                }
            }
            for (l, others) in info.clusters.iter() {
                if complete(others) {
                    bits.set(*l);
                }
            }
        }
        self.pr_labels = bits;
    }
}

/// The outcome of grouping one claim.
#[derive(Clone, Debug, Serialize)]
pub struct Grouping {
    pub id: String,
    pub drg: u16,
    pub mdc: Option<u8>,
    pub title: String,
    pub weight: f64,
    pub gmlos: f64,
    pub amlos: f64,
    /// MCC, CC or NONE: the highest severity that counted for the final DRG.
    pub severity: &'static str,
    /// The DRG before hospital-acquired conditions not present on admission were dropped.
    pub initial_drg: u16,
    pub return_code: &'static str,
    pub codes: Vec<CodeOutcome>,
}

/// What one code of the claim did.
#[derive(Clone, Debug, Serialize)]
pub struct CodeOutcome {
    pub code: Key,
    /// pdx, sdx or procedure.
    pub role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poa: Option<&'static str>,
    /// The MDC the principal diagnosis opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mdc: Option<u8>,
    /// CC or MCC when the code is on the CC/MCC list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Why a CC/MCC did not count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Exclusion>,
    /// The hospital-acquired condition category the code belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hac: Option<u8>,
    /// For procedures: an O.R. procedure (Appendix E).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operating_room: Option<bool>,
    /// The code decided the DRG: the principal diagnosis, the procedures of the surgical DRG, the CC/MCC that set the
    /// severity level the DRG splits on.
    pub drove: bool,
    /// Not in the MS-DRG v43.1 tables (invalid for the grouper).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

impl CodeOutcome {
    /// A diagnosis (role "pdx" or "sdx") as it starts: the fields a grouping fills are empty.
    fn diagnosis(dx: &crate::claim::Diagnosis, role: &'static str, unknown: bool) -> CodeOutcome {
        let poa = Some(dx.poa.as_str());
        let (mdc, level, excluded, hac, operating_room) = (None, None, None, None, None);
        CodeOutcome { code: dx.code, role, poa, mdc, level, excluded, hac, operating_room, drove: false, unknown }
    }

    /// A procedure as it starts: the fields a grouping fills are empty.
    fn procedure(code: Key, unknown: bool) -> CodeOutcome {
        let role = "procedure";
        let (poa, mdc, level, excluded, hac, operating_room) = (None, None, None, None, None, None);
        CodeOutcome { code, role, poa, mdc, level, excluded, hac, operating_room, drove: false, unknown }
    }
}

/// The choice of a formula: the DRG, and the procedures that made it surgical.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    pub drg: u16,
    /// The first DRG of the family (its severity exclusions are looked up under it).
    pub family: u16,
    pub procedures: Vec<usize>,
    /// Whether the DRG within the family depended on the CC/MCC level.
    pub by_severity: bool,
}

/// The MS-DRG grouper over a set of definitions.
pub struct Grouper {
    d: &'static Definitions,
}

impl Default for Grouper {
    fn default() -> Self {
        Grouper::builtin()
    }
}

/// Whether `code`, of HAC category `cat`, meets the category's criteria on this claim (the codes alone for most
/// categories; a procedure or a companion diagnosis for the others).
fn hac_applies(cat: u8, code: Key, claim: &Claim) -> bool {
    let has = |p: &str| claim.procedures.iter().any(|k| k.starts_with(p));
    let sdx = |p: &str| claim.sdx.iter().any(|d| d.code.starts_with(p));
    // Surgical site infection after bariatric surgery for morbid obesity (E66.01, or obesity class 3, E66.813).
    let bariatric = || morbid_obesity(claim.pdx.code) && (has("0D16") || has("0DV6") || has("0DB6"));
    // Surgical site infection after certain orthopedic procedures of the spine, shoulder and elbow.
    let orthopedic = || has("0RG") || has("0SG") || has("0RR") || has("0RQ");
    // A cardiac implantable electronic device procedure: a device in the chest or abdomen, or a cardiac lead.
    let lead = |k: &Key| k.starts_with("02H") && matches!(k.byte(5), b'J' | b'K' | b'M');
    let device = || has("0JH6") || has("0JH8") || has("0JWT") || claim.procedures.iter().any(lead);
    match cat {
        // Catheter-associated urinary tract infection: the catheter infection itself, or a urinary tract infection
        // with the catheter infection on the claim.
        6 => code.starts_with("T8351") || sdx("T83511") || sdx("T83518"),
        // Surgical site infection, mediastinitis, after coronary artery bypass graft.
        8 => has("0210") || has("0211") || has("0212") || has("0213"),
        // Deep vein thrombosis or pulmonary embolism after total knee or hip replacement.
        10 => claim.procedures.iter().any(|k| {
            k.starts_with("0SR") && matches!(k.byte(3), b'9' | b'A' | b'B' | b'C' | b'D' | b'E' | b'R' | b'S' | b'T' | b'U' | b'V' | b'W')
        }),
        11 => bariatric(),
        12 => orthopedic(),
        // A surgical site infection code (T81.40–T81.49, K68.11) is on the lists of categories 11, 12 and 13.
        13 if code.starts_with("T814") || code.starts_with("K6811") => bariatric() || orthopedic() || device(),
        // Infection of a cardiac device after a cardiac implantable electronic device procedure.
        13 => device(),
        // Iatrogenic pneumothorax with a central venous catheter: an infusion device put percutaneously into the
        // heart or great vessels (not the thoracic aorta) or an upper vein (not unspecified).
        14 => claim.procedures.iter().any(|k| {
            let body = k.byte(3);
            let vessel = (k.starts_with("02H") && body != b'W') || (k.starts_with("05H") && body != b'Y');
            vessel && matches!(k.byte(4), b'3' | b'4') && k.byte(5) == b'3'
        }),
        _ => true,
    }
}

/// The principal diagnoses of HAC 11 (morbid obesity; not CCs themselves, so not in the CC table's HAC column).
fn morbid_obesity(code: Key) -> bool {
    code.starts_with("E6601") || code.starts_with("E66813")
}

impl Grouper {
    pub fn builtin() -> Grouper {
        Grouper { d: builtin() }
    }

    pub fn definitions(&self) -> &'static Definitions {
        self.d
    }

    fn severities(&self, claim: &Claim, apply_hac: bool) -> Vec<SdxSeverity> {
        let mut out = Vec::new();
        let pdx_lists = self.d.exclusion_lists_of(claim.pdx.code);
        for (i, s) in claim.sdx.iter().enumerate() {
            let Some(info) = self.d.dx.get(&s.code) else { continue };
            let Some(cc) = &info.cc else { continue };
            // The same code as the principal diagnosis counts unless its exclusion list holds the principal diagnosis
            // (as for any other code); a repeated secondary diagnosis counts once: it is a duplicate, unless every
            // earlier report of it was dropped as hospital-acquired and this one counts (present on admission).
            let repeated = claim.sdx[..i].iter().any(|o| o.code == s.code);
            let counted = |o: &SdxSeverity| claim.sdx[o.index].code == s.code && o.excluded.is_none();
            let earlier_counted = out.iter().any(counted);
            let acquired = apply_hac && cc.hac != 0 && matches!(s.poa, Poa::N | Poa::U);
            let excluded = if repeated && earlier_counted {
                Some(Exclusion::Duplicate)
            } else if pdx_lists.binary_search(&cc.exclusion_list).is_ok() {
                Some(Exclusion::Principal)
            } else if cc.only_alive && claim.discharge_status == 20 {
                Some(Exclusion::Died)
            } else if acquired && hac_applies(cc.hac, s.code, claim) {
                Some(Exclusion::HospitalAcquired)
            } else {
                None
            };
            let excluded = if repeated && excluded.is_some() { Some(Exclusion::Duplicate) } else { excluded };
            out.push(SdxSeverity { index: i, level: cc.level, excluded });
        }
        out
    }

    fn features<'a>(&'a self, claim: &'a Claim, pdx: &'a DxInfo, apply_hac: bool) -> Features<'a> {
        let d = self.d;
        let mut f = Features {
            d,
            claim,
            pdx,
            pdx_labels: Bits::default(),
            sdx_labels: Bits::default(),
            pr_labels: Bits::default(),
            or: Vec::new(),
            ccs: self.severities(claim, apply_hac),
            mdc: 0,
            consumed: Vec::new(),
        };
        for &l in pdx.labels.iter() {
            f.pdx_labels.set(l);
        }
        for s in &claim.sdx {
            if s.code == claim.pdx.code {
                continue;
            }
            if let Some(info) = d.dx.get(&s.code) {
                for &l in info.labels.iter() {
                    f.sdx_labels.set(l);
                }
            }
        }
        for (i, p) in claim.procedures.iter().enumerate() {
            let Some(info) = d.pr.get(p) else { continue };
            for &l in info.labels.iter() {
                f.pr_labels.set(l);
            }
            for (l, others) in info.clusters.iter() {
                if others.iter().all(|o| claim.procedures.contains(o)) {
                    f.pr_labels.set(*l);
                }
            }
            if let Some(or) = &info.or {
                if !f.or.iter().any(|(j, _)| claim.procedures[*j] == *p) {
                    f.or.push((i, or));
                }
            }
        }
        // A complete cluster of non-O.R. codes (a pacemaker device with its lead) is one O.R. procedure: each of its
        // codes enters the O.R. list with the cluster's Appendix E entry.
        for (i, p) in claim.procedures.iter().enumerate() {
            let Some(info) = d.pr.get(p) else { continue };
            for (l, others) in info.clusters.iter() {
                let Some(or) = d.cluster_or.get(l) else { continue };
                let non_or = others.iter().all(|o| d.pr.get(o).is_none_or(|x| x.or.is_none()));
                if info.or.is_some() || !non_or || !others.iter().all(|o| claim.procedures.contains(o)) {
                    continue;
                }
                let lead = others.iter().filter_map(|o| claim.procedures.iter().position(|x| x == o));
                for j in std::iter::once(i).chain(lead) {
                    if !f.or.iter().any(|(k, _)| claim.procedures[*k] == claim.procedures[j]) {
                        f.or.push((j, or));
                    }
                }
            }
        }
        f
    }

    /// The choice, its severity level, the MDC, and the secondary diagnoses' severities it was made with.
    fn choose(&self, claim: &Claim, pdx: &DxInfo, apply_hac: bool) -> (Choice, Option<Level>, u8, Vec<SdxSeverity>) {
        let mut f = self.features(claim, pdx, apply_hac);
        let (choice, mdc) = logic::group(&mut f);
        let level = f.level_for(choice.family);
        (choice, level, mdc, f.ccs)
    }

    /// Groups one claim.
    pub fn group(&self, claim: &Claim) -> Grouping {
        let d = self.d;
        let Some(pdx) = d.dx.get(&claim.pdx.code) else {
            // External causes (V00–Y99) are valid codes that can never be principal.
            let k = claim.pdx.code;
            let external = matches!(k.byte(0), b'V' | b'W' | b'X' | b'Y') && k.byte(1).is_ascii_digit() && k.byte(2).is_ascii_digit();
            return self.ungroupable(claim, if external { "DX_CANNOT_BE_PDX" } else { "INVALID_PDX" });
        };
        // A principal diagnosis whose MDC depends on the sex (12 male, 13 female) needs the sex.
        if pdx.female_mdc != 0 && claim.sex == Sex::U {
            return self.ungroupable(claim, "INVALID_SEX");
        }
        // A code of a hospital-acquired condition list whose POA indicator is missing makes the final DRG ungroupable
        // when its category's criteria are met, or when another category's are met by a code not present on admission
        // (as the reference does; a catheter-associated urinary tract infection, category 6, is no such other). HAC
        // 11's morbid obesity codes are on a HAC list too.
        let pdx_lists = d.exclusion_lists_of(claim.pdx.code);
        let hac_code = |s: &crate::claim::Diagnosis| {
            let cc = d.dx.get(&s.code).and_then(|i| i.cc.as_ref());
            let excluded = |cc: &CcInfo| pdx_lists.binary_search(&cc.exclusion_list).is_ok();
            cc.filter(|cc| s.code != claim.pdx.code && cc.hac != 0 && !excluded(cc))
        };
        let other_met = claim.sdx.iter().any(|s| {
            let met = |cc: &CcInfo| cc.hac != 6 && hac_applies(cc.hac, s.code, claim);
            matches!(s.poa, Poa::N | Poa::U) && hac_code(s).is_some_and(met)
        });
        let hac_missing_poa = claim.sdx.iter().any(|s| {
            s.poa == Poa::Exempt
                && (hac_code(s).is_some_and(|cc| other_met || hac_applies(cc.hac, s.code, claim))
                    || (other_met && s.code != claim.pdx.code && morbid_obesity(s.code)))
        });
        if hac_missing_poa {
            let mut g = self.ungroupable(claim, "HAC_MISSING_ONE_POA");
            g.initial_drg = self.choose(claim, pdx, false).0.drg;
            return g;
        }
        let (choice, level, mdc, ccs) = self.choose(claim, pdx, true);
        // The initial DRG counts hospital-acquired conditions; it differs only when one was dropped.
        let hac_dropped = ccs.iter().any(|c| c.excluded == Some(Exclusion::HospitalAcquired));
        let initial_drg = if hac_dropped { self.choose(claim, pdx, false).0.drg } else { choice.drg };
        let info = d.drg(choice.drg);
        let mut codes = Vec::with_capacity(1 + claim.sdx.len() + claim.procedures.len());
        let pdx_outcome = CodeOutcome::diagnosis(&claim.pdx, "pdx", false);
        codes.push(CodeOutcome { mdc: Some(mdc), level: pdx.cc.as_ref().map(|c| c.level), drove: true, ..pdx_outcome });
        let drg_excl = d.drg_exclusions.get(&choice.family);
        for (i, s) in claim.sdx.iter().enumerate() {
            let info = d.dx.get(&s.code);
            let cc = info.and_then(|x| x.cc.as_ref());
            let mut excluded = ccs.iter().find(|c| c.index == i).and_then(|c| c.excluded);
            if excluded.is_none() && cc.is_some() && drg_excl.is_some_and(|e| e.contains(&s.code)) {
                excluded = Some(Exclusion::Drg);
            }
            let drove = choice.by_severity && excluded.is_none() && cc.is_some_and(|c| Some(c.level) == level);
            codes.push(CodeOutcome {
                level: cc.map(|c| c.level),
                excluded: if cc.is_some() { excluded } else { None },
                hac: cc.and_then(|c| (c.hac != 0).then_some(c.hac)),
                drove,
                ..CodeOutcome::diagnosis(s, "sdx", info.is_none())
            });
        }
        for (i, p) in claim.procedures.iter().enumerate() {
            let info = d.pr.get(p);
            codes.push(CodeOutcome {
                operating_room: Some(info.is_some_and(|x| x.or.is_some())),
                drove: choice.procedures.contains(&i),
                ..CodeOutcome::procedure(*p, info.is_none())
            });
        }
        let (title, weight, gmlos, amlos) = describe(info);
        Grouping {
            id: claim.id.clone(),
            drg: choice.drg,
            mdc: Some(mdc),
            title,
            weight,
            gmlos,
            amlos,
            severity: match level {
                Some(Level::Mcc) => "MCC",
                Some(Level::Cc) => "CC",
                None => "NONE",
            },
            initial_drg,
            return_code: "OK",
            codes,
        }
    }

    fn ungroupable(&self, claim: &Claim, reason: &'static str) -> Grouping {
        let (title, weight, gmlos, amlos) = describe(self.d.drg(999));
        let d = self.d;
        let pdx_outcome = CodeOutcome::diagnosis(&claim.pdx, "pdx", !d.dx.contains_key(&claim.pdx.code));
        let mut codes = vec![CodeOutcome { drove: true, ..pdx_outcome }];
        codes.extend(claim.sdx.iter().map(|s| CodeOutcome::diagnosis(s, "sdx", !d.dx.contains_key(&s.code))));
        codes.extend(claim.procedures.iter().map(|p| CodeOutcome::procedure(*p, !d.pr.contains_key(p))));
        Grouping {
            id: claim.id.clone(),
            drg: 999,
            mdc: None,
            title,
            weight,
            gmlos,
            amlos,
            severity: "NONE",
            initial_drg: 999,
            return_code: reason,
            codes,
        }
    }
}

fn describe(info: Option<&DrgInfo>) -> (String, f64, f64, f64) {
    match info {
        Some(i) => (i.title.clone(), i.weight, i.gmlos, i.amlos),
        None => (String::new(), 0.0, 0.0, 0.0),
    }
}
