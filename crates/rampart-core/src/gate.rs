use crate::{Report, Severity};

/// When a run fails: a severity threshold for findings and whether scan errors count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gate {
    /// Fail when a finding at or above this severity remains.
    pub fail_on: Option<Severity>,
    /// Fail when any input could not be scanned.
    pub strict: bool,
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
        if let Some(threshold) = self.fail_on {
            let failing = report
                .findings
                .iter()
                .filter(|f| f.severity >= threshold)
                .count() as u64;
            if failing > 0 {
                return GateOutcome::FindingsAtThreshold(failing);
            }
        }
        if self.strict && !report.errors.is_empty() {
            return GateOutcome::Incomplete(report.errors.len() as u64);
        }
        GateOutcome::Pass
    }
}
