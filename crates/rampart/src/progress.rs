//! A progress line on stderr for interactive runs only.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use rampart_core::Progress;

/// Counts files and bytes on a spinner; invisible unless stderr is a terminal outside CI.
pub struct Spinner {
    bar: Option<ProgressBar>,
    files: AtomicU64,
}

impl Spinner {
    /// A spinner when it makes sense to draw one, otherwise a no-op.
    pub fn new(enabled: bool) -> Spinner {
        let in_ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
        if !enabled || in_ci || !std::io::stderr().is_terminal() {
            return Spinner {
                bar: None,
                files: AtomicU64::new(0),
            };
        }
        let bar = ProgressBar::new_spinner();
        let style = ProgressStyle::with_template(
            "{spinner} scanning: {msg} files, {bytes} read, {binary_bytes_per_sec} [{elapsed}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner {
            bar: Some(bar),
            files: AtomicU64::new(0),
        }
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
            // The position counts bytes (so the rate is in bytes/s); the file count is the
            // message, refreshed every few files to keep the shared lock out of the hot path.
            bar.inc(bytes);
            let files = self.files.fetch_add(1, Ordering::Relaxed) + 1;
            if files.is_multiple_of(64) {
                bar.set_message(files.to_string());
            }
        }
    }
}
