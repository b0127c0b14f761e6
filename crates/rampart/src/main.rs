//! The `rampart` binary: argument parsing and wiring only; the work lives in the library crates.

mod baseline;
mod config;
mod db;
mod history;
mod policy;
mod progress;
mod rules;
mod sbom;
mod scan;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code for usage and configuration errors.
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "rampart",
    version,
    about = "Find leaked secrets and other reasons software is unsafe to ship",
    long_about = "rampart scans a target (a directory, a git repository's history, staged \
                  changes or an SBOM today; images and clusters later) in one pass for secrets, \
                  vulnerable packages, misconfigurations and licences, reports findings as a \
                  table, JSON, SARIF or JUnit, and gates CI on severity.",
    after_help = "Exit codes: 0 nothing failed the gate; 1 findings at or above --fail-on; \
                  2 usage or configuration error; 3 with --strict, some input could not be scanned."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan a target and report findings.
    Scan(scan::ScanArgs),
    /// Inventory packages and write an SBOM (CycloneDX 1.6, SPDX 2.3) or a table.
    Sbom(sbom::SbomArgs),
    /// Record current findings so later scans report only new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Fetch, import, export and inspect the vulnerability database.
    Db(db::DbArgs),
    /// Test policy directories (Rego).
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// List and explain the built-in rules.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Print the JSON Schema of the JSON report (kept in docs/json-schema.json).
    #[command(hide = true)]
    Schema,
}

#[derive(Subcommand)]
enum BaselineCommand {
    /// Scan TARGET (same options as `rampart scan`) and write its findings' fingerprints to
    /// `--output FILE` (default .rampart-baseline.json); then `rampart scan --baseline FILE`
    /// reports only findings that are not in it.
    Create(scan::ScanArgs),
}

/// mimalloc: policy evaluation (regorus) and git history planning allocate and free small
/// objects at a high rate; glibc's malloc took a quarter of a misconfiguration scan's CPU.
/// Built with `no_thp` (Cargo.toml): with transparent huge pages every 2 MiB region it touched
/// was zeroed and resident (history scan peak RSS 125 vs 81 MiB, misconfig corpus 67 vs 40).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // regorus builds (and discards) errors on hot evaluation paths; with RUST_BACKTRACE set,
    // each would capture a backtrace and policy evaluation would run at half speed. Library
    // backtraces stay available through RUST_LIB_BACKTRACE; panics keep theirs.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        // SAFETY: first statement of main, before any thread exists.
        unsafe { std::env::set_var("RUST_LIB_BACKTRACE", "0") };
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => scan::run(args),
        Command::Sbom(args) => sbom::run(args),
        Command::Db(args) => db::run(args),
        Command::Baseline(BaselineCommand::Create(args)) => scan::create_baseline(args),
        Command::Rules(command) => rules::run(command),
        Command::Policy(command) => policy::run(command),
        Command::Schema => {
            print!("{}", rampart_report::json_schema());
            Ok(0)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
