//! CVSS scores computed from vector strings, per FIRST's specifications: the v2.0 base equation
//! (guide section 3.2.1), the v3.0 and v3.1 base equations (section 7, each version with its own
//! Roundup), and v4.0 MacroVector scoring (section 8: equivalence classes EQ1..EQ6, the published
//! MacroVector score table, max-severity depths and the interpolation between MacroVectors).
//!
//! For v2 and v3 only the base score is computed; temporal and environmental metrics are checked
//! for valid values and otherwise ignored. For v4 every metric the specification scores is
//! applied: threat (`E`) and environmental (`CR`/`IR`/`AR`, `MAV`..`MSA`) metrics yield the
//! CVSS-BT / CVSS-BE / CVSS-BTE score the specification defines, and supplemental metrics
//! (`S`, `AU`, `R`, `V`, `RE`, `U`), which by definition never change the score, are checked and
//! ignored.
//!
//! Metrics may appear in any order (the specifications prefer an order but scoring does not depend
//! on it); each may appear once. Input is treated as hostile: any string yields a score or a
//! [`CvssError`], never a panic.

/// The CVSS specification version a vector follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvssVersion {
    /// CVSS v2.0 (vectors carry no prefix, e.g. `AV:N/AC:L/Au:N/C:P/I:P/A:P`).
    V2,
    /// CVSS v3.0 (`CVSS:3.0/...`).
    V3_0,
    /// CVSS v3.1 (`CVSS:3.1/...`).
    V3_1,
    /// CVSS v4.0 (`CVSS:4.0/...`).
    V4_0,
}

impl CvssVersion {
    /// The version number as FIRST writes it: `2.0`, `3.0`, `3.1` or `4.0`.
    pub fn as_str(self) -> &'static str {
        match self {
            CvssVersion::V2 => "2.0",
            CvssVersion::V3_0 => "3.0",
            CvssVersion::V3_1 => "3.1",
            CvssVersion::V4_0 => "4.0",
        }
    }
}

/// A vector's version and the score computed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cvss {
    /// Specification version of the vector.
    pub version: CvssVersion,
    /// Score in 0.0..=10.0 with one decimal. v2/v3: the base score. v4: the score of the vector
    /// as written, i.e. CVSS-B for base-only vectors, CVSS-BT/BE/BTE when threat or
    /// environmental metrics are present (v4 has no separate base score for such vectors).
    pub base_score: f64,
}

/// What is wrong with a rejected vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvssErrorKind {
    /// Empty or blank input.
    Empty,
    /// A `CVSS:` prefix that is malformed or names an unsupported version.
    BadPrefix,
    /// A component that is not `METRIC:VALUE` (including empty components from stray `/`).
    Malformed,
    /// A metric the vector's version does not define.
    UnknownMetric,
    /// A metric given more than once.
    DuplicateMetric,
    /// A value the metric does not allow.
    BadValue,
    /// A mandatory base metric is absent.
    MissingMetric,
}

/// A vector that cannot be scored, naming the vector and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CVSS vector {vector:?}: {reason}")]
pub struct CvssError {
    /// The vector as given, shortened if very long.
    pub vector: String,
    /// Category of the problem.
    pub kind: CvssErrorKind,
    /// What is wrong, for people.
    pub reason: String,
}

/// Longest excerpt of input quoted in an error; vectors come from untrusted feeds and an error
/// message must not balloon with them.
const QUOTE_LIMIT: usize = 160;

fn clip(s: &str, limit: usize) -> String {
    let mut chars = s.chars();
    let mut out: String = chars.by_ref().take(limit).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

impl CvssError {
    fn new(vector: &str, kind: CvssErrorKind, reason: String) -> Self {
        CvssError {
            vector: clip(vector, QUOTE_LIMIT),
            kind,
            reason,
        }
    }
}

/// Qualitative severity rating of a score per the specification's scale: 0.0 `none`,
/// 0.1-3.9 `low`, 4.0-6.9 `medium`, 7.0-8.9 `high`, 9.0-10.0 `critical`.
pub fn rating(score: f64) -> &'static str {
    // NaN and negatives are not scores; they rate "none" rather than fall through to "critical".
    if score.is_nan() || score <= 0.0 {
        "none"
    } else if score < 4.0 {
        "low"
    } else if score < 7.0 {
        "medium"
    } else if score < 9.0 {
        "high"
    } else {
        "critical"
    }
}

/// Parse a CVSS v2.0, v3.0, v3.1 or v4.0 vector and compute its score (see [`Cvss::base_score`]).
/// v2 vectors have no prefix and may be wrapped in parentheses (NVD's old notation).
pub fn parse_and_score(vector: &str) -> Result<Cvss, CvssError> {
    let text = vector.trim();
    if text.is_empty() {
        return Err(CvssError::new(
            vector,
            CvssErrorKind::Empty,
            "the vector is empty".to_owned(),
        ));
    }
    if let Some(rest) = text.strip_prefix("CVSS:") {
        let (number, body) = rest.split_once('/').unwrap_or((rest, ""));
        let version = match number {
            "3.0" => CvssVersion::V3_0,
            "3.1" => CvssVersion::V3_1,
            "4.0" => CvssVersion::V4_0,
            // Not FIRST's notation, but some feeds label v2 vectors this way and the body is
            // unambiguous.
            "2.0" => CvssVersion::V2,
            other => {
                return Err(CvssError::new(
                    vector,
                    CvssErrorKind::BadPrefix,
                    format!(
                        "unsupported CVSS version {:?} in the prefix (expected CVSS:3.0/, \
                         CVSS:3.1/ or CVSS:4.0/)",
                        clip(other, 16)
                    ),
                ));
            }
        };
        return score(vector, version, body);
    }
    if text
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("cvss"))
    {
        return Err(CvssError::new(
            vector,
            CvssErrorKind::BadPrefix,
            "malformed prefix (expected CVSS:<version>/ exactly, e.g. CVSS:3.1/)".to_owned(),
        ));
    }
    let body = text
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(text);
    score(vector, CvssVersion::V2, body).map_err(|mut err| {
        if err.kind == CvssErrorKind::UnknownMetric {
            err.reason
                .push_str(" (a vector without a CVSS:<version>/ prefix is read as CVSS v2.0)");
        }
        err
    })
}

fn score(vector: &str, version: CvssVersion, body: &str) -> Result<Cvss, CvssError> {
    let base_score = match version {
        CvssVersion::V2 => v2_score(&Metrics::parse(vector, version, V2_METRICS, body)?),
        CvssVersion::V3_0 => v3_score(&Metrics::parse(vector, version, V3_METRICS, body)?, false),
        CvssVersion::V3_1 => v3_score(&Metrics::parse(vector, version, V3_METRICS, body)?, true),
        CvssVersion::V4_0 => v4_score(&Metrics::parse(vector, version, V4_METRICS, body)?),
    };
    Ok(Cvss {
        version,
        base_score,
    })
}

/// One metric a version defines: its abbreviation, allowed values, and whether a vector must
/// carry it.
struct MetricDef {
    key: &'static str,
    values: &'static [&'static str],
    required: bool,
}

const fn req(key: &'static str, values: &'static [&'static str]) -> MetricDef {
    MetricDef {
        key,
        values,
        required: true,
    }
}

const fn opt(key: &'static str, values: &'static [&'static str]) -> MetricDef {
    MetricDef {
        key,
        values,
        required: false,
    }
}

// Allowed values per the specifications' vector-string tables (v2 guide table 13, v3.1 table 15,
// v4.0 table 23), "not defined" (`ND`/`X`) included where the specification allows it.
const V2_METRICS: &[MetricDef] = &[
    req("AV", &["L", "A", "N"]),
    req("AC", &["H", "M", "L"]),
    req("Au", &["M", "S", "N"]),
    req("C", &["N", "P", "C"]),
    req("I", &["N", "P", "C"]),
    req("A", &["N", "P", "C"]),
    opt("E", &["U", "POC", "F", "H", "ND"]),
    opt("RL", &["OF", "TF", "W", "U", "ND"]),
    opt("RC", &["UC", "UR", "C", "ND"]),
    opt("CDP", &["N", "L", "LM", "MH", "H", "ND"]),
    opt("TD", &["N", "L", "M", "H", "ND"]),
    opt("CR", &["L", "M", "H", "ND"]),
    opt("IR", &["L", "M", "H", "ND"]),
    opt("AR", &["L", "M", "H", "ND"]),
];

const V3_METRICS: &[MetricDef] = &[
    req("AV", &["N", "A", "L", "P"]),
    req("AC", &["L", "H"]),
    req("PR", &["N", "L", "H"]),
    req("UI", &["N", "R"]),
    req("S", &["U", "C"]),
    req("C", &["H", "L", "N"]),
    req("I", &["H", "L", "N"]),
    req("A", &["H", "L", "N"]),
    opt("E", &["X", "H", "F", "P", "U"]),
    opt("RL", &["X", "U", "W", "T", "O"]),
    opt("RC", &["X", "C", "R", "U"]),
    opt("CR", &["X", "H", "M", "L"]),
    opt("IR", &["X", "H", "M", "L"]),
    opt("AR", &["X", "H", "M", "L"]),
    opt("MAV", &["X", "N", "A", "L", "P"]),
    opt("MAC", &["X", "L", "H"]),
    opt("MPR", &["X", "N", "L", "H"]),
    opt("MUI", &["X", "N", "R"]),
    opt("MS", &["X", "U", "C"]),
    opt("MC", &["X", "N", "L", "H"]),
    opt("MI", &["X", "N", "L", "H"]),
    opt("MA", &["X", "N", "L", "H"]),
];

const V4_METRICS: &[MetricDef] = &[
    req("AV", &["N", "A", "L", "P"]),
    req("AC", &["L", "H"]),
    req("AT", &["N", "P"]),
    req("PR", &["N", "L", "H"]),
    req("UI", &["N", "P", "A"]),
    req("VC", &["H", "L", "N"]),
    req("VI", &["H", "L", "N"]),
    req("VA", &["H", "L", "N"]),
    req("SC", &["H", "L", "N"]),
    req("SI", &["H", "L", "N"]),
    req("SA", &["H", "L", "N"]),
    opt("E", &["X", "A", "P", "U"]),
    opt("CR", &["X", "H", "M", "L"]),
    opt("IR", &["X", "H", "M", "L"]),
    opt("AR", &["X", "H", "M", "L"]),
    opt("MAV", &["X", "N", "A", "L", "P"]),
    opt("MAC", &["X", "L", "H"]),
    opt("MAT", &["X", "N", "P"]),
    opt("MPR", &["X", "N", "L", "H"]),
    opt("MUI", &["X", "N", "P", "A"]),
    opt("MVC", &["X", "H", "L", "N"]),
    opt("MVI", &["X", "H", "L", "N"]),
    opt("MVA", &["X", "H", "L", "N"]),
    opt("MSC", &["X", "H", "L", "N"]),
    opt("MSI", &["X", "S", "H", "L", "N"]),
    opt("MSA", &["X", "S", "H", "L", "N"]),
    opt("S", &["X", "N", "P"]),
    opt("AU", &["X", "N", "Y"]),
    opt("R", &["X", "A", "U", "I"]),
    opt("V", &["X", "D", "C"]),
    opt("RE", &["X", "L", "M", "H"]),
    opt("U", &["X", "Clear", "Green", "Amber", "Red"]),
];

/// A validated vector: for each metric of its version's table, the value given, if any. Values
/// are the table's own `&'static str`s, so scoring matches on them without touching the input.
struct Metrics {
    defs: &'static [MetricDef],
    values: Vec<Option<&'static str>>,
}

impl Metrics {
    fn parse(
        vector: &str,
        version: CvssVersion,
        defs: &'static [MetricDef],
        body: &str,
    ) -> Result<Metrics, CvssError> {
        let fail = |kind, reason| Err(CvssError::new(vector, kind, reason));
        let mut values: Vec<Option<&'static str>> = vec![None; defs.len()];
        let components = if body.is_empty() {
            None
        } else {
            Some(body.split('/'))
        };
        for component in components.into_iter().flatten() {
            if component.is_empty() {
                return fail(
                    CvssErrorKind::Malformed,
                    "empty component (a stray or doubled '/')".to_owned(),
                );
            }
            let Some((key, value)) = component.split_once(':') else {
                return fail(
                    CvssErrorKind::Malformed,
                    format!("component {:?} is not METRIC:VALUE", clip(component, 32)),
                );
            };
            let Some((def, slot)) = defs
                .iter()
                .zip(values.iter_mut())
                .find(|(def, _)| def.key == key)
            else {
                return fail(
                    CvssErrorKind::UnknownMetric,
                    format!(
                        "unknown metric {:?} for CVSS v{}",
                        clip(key, 16),
                        version.as_str()
                    ),
                );
            };
            if slot.is_some() {
                return fail(
                    CvssErrorKind::DuplicateMetric,
                    format!("metric {} appears more than once", def.key),
                );
            }
            let Some(allowed) = def.values.iter().find(|allowed| **allowed == value) else {
                return fail(
                    CvssErrorKind::BadValue,
                    format!(
                        "metric {} has invalid value {:?} (expected one of {})",
                        def.key,
                        clip(value, 16),
                        def.values.join(", ")
                    ),
                );
            };
            *slot = Some(*allowed);
        }
        let missing: Vec<&str> = defs
            .iter()
            .zip(&values)
            .filter(|(def, value)| def.required && value.is_none())
            .map(|(def, _)| def.key)
            .collect();
        if !missing.is_empty() {
            let reason = format!(
                "missing mandatory metric{} {} for CVSS v{}",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                version.as_str()
            );
            return fail(CvssErrorKind::MissingMetric, reason);
        }
        Ok(Metrics { defs, values })
    }

    /// The value given for `key`, or `X` ("not defined") when absent. Mandatory metrics are
    /// always present once `parse` succeeded.
    fn get(&self, key: &str) -> &'static str {
        self.defs
            .iter()
            .zip(&self.values)
            .find(|(def, _)| def.key == key)
            .and_then(|(_, value)| *value)
            .unwrap_or("X")
    }
}

/// The numeric weight of `value` in a specification table; 0.0 for a value the table lacks,
/// which validation rules out.
fn weight(value: &str, table: &[(&str, f64)]) -> f64 {
    table
        .iter()
        .find(|(name, _)| *name == value)
        .map_or(0.0, |(_, w)| *w)
}

/// CVSS v2.0 base equation (guide section 3.2.1).
fn v2_score(m: &Metrics) -> f64 {
    let cia = [("N", 0.0), ("P", 0.275), ("C", 0.660)];
    let impact = 10.41
        * (1.0
            - (1.0 - weight(m.get("C"), &cia))
                * (1.0 - weight(m.get("I"), &cia))
                * (1.0 - weight(m.get("A"), &cia)));
    if impact == 0.0 {
        // f(Impact) = 0; returning early also avoids a negative zero.
        return 0.0;
    }
    let exploitability = 20.0
        * weight(m.get("AV"), &[("L", 0.395), ("A", 0.646), ("N", 1.0)])
        * weight(m.get("AC"), &[("H", 0.35), ("M", 0.61), ("L", 0.71)])
        * weight(m.get("Au"), &[("M", 0.45), ("S", 0.56), ("N", 0.704)]);
    let raw = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * 1.176;
    ((raw * 10.0).round() / 10.0).clamp(0.0, 10.0)
}

/// CVSS v3.x base equation (v3.1 section 7.1); `v3_1` selects the v3.1 Roundup (Appendix A),
/// otherwise v3.0's plain ceiling to one decimal.
fn v3_score(m: &Metrics, v3_1: bool) -> f64 {
    let changed = m.get("S") == "C";
    let cia = [("H", 0.56), ("L", 0.22), ("N", 0.0)];
    let iss = 1.0
        - ((1.0 - weight(m.get("C"), &cia))
            * (1.0 - weight(m.get("I"), &cia))
            * (1.0 - weight(m.get("A"), &cia)));
    let impact = if changed {
        7.52 * (iss - 0.029) - 3.25 * (iss - 0.02).powi(15)
    } else {
        6.42 * iss
    };
    // Privileges weigh more when the scope changes (spec table 16).
    let pr = if changed {
        [("N", 0.85), ("L", 0.68), ("H", 0.5)]
    } else {
        [("N", 0.85), ("L", 0.62), ("H", 0.27)]
    };
    let exploitability =
        8.22 * weight(
            m.get("AV"),
            &[("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2)],
        ) * weight(m.get("AC"), &[("L", 0.77), ("H", 0.44)])
            * weight(m.get("PR"), &pr)
            * weight(m.get("UI"), &[("N", 0.85), ("R", 0.62)]);
    if impact <= 0.0 {
        return 0.0;
    }
    let raw = if changed {
        (1.08 * (impact + exploitability)).min(10.0)
    } else {
        (impact + exploitability).min(10.0)
    };
    if v3_1 {
        roundup_v3_1(raw)
    } else {
        roundup_v3_0(raw)
    }
}

/// v3.1 Appendix A Roundup: works on an integer scaled by 100 000 so that binary floating-point
/// noise (e.g. 4.000000000000001) does not push a score up by 0.1.
fn roundup_v3_1(value: f64) -> f64 {
    let scaled = (value * 100_000.0).round() as i64;
    if scaled % 10_000 == 0 {
        scaled as f64 / 100_000.0
    } else {
        (scaled / 10_000 + 1) as f64 / 10.0
    }
}

/// v3.0 "Round up": the smallest one-decimal number not below the input. Kept literal, floating
/// noise included, because published v3.0 scores were computed this way.
fn roundup_v3_0(value: f64) -> f64 {
    (value * 10.0).ceil() / 10.0
}

/// Effective values of the metrics v4.0 scoring reads (spec section 8), after its substitutions:
/// a modified metric (`MAV`, ...) other than `X` replaces its base metric, `E:X` counts as `A`
/// and `CR`/`IR`/`AR` `X` as `H` (the worst case).
struct V4Values {
    av: u8,
    ac: u8,
    at: u8,
    pr: u8,
    ui: u8,
    vc: u8,
    vi: u8,
    va: u8,
    sc: u8,
    si: u8,
    sa: u8,
    e: u8,
    cr: u8,
    ir: u8,
    ar: u8,
}

fn letter(value: &str) -> u8 {
    value.as_bytes().first().copied().unwrap_or(b'X')
}

impl V4Values {
    fn new(m: &Metrics) -> Self {
        let effective = |base: &str, modified: &str| match m.get(modified) {
            "X" => letter(m.get(base)),
            value => letter(value),
        };
        let defaulted = |key: &str, default: u8| match letter(m.get(key)) {
            b'X' => default,
            value => value,
        };
        V4Values {
            av: effective("AV", "MAV"),
            ac: effective("AC", "MAC"),
            at: effective("AT", "MAT"),
            pr: effective("PR", "MPR"),
            ui: effective("UI", "MUI"),
            vc: effective("VC", "MVC"),
            vi: effective("VI", "MVI"),
            va: effective("VA", "MVA"),
            sc: effective("SC", "MSC"),
            si: effective("SI", "MSI"),
            sa: effective("SA", "MSA"),
            e: defaulted("E", b'A'),
            cr: defaulted("CR", b'H'),
            ir: defaulted("IR", b'H'),
            ar: defaulted("AR", b'H'),
        }
    }

    /// The MacroVector: the levels of equivalence sets EQ1..EQ6 (spec section 8.2, table 24).
    fn macrovector(&self) -> [usize; 6] {
        let eq1 = if self.av == b'N' && self.pr == b'N' && self.ui == b'N' {
            0
        } else if (self.av == b'N' || self.pr == b'N' || self.ui == b'N') && self.av != b'P' {
            1
        } else {
            2
        };
        let eq2 = if self.ac == b'L' && self.at == b'N' {
            0
        } else {
            1
        };
        let eq3 = if self.vc == b'H' && self.vi == b'H' {
            0
        } else if self.vc == b'H' || self.vi == b'H' || self.va == b'H' {
            1
        } else {
            2
        };
        // Safety (S) exists only as a modified value of MSI/MSA.
        let eq4 = if self.si == b'S' || self.sa == b'S' {
            0
        } else if self.sc == b'H' || self.si == b'H' || self.sa == b'H' {
            1
        } else {
            2
        };
        let eq5 = match self.e {
            b'A' => 0,
            b'P' => 1,
            _ => 2,
        };
        let eq6 = if (self.cr == b'H' && self.vc == b'H')
            || (self.ir == b'H' && self.vi == b'H')
            || (self.ar == b'H' && self.va == b'H')
        {
            0
        } else {
            1
        };
        [eq1, eq2, eq3, eq4, eq5, eq6]
    }
}

/// Scales for severity distances (spec section 8.3): each value's level in steps of 0.1, lower
/// being more severe; only differences between levels of one scale matter.
#[derive(Clone, Copy)]
enum Scale {
    Av,
    Pr,
    Ui,
    Ac,
    At,
    VulnImpact,
    SubConf,
    SubIntegAvail,
    Requirement,
}

fn level(scale: Scale, value: u8) -> f64 {
    match (scale, value) {
        (Scale::Av, b'A')
        | (Scale::Pr, b'L')
        | (Scale::Ui, b'P')
        | (Scale::Ac, b'H')
        | (Scale::At, b'P')
        | (Scale::VulnImpact, b'L')
        | (Scale::SubConf, b'H')
        | (Scale::SubIntegAvail, b'H')
        | (Scale::Requirement, b'M') => 0.1,
        (Scale::Av, b'L')
        | (Scale::Pr, b'H')
        | (Scale::Ui, b'A')
        | (Scale::VulnImpact, b'N')
        | (Scale::SubConf, b'L')
        | (Scale::SubIntegAvail, b'L')
        | (Scale::Requirement, b'L') => 0.2,
        (Scale::Av, b'P') | (Scale::SubConf, b'N') | (Scale::SubIntegAvail, b'N') => 0.3,
        _ => 0.0,
    }
}

/// Scores of the 270 MacroVectors, in tenths, from the table FIRST publishes with the v4.0
/// specification. Row `((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4`, column `eq5 * 2 + eq6`; 0 marks
/// the combinations that cannot occur (EQ3 level 2 with EQ6 level 0).
const MACRO_SCORES: [[u8; 6]; 54] = [
    [100, 99, 98, 95, 95, 92], // 0000xx
    [100, 96, 93, 87, 91, 81], // 0001xx
    [93, 90, 89, 80, 81, 68],  // 0002xx
    [98, 95, 95, 92, 90, 84],  // 0010xx
    [93, 92, 89, 81, 81, 65],  // 0011xx
    [88, 80, 78, 70, 69, 48],  // 0012xx
    [0, 92, 0, 82, 0, 72],     // 0020xx
    [0, 79, 0, 69, 0, 50],     // 0021xx
    [0, 69, 0, 55, 0, 27],     // 0022xx
    [99, 97, 95, 92, 92, 85],  // 0100xx
    [95, 91, 90, 83, 84, 71],  // 0101xx
    [92, 81, 82, 71, 72, 53],  // 0102xx
    [95, 93, 92, 85, 85, 73],  // 0110xx
    [92, 82, 80, 72, 70, 59],  // 0111xx
    [84, 70, 71, 52, 50, 30],  // 0112xx
    [0, 86, 0, 75, 0, 52],     // 0120xx
    [0, 71, 0, 52, 0, 29],     // 0121xx
    [0, 63, 0, 29, 0, 17],     // 0122xx
    [98, 95, 94, 87, 91, 81],  // 1000xx
    [94, 89, 86, 74, 77, 64],  // 1001xx
    [87, 75, 74, 63, 63, 49],  // 1002xx
    [94, 89, 88, 77, 76, 67],  // 1010xx
    [86, 76, 74, 58, 59, 50],  // 1011xx
    [72, 57, 57, 52, 52, 25],  // 1012xx
    [0, 83, 0, 70, 0, 54],     // 1020xx
    [0, 65, 0, 58, 0, 26],     // 1021xx
    [0, 53, 0, 21, 0, 13],     // 1022xx
    [95, 90, 88, 76, 76, 70],  // 1100xx
    [90, 77, 75, 62, 61, 53],  // 1101xx
    [77, 66, 68, 59, 52, 30],  // 1102xx
    [89, 78, 76, 67, 62, 58],  // 1110xx
    [74, 59, 57, 57, 47, 23],  // 1111xx
    [61, 52, 57, 29, 24, 16],  // 1112xx
    [0, 71, 0, 59, 0, 30],     // 1120xx
    [0, 58, 0, 26, 0, 15],     // 1121xx
    [0, 23, 0, 13, 0, 6],      // 1122xx
    [93, 87, 86, 72, 75, 58],  // 2000xx
    [86, 74, 74, 61, 56, 34],  // 2001xx
    [70, 54, 52, 40, 40, 22],  // 2002xx
    [85, 75, 74, 55, 62, 51],  // 2010xx
    [72, 57, 55, 41, 46, 19],  // 2011xx
    [53, 36, 34, 19, 19, 8],   // 2012xx
    [0, 64, 0, 51, 0, 20],     // 2020xx
    [0, 47, 0, 21, 0, 11],     // 2021xx
    [0, 24, 0, 9, 0, 4],       // 2022xx
    [88, 75, 73, 53, 60, 50],  // 2100xx
    [73, 55, 59, 40, 41, 20],  // 2101xx
    [54, 43, 45, 22, 20, 11],  // 2102xx
    [75, 55, 58, 45, 40, 21],  // 2110xx
    [61, 51, 48, 18, 20, 9],   // 2111xx
    [46, 18, 17, 7, 8, 2],     // 2112xx
    [0, 53, 0, 24, 0, 14],     // 2120xx
    [0, 24, 0, 12, 0, 5],      // 2121xx
    [0, 10, 0, 3, 0, 1],       // 2122xx
];

fn macro_score(eq: [usize; 6]) -> Option<f64> {
    let [eq1, eq2, eq3, eq4, eq5, eq6] = eq;
    if eq1 > 2 || eq2 > 1 || eq3 > 2 || eq4 > 2 || eq5 > 2 || eq6 > 1 {
        return None;
    }
    let row = MACRO_SCORES.get(((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4)?;
    match row.get(eq5 * 2 + eq6) {
        Some(&tenths) if tenths > 0 => Some(f64::from(tenths) / 10.0),
        _ => None,
    }
}

// Highest-severity vectors of each MacroVector level, from the specification's companion data:
// a vector's severity distance is measured from the first of these it does not exceed.
/// EQ1 levels, as AV PR UI.
const EQ1_MAX: [&[[u8; 3]]; 3] = [
    &[*b"NNN"],
    &[*b"ANN", *b"NLN", *b"NNP"],
    &[*b"PNN", *b"ALP"],
];
/// EQ2 levels, as AC AT.
const EQ2_MAX: [&[[u8; 2]]; 2] = [&[*b"LN"], &[*b"HN", *b"LP"]];
/// EQ3 x EQ6 levels, as VC VI VA CR IR AR.
const EQ3_EQ6_MAX: [[&[[u8; 6]]; 2]; 3] = [
    [&[*b"HHHHHH"], &[*b"HHLMMH", *b"HHHMMM"]],
    [
        &[*b"LHHHHH", *b"HLHHHH"],
        &[*b"LHLHMH", *b"LHHHMM", *b"HLHMHM", *b"HLLMHH", *b"LLHHHM"],
    ],
    [&[], &[*b"LLLHHH"]],
];
/// EQ4 levels, as SC SI SA.
const EQ4_MAX: [&[[u8; 3]]; 3] = [&[*b"HSS"], &[*b"HHH"], &[*b"LLL"]];

/// Depth of each MacroVector level (its max severity distance, in steps, plus one).
const EQ1_DEPTH: [f64; 3] = [1.0, 4.0, 5.0];
const EQ2_DEPTH: [f64; 2] = [1.0, 2.0];
const EQ3_EQ6_DEPTH: [[f64; 2]; 3] = [[7.0, 6.0], [8.0, 8.0], [0.0, 10.0]];
const EQ4_DEPTH: [f64; 3] = [6.0, 5.0, 4.0];

/// Severity distances of a vector from one highest-severity vector, per equivalence set.
#[derive(Clone, Copy, Default)]
struct Distances {
    eq1: f64,
    eq2: f64,
    eq3_eq6: f64,
    eq4: f64,
}

/// Distances from the first highest-severity vector of the MacroVector that `v` does not exceed
/// on any metric; the sums keep the reference calculator's order of additions so that rounding
/// to one decimal lands where FIRST's calculator lands.
fn severity_distances(v: &V4Values, eq: [usize; 6]) -> Distances {
    let [eq1, eq2, eq3, eq4, _, eq6] = eq;
    let eq1_max = EQ1_MAX.get(eq1).copied().unwrap_or_default();
    let eq2_max = EQ2_MAX.get(eq2).copied().unwrap_or_default();
    let eq3_eq6_max = EQ3_EQ6_MAX
        .get(eq3)
        .and_then(|row| row.get(eq6))
        .copied()
        .unwrap_or_default();
    let eq4_max = EQ4_MAX.get(eq4).copied().unwrap_or_default();
    let mut last = Distances::default();
    for &[av, pr, ui] in eq1_max {
        for &[ac, at] in eq2_max {
            for &[vc, vi, va, cr, ir, ar] in eq3_eq6_max {
                for &[sc, si, sa] in eq4_max {
                    let d = |scale, value, max| level(scale, value) - level(scale, max);
                    let each = [
                        d(Scale::Av, v.av, av),
                        d(Scale::Pr, v.pr, pr),
                        d(Scale::Ui, v.ui, ui),
                        d(Scale::Ac, v.ac, ac),
                        d(Scale::At, v.at, at),
                        d(Scale::VulnImpact, v.vc, vc),
                        d(Scale::VulnImpact, v.vi, vi),
                        d(Scale::VulnImpact, v.va, va),
                        d(Scale::SubConf, v.sc, sc),
                        d(Scale::SubIntegAvail, v.si, si),
                        d(Scale::SubIntegAvail, v.sa, sa),
                        d(Scale::Requirement, v.cr, cr),
                        d(Scale::Requirement, v.ir, ir),
                        d(Scale::Requirement, v.ar, ar),
                    ];
                    let [av, pr, ui, ac, at, vc, vi, va, sc, si, sa, cr, ir, ar] = each;
                    last = Distances {
                        eq1: av + pr + ui,
                        eq2: ac + at,
                        eq3_eq6: vc + vi + va + cr + ir + ar,
                        eq4: sc + si + sa,
                    };
                    if each.iter().all(|x| *x >= 0.0) {
                        return last;
                    }
                }
            }
        }
    }
    // Every vector lies below one of its MacroVector's maxima; like the reference calculator,
    // fall back to the last candidate should that ever not hold.
    last
}

/// CVSS v4.0 score (spec section 8): the MacroVector's score, lowered by the mean over the
/// equivalence sets of how far the vector sits from the MacroVector's most severe vector,
/// each as a proportion of the score gap to the next lower MacroVector.
fn v4_score(m: &Metrics) -> f64 {
    let v = V4Values::new(m);
    if [v.vc, v.vi, v.va, v.sc, v.si, v.sa]
        .iter()
        .all(|c| *c == b'N')
    {
        return 0.0;
    }
    let eq = v.macrovector();
    let Some(value) = macro_score(eq) else {
        // Unreachable: EQ3 level 2 means no High vulnerable-system impact, so EQ6 is 1.
        return 0.0;
    };
    let [eq1, eq2, eq3, eq4, eq5, eq6] = eq;

    let lower_eq1 = macro_score([eq1 + 1, eq2, eq3, eq4, eq5, eq6]);
    let lower_eq2 = macro_score([eq1, eq2 + 1, eq3, eq4, eq5, eq6]);
    // EQ3 and EQ6 form one joint order: 00 -> {01, 10} -> 11 -> 21.
    let lower_eq3_eq6 = match (eq3, eq6) {
        (0, 0) => {
            let left = macro_score([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
            let right = macro_score([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
            match (left, right) {
                (Some(l), Some(r)) if l > r => Some(l),
                (_, r) => r,
            }
        }
        (1, 0) => macro_score([eq1, eq2, eq3, eq4, eq5, eq6 + 1]),
        (0 | 1, 1) => macro_score([eq1, eq2, eq3 + 1, eq4, eq5, eq6]),
        _ => None,
    };
    let lower_eq4 = macro_score([eq1, eq2, eq3, eq4 + 1, eq5, eq6]);
    let lower_eq5 = macro_score([eq1, eq2, eq3, eq4, eq5 + 1, eq6]);

    let distances = severity_distances(&v, eq);
    let step = 0.1;
    let depth = |levels: Option<f64>| levels.unwrap_or(0.0) * step;
    let eq3_eq6_depth = EQ3_EQ6_DEPTH.get(eq3).and_then(|row| row.get(eq6)).copied();
    // Sets without a lower MacroVector do not count towards the mean; EQ5 counts but has no
    // depth to move in, so contributes zero.
    let parts = [
        (lower_eq1, distances.eq1, depth(EQ1_DEPTH.get(eq1).copied())),
        (lower_eq2, distances.eq2, depth(EQ2_DEPTH.get(eq2).copied())),
        (lower_eq3_eq6, distances.eq3_eq6, depth(eq3_eq6_depth)),
        (lower_eq4, distances.eq4, depth(EQ4_DEPTH.get(eq4).copied())),
    ];
    let mut existing = 0_u32;
    let mut sum = 0.0;
    for (lower, distance, depth) in parts {
        if let Some(lower) = lower {
            existing += 1;
            sum += (value - lower) * (distance / depth);
        }
    }
    if lower_eq5.is_some() {
        existing += 1;
    }
    let mean = if existing == 0 {
        0.0
    } else {
        sum / f64::from(existing)
    };
    let score = (value - mean).clamp(0.0, 10.0);
    (score * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score_of(vector: &str) -> f64 {
        match parse_and_score(vector) {
            Ok(cvss) => cvss.base_score,
            Err(err) => panic!("{vector}: {err}"),
        }
    }

    fn assert_scores(cases: &[(&str, f64)]) {
        for (vector, expected) in cases {
            let got = score_of(vector);
            assert!(
                (got - expected).abs() < 1e-9,
                "{vector}: got {got}, expected {expected}"
            );
        }
    }

    fn kind_of(vector: &str) -> CvssErrorKind {
        match parse_and_score(vector) {
            Ok(cvss) => panic!("{vector}: accepted with score {}", cvss.base_score),
            Err(err) => err.kind,
        }
    }

    #[test]
    fn versions_are_reported() {
        let version = |v: &str| parse_and_score(v).map(|c| c.version.as_str());
        assert_eq!(version("AV:N/AC:L/Au:N/C:P/I:P/A:P"), Ok("2.0"));
        assert_eq!(
            version("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Ok("3.0")
        );
        assert_eq!(
            version("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Ok("3.1")
        );
        assert_eq!(
            version("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            Ok("4.0")
        );
    }

    #[test]
    fn v3_1_scores_published_by_first() {
        // FIRST's v3.1 Examples document: Shellshock CVE-2014-6271 9.8, phpMyAdmin
        // CVE-2013-1937 6.1, Heartbleed CVE-2014-0160 7.5; the rest as FIRST's calculator
        // and NVD publish them (e.g. MySQL CVE-2013-0375 6.4, VMware CVE-2012-1516 9.9).
        assert_scores(&[
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
            ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9),
            ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
        ]);
    }

    #[test]
    fn v3_temporal_and_environmental_metrics_are_accepted_but_not_scored() {
        // Base 6.1 per FIRST's calculator; E:P/RL:W/RC:C would make the temporal score 5.6.
        assert_scores(&[
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:P/RL:W/RC:C",
                6.1,
            ),
            (
                "CVSS:3.0/S:C/C:H/I:H/A:N/AV:P/AC:H/PR:H/UI:R/E:H/RL:O/RC:R/CR:H/IR:X/AR:X\
                 /MAC:H/MPR:X/MUI:X/MC:L/MA:X",
                score_of("CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:N"),
            ),
        ]);
    }

    #[test]
    fn v3_0_scores() {
        assert_scores(&[
            ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
            ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
            ("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ]);
    }

    #[test]
    fn the_two_roundup_functions() {
        // v3.1 Appendix A: the integer-based Roundup absorbs floating-point noise that v3.0's
        // plain ceiling turns into an extra 0.1; both agree on the specification's examples
        // Round up(4.02) = 4.1 and Round up(4.00) = 4.0.
        assert_eq!(roundup_v3_1(4.000_000_000_000_001), 4.0);
        assert_eq!(roundup_v3_0(4.000_000_000_000_001), 4.1);
        for roundup in [roundup_v3_0, roundup_v3_1] {
            assert_eq!(roundup(4.02), 4.1);
            assert_eq!(roundup(4.00), 4.0);
        }
    }

    #[test]
    fn v2_scores_from_the_specification_examples() {
        // CVSS v2 guide section 3.3 examples (CVE-2002-0392, CVE-2003-0818, CVE-2003-0062);
        // 7.5 is NVD's score of e.g. CVE-2002-0586.
        assert_scores(&[
            ("AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8),
            ("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0),
            ("AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2),
            ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
            ("(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5),
            ("AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0),
            (
                "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
                7.8,
            ),
        ]);
    }

    #[test]
    fn v4_base_scores() {
        assert_scores(&[
            // FIRST v4.0 calculator values, as NVD publishes them for many CVEs.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                9.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
                10.0,
            ),
            (
                "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                8.5,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                0.0,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N",
                6.9,
            ),
            // FIRST v4.0 Examples document, CVE-2022-41741 (nginx mp4 module): 7.3.
            (
                "CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                7.3,
            ),
            // CVE-2024-7657 as published (5.3); the next two are FIRST calculator values
            // recorded in other implementations' test suites.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
                5.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N",
                5.3,
            ),
            (
                "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:H/SC:L/SI:N/SA:N",
                4.1,
            ),
        ]);
    }

    #[test]
    fn v4_threat_metrics_change_the_score() {
        assert_scores(&[
            // CVE-2025-6829 as published: E:X is the same as no E.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/E:X",
                5.3,
            ),
            // CVE-2026-48787 (NVD), every other optional metric spelled out as X.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:X/IR:X\
                 /AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X\
                 /AU:X/R:X/V:X/RE:X/U:X",
                7.4,
            ),
            // FIRST calculator value recorded in another implementation's test suite.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
                8.1,
            ),
        ]);
    }

    #[test]
    fn v4_environmental_metrics_change_the_score() {
        assert_scores(&[
            // FIRST calculator values recorded in other implementations' test suites.
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:M",
                8.8,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S/MSA:S",
                10.0,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:P/MAC:H",
                5.4,
            ),
            (
                "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P",
                9.7,
            ),
            // FIRST calculator link cited alongside this vector: 7.7.
            (
                "CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:P/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N/CR:M/IR:M/AR:M\
                 /MAV:N/MAC:H/MAT:N/MPR:L/MUI:N/MVC:H/MVI:L/MVA:H/MSC:L/MSI:S/MSA:S/AU:Y/R:I\
                 /V:C/RE:L/U:Amber",
                7.7,
            ),
        ]);
    }

    #[test]
    fn v4_supplemental_metrics_do_not_change_the_score() {
        let base = "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N";
        assert_scores(&[
            (base, 8.6),
            (&format!("{base}/S:P/AU:Y/R:I/V:C/RE:H/U:Red"), 8.6),
            (&format!("{base}/U:Clear"), 8.6),
        ]);
    }

    #[test]
    fn metric_order_does_not_matter() {
        assert_scores(&[
            ("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N", 9.8),
            (
                "CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N",
                9.3,
            ),
        ]);
    }

    #[test]
    fn every_v4_macrovector_has_a_score_and_its_maxima_score_it_exactly() {
        // The highest-severity vectors of a MacroVector must score the table value itself.
        let mut checked = 0;
        for (eq1, eq1_max) in EQ1_MAX.iter().enumerate() {
            for (eq2, eq2_max) in EQ2_MAX.iter().enumerate() {
                for (eq3, row) in EQ3_EQ6_MAX.iter().enumerate() {
                    for (eq6, eq36_max) in row.iter().enumerate() {
                        for (eq4, eq4_max) in EQ4_MAX.iter().enumerate() {
                            for (eq5, e) in ["A", "P", "U"].iter().enumerate() {
                                let mv = [eq1, eq2, eq3, eq4, eq5, eq6];
                                let Some(expected) = macro_score(mv) else {
                                    assert!(eq36_max.is_empty(), "{mv:?}");
                                    continue;
                                };
                                let (a, b, c, d) =
                                    (eq1_max[0], eq2_max[0], eq36_max[0], eq4_max[0]);
                                let ch = |x: u8| char::from(x);
                                let [sc, si, sa] = d.map(ch);
                                // Safety only exists as a modified value.
                                let (si, msi) = if si == 'S' { ('N', 'S') } else { (si, 'X') };
                                let (sa, msa) = if sa == 'S' { ('N', 'S') } else { (sa, 'X') };
                                let vector = format!(
                                    "CVSS:4.0/AV:{}/AC:{}/AT:{}/PR:{}/UI:{}/VC:{}/VI:{}/VA:{}\
                                     /SC:{sc}/SI:{si}/SA:{sa}/E:{e}/CR:{}/IR:{}/AR:{}\
                                     /MSI:{msi}/MSA:{msa}",
                                    ch(a[0]),
                                    ch(b[0]),
                                    ch(b[1]),
                                    ch(a[1]),
                                    ch(a[2]),
                                    ch(c[0]),
                                    ch(c[1]),
                                    ch(c[2]),
                                    ch(c[3]),
                                    ch(c[4]),
                                    ch(c[5]),
                                );
                                let parsed = Metrics::parse(
                                    &vector,
                                    CvssVersion::V4_0,
                                    V4_METRICS,
                                    vector.trim_start_matches("CVSS:4.0/"),
                                )
                                .ok()
                                .map(|m| V4Values::new(&m).macrovector());
                                assert_eq!(parsed, Some(mv), "{vector}");
                                assert_eq!(score_of(&vector), expected, "{vector}");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 270);
    }

    #[test]
    fn every_base_vector_scores_within_range() {
        let mut count = 0;
        for av in ["N", "A", "L", "P"] {
            for ac in ["L", "H"] {
                for pr in ["N", "L", "H"] {
                    for ui in ["N", "R"] {
                        for s in ["U", "C"] {
                            for cia in 0..27 {
                                let l =
                                    |i: usize| ["H", "L", "N"][(cia / 3_usize.pow(i as u32)) % 3];
                                let (c, i, a) = (l(0), l(1), l(2));
                                for version in ["3.0", "3.1"] {
                                    let v = format!(
                                        "CVSS:{version}/AV:{av}/AC:{ac}/PR:{pr}/UI:{ui}/S:{s}/C:{c}/I:{i}/A:{a}"
                                    );
                                    let score = score_of(&v);
                                    assert!((0.0..=10.0).contains(&score), "{v}: {score}");
                                    assert_eq!(score == 0.0, [c, i, a] == ["N"; 3], "{v}");
                                    count += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(count, 2 * 2592);
        let mut count = 0;
        for av in ["N", "A", "L", "P"] {
            for ac in ["L", "H"] {
                for at in ["N", "P"] {
                    for pr in ["N", "L", "H"] {
                        for ui in ["N", "P", "A"] {
                            for imp in 0..729 {
                                let l =
                                    |i: usize| ["H", "L", "N"][(imp / 3_usize.pow(i as u32)) % 3];
                                let v = format!(
                                    "CVSS:4.0/AV:{av}/AC:{ac}/AT:{at}/PR:{pr}/UI:{ui}/VC:{}/VI:{}\
                                     /VA:{}/SC:{}/SI:{}/SA:{}",
                                    l(0),
                                    l(1),
                                    l(2),
                                    l(3),
                                    l(4),
                                    l(5)
                                );
                                let score = score_of(&v);
                                assert!((0.0..=10.0).contains(&score), "{v}: {score}");
                                assert_eq!(score == 0.0, imp == 728, "{v}");
                                count += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(count, 104_976);
    }

    #[test]
    fn errors_name_the_problem() {
        let cases = [
            ("", CvssErrorKind::Empty),
            ("   ", CvssErrorKind::Empty),
            (
                "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::BadPrefix,
            ),
            ("CVSS:/AV:N", CvssErrorKind::BadPrefix),
            (
                "CVSS3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::BadPrefix,
            ),
            (
                "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::BadPrefix,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
                CvssErrorKind::Malformed,
            ),
            (
                "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::Malformed,
            ),
            (
                "CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::Malformed,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y",
                CvssErrorKind::UnknownMetric,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::UnknownMetric,
            ),
            (
                "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::UnknownMetric,
            ),
            (
                "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::DuplicateMetric,
            ),
            (
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
                CvssErrorKind::MissingMetric,
            ),
            ("CVSS:3.1", CvssErrorKind::MissingMetric),
            (
                "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                CvssErrorKind::MissingMetric,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red",
                CvssErrorKind::BadValue,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:X",
                CvssErrorKind::DuplicateMetric,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O",
                CvssErrorKind::UnknownMetric,
            ),
            ("AV:N/AC:L/Au:N/C:P/I:P", CvssErrorKind::MissingMetric),
            ("(AV:N/AC:L/Au:N/C:P/I:P/A:Q)", CvssErrorKind::BadValue),
            ("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", CvssErrorKind::BadValue),
        ];
        for (vector, kind) in cases {
            assert_eq!(kind_of(vector), kind, "{vector:?}");
        }
    }

    #[test]
    fn error_messages_quote_the_vector_and_the_culprit() {
        let message = |v: &str| parse_and_score(v).err().map(|e| e.to_string());
        let m = message("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap_or_default();
        assert!(m.contains("CVSS:3.1/AV:X/AC:L"), "{m}");
        assert!(
            m.contains("AV") && m.contains("\"X\"") && m.contains("N, A, L, P"),
            "{m}"
        );
        let m = message("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H").unwrap_or_default();
        assert!(m.contains("missing mandatory metrics I, A"), "{m}");
        let m = message("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap_or_default();
        assert!(m.contains("AV appears more than once"), "{m}");
        let m = message("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Foo:1").unwrap_or_default();
        assert!(m.contains("unknown metric \"Foo\" for CVSS v3.1"), "{m}");
        let m = message("AV:N/AC:L/AT:N").unwrap_or_default();
        assert!(m.contains("read as CVSS v2.0"), "{m}");
        let m = message("CVSS:9.9/AV:N").unwrap_or_default();
        assert!(m.contains("unsupported CVSS version \"9.9\""), "{m}");
        // Hostile input stays bounded and escaped in the message.
        let long = format!("CVSS:3.1/AV:{}\u{1b}[31m", "N".repeat(100_000));
        let m = message(&long).unwrap_or_default();
        assert!(m.len() < 600, "{} bytes", m.len());
        assert!(!m.contains('\u{1b}'), "{m}");
    }

    #[test]
    fn ratings_follow_the_qualitative_scale() {
        let cases = [
            (0.0, "none"),
            (0.1, "low"),
            (3.9, "low"),
            (4.0, "medium"),
            (6.9, "medium"),
            (7.0, "high"),
            (8.9, "high"),
            (9.0, "critical"),
            (10.0, "critical"),
            (f64::NAN, "none"),
            (-1.0, "none"),
        ];
        for (score, expected) in cases {
            assert_eq!(rating(score), expected, "{score}");
        }
    }

    /// Small deterministic generator so the sweep needs no dependency.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % (n.max(1) as u64)) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items.get(self.below(items.len())).copied().unwrap_or("")
        }
    }

    #[test]
    fn never_panics_on_random_or_mutated_vectors() {
        let seeds = [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:W/RC:C/CR:H/MAV:A/MS:C",
            "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:L",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/MSI:S/U:Red",
            "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:L/VA:N/SC:L/SI:N/SA:N",
            "(AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/CDP:LM)",
        ];
        let tokens = [
            "CVSS:", "3.1", "4.0", "2.0", "/", ":", "(", ")", "AV", "AC", "AT", "PR", "UI", "S",
            "C", "I", "A", "VC", "VI", "VA", "SC", "SI", "SA", "E", "CR", "MSI", "MSA", "MAV", "U",
            "N", "L", "H", "P", "X", "R", "Clear", "ND", "POC", "é", "\u{0}", "💥", " ",
        ];
        let mut rng = Lcg(0x5eed_cafe);
        let mut accepted = 0;
        for round in 0..40_000 {
            let candidate = match round % 3 {
                0 => {
                    // Token soup.
                    let n = rng.below(40);
                    (0..n).map(|_| rng.pick(&tokens)).collect::<String>()
                }
                1 => {
                    // Byte-level mutation of a valid vector, kept at char boundaries.
                    let mut chars: Vec<char> = rng.pick(&seeds).chars().collect();
                    for _ in 0..=rng.below(4) {
                        let at = rng.below(chars.len() + 1);
                        match rng.below(3) {
                            0 if at < chars.len() => {
                                chars.remove(at);
                            }
                            1 => chars.insert(at, rng.pick(&tokens).chars().next().unwrap_or('/')),
                            _ if at < chars.len() => {
                                let other = rng.below(chars.len());
                                chars.swap(at, other);
                            }
                            _ => {}
                        }
                    }
                    chars.into_iter().collect()
                }
                _ => {
                    // Random v4 vectors over every metric, mostly with allowed values, so the
                    // MacroVector lookup and interpolation see unusual combinations.
                    let mut v = String::from("CVSS:4.0");
                    for def in V4_METRICS {
                        if def.required || rng.below(2) == 0 {
                            let value = if rng.below(64) == 0 {
                                rng.pick(&tokens)
                            } else {
                                rng.pick(def.values)
                            };
                            v.push_str(&format!("/{}:{value}", def.key));
                        }
                    }
                    v
                }
            };
            match parse_and_score(&candidate) {
                Ok(cvss) => {
                    accepted += 1;
                    let s = cvss.base_score;
                    assert!(
                        s.is_finite() && (0.0..=10.0).contains(&s),
                        "{candidate:?}: {s}"
                    );
                    assert_eq!((s * 10.0).round() / 10.0, s, "{candidate:?}: {s}");
                }
                Err(err) => assert!(!err.reason.is_empty(), "{candidate:?}"),
            }
        }
        // The sweep must exercise scoring, not only rejection.
        assert!(accepted > 8_000, "only {accepted} accepted");
    }
}
