use crate::{Report, Severity};

/// When a run fails: a severity threshold for findings and whether scan errors count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gate {
    /// Fail when a finding at or above this severity remains.
    pub fail_on: Option<Severity>,
    /// Fail when any input could not be scanned.
    pub strict: bool,
    /// Fail when a vulnerability is in CISA's Known Exploited Vulnerabilities catalogue.
    pub fail_on_kev: bool,
    /// Fail when a vulnerability's EPSS probability is at least this.
    pub min_epss: Option<f64>,
}

/// Verdict of the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateOutcome {
    /// Nothing failed the gate.
    Pass,
    /// Findings at or above the threshold remain (exit code 1).
    FindingsAtThreshold(u64),
    /// Some inputs could not be scanned and `--strict` was given (exit code 3).
    Incomplete(u64),
}

impl GateOutcome {
    /// Process exit code for this outcome.
    pub fn exit_code(self) -> i32 {
        match self {
            GateOutcome::Pass => 0,
            GateOutcome::FindingsAtThreshold(_) => 1,
            GateOutcome::Incomplete(_) => 3,
        }
    }
}

impl Gate {
    /// Judge a finished report. Findings over the threshold take precedence over `--strict`.
    pub fn evaluate(&self, report: &Report) -> GateOutcome {
        let failing = report.findings.iter().filter(|f| self.fails(f)).count() as u64;
        if failing > 0 {
            return GateOutcome::FindingsAtThreshold(failing);
        }
        if self.strict && !report.errors.is_empty() {
            return GateOutcome::Incomplete(report.errors.len() as u64);
        }
        GateOutcome::Pass
    }

    /// Whether this one finding fails the gate.
    pub fn fails(&self, finding: &crate::Finding) -> bool {
        let details = finding.vulnerability.as_deref();
        self.fail_on.is_some_and(|t| finding.severity >= t)
            || (self.fail_on_kev && details.is_some_and(|d| d.kev))
            || self.min_epss.is_some_and(|min| {
                details
                    .and_then(|d| d.epss.as_ref())
                    .is_some_and(|e| e.score >= min)
            })
    }
}
