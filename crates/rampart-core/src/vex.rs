//! VEX documents (OpenVEX, CycloneDX VEX): parsing and applying their statements to findings.
//!
//! A VEX statement says whether a product is affected by a vulnerability. Applying statements
//! removes findings a supplier has declared `not_affected` or `fixed` (they are returned so the
//! report can still list them) and annotates the rest. A statement that matches nothing is
//! reported, because a typo in a purl or an id would otherwise look like a clean result.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::{Finding, FindingKind, VexStatus, VulnerabilityDetails};

/// Status a VEX statement gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VexState {
    /// The product is not affected: the finding is suppressed.
    NotAffected,
    /// The product contains a fix: the finding is suppressed.
    Fixed,
    /// The product is affected: the finding stays.
    Affected,
    /// Not known yet: the finding stays.
    UnderInvestigation,
}

impl VexState {
    /// The OpenVEX spelling, used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            VexState::NotAffected => "not_affected",
            VexState::Fixed => "fixed",
            VexState::Affected => "affected",
            VexState::UnderInvestigation => "under_investigation",
        }
    }

    /// Whether findings this status applies to leave the finding list.
    pub fn suppresses(self) -> bool {
        matches!(self, VexState::NotAffected | VexState::Fixed)
    }
}

impl fmt::Display for VexState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One statement: a vulnerability, the products it covers, and what is true of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VexStatement {
    /// The vulnerability id the statement names (CVE, GHSA, ...).
    pub vulnerability: String,
    /// Other ids of the same vulnerability given by the statement.
    pub aliases: Vec<String>,
    /// The packages the statement is about: purls where the document gives them, otherwise
    /// the identifier as written (such entries never match a package).
    pub products: Vec<String>,
    /// What the statement says is true of the products.
    pub status: VexState,
    /// Machine-readable reason (`vulnerable_code_not_in_execute_path`, `code_not_reachable`, ...).
    pub justification: Option<String>,
    /// Free text from the author (impact or action statement, CycloneDX `detail`).
    pub statement: Option<String>,
    /// When the statement was made (RFC 3339), if the document says; the latest one wins.
    pub timestamp: Option<String>,
    /// The file name given to [`parse`].
    pub source: String,
    /// Where in the document the statement is, e.g. `statements[3]`, for messages.
    pub position: String,
}

/// A VEX document that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VexError {
    /// The bytes are not JSON.
    #[error(
        "{file}: not a JSON document ({detail}); pass an OpenVEX or CycloneDX VEX file in JSON"
    )]
    NotJson {
        /// File name.
        file: String,
        /// What the JSON parser said.
        detail: String,
    },
    /// JSON, but not a VEX format rampart reads.
    #[error("{file}: not a VEX document: {detail}")]
    UnknownFormat {
        /// File name.
        file: String,
        /// What was found and what is expected.
        detail: String,
    },
    /// One statement (or the part of the document it needs) is malformed.
    #[error("{file}: {position}: {problem}")]
    Statement {
        /// File name.
        file: String,
        /// Where in the document, e.g. `statements[2]`.
        position: String,
        /// What is wrong and what to write instead.
        problem: String,
    },
}

const OPENVEX_CONTEXT: &str = "https://openvex.dev/ns";

/// Parse an OpenVEX (v0.2.0, `@context` `https://openvex.dev/ns/...`) or CycloneDX (1.4 or
/// later, JSON, with a `vulnerabilities` array carrying `analysis`) VEX document.
pub fn parse(source: &str, bytes: &[u8]) -> Result<Vec<VexStatement>, VexError> {
    // Editors on Windows write a UTF-8 byte order mark that JSON parsers reject.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| VexError::NotJson {
        file: source.to_string(),
        detail: e.to_string(),
    })?;
    let Some(obj) = doc.as_object() else {
        return Err(unknown(
            source,
            format!(
                "the top level is {}, expected an object with `@context` \
                 ({OPENVEX_CONTEXT}/...) for OpenVEX or `\"bomFormat\": \"CycloneDX\"`",
                json_kind(&doc)
            ),
        ));
    };
    if is_openvex(obj) {
        return parse_openvex(source, obj);
    }
    if obj.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        return parse_cyclonedx(source, obj);
    }
    let is_csaf = obj
        .get("document")
        .and_then(|d| d.get("csaf_version"))
        .is_some();
    if is_csaf {
        return Err(unknown(
            source,
            "CSAF documents are not supported; convert it to OpenVEX (e.g. `vexctl`) or \
             CycloneDX VEX"
                .to_string(),
        ));
    }
    Err(unknown(
        source,
        format!(
            "found neither `@context` starting with {OPENVEX_CONTEXT} (OpenVEX) nor \
             `\"bomFormat\": \"CycloneDX\"` (CycloneDX VEX); pass a document in one of those \
             formats"
        ),
    ))
}

fn unknown(source: &str, detail: String) -> VexError {
    VexError::UnknownFormat {
        file: source.to_string(),
        detail,
    }
}

fn bad(source: &str, position: &str, problem: String) -> VexError {
    VexError::Statement {
        file: source.to_string(),
        position: position.to_string(),
        problem,
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn is_openvex(obj: &Map<String, Value>) -> bool {
    let is_ns = |v: &Value| v.as_str().is_some_and(|s| s.starts_with(OPENVEX_CONTEXT));
    match obj.get("@context") {
        Some(Value::Array(items)) => items.iter().any(is_ns),
        Some(v) => is_ns(v),
        None => false,
    }
}

/// A non-empty trimmed string field.
fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Checks an optional timestamp field so that a typo is reported instead of losing ordering.
fn timestamp(
    source: &str,
    position: &str,
    obj: &Map<String, Value>,
    key: &str,
) -> Result<Option<String>, VexError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if rfc3339_key(s).is_some() => Ok(Some(s.trim().to_string())),
        Some(other) => Err(bad(
            source,
            position,
            format!(
                "`{key}` is {}, expected an RFC 3339 time such as 2024-05-01T12:00:00Z",
                describe(other)
            ),
        )),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{}`", truncate(s, 80)),
        other => json_kind(other).to_string(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}...", &s[..at]),
        None => s.to_string(),
    }
}

// ---- OpenVEX ----

fn parse_openvex(source: &str, doc: &Map<String, Value>) -> Result<Vec<VexStatement>, VexError> {
    let doc_time = timestamp(source, "document", doc, "timestamp")?;
    let statements = match doc.get("statements") {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(bad(
                source,
                "statements",
                format!("is {}, expected an array of statements", json_kind(other)),
            ));
        }
        None => {
            return Err(bad(
                source,
                "document",
                "has no `statements` array; an OpenVEX document lists its statements there"
                    .to_string(),
            ));
        }
    };
    let mut out = Vec::with_capacity(statements.len());
    for (i, item) in statements.iter().enumerate() {
        let position = format!("statements[{i}]");
        let Some(st) = item.as_object() else {
            return Err(bad(
                source,
                &position,
                format!("is {}, expected a statement object", json_kind(item)),
            ));
        };
        out.push(openvex_statement(source, &position, st, &doc_time)?);
    }
    Ok(out)
}

fn openvex_statement(
    source: &str,
    position: &str,
    st: &Map<String, Value>,
    doc_time: &Option<String>,
) -> Result<VexStatement, VexError> {
    let (vulnerability, aliases) = match st.get("vulnerability") {
        // Drafts before v0.2.0 wrote the id as a plain string.
        Some(Value::String(s)) if !s.trim().is_empty() => (s.trim().to_string(), Vec::new()),
        Some(Value::Object(v)) => {
            let Some(name) = text(v, "name") else {
                return Err(bad(
                    source,
                    position,
                    "`vulnerability` has no `name`; give the id, e.g. \
                     {\"name\": \"CVE-2024-1234\"}"
                        .to_string(),
                ));
            };
            (name, string_list(v.get("aliases")))
        }
        _ => {
            return Err(bad(
                source,
                position,
                "has no `vulnerability`; give one, e.g. {\"name\": \"CVE-2024-1234\"}".to_string(),
            ));
        }
    };
    let status = match st.get("status") {
        Some(Value::String(s)) if s.trim() == "not_affected" => VexState::NotAffected,
        Some(Value::String(s)) if s.trim() == "fixed" => VexState::Fixed,
        Some(Value::String(s)) if s.trim() == "affected" => VexState::Affected,
        Some(Value::String(s)) if s.trim() == "under_investigation" => VexState::UnderInvestigation,
        other => {
            let found = match other {
                Some(v) => format!("unknown status {}", describe(v)),
                None => "no `status`".to_string(),
            };
            return Err(bad(
                source,
                position,
                format!(
                    "{found} for {vulnerability}; use not_affected, affected, fixed or \
                     under_investigation"
                ),
            ));
        }
    };

    // Old drafts put subcomponents beside the products instead of inside them.
    let statement_subs = component_ids(st.get("subcomponents"));
    let mut products = Vec::new();
    if let Some(Value::Array(items)) = st.get("products") {
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => products.push(s.trim().to_string()),
                Value::Object(p) => {
                    // The subcomponents are the packages the statement is about; the product
                    // is the image or application that contains them.
                    let subs = component_ids(p.get("subcomponents"));
                    if subs.is_empty() {
                        products.extend(identifiers(p));
                    } else {
                        products.extend(subs);
                    }
                }
                _ => {}
            }
        }
    }
    if !statement_subs.is_empty() {
        products = statement_subs;
    }
    dedup(&mut products);
    if products.is_empty() {
        return Err(bad(
            source,
            position,
            format!(
                "names no product for {vulnerability}; give `products` with an `@id` or \
                 `identifiers.purl` (a purl such as pkg:npm/lodash@4.17.20)"
            ),
        ));
    }

    let notes: Vec<String> = ["impact_statement", "action_statement", "status_notes"]
        .iter()
        .filter_map(|k| text(st, k))
        .collect();
    let statement_time = timestamp(source, position, st, "timestamp")?;
    Ok(VexStatement {
        vulnerability,
        aliases,
        products,
        status,
        justification: text(st, "justification"),
        statement: (!notes.is_empty()).then(|| notes.join("; ")),
        // A statement's own timestamp overrides the document's (OpenVEX inheritance).
        timestamp: statement_time.or_else(|| doc_time.clone()),
        source: source.to_string(),
        position: position.to_string(),
    })
}

/// Identifiers of a list of OpenVEX components (strings or objects).
fn component_ids(list: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(Value::Array(items)) = list {
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                Value::Object(c) => out.extend(identifiers(c)),
                _ => {}
            }
        }
    }
    out
}

/// `identifiers.purl` first (the field made for it), then `@id`: both are tried when matching.
fn identifiers(component: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(Value::Object(ids)) = component.get("identifiers")
        && let Some(purl) = text(ids, "purl")
    {
        out.push(purl);
    }
    if let Some(id) = text(component, "@id") {
        out.push(id);
    }
    out
}

fn string_list(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    dedup(&mut out);
    out
}

fn dedup(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|s| seen.insert(s.clone()));
}

// ---- CycloneDX ----

fn parse_cyclonedx(source: &str, doc: &Map<String, Value>) -> Result<Vec<VexStatement>, VexError> {
    let spec = doc
        .get("specVersion")
        .and_then(Value::as_str)
        .unwrap_or("(missing)");
    let minor = spec.strip_prefix("1.").and_then(|m| m.parse::<u32>().ok());
    // `vulnerabilities` arrived in 1.4; later 1.x versions keep the fields read here.
    if minor.is_none_or(|m| m < 4) {
        return Err(unknown(
            source,
            format!(
                "CycloneDX specVersion `{}` has no VEX data; VEX needs CycloneDX 1.4 or later \
                 with a `vulnerabilities` array",
                truncate(spec, 20)
            ),
        ));
    }
    let vulns = match doc.get("vulnerabilities") {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(bad(
                source,
                "vulnerabilities",
                format!("is {}, expected an array", json_kind(other)),
            ));
        }
        None => {
            return Err(unknown(
                source,
                "a CycloneDX BOM without `vulnerabilities`: this is an SBOM, not VEX; pass \
                 the VEX BOM (vulnerabilities with `analysis`)"
                    .to_string(),
            ));
        }
    };

    let mut refs = HashMap::new();
    if let Some(Value::Object(meta)) = doc.get("metadata")
        && let Some(Value::Object(component)) = meta.get("component")
    {
        collect_refs(component, &mut refs);
    }
    if let Some(Value::Array(components)) = doc.get("components") {
        for c in components.iter().filter_map(Value::as_object) {
            collect_refs(c, &mut refs);
        }
    }

    let mut out = Vec::with_capacity(vulns.len());
    for (i, item) in vulns.iter().enumerate() {
        let position = format!("vulnerabilities[{i}]");
        let Some(v) = item.as_object() else {
            return Err(bad(
                source,
                &position,
                format!("is {}, expected a vulnerability object", json_kind(item)),
            ));
        };
        // An entry without `analysis` lists a vulnerability (VDR) but states nothing about it.
        if v.get("analysis").is_none() {
            continue;
        }
        out.push(cyclonedx_statement(source, &position, v, &refs)?);
    }
    if out.is_empty() && !vulns.is_empty() {
        return Err(unknown(
            source,
            "no entry in `vulnerabilities` has an `analysis`: this lists vulnerabilities \
             but states nothing about them; add `analysis.state` to each or pass the VEX BOM"
                .to_string(),
        ));
    }
    Ok(out)
}

/// bom-ref -> purl for a component and the components nested in it.
fn collect_refs<'a>(component: &'a Map<String, Value>, refs: &mut HashMap<&'a str, &'a str>) {
    // serde_json bounds nesting depth while parsing, so this recursion is bounded too.
    if let (Some(r), Some(p)) = (
        component.get("bom-ref").and_then(Value::as_str),
        component.get("purl").and_then(Value::as_str),
    ) {
        refs.entry(r).or_insert(p);
    }
    if let Some(Value::Array(children)) = component.get("components") {
        for c in children.iter().filter_map(Value::as_object) {
            collect_refs(c, refs);
        }
    }
}

fn cyclonedx_statement(
    source: &str,
    position: &str,
    v: &Map<String, Value>,
    refs: &HashMap<&str, &str>,
) -> Result<VexStatement, VexError> {
    let Some(vulnerability) = text(v, "id") else {
        return Err(bad(
            source,
            position,
            "has no `id`; give the vulnerability id, e.g. \"id\": \"CVE-2024-1234\"".to_string(),
        ));
    };
    let Some(analysis) = v.get("analysis").and_then(Value::as_object) else {
        return Err(bad(
            source,
            position,
            format!("`analysis` of {vulnerability} is not an object"),
        ));
    };
    let state = analysis.get("state");
    let status = match state.and_then(Value::as_str).map(str::trim) {
        Some("not_affected") | Some("false_positive") => VexState::NotAffected,
        Some("resolved") | Some("resolved_with_pedigree") => VexState::Fixed,
        Some("exploitable") => VexState::Affected,
        Some("in_triage") => VexState::UnderInvestigation,
        _ => {
            let found = match state {
                Some(v) => format!("unknown analysis.state {}", describe(v)),
                None => "no `analysis.state`".to_string(),
            };
            return Err(bad(
                source,
                position,
                format!(
                    "{found} for {vulnerability}; use not_affected, false_positive, resolved, \
                     resolved_with_pedigree, exploitable or in_triage"
                ),
            ));
        }
    };
    let mut aliases = Vec::new();
    if let Some(Value::Array(references)) = v.get("references") {
        for r in references.iter().filter_map(Value::as_object) {
            if let Some(id) = text(r, "id") {
                aliases.push(id);
            }
        }
    }
    dedup(&mut aliases);

    let mut products = Vec::new();
    if let Some(Value::Array(affects)) = v.get("affects") {
        for a in affects.iter().filter_map(Value::as_object) {
            if let Some(r) = text(a, "ref") {
                products.push(resolve_ref(&r, refs));
            }
        }
    }
    dedup(&mut products);
    if products.is_empty() {
        return Err(bad(
            source,
            position,
            format!(
                "names no affected component for {vulnerability}; give `affects` with a `ref` \
                 (a component's bom-ref or a purl)"
            ),
        ));
    }
    let updated = timestamp(source, position, analysis, "lastUpdated")?;
    let issued = timestamp(source, position, analysis, "firstIssued")?;
    Ok(VexStatement {
        vulnerability,
        aliases,
        products,
        status,
        justification: text(analysis, "justification"),
        statement: text(analysis, "detail"),
        timestamp: updated.or(issued),
        source: source.to_string(),
        position: position.to_string(),
    })
}

/// A bom-ref, purl or BOM-Link (`urn:cdx:serial/version#bom-ref`) to the purl it names, or
/// the reference itself when the document does not say (it then matches nothing and is
/// reported with the statement).
fn resolve_ref(r: &str, refs: &HashMap<&str, &str>) -> String {
    if let Some(purl) = refs.get(r) {
        return purl.to_string();
    }
    if r.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("urn:cdx:"))
        && let Some((_, fragment)) = r.split_once('#')
    {
        let fragment = percent_decode(fragment);
        if let Some(purl) = refs.get(fragment.as_str()) {
            return purl.to_string();
        }
    }
    r.to_string()
}

// ---- applying ----

/// What applying statements did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VexOutcome {
    /// Findings removed because a statement says `not_affected` or `fixed`, each annotated.
    pub suppressed: Vec<Finding>,
    /// One message per statement that matched no finding.
    pub unmatched: Vec<String>,
}

/// Apply statements to findings: for each vulnerability finding the latest matching statement
/// decides; `not_affected`/`fixed` move it to [`VexOutcome::suppressed`], other statuses annotate
/// it in place.
pub fn apply(findings: &mut Vec<Finding>, statements: &[VexStatement]) -> VexOutcome {
    // Index statements by every id they name so each finding looks at few candidates.
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, st) in statements.iter().enumerate() {
        let mut ids: Vec<String> = std::iter::once(&st.vulnerability)
            .chain(&st.aliases)
            .map(|s| s.trim().to_ascii_lowercase())
            .collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            by_id.entry(id).or_default().push(i);
        }
    }
    let parsed: Vec<Vec<Option<Purl>>> = statements
        .iter()
        .map(|st| st.products.iter().map(|p| Purl::parse(p)).collect())
        .collect();
    let times: Vec<Option<(i64, u32)>> = statements
        .iter()
        .map(|st| st.timestamp.as_deref().and_then(rfc3339_key))
        .collect();

    let mut used = vec![false; statements.len()];
    let mut outcome = VexOutcome::default();
    let mut kept = Vec::with_capacity(findings.len());
    for mut finding in findings.drain(..) {
        let winner = winning_statement(&finding, &by_id, &parsed, &times, &mut used);
        let Some(st) = winner.and_then(|i| statements.get(i)) else {
            kept.push(finding);
            continue;
        };
        let details = finding.vulnerability.get_or_insert_with(|| {
            Box::new(VulnerabilityDetails {
                severity_source: "unrated".to_string(),
                ..VulnerabilityDetails::default()
            })
        });
        details.vex = Some(VexStatus {
            status: st.status.as_str().to_string(),
            justification: st.justification.clone(),
            statement: st.statement.clone(),
            source: st.source.clone(),
        });
        if st.status.suppresses() {
            outcome.suppressed.push(finding);
        } else {
            kept.push(finding);
        }
    }
    *findings = kept;

    for (st, used) in statements.iter().zip(&used) {
        if !used {
            outcome.unmatched.push(format!(
                "{}: {}: VEX statement ({}) for {} matched no finding; products: {}. Check \
                 the vulnerability id and that the purls name packages this scan found",
                st.source,
                st.position,
                st.status,
                st.vulnerability,
                st.products.join(", ")
            ));
        }
    }
    outcome
}

/// Index of the statement that decides `finding`: among those naming one of its ids and
/// covering its package, the latest timestamp, then the last in order (VEX statements override
/// earlier ones). Marks every matching statement as used.
fn winning_statement(
    finding: &Finding,
    by_id: &HashMap<String, Vec<usize>>,
    parsed: &[Vec<Option<Purl>>],
    times: &[Option<(i64, u32)>],
    used: &mut [bool],
) -> Option<usize> {
    if finding.kind != FindingKind::Vulnerability {
        return None;
    }
    let package = Purl::parse(&finding.package.as_ref()?.purl)?;
    let mut candidates: Vec<usize> = std::iter::once(&finding.rule_id)
        .chain(&finding.aliases)
        .filter_map(|id| by_id.get(&id.trim().to_ascii_lowercase()))
        .flatten()
        .copied()
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<usize> = None;
    for i in candidates {
        let covers = parsed
            .get(i)
            .is_some_and(|ps| ps.iter().flatten().any(|p| p.covers(&package)));
        if !covers {
            continue;
        }
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        let key = |j: usize| (times.get(j).copied().flatten(), j);
        if best.is_none_or(|b| key(i) > key(b)) {
            best = Some(i);
        }
    }
    best
}

// ---- purl ----

/// Whether a statement's product purl covers a package purl.
///
/// Type, namespace and name must be equal after the purl spec's normalisation; the version must
/// be equal when the statement gives one; each statement qualifier must be on the package with
/// the same value (extra package qualifiers are fine); the subpath counts only when the statement
/// gives one. Anything that is not a purl covers nothing.
pub fn purl_matches(statement_purl: &str, package_purl: &str) -> bool {
    match (Purl::parse(statement_purl), Purl::parse(package_purl)) {
        (Some(statement), Some(package)) => statement.covers(&package),
        _ => false,
    }
}

/// A purl split into decoded, normalised components.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Purl {
    ty: String,
    namespace: String,
    name: String,
    version: Option<String>,
    qualifiers: Vec<(String, String)>,
    subpath: Option<String>,
}

impl Purl {
    fn parse(s: &str) -> Option<Purl> {
        let s = s.trim();
        let (rest, subpath) = match s.rsplit_once('#') {
            Some((rest, sub)) => (rest, Some(sub)),
            None => (s, None),
        };
        let (rest, query) = match rest.rsplit_once('?') {
            Some((rest, q)) => (rest, Some(q)),
            None => (rest, None),
        };
        let (scheme, rest) = rest.split_once(':')?;
        if !scheme.eq_ignore_ascii_case("pkg") {
            return None;
        }
        // The spec tolerates `pkg://type/...`.
        let rest = rest.trim_start_matches('/');
        let (ty, rest) = rest.split_once('/')?;
        let ty = ty.to_ascii_lowercase();
        if ty.is_empty() {
            return None;
        }
        let rest = rest.trim_end_matches('/');
        // The version separator is the `@` in the last segment: an npm scope written as a raw
        // `@angular` is in the namespace, not a version.
        let (path, version) = match rest.rsplit_once('/') {
            Some((ns, last)) => match last.rsplit_once('@') {
                Some((name, v)) => (format!("{ns}/{name}"), Some(v)),
                None => (rest.to_string(), None),
            },
            None => match rest.rsplit_once('@') {
                Some((name, v)) => (name.to_string(), Some(v)),
                None => (rest.to_string(), None),
            },
        };
        let mut segments: Vec<String> = path
            .split('/')
            .filter(|seg| !seg.is_empty())
            .map(percent_decode)
            .collect();
        let mut name = segments.pop()?;
        let mut namespace = segments.join("/");
        if name.is_empty() {
            return None;
        }
        let mut version = version.map(percent_decode).filter(|v| !v.is_empty());

        let mut qualifiers: Vec<(String, String)> = query
            .unwrap_or("")
            .split('&')
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                let v = percent_decode(v);
                (!k.is_empty() && !v.is_empty()).then(|| (k.to_ascii_lowercase(), v))
            })
            .collect();
        qualifiers.sort();
        let subpath = subpath
            .map(|sp| {
                sp.split('/')
                    .filter(|seg| !seg.is_empty() && *seg != "." && *seg != "..")
                    .map(percent_decode)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .filter(|sp| !sp.is_empty());

        // Per-type rules from the purl spec's type definitions: where a type says namespace or
        // name is not case sensitive, it must be lowercased.
        let (ns_lower, name_lower) = match ty.as_str() {
            "alpm" | "apk" | "bitbucket" | "composer" | "deb" | "github" | "golang" | "hex"
            | "npm" => (true, true),
            "rpm" => (true, false),
            "bitnami" | "luarocks" | "oci" | "pub" | "pypi" => (false, true),
            _ => (false, false),
        };
        if ns_lower {
            namespace = namespace.to_lowercase();
        }
        if name_lower {
            name = name.to_lowercase();
        }
        if ty == "pypi" {
            // PEP 503: runs of `-`, `_`, `.` are one `-`; pypi versions are case-insensitive.
            name = pep503(&name);
            version = version.map(|v| v.to_lowercase());
        }
        Some(Purl {
            ty,
            namespace,
            name,
            version,
            qualifiers,
            subpath,
        })
    }

    /// Whether `self` (from a statement) covers `package`.
    fn covers(&self, package: &Purl) -> bool {
        self.ty == package.ty
            && self.namespace == package.namespace
            && self.name == package.name
            && self
                .version
                .as_ref()
                .is_none_or(|v| package.version.as_ref() == Some(v))
            && self
                .qualifiers
                .iter()
                .all(|q| package.qualifiers.contains(q))
            && self
                .subpath
                .as_ref()
                .is_none_or(|sp| package.subpath.as_ref() == Some(sp))
    }
}

fn pep503(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes stay as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|c| hex(*c)),
                bytes.get(i + 2).and_then(|c| hex(*c)),
            )
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

// ---- time ----

/// An RFC 3339 time as (seconds since the epoch in UTC, nanoseconds), so that times written
/// with different offsets compare correctly.
fn rfc3339_key(s: &str) -> Option<(i64, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = num(0, 4)?;
    let month = num(5, 2)?;
    let day = num(8, 2)?;
    let hour = num(11, 2)?;
    let minute = num(14, 2)?;
    let second = num(17, 2)?;
    if b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !matches!(b.get(10), Some(b'T' | b't' | b' '))
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = s.get(19..)?;
    let mut nanos: u32 = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        for (k, c) in frac.bytes().take(digits).enumerate() {
            if k < 9 {
                nanos = nanos * 10 + u32::from(c - b'0');
            }
        }
        for _ in digits..9 {
            nanos *= 10;
        }
        rest = frac.get(digits..)?;
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let tz = rest.get(1..)?;
            let (h, m) = tz.split_once(':')?;
            if h.len() != 2 || m.len() != 2 {
                return None;
            }
            let h: i64 = h.parse().ok()?;
            let m: i64 = m.parse().ok()?;
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some((
        days * 86_400 + hour * 3600 + minute * 60 + second - offset,
        nanos,
    ))
}

// Howard Hinnant's days-from-civil, exact for the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Confidence, Location, PackageRef, Severity};

    fn vuln(rule_id: &str, aliases: &[&str], purl: &str) -> Finding {
        Finding {
            kind: FindingKind::Vulnerability,
            rule_id: rule_id.to_string(),
            title: format!("{rule_id} in package"),
            severity: Severity::High,
            confidence: Confidence::High,
            location: Location {
                path: "package-lock.json".to_string(),
                start_line: 1,
                end_line: 1,
                start_column: 1,
                end_column: 1,
                layer: None,
                commit: None,
            },
            fingerprint: format!("fp-{rule_id}-{purl}"),
            message: String::new(),
            remediation: String::new(),
            references: Vec::new(),
            redacted: None,
            secret: None,
            git: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            package: Some(PackageRef {
                name: "x".to_string(),
                version: "1".to_string(),
                ecosystem: "npm".to_string(),
                purl: purl.to_string(),
            }),
            fixed_version: None,
            vulnerability: Some(Box::new(VulnerabilityDetails {
                severity_source: "cvss_v3".to_string(),
                ..VulnerabilityDetails::default()
            })),
        }
    }

    fn vex_of(f: &Finding) -> Option<&VexStatus> {
        f.vulnerability.as_ref().and_then(|v| v.vex.as_ref())
    }

    fn statement_error(result: Result<Vec<VexStatement>, VexError>) -> (String, String) {
        match result {
            Err(VexError::Statement {
                position, problem, ..
            }) => (position, problem),
            other => panic!("expected a statement error, got {other:?}"),
        }
    }

    /// OpenVEX v0.2.0 written after the spec's examples: an application image whose log4j
    /// subcomponent is not affected, a fixed git package, an affected and an in-progress one.
    const OPENVEX: &str = r#"{
      "@context": "https://openvex.dev/ns/v0.2.0",
      "@id": "https://openvex.dev/docs/public/vex-2e67563e1282",
      "author": "Example Builds <builds@example.com>",
      "role": "Project Release Bot",
      "timestamp": "2024-03-01T10:00:00Z",
      "version": 1,
      "statements": [
        {
          "vulnerability": {
            "@id": "https://nvd.nist.gov/vuln/detail/CVE-2021-44228",
            "name": "CVE-2021-44228",
            "description": "Remote code injection in Log4j",
            "aliases": ["GHSA-jfh8-c2jp-5v3q"]
          },
          "products": [
            {
              "@id": "pkg:oci/shop-api@sha256%3A74634d9736a45ca9f6e1187e783492199e020f4a5c19d0b1abc2b604f894ac99?repository_url=ghcr.io/example/shop-api",
              "subcomponents": [
                {"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}
              ]
            }
          ],
          "status": "not_affected",
          "justification": "vulnerable_code_not_in_execute_path",
          "impact_statement": "JNDI lookups are disabled by configuration."
        },
        {
          "vulnerability": {"name": "CVE-2023-25652"},
          "products": [
            {"@id": "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"},
            {"@id": "pkg:apk/wolfi/git@2.39.0-r1?arch=armv7"}
          ],
          "status": "fixed"
        },
        {
          "vulnerability": {"name": "CVE-2022-24999"},
          "products": [
            {
              "@id": "https://example.com/products/shop-api",
              "identifiers": {"purl": "pkg:npm/qs@6.5.2"}
            }
          ],
          "status": "affected",
          "action_statement": "Upgrade qs to 6.5.3 or later."
        },
        {
          "vulnerability": {"name": "CVE-2024-0001"},
          "products": [{"@id": "pkg:pypi/Flask_Cors@4.0.0"}],
          "status": "under_investigation"
        }
      ]
    }"#;

    #[test]
    fn openvex_parses_every_field() {
        let statements = parse("app.openvex.json", OPENVEX.as_bytes()).expect("valid");
        assert_eq!(statements.len(), 4);
        let log4j = &statements[0];
        assert_eq!(log4j.vulnerability, "CVE-2021-44228");
        assert_eq!(log4j.aliases, vec!["GHSA-jfh8-c2jp-5v3q"]);
        // The subcomponent, not the image, is what the statement is about.
        assert_eq!(
            log4j.products,
            vec!["pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"]
        );
        assert_eq!(log4j.status, VexState::NotAffected);
        assert_eq!(
            log4j.justification.as_deref(),
            Some("vulnerable_code_not_in_execute_path")
        );
        assert_eq!(
            log4j.statement.as_deref(),
            Some("JNDI lookups are disabled by configuration.")
        );
        // Inherited from the document.
        assert_eq!(log4j.timestamp.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(log4j.source, "app.openvex.json");
        assert_eq!(log4j.position, "statements[0]");
        assert_eq!(statements[1].status, VexState::Fixed);
        assert_eq!(statements[1].products.len(), 2);
        assert_eq!(statements[2].status, VexState::Affected);
        assert_eq!(
            statements[2].products,
            vec!["pkg:npm/qs@6.5.2", "https://example.com/products/shop-api"]
        );
        assert_eq!(
            statements[2].statement.as_deref(),
            Some("Upgrade qs to 6.5.3 or later.")
        );
        assert_eq!(statements[3].status, VexState::UnderInvestigation);
    }

    #[test]
    fn openvex_applies_each_status() {
        let statements = parse("app.openvex.json", OPENVEX.as_bytes()).expect("valid");
        let mut findings = vec![
            // Scanner reports the GHSA; the statement names the CVE with the GHSA as alias.
            vuln(
                "GHSA-jfh8-c2jp-5v3q",
                &["CVE-2021-44228"],
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
            ),
            vuln(
                "CVE-2023-25652",
                &[],
                "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64&distro=wolfi-20230201",
            ),
            vuln(
                "GHSA-hrpp-h998-j3pp",
                &["CVE-2022-24999"],
                "pkg:npm/qs@6.5.2",
            ),
            vuln(
                "PYSEC-2024-1",
                &["CVE-2024-0001"],
                "pkg:pypi/flask-cors@4.0.0",
            ),
            vuln("CVE-2099-0001", &[], "pkg:npm/left-pad@1.0.0"),
        ];
        let outcome = apply(&mut findings, &statements);
        assert!(outcome.unmatched.is_empty(), "{:?}", outcome.unmatched);

        let suppressed: Vec<&str> = outcome
            .suppressed
            .iter()
            .map(|f| f.rule_id.as_str())
            .collect();
        assert_eq!(suppressed, vec!["GHSA-jfh8-c2jp-5v3q", "CVE-2023-25652"]);
        let log4j = vex_of(&outcome.suppressed[0]).expect("annotated");
        assert_eq!(log4j.status, "not_affected");
        assert_eq!(
            log4j.justification.as_deref(),
            Some("vulnerable_code_not_in_execute_path")
        );
        assert_eq!(log4j.source, "app.openvex.json");
        assert_eq!(
            vex_of(&outcome.suppressed[1]).map(|v| v.status.as_str()),
            Some("fixed")
        );

        let kept: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(
            kept,
            vec!["GHSA-hrpp-h998-j3pp", "PYSEC-2024-1", "CVE-2099-0001"]
        );
        assert_eq!(
            vex_of(&findings[0]).map(|v| v.status.as_str()),
            Some("affected")
        );
        assert_eq!(
            vex_of(&findings[1]).map(|v| v.status.as_str()),
            Some("under_investigation")
        );
        assert_eq!(vex_of(&findings[2]), None);
    }

    /// CycloneDX 1.6 VEX BOM after the bom-examples layout: components with bom-refs, and
    /// vulnerabilities whose `affects` point at them by bom-ref, purl or BOM-Link.
    const CYCLONEDX: &str = r#"{
      "bomFormat": "CycloneDX",
      "specVersion": "1.6",
      "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
      "version": 1,
      "metadata": {
        "timestamp": "2024-04-02T08:00:00Z",
        "component": {"bom-ref": "shop", "type": "application", "name": "shop", "version": "2.0"}
      },
      "components": [
        {
          "bom-ref": "jackson-databind-2.8.0",
          "type": "library",
          "group": "com.fasterxml.jackson.core",
          "name": "jackson-databind",
          "version": "2.8.0",
          "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.8.0",
          "components": [
            {"bom-ref": "nested-lib", "type": "library", "name": "nested", "version": "1.0",
             "purl": "pkg:maven/org.example/nested@1.0"}
          ]
        }
      ],
      "vulnerabilities": [
        {
          "bom-ref": "vuln-1",
          "id": "CVE-2020-25649",
          "source": {"name": "NVD", "url": "https://nvd.nist.gov/vuln/detail/CVE-2020-25649"},
          "references": [{"id": "GHSA-288c-cq4h-88gq", "source": {"name": "GitHub"}}],
          "ratings": [{"source": {"name": "NVD"}, "score": 7.5, "severity": "high", "method": "CVSSv31"}],
          "analysis": {
            "state": "not_affected",
            "justification": "code_not_reachable",
            "response": ["will_not_fix", "update"],
            "detail": "Databind is only used for trusted configuration files.",
            "firstIssued": "2024-04-01T08:00:00Z",
            "lastUpdated": "2024-04-02T08:00:00Z"
          },
          "affects": [{"ref": "jackson-databind-2.8.0"}]
        },
        {
          "id": "CVE-2022-0001",
          "analysis": {"state": "false_positive"},
          "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#nested-lib"}]
        },
        {
          "id": "CVE-2022-0002",
          "analysis": {"state": "resolved"},
          "affects": [{"ref": "pkg:npm/lodash@4.17.20"}]
        },
        {
          "id": "CVE-2022-0003",
          "analysis": {"state": "resolved_with_pedigree"},
          "affects": [{"ref": "pkg:npm/lodash@4.17.20"}]
        },
        {
          "id": "CVE-2022-0004",
          "analysis": {"state": "exploitable", "detail": "Reachable from the upload handler."},
          "affects": [{"ref": "jackson-databind-2.8.0"}]
        },
        {
          "id": "CVE-2022-0005",
          "analysis": {"state": "in_triage"},
          "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#not-in-this-bom"}]
        },
        {
          "id": "CVE-2022-0006",
          "description": "listed without analysis (VDR): states nothing",
          "affects": [{"ref": "jackson-databind-2.8.0"}]
        }
      ]
    }"#;

    #[test]
    fn cyclonedx_parses_states_refs_and_aliases() {
        let statements = parse("bom.cdx.json", CYCLONEDX.as_bytes()).expect("valid");
        let got: Vec<(&str, VexState)> = statements
            .iter()
            .map(|s| (s.vulnerability.as_str(), s.status))
            .collect();
        assert_eq!(
            got,
            vec![
                ("CVE-2020-25649", VexState::NotAffected),
                ("CVE-2022-0001", VexState::NotAffected),
                ("CVE-2022-0002", VexState::Fixed),
                ("CVE-2022-0003", VexState::Fixed),
                ("CVE-2022-0004", VexState::Affected),
                ("CVE-2022-0005", VexState::UnderInvestigation),
            ]
        );
        let first = &statements[0];
        assert_eq!(first.aliases, vec!["GHSA-288c-cq4h-88gq"]);
        assert_eq!(
            first.products,
            vec!["pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.8.0"]
        );
        assert_eq!(first.justification.as_deref(), Some("code_not_reachable"));
        assert_eq!(
            first.statement.as_deref(),
            Some("Databind is only used for trusted configuration files.")
        );
        assert_eq!(first.timestamp.as_deref(), Some("2024-04-02T08:00:00Z"));
        assert_eq!(first.position, "vulnerabilities[0]");
        // BOM-Link to a nested component resolves; one to another BOM stays as written.
        assert_eq!(
            statements[1].products,
            vec!["pkg:maven/org.example/nested@1.0"]
        );
        assert_eq!(
            statements[5].products,
            vec!["urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#not-in-this-bom"]
        );
        assert_eq!(statements[2].products, vec!["pkg:npm/lodash@4.17.20"]);
    }

    #[test]
    fn cyclonedx_applies_and_reports_unresolved_refs() {
        let statements = parse("bom.cdx.json", CYCLONEDX.as_bytes()).expect("valid");
        let databind = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.8.0";
        let mut findings = vec![
            vuln("GHSA-288c-cq4h-88gq", &["CVE-2020-25649"], databind),
            vuln("CVE-2022-0001", &[], "pkg:maven/org.example/nested@1.0"),
            vuln("CVE-2022-0002", &[], "pkg:npm/lodash@4.17.20"),
            vuln("CVE-2022-0003", &[], "pkg:npm/lodash@4.17.20"),
            vuln("CVE-2022-0004", &[], databind),
        ];
        let outcome = apply(&mut findings, &statements);
        assert_eq!(outcome.suppressed.len(), 4);
        assert_eq!(
            vex_of(&outcome.suppressed[0]).and_then(|v| v.justification.as_deref()),
            Some("code_not_reachable")
        );
        assert_eq!(findings.len(), 1);
        let kept = vex_of(&findings[0]).expect("annotated");
        assert_eq!(kept.status, "affected");
        assert_eq!(
            kept.statement.as_deref(),
            Some("Reachable from the upload handler.")
        );
        assert_eq!(outcome.unmatched.len(), 1);
        let msg = &outcome.unmatched[0];
        for part in [
            "bom.cdx.json",
            "vulnerabilities[5]",
            "CVE-2022-0005",
            "#not-in-this-bom",
        ] {
            assert!(msg.contains(part), "{msg}");
        }
    }

    #[test]
    fn unmatched_statement_is_reported_not_dropped() {
        let doc = r#"{"@context": "https://openvex.dev/ns/v0.2.0", "timestamp": "2024-01-01T00:00:00Z",
          "statements": [{"vulnerability": {"name": "CVE-2024-9999"},
            "products": [{"@id": "pkg:npm/lodash@4.17.21"}], "status": "not_affected",
            "justification": "component_not_present"}]}"#;
        let statements = parse("typo.vex.json", doc.as_bytes()).expect("valid");
        // Same vulnerability, other version: the statement must not apply.
        let mut findings = vec![vuln("CVE-2024-9999", &[], "pkg:npm/lodash@4.17.20")];
        let outcome = apply(&mut findings, &statements);
        assert!(outcome.suppressed.is_empty());
        assert_eq!(findings.len(), 1);
        assert_eq!(vex_of(&findings[0]), None);
        assert_eq!(outcome.unmatched.len(), 1);
        let msg = &outcome.unmatched[0];
        for part in [
            "typo.vex.json",
            "statements[0]",
            "CVE-2024-9999",
            "pkg:npm/lodash@4.17.21",
            "not_affected",
        ] {
            assert!(msg.contains(part), "{msg}");
        }
    }

    #[test]
    fn latest_timestamp_wins_whatever_the_order() {
        // The later statement comes first in the file and uses another offset: 10:00-06:00 is
        // 16:00Z, after 12:00Z.
        let doc = r#"{"@context": "https://openvex.dev/ns/v0.2.0", "timestamp": "2024-01-01T00:00:00Z",
          "statements": [
            {"vulnerability": {"name": "CVE-2023-12345"}, "timestamp": "2024-02-01T10:00:00.5-06:00",
             "products": [{"@id": "pkg:apk/wolfi/git@2.39.0-r1"}], "status": "fixed"},
            {"vulnerability": {"name": "CVE-2023-12345"}, "timestamp": "2024-02-01T12:00:00Z",
             "products": [{"@id": "pkg:apk/wolfi/git@2.39.0-r1"}], "status": "under_investigation"}
          ]}"#;
        let statements = parse("vex.json", doc.as_bytes()).expect("valid");
        let mut findings = vec![vuln("CVE-2023-12345", &[], "pkg:apk/wolfi/git@2.39.0-r1")];
        let outcome = apply(&mut findings, &statements);
        assert!(findings.is_empty());
        assert_eq!(
            vex_of(&outcome.suppressed[0]).map(|v| v.status.as_str()),
            Some("fixed")
        );
        // Overridden statements still matched: they are not reported as unmatched.
        assert!(outcome.unmatched.is_empty());

        // Reversed times: the investigation is newer, the finding stays.
        let reversed = doc
            .replace("2024-02-01T10:00:00.5-06:00", "2024-02-01T05:00:00-06:00")
            .replace("2024-02-01T12:00:00Z", "2024-02-01T11:59:59Z");
        let statements = parse("vex.json", reversed.as_bytes()).expect("valid");
        let mut findings = vec![vuln("CVE-2023-12345", &[], "pkg:apk/wolfi/git@2.39.0-r1")];
        let outcome = apply(&mut findings, &statements);
        assert!(outcome.suppressed.is_empty());
        assert_eq!(
            vex_of(&findings[0]).map(|v| v.status.as_str()),
            Some("under_investigation")
        );
    }

    #[test]
    fn equal_timestamps_let_the_later_statement_win() {
        let doc = r#"{"@context": "https://openvex.dev/ns", "timestamp": "2024-01-01T00:00:00Z",
          "statements": [
            {"vulnerability": "CVE-2023-1", "products": ["pkg:npm/a@1.0.0"], "status": "affected"},
            {"vulnerability": "CVE-2023-1", "products": ["pkg:npm/a@1.0.0"], "status": "not_affected",
             "justification": "inline_mitigations_already_exist"}
          ]}"#;
        // Also exercises the pre-0.2 string forms of vulnerability and products.
        let statements = parse("old.json", doc.as_bytes()).expect("valid");
        let mut findings = vec![vuln("CVE-2023-1", &[], "pkg:npm/a@1.0.0")];
        let outcome = apply(&mut findings, &statements);
        assert!(findings.is_empty());
        assert_eq!(outcome.suppressed.len(), 1);
    }

    #[test]
    fn statement_level_subcomponents_of_old_drafts() {
        let doc = r#"{"@context": "https://openvex.dev/ns", "timestamp": "2023-01-01T00:00:00Z",
          "statements": [{"vulnerability": "CVE-2022-39046",
            "products": ["pkg:oci/miniprow@sha256:74634d97"],
            "subcomponents": ["pkg:apk/alpine/glibc@2.35-r0"], "status": "not_affected",
            "justification": "vulnerable_code_not_present"}]}"#;
        let statements = parse("old.json", doc.as_bytes()).expect("valid");
        assert_eq!(statements[0].products, vec!["pkg:apk/alpine/glibc@2.35-r0"]);
    }

    #[test]
    fn subcomponent_statement_does_not_cover_the_image_itself() {
        let statements = parse("app.openvex.json", OPENVEX.as_bytes()).expect("valid");
        let mut findings = vec![vuln(
            "CVE-2021-44228",
            &[],
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0",
        )];
        let outcome = apply(&mut findings, &statements[..1]);
        assert!(outcome.suppressed.is_empty());
        assert_eq!(outcome.unmatched.len(), 1);
    }

    #[test]
    fn findings_other_than_vulnerabilities_are_left_alone() {
        let statements = parse("app.openvex.json", OPENVEX.as_bytes()).expect("valid");
        let mut secret = vuln(
            "CVE-2023-25652",
            &[],
            "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64",
        );
        secret.kind = FindingKind::Secret;
        let mut no_package = vuln("CVE-2023-25652", &[], "");
        no_package.package = None;
        let mut findings = vec![secret, no_package];
        let outcome = apply(&mut findings, &statements);
        assert_eq!(findings.len(), 2);
        assert!(outcome.suppressed.is_empty());
        assert_eq!(outcome.unmatched.len(), 4);
    }

    #[test]
    fn details_are_created_when_missing() {
        let statements = parse("app.openvex.json", OPENVEX.as_bytes()).expect("valid");
        let mut bare = vuln("CVE-2022-24999", &[], "pkg:npm/qs@6.5.2");
        bare.vulnerability = None;
        let mut findings = vec![bare];
        apply(&mut findings, &statements);
        let details = findings[0].vulnerability.as_ref().expect("created");
        assert_eq!(details.severity_source, "unrated");
        assert_eq!(
            details.vex.as_ref().map(|v| v.status.as_str()),
            Some("affected")
        );
    }

    #[test]
    fn ids_match_case_insensitively() {
        let doc = r#"{"@context": "https://openvex.dev/ns/v0.2.0", "timestamp": "2024-01-01T00:00:00Z",
          "statements": [{"vulnerability": {"name": "cve-2024-1", "aliases": ["ghsa-abcd-efgh-ijkl"]},
            "products": [{"@id": "pkg:cargo/time@0.1.45"}], "status": "not_affected",
            "justification": "vulnerable_code_cannot_be_controlled_by_adversary"}]}"#;
        let statements = parse("v.json", doc.as_bytes()).expect("valid");
        let mut findings = vec![
            vuln(
                "RUSTSEC-2020-0071",
                &["GHSA-ABCD-EFGH-IJKL"],
                "pkg:cargo/time@0.1.45",
            ),
            vuln(
                "RUSTSEC-2099-0001",
                &["CVE-2099-1"],
                "pkg:cargo/time@0.1.45",
            ),
        ];
        let outcome = apply(&mut findings, &statements);
        assert_eq!(outcome.suppressed.len(), 1);
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn purl_qualifiers_statement_subset_of_package() {
        assert!(purl_matches(
            "pkg:deb/debian/openssl@3.0.11-1",
            "pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12"
        ));
        assert!(purl_matches(
            "pkg:deb/debian/openssl@3.0.11-1?distro=debian-12",
            "pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12"
        ));
        assert!(!purl_matches(
            "pkg:deb/debian/openssl@3.0.11-1?distro=debian-11",
            "pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12"
        ));
        assert!(!purl_matches(
            "pkg:deb/debian/openssl@3.0.11-1?arch=arm64",
            "pkg:deb/debian/openssl@3.0.11-1"
        ));
        // Keys are case-insensitive; empty values mean no qualifier.
        assert!(purl_matches(
            "pkg:deb/debian/openssl@3.0.11-1?ARCH=amd64&distro=",
            "pkg:deb/debian/openssl@3.0.11-1?arch=amd64"
        ));
    }

    #[test]
    fn purl_versions() {
        assert!(!purl_matches("pkg:npm/qs@6.5.2", "pkg:npm/qs@6.5.3"));
        assert!(purl_matches("pkg:npm/qs", "pkg:npm/qs@6.5.3"));
        assert!(!purl_matches("pkg:npm/qs@6.5.2", "pkg:npm/qs"));
        // Percent-encoded epoch and `+`.
        assert!(purl_matches(
            "pkg:deb/debian/attr@1%3A2.4.47-2%2Bb1",
            "pkg:deb/debian/attr@1:2.4.47-2+b1?arch=amd64"
        ));
    }

    #[test]
    fn purl_normalisation_follows_the_type_rules() {
        assert!(purl_matches(
            "PKG:NPM/%40Angular/Core@16.0.0",
            "pkg:npm/@angular/core@16.0.0"
        ));
        assert!(purl_matches(
            "pkg:npm/@angular/core",
            "pkg:npm/%40angular/core@16.0.0"
        ));
        assert!(purl_matches(
            "pkg:pypi/Flask_Cors@4.0.0",
            "pkg:pypi/flask-cors@4.0.0"
        ));
        assert!(purl_matches(
            "pkg:pypi/zope.interface",
            "pkg:pypi/zope-interface@6.0"
        ));
        assert!(purl_matches(
            "pkg:pypi/django@4.2RC1",
            "pkg:pypi/django@4.2rc1"
        ));
        assert!(purl_matches(
            "pkg:deb/Debian/OpenSSL@3.0",
            "pkg:deb/debian/openssl@3.0"
        ));
        assert!(purl_matches(
            "pkg:golang/github.com/Gorilla/Mux",
            "pkg:golang/github.com/gorilla/mux@v1.8.0"
        ));
        assert!(purl_matches("pkg://npm/qs@1", "pkg:npm/qs@1"));
        // Case-sensitive types stay case-sensitive.
        assert!(!purl_matches(
            "pkg:maven/org.Example/Lib@1",
            "pkg:maven/org.example/lib@1"
        ));
        assert!(!purl_matches(
            "pkg:rpm/fedora/Curl@7",
            "pkg:rpm/fedora/curl@7"
        ));
        assert!(purl_matches(
            "pkg:rpm/Fedora/curl@7",
            "pkg:rpm/fedora/curl@7"
        ));
        assert!(!purl_matches("pkg:gem/Rails@7", "pkg:gem/rails@7"));
        assert!(!purl_matches("pkg:npm/qs@1", "pkg:cargo/qs@1"));
        assert!(!purl_matches(
            "pkg:maven/org.a/lib@1",
            "pkg:maven/org.b/lib@1"
        ));
    }

    #[test]
    fn purl_subpath_only_when_the_statement_gives_one() {
        let pkg = "pkg:golang/google.golang.org/genproto@v1#googleapis/api/annotations";
        assert!(purl_matches(
            "pkg:golang/google.golang.org/genproto@v1",
            pkg
        ));
        assert!(purl_matches(
            "pkg:golang/google.golang.org/genproto@v1#/googleapis/./api/annotations/",
            pkg
        ));
        assert!(!purl_matches(
            "pkg:golang/google.golang.org/genproto@v1#googleapis/rpc",
            pkg
        ));
        assert!(!purl_matches(
            "pkg:golang/google.golang.org/genproto@v1#googleapis",
            "pkg:golang/google.golang.org/genproto@v1"
        ));
    }

    #[test]
    fn purl_garbage_never_matches_or_panics() {
        for junk in [
            "",
            "pkg:",
            "pkg:/",
            "pkg:npm",
            "pkg:npm/",
            "pkg:npm/@",
            "pkg:npm/@1.0",
            "npm/qs@1",
            "https://example.com/x",
            "pkg:npm/qs%",
            "pkg:npm/qs%zz@1",
            "pkg:npm/%FF%FE@1",
            "pkg:npm/qs@2?&&=&a",
            "pkg:npm/qs@2#",
            "pkg:é/ü@ß?ä=ö#✓",
            "urn:cdx:x/1#ref",
        ] {
            assert!(!purl_matches(junk, "pkg:npm/qs@1"), "{junk}");
            let _ = purl_matches("pkg:npm/qs@1", junk);
            let _ = purl_matches(junk, junk);
        }
        assert!(purl_matches("pkg:npm/qs%zz@1", "pkg:npm/qs%zz@1"));
    }

    #[test]
    fn not_json_is_an_error_naming_the_file() {
        for bytes in [&b"not json"[..], b"", b"\xff\xfe{", b"{\"@context\": "] {
            let err = parse("broken.vex", bytes).expect_err("not json");
            assert!(matches!(err, VexError::NotJson { .. }), "{err:?}");
            let msg = err.to_string();
            assert!(msg.starts_with("broken.vex: not a JSON document"), "{msg}");
            assert!(msg.contains("OpenVEX or CycloneDX"), "{msg}");
        }
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(OPENVEX.as_bytes());
        assert_eq!(parse("bom.json", &bytes).map(|s| s.len()), Ok(4));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(
            parse("deep.json", deep.as_bytes()),
            Err(VexError::NotJson { .. })
        ));
    }

    #[test]
    fn json_in_neither_format_is_an_error() {
        for doc in [
            "[]",
            "42",
            "{}",
            r#"{"@context": "https://schema.org"}"#,
            r#"{"bomFormat": "SPDX"}"#,
            r#"{"spdxVersion": "SPDX-2.3"}"#,
        ] {
            let err = parse("x.json", doc.as_bytes()).expect_err(doc);
            assert!(
                matches!(err, VexError::UnknownFormat { .. }),
                "{doc}: {err:?}"
            );
            assert!(err.to_string().contains("OpenVEX"), "{err}");
        }
        let csaf = r#"{"document": {"category": "csaf_vex", "csaf_version": "2.0"}}"#;
        let err = parse("csaf.json", csaf.as_bytes()).expect_err("csaf");
        assert!(err.to_string().contains("CSAF"), "{err}");
    }

    #[test]
    fn cyclonedx_that_is_not_vex_is_an_error() {
        let sbom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}"#;
        let err = parse("sbom.json", sbom.as_bytes()).expect_err("sbom");
        assert!(err.to_string().contains("SBOM, not VEX"), "{err}");

        let old = r#"{"bomFormat": "CycloneDX", "specVersion": "1.3", "vulnerabilities": []}"#;
        let err = parse("old.json", old.as_bytes()).expect_err("1.3");
        assert!(err.to_string().contains("1.4 or later"), "{err}");

        let vdr = r#"{"bomFormat": "CycloneDX", "specVersion": "1.4",
          "vulnerabilities": [{"id": "CVE-2024-1", "affects": [{"ref": "pkg:npm/a@1"}]}]}"#;
        let err = parse("vdr.json", vdr.as_bytes()).expect_err("vdr");
        assert!(
            err.to_string()
                .contains("no entry in `vulnerabilities` has an `analysis`")
        );

        let empty = r#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": []}"#;
        assert_eq!(parse("empty.json", empty.as_bytes()), Ok(Vec::new()));
    }

    fn openvex_with(statement: &str) -> String {
        format!(
            r#"{{"@context": "https://openvex.dev/ns/v0.2.0", "timestamp": "2024-01-01T00:00:00Z",
              "statements": [{{"vulnerability": {{"name": "CVE-2024-1"}},
                "products": [{{"@id": "pkg:npm/a@1"}}], "status": "fixed"}}, {statement}]}}"#
        )
    }

    #[test]
    fn openvex_statement_problems_name_the_position() {
        let cases = [
            (
                r#"{"products": [{"@id": "pkg:npm/a@1"}], "status": "fixed"}"#,
                "has no `vulnerability`",
            ),
            (
                r#"{"vulnerability": {"aliases": ["x"]}, "products": [{"@id": "pkg:npm/a@1"}], "status": "fixed"}"#,
                "has no `name`",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "products": [{"@id": "pkg:npm/a@1"}]}"#,
                "no `status` for CVE-2024-2",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "products": [{"@id": "pkg:npm/a@1"}], "status": "wont_fix"}"#,
                "unknown status `wont_fix`",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "products": [{"@id": "pkg:npm/a@1"}], "status": 3}"#,
                "unknown status a number",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "status": "fixed"}"#,
                "names no product",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "products": [{"hashes": {}}], "status": "fixed"}"#,
                "names no product",
            ),
            (
                r#"{"vulnerability": {"name": "CVE-2024-2"}, "products": [{"@id": "pkg:npm/a@1"}], "status": "fixed", "timestamp": "yesterday"}"#,
                "`timestamp` is `yesterday`",
            ),
            ("\"just a string\"", "expected a statement object"),
        ];
        for (statement, expected) in cases {
            let doc = openvex_with(statement);
            let (position, problem) = statement_error(parse("v.json", doc.as_bytes()));
            assert_eq!(position, "statements[1]", "{statement}");
            assert!(problem.contains(expected), "{statement}: {problem}");
        }
        let msg = parse("v.json", openvex_with(cases[3].0).as_bytes())
            .expect_err("bad status")
            .to_string();
        assert!(msg.starts_with("v.json: statements[1]: "), "{msg}");
        assert!(msg.contains("use not_affected, affected, fixed or under_investigation"));
    }

    #[test]
    fn openvex_document_problems() {
        let no_statements = r#"{"@context": "https://openvex.dev/ns/v0.2.0"}"#;
        let (position, problem) = statement_error(parse("v.json", no_statements.as_bytes()));
        assert_eq!(position, "document");
        assert!(problem.contains("no `statements`"));
        let not_array = r#"{"@context": "https://openvex.dev/ns/v0.2.0", "statements": {}}"#;
        let (position, _) = statement_error(parse("v.json", not_array.as_bytes()));
        assert_eq!(position, "statements");
        let bad_time = r#"{"@context": "https://openvex.dev/ns/v0.2.0", "timestamp": "2024-13-01T00:00:00Z", "statements": []}"#;
        let (position, problem) = statement_error(parse("v.json", bad_time.as_bytes()));
        assert_eq!(position, "document");
        assert!(problem.contains("RFC 3339"));
        let context_list = r#"{"@context": ["https://openvex.dev/ns/v0.2.0"], "statements": []}"#;
        assert_eq!(parse("v.json", context_list.as_bytes()), Ok(Vec::new()));
    }

    #[test]
    fn cyclonedx_entry_problems_name_the_position() {
        let cases = [
            (
                r#"{"analysis": {"state": "not_affected"}, "affects": [{"ref": "pkg:npm/a@1"}]}"#,
                "has no `id`",
            ),
            (
                r#"{"id": "CVE-2024-2", "analysis": {"justification": "code_not_present"}, "affects": [{"ref": "pkg:npm/a@1"}]}"#,
                "no `analysis.state` for CVE-2024-2",
            ),
            (
                r#"{"id": "CVE-2024-2", "analysis": {"state": "ignored"}, "affects": [{"ref": "pkg:npm/a@1"}]}"#,
                "unknown analysis.state `ignored`",
            ),
            (
                r#"{"id": "CVE-2024-2", "analysis": "not_affected", "affects": [{"ref": "pkg:npm/a@1"}]}"#,
                "`analysis` of CVE-2024-2 is not an object",
            ),
            (
                r#"{"id": "CVE-2024-2", "analysis": {"state": "in_triage"}}"#,
                "names no affected component",
            ),
            (
                r#"{"id": "CVE-2024-2", "analysis": {"state": "in_triage", "lastUpdated": 5}, "affects": [{"ref": "pkg:npm/a@1"}]}"#,
                "`lastUpdated` is a number",
            ),
            ("[]", "expected a vulnerability object"),
        ];
        for (entry, expected) in cases {
            let doc = format!(
                r#"{{"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": [
                  {{"id": "CVE-2024-1", "analysis": {{"state": "resolved"}}, "affects": [{{"ref": "pkg:npm/a@1"}}]}},
                  {entry}]}}"#
            );
            let (position, problem) = statement_error(parse("bom.json", doc.as_bytes()));
            assert_eq!(position, "vulnerabilities[1]", "{entry}");
            assert!(problem.contains(expected), "{entry}: {problem}");
        }
    }

    #[test]
    fn rfc3339_times_compare_across_offsets() {
        let key = |s| rfc3339_key(s).expect(s);
        assert_eq!(key("1970-01-01T00:00:00Z"), (0, 0));
        assert_eq!(key("2024-02-29T23:59:60.123Z").1, 123_000_000);
        assert_eq!(
            key("2023-01-16T19:07:16-06:00"),
            key("2023-01-17T01:07:16Z")
        );
        assert!(key("2023-01-16T20:41:55.708329108-06:00") > key("2023-01-17T02:41:55Z"));
        for bad in [
            "",
            "2024",
            "2024-01-01",
            "2024-01-01T00:00:00",
            "2024-1-01T00:00:00Z",
            "2024-01-01T00:00:00+0100",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:00:00.Z",
            "２０２４-01-01T00:00:00Z",
            "2024-01-01T00:00:00Zjunk",
            "+024-01-01T00:00:00Z",
        ] {
            assert_eq!(rfc3339_key(bad), None, "{bad}");
        }
    }
}
