//! A progress line on stderr for interactive runs only.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use rampart_core::Progress;

/// Counts files and bytes on a spinner; invisible unless stderr is a terminal outside CI.
pub struct Spinner {
    bar: Option<ProgressBar>,
}

impl Spinner {
    /// A spinner when it makes sense to draw one, otherwise a no-op.
    pub fn new(enabled: bool) -> Spinner {
        let in_ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
        if !enabled || in_ci || !std::io::stderr().is_terminal() {
            return Spinner { bar: None };
        }
        let bar = ProgressBar::new_spinner();
        let style = ProgressStyle::with_template(
            "{spinner} scanning: {pos} files, {total_bytes} read, {per_sec} [{elapsed}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner { bar: Some(bar) }
    }

    /// Remove the spinner from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Spinner {
    fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if bytes > 0 {
                // The position counts files, so bytes go to the length (`{total_bytes}`).
                bar.inc_length(bytes);
            }
        }
    }
}
