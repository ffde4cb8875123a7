#!/usr/bin/env python3
"""Writes data/cases/builtin.json: the hand-written sample cases that ship until the generator (issue 3) does.

Each gold item quotes the words of its document; the script refuses a quote that is not in the text, so the pack
and its evidence cannot drift apart. `codefellow cases check` then checks codes, sequencing and rationales.
"""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ev(doc, text, quote):
    assert quote in text, f"quote not in {doc}: {quote!r}"
    return {"doc": doc, "quote": quote}


def rat(text, *rules):
    return {"text": text, "rules": [{"kind": k, "ref": r} for k, r in rules]}


# --- OPD-0001: office follow-up, diabetes with CKD, hypertension -------------------------------------------------
office = """OFFICE VISIT - INTERNAL MEDICINE
Visit type: established patient, scheduled follow-up

CHIEF COMPLAINT: Follow-up of diabetes and kidney function.

HPI: 67-year-old woman with type 2 diabetes, hypertension and chronic kidney disease returns for her 3-month follow-up. She reports good adherence to metformin 1000 mg BID and lisinopril 20 mg daily. Home fasting sugars run 150-190. No hypoglycemic episodes. She denies chest pain, shortness of breath or leg swelling. Diet has slipped over the holidays by her own account.

PAST MEDICAL HISTORY:
- Type 2 diabetes mellitus, diagnosed about 12 years ago
- Hypertension
- CKD stage 3a, followed here; nephrology saw her once last year
- Left breast cancer treated with lumpectomy and radiation, completed treatment 6 years ago, no evidence of recurrence on annual mammography

MEDICATIONS: metformin 1000 mg BID, lisinopril 20 mg daily.

REVIEW OF SYSTEMS: Negative except as in HPI.

EXAM: BP 148/86, HR 78, Wt 84 kg, BMI 31.2. Alert, in no distress. Lungs clear. Heart regular, no murmur. No edema. Monofilament sensation intact both feet; pedal pulses 2+.

DATA REVIEWED:
- Hemoglobin A1c 8.1% (was 7.4% three months ago)
- Basic metabolic panel: creatinine 1.12, eGFR 52, potassium 4.6
- Urine albumin-to-creatinine ratio 86 mg/g (moderately increased)

ASSESSMENT AND PLAN:
1. Type 2 diabetes mellitus with diabetic chronic kidney disease, CKD stage 3a. A1c has risen to 8.1% from 7.4%. eGFR 52 is stable, albuminuria persists. Continue metformin at current dose (appropriate for eGFR above 45). Start empagliflozin 10 mg daily for glycemic control and renal protection; counseled on genital hygiene and sick-day rules. Repeat BMP in 4 weeks, A1c in 3 months.
2. Hypertension, above goal today. Renal function considered when choosing therapy. Increase lisinopril to 40 mg daily. Home BP log.
3. History of left breast cancer, no evidence of recurrence. Continue annual mammography per oncology.

Return in 3 months, sooner as needed.
Electronically signed by the attending physician."""

opd = {
    "id": "OPD-0001",
    "title": "Office visit: diabetes and kidney follow-up",
    "tracks": ["opd", "em_auditing", "hcc_risk_adjustment"],
    "difficulty": "intermediate",
    "encounter": {"setting": "physician_office", "age": 67, "sex": "F"},
    "documents": [{"id": "d1", "kind": "office_note", "title": "Office Visit - Internal Medicine", "day": 1, "text": office}],
    "gold": {
        "diagnoses": [
            {"code": "E11.22", "evidence": [ev("d1", office, "Type 2 diabetes mellitus with diabetic chronic kidney disease, CKD stage 3a")],
             "rationale": rat("The provider links the kidney disease to the diabetes in the assessment, and the visit is chiefly for the diabetes, so the combination code for type 2 diabetes with diabetic CKD is listed first. Even without the stated link, the \"with\" convention would presume it. The note gives the A1c trend but does not call the diabetes poorly controlled or hyperglycemic, so E11.65 is not added.",
                              ("guideline", "OCG I.A.15"), ("guideline", "OCG I.C.4.a"), ("guideline", "OCG IV.G"))},
            {"code": "I12.9", "evidence": [ev("d1", office, "Hypertension, above goal today"), ev("d1", office, "CKD stage 3a, followed here")],
             "rationale": rat("Hypertension and chronic kidney disease are both present; the classification presumes a causal relationship, so hypertensive CKD with stage 1 through 4 CKD is coded rather than I10, even though the CKD is also attributed to diabetes.",
                              ("guideline", "OCG I.C.9.a.2"), ("tabular", "I12 Use additional code to identify the stage of chronic kidney disease"))},
            {"code": "N18.31", "evidence": [ev("d1", office, "CKD stage 3a")],
             "rationale": rat("The stage of the chronic kidney disease is documented as 3a; both E11.22 and I12 instruct to add the stage, and N18's code-first note puts it after them.",
                              ("tabular", "E11.22 Use additional code to identify stage of chronic kidney disease"), ("tabular", "N18 Code first"))},
            {"code": "Z79.84", "evidence": [ev("d1", office, "metformin 1000 mg BID"), ev("d1", office, "Start empagliflozin 10 mg daily")],
             "rationale": rat("She takes oral hypoglycemic drugs (metformin, now also empagliflozin) long term; category E11 instructs to add a code for the diabetes treatment.",
                              ("tabular", "E11 Use additional code to identify control using oral antidiabetic drugs (Z79.84)"), ("guideline", "OCG I.C.4.a.3"))},
            {"code": "Z85.3", "evidence": [ev("d1", office, "History of left breast cancer, no evidence of recurrence")],
             "rationale": rat("The breast cancer was treated and excised with no further treatment directed to it and no evidence of recurrence, so it is a personal history, not a current malignancy.",
                              ("guideline", "OCG I.C.2.d"), ("guideline", "OCG I.C.21.c.4"))},
        ],
        "services": [
            {"code": "99214", "units": 1, "evidence": [ev("d1", office, "Visit type: established patient, scheduled follow-up")],
             "rationale": rat("Established patient office visit levelled by medical decision making of moderate complexity (see the E/M item).",
                              ("convention", "2021 office E/M guidelines: MDM"))},
        ],
        "em": {"code": "99214", "problems": "moderate", "data": "moderate", "risk": "moderate",
               "evidence": [ev("d1", office, "A1c has risen to 8.1% from 7.4%"),
                            ev("d1", office, "Hemoglobin A1c 8.1% (was 7.4% three months ago)"),
                            ev("d1", office, "Start empagliflozin 10 mg daily"),
                            ev("d1", office, "Increase lisinopril to 40 mg daily")],
               "rationale": rat("Problems: a chronic illness with progression (diabetes, A1c rising) plus a second chronic illness above goal = moderate. Data: three unique tests reviewed (A1c, BMP, urine albumin-to-creatinine ratio) = moderate. Risk: prescription drug management (empagliflozin started, lisinopril increased) = moderate. Two of three elements at moderate make 99214.",
                                ("convention", "2021 office E/M guidelines: MDM table"))},
        "hccs": [
            {"model": "V28", "hcc": 37, "diagnosis": "E11.22",
             "monitored": [ev("d1", office, "Home fasting sugars run 150-190")],
             "evaluated": [ev("d1", office, "Hemoglobin A1c 8.1% (was 7.4% three months ago)")],
             "assessed": [ev("d1", office, "A1c has risen to 8.1% from 7.4%")],
             "treated": [ev("d1", office, "Start empagliflozin 10 mg daily")],
             "rationale": rat("Diabetes with chronic complications maps to HCC 37 in V28; the note monitors, evaluates, assesses and treats it at a face-to-face visit.",
                              ("edit", "CMS-HCC V28 diagnosis to HCC mapping"))},
            {"model": "V28", "hcc": 329, "diagnosis": "N18.31",
             "evaluated": [ev("d1", office, "eGFR 52 is stable, albuminuria persists")],
             "treated": [ev("d1", office, "Repeat BMP in 4 weeks")],
             "rationale": rat("CKD stage 3a maps to HCC 329 (moderate CKD, stage 3 except 3B) in V28; kidney function is evaluated and followed in the plan.",
                              ("edit", "CMS-HCC V28 diagnosis to HCC mapping"))},
        ],
    },
}

# --- ED-0001: fall in a supermarket, Colles' fracture ------------------------------------------------------------
ed = """EMERGENCY DEPARTMENT NOTE

CHIEF COMPLAINT: Right wrist pain after a fall.

HPI: 72-year-old man was walking through the produce aisle of a supermarket when he slipped on a wet floor and fell onto his outstretched right hand. He did not strike his head and had no loss of consciousness. Immediate pain and deformity of the right wrist. No other injuries. He is retired and was shopping.

PMH: No chronic medical problems. Takes no medications.
Allergies: NKDA.

EXAM: BP 152/88, HR 92, SpO2 98% on room air. Right wrist with dorsal angulation (dinner-fork deformity), tenderness over the distal radius, skin intact, radial pulse 2+, capillary refill under 2 seconds, sensation intact in the median, ulnar and radial distributions. No snuffbox tenderness. Elbow and shoulder non-tender.

IMAGING: Right wrist, three views: displaced extra-articular fracture of the distal radius with dorsal angulation, consistent with a Colles' fracture. No ulnar styloid fracture. Closed injury.

PROCEDURE: Closed reduction of the right distal radius fracture under hematoma block (lidocaine 1%, 10 mL). Alignment improved on post-reduction films. Sugar-tong splint applied. Neurovascular status intact after reduction.

MEDICAL DECISION MAKING: Acute complicated injury requiring reduction. Independent review of the wrist films. Discussed operative versus non-operative management with orthopedics by phone; agreed on closed reduction and outpatient follow-up. Oxycodone 5 mg tablets, 6 tablets, for breakthrough pain, with acetaminophen scheduled.

DIAGNOSIS: Colles' fracture of the right radius, closed, initial encounter.

DISPOSITION: Discharged home with splint care instructions; orthopedic clinic within one week.
Electronically signed by the emergency physician."""

edcase = {
    "id": "ED-0001",
    "title": "ED: fall onto outstretched hand",
    "tracks": ["ed", "outpatient_opps"],
    "difficulty": "foundation",
    "encounter": {"setting": "emergency_department", "age": 72, "sex": "M"},
    "documents": [{"id": "d1", "kind": "ed_note", "title": "Emergency Department Note", "day": 1, "text": ed}],
    "gold": {
        "em": {"code": "99284", "problems": "moderate", "data": "moderate", "risk": "moderate",
               "evidence": [ev("d1", ed, "Acute complicated injury requiring reduction"), ev("d1", ed, "Independent review of the wrist films"),
                            ev("d1", ed, "Discussed operative versus non-operative management with orthopedics by phone"), ev("d1", ed, "Oxycodone 5 mg tablets, 6 tablets")],
               "rationale": rat("Problems: an acute complicated injury = moderate. Data: independent interpretation of the films and discussion of management with an external physician = moderate. Risk: prescription drug management (oxycodone) = moderate. Moderate MDM makes 99284.",
                                ("convention", "2023 ED E/M guidelines: MDM table"))},
        "diagnoses": [
            {"code": "S52.531A", "evidence": [ev("d1", ed, "Colles' fracture of the right radius, closed, initial encounter")],
             "rationale": rat("A Colles' fracture has its own subcategory; laterality is right, the fracture is closed, and this is the encounter of active treatment, so the 7th character is A.",
                              ("guideline", "OCG I.C.19.a"), ("guideline", "OCG I.C.19.c.1"), ("tabular", "S52 7th character A initial encounter for closed fracture"))},
            {"code": "W01.0XXA", "evidence": [ev("d1", ed, "slipped on a wet floor and fell onto his outstretched right hand. He did not strike his head")],
             "rationale": rat("The mechanism is a fall on the same level from slipping, without striking an object; the placeholder X fills positions 5 and 6 before the 7th character A.",
                              ("guideline", "OCG I.C.20.a"), ("guideline", "OCG I.C.19.a"))},
            {"code": "Y92.512", "evidence": [ev("d1", ed, "walking through the produce aisle of a supermarket")],
             "rationale": rat("The place of occurrence is reported once, at the initial encounter: a supermarket.",
                              ("guideline", "OCG I.C.20.b"))},
            {"code": "Y93.01", "evidence": [ev("d1", ed, "was walking through the produce aisle")],
             "rationale": rat("The activity at the time of the injury is documented as walking.", ("guideline", "OCG I.C.20.c"))},
            {"code": "Y99.8", "evidence": [ev("d1", ed, "He is retired and was shopping")],
             "rationale": rat("The external cause status is other (leisure, not work or military), reported with the other external cause codes at the initial encounter.",
                              ("guideline", "OCG I.C.20.k"))},
        ],
        "services": [
            {"code": "99284", "modifiers": ["25"], "units": 1,
             "evidence": [ev("d1", ed, "Acute complicated injury requiring reduction"), ev("d1", ed, "Independent review of the wrist films")],
             "rationale": rat("The ED evaluation (history, exam, imaging review, discussion with orthopedics, prescription drug management) is significant and separately identifiable from the reduction, so the E/M carries modifier 25; moderate MDM gives the level.",
                              ("convention", "2023 ED E/M guidelines: MDM"), ("edit", "NCCI modifier 25"))},
            {"code": "25605", "modifiers": ["RT"], "units": 1,
             "evidence": [ev("d1", ed, "Closed reduction of the right distal radius fracture under hematoma block")],
             "rationale": rat("Closed treatment of a distal radial fracture with manipulation, on the right side.",
                              ("convention", "CPT musculoskeletal closed treatment with manipulation"), ("edit", "HCPCS modifier RT"))},
        ],
    },
}

# --- IP-0001: acute on chronic systolic heart failure, hypertension, CKD ----------------------------------------
hp = """HISTORY AND PHYSICAL - HOSPITAL DAY 1

CHIEF COMPLAINT: Shortness of breath and leg swelling for 5 days.

HPI: 78-year-old man with chronic systolic heart failure (EF 30% on echo two months ago), hypertension, chronic kidney disease stage 3b and chronic atrial fibrillation on apixaban, presenting with progressive dyspnea on exertion, 3-pillow orthopnea and a 4 kg weight gain over one week. He forgot to refill his furosemide and has not taken it for 8 days. Denies chest pain, palpitations or syncope. Former smoker, quit 10 years ago after 40 pack-years.

MEDICATIONS: furosemide 40 mg daily (not taken for 8 days), carvedilol 12.5 mg BID, sacubitril-valsartan 49/51 mg BID, apixaban 5 mg BID.

EXAM: BP 164/94, HR 104 irregularly irregular, RR 24, SpO2 89% on room air, 94% on 2 L nasal cannula. JVP to the angle of the jaw. Bibasilar crackles. 2+ pitting edema to the knees.

DATA: BNP 2,840. Troponin 0.03, repeat 0.03. Creatinine 2.0 (baseline 1.7), eGFR 33. Chest x-ray: cardiomegaly, bilateral interstitial edema, small bilateral effusions. ECG: atrial fibrillation with rapid ventricular response, no acute ST changes.

ASSESSMENT AND PLAN:
1. Acute on chronic systolic (congestive) heart failure, due to hypertensive heart disease, worsened by missed furosemide doses (he forgot to refill it). IV furosemide 40 mg BID, strict intake and output, daily weights, fluid restriction.
2. Hypertension with heart disease and CKD. Continue carvedilol and sacubitril-valsartan.
3. CKD stage 3b with creatinine near baseline. Monitor with diuresis.
4. Chronic atrial fibrillation, rate elevated with decompensation. Continue carvedilol, continue apixaban.
5. Possible acute coronary syndrome was considered; troponins flat, ECG without ischemic change: ruled out."""

dc = """DISCHARGE SUMMARY

Admitted hospital day 1, discharged hospital day 4. Discharged to home with home self-care.

PRINCIPAL DIAGNOSIS: Acute on chronic systolic congestive heart failure due to hypertensive heart and chronic kidney disease.

SECONDARY DIAGNOSES: Chronic kidney disease stage 3b. Chronic atrial fibrillation on long-term anticoagulation with apixaban. Underdosing of furosemide: unintentional, he forgot to refill it. History of tobacco use.

HOSPITAL COURSE: The patient was admitted with decompensated heart failure after 8 days without his loop diuretic. He diuresed 5.2 L on IV furosemide, was weaned to room air by hospital day 3 and returned to his dry weight. Heart rate settled in the 70s to 80s as volume status improved. Creatinine peaked at 2.1 and returned to 1.8. Acute coronary syndrome was ruled out with flat troponins. He was counseled at length on daily weights and medication refills; pharmacy arranged a 90-day supply.

DISCHARGE MEDICATIONS: furosemide 40 mg daily, carvedilol 12.5 mg BID, sacubitril-valsartan 49/51 mg BID, apixaban 5 mg BID.

FOLLOW-UP: Heart failure clinic in 7 days with a basic metabolic panel.
Electronically signed by the attending physician."""

ip = {
    "id": "IP-0001",
    "title": "Inpatient: shortness of breath and swelling",
    "tracks": ["ip", "inpatient_drg", "hcc_risk_adjustment"],
    "difficulty": "advanced",
    "encounter": {"setting": "inpatient", "age": 78, "sex": "M", "length_of_stay": 3, "discharge_status": 1},
    "documents": [
        {"id": "hp", "kind": "history_and_physical", "title": "History and Physical", "day": 1, "text": hp},
        {"id": "ds", "kind": "discharge_summary", "title": "Discharge Summary", "day": 4, "text": dc},
    ],
    "gold": {
        "diagnoses": [
            {"code": "I13.0", "poa": "Y", "evidence": [ev("ds", dc, "Acute on chronic systolic congestive heart failure due to hypertensive heart and chronic kidney disease")],
             "rationale": rat("Hypertension with both heart failure and chronic kidney disease is a combination code from I13; when the admission is for the heart failure, the I13 code is sequenced first and the type of heart failure added.",
                              ("guideline", "OCG I.C.9.a.3"), ("guideline", "OCG II"))},
            {"code": "I50.23", "poa": "Y", "evidence": [ev("hp", hp, "Acute on chronic systolic (congestive) heart failure")],
             "rationale": rat("I13.0 instructs to add the type of heart failure: acute on chronic systolic.",
                              ("tabular", "I13.0 Use additional code to identify type of heart failure"))},
            {"code": "N18.32", "poa": "Y", "evidence": [ev("ds", dc, "Chronic kidney disease stage 3b")],
             "rationale": rat("I13 instructs to add the stage of chronic kidney disease: stage 3b.",
                              ("tabular", "I13 Use additional code to identify the stage of chronic kidney disease"))},
            {"code": "T50.1X6A", "poa": "Y", "evidence": [ev("ds", dc, "Underdosing of furosemide: unintentional, he forgot to refill it")],
             "rationale": rat("Taking less of a prescribed drug than directed is underdosing; loop diuretics are in T50.1, the 6th character 6 is underdosing, and this is the initial encounter. The condition it worsened (heart failure) is coded first.",
                              ("guideline", "OCG I.C.19.e.5.c"))},
            {"code": "Z91.138", "poa": "1", "evidence": [ev("ds", dc, "Underdosing of furosemide: unintentional, he forgot to refill it")],
             "rationale": rat("An underdosing code is accompanied by the patient's intent when it is known: here unintentional (he forgot), for a reason other than age-related debility.",
                              ("guideline", "OCG I.C.19.e.5.c"))},
            {"code": "I48.20", "poa": "Y", "evidence": [ev("ds", dc, "Chronic atrial fibrillation on long-term anticoagulation with apixaban")],
             "rationale": rat("Chronic atrial fibrillation without further specification (persistent or permanent) is I48.20.",
                              ("guideline", "OCG III.B"))},
            {"code": "Z79.01", "poa": "1", "evidence": [ev("ds", dc, "long-term anticoagulation with apixaban")],
             "rationale": rat("Long-term (current) use of an anticoagulant is reported as a status code; POA reporting is exempt.",
                              ("guideline", "OCG I.C.21.c.3"))},
            {"code": "Z87.891", "poa": "1", "evidence": [ev("hp", hp, "Former smoker, quit 10 years ago after 40 pack-years")],
             "rationale": rat("A former smoker has a personal history of nicotine dependence; it is relevant to care and reported as a history code, POA exempt.",
                              ("guideline", "OCG I.C.21.c.4"))},
        ],
        "hccs": [
            {"model": "V28", "hcc": 224, "diagnosis": "I50.23",
             "monitored": [ev("hp", hp, "strict intake and output, daily weights")],
             "treated": [ev("hp", hp, "IV furosemide 40 mg BID")],
             "rationale": rat("Acute on chronic heart failure maps to HCC 224 in V28.", ("edit", "CMS-HCC V28 diagnosis to HCC mapping"))},
        ],
    },
}

pack = {"format": 1, "name": "Codefellow sample cases (hand-written)", "fiscal_year": 2026, "cases": [opd, edcase, ip]}
out = os.path.join(ROOT, "data", "cases", "builtin.json")
with open(out, "w") as f:
    json.dump(pack, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {out}: {len(pack['cases'])} cases")
