//! `rampart scan`: resolve the target, build the analyzers, run the engine, write the reports,
//! apply the gate.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use rampart_core::{
    Analyzer, Assemble, Date, Engine, EngineOptions, Gate, IgnoreFile, IgnoreSet, ScanError,
    ScanErrorKind, Severity, Source, Tool,
};
use rampart_inventory::InventoryAnalyzer;
use rampart_inventory::binary::BinaryInventoryAnalyzer;
use rampart_inventory::license::LicenseFileAnalyzer;
use rampart_inventory::sbom_input::SbomInputAnalyzer;
use rampart_report::{Format, RenderContext, SarifOptions};
use rampart_secrets::{SecretScanner, builtin_rules};
use rampart_source::git::{GitOptions, GitSource, StagedSource};
use rampart_source::{FsOptions, FsSource, TargetSpec};

use crate::config::{self, FileConfig, parse_age, parse_probability, parse_size};
use crate::db::{DbLocation, age_seconds};
use crate::history;
use crate::progress::Spinner;

/// Scanners that exist in this version.
const SCANNERS: &[&str] = &["secret", "license", "vuln", "misconfig"];
/// Scanners announced for later versions; naming one is an error that says so.
const PLANNED_SCANNERS: &[&str] = &["malware"];
/// Default `--db-max-age`: a week-old database misses a week of disclosures.
const DEFAULT_DB_MAX_AGE: u64 = 7 * 86_400;
/// The ignore file read from the target root.
const IGNORE_FILE: &str = ".rampartignore";
/// Default `--max-file-size`.
const DEFAULT_MAX_FILE_SIZE: u64 = 5 << 20;

#[derive(Args)]
#[command(after_help = "\
Examples:
  rampart scan .                                  scan this directory, table on stdout
  rampart scan --fail-on high .                   fail CI on high or critical findings
  rampart scan -f sarif=rampart.sarif -f json=rampart.json .
  rampart scan --severity critical,high dir:src
  rampart scan --scanners vuln --fail-on-kev --vex vex.json sbom:bom.cdx.json
  rampart scan git:.                              secrets in every commit of every branch
  rampart scan --staged                           pre-commit: only what is staged
  rampart scan --baseline .rampart-baseline.json  only findings not in the baseline

Vulnerabilities are checked whenever a database is present (`rampart db update`, or
`rampart db import` offline); without one the scan says so and, with --strict, fails.

Suppress with `rampart:ignore [RULE-ID]` on the line, or entries in .rampartignore
(rule:ID, path:GLOB, fingerprint:HEX, each with optional expires=YYYY-MM-DD reason=...).

Exit codes: 0 nothing failed the gate; 1 findings at or above --fail-on;
2 usage or configuration error; 3 with --strict, some input could not be scanned.")]
pub struct ScanArgs {
    /// What to scan: a path, `dir:PATH`, or `sbom:FILE` (CycloneDX or SPDX JSON).
    #[arg(default_value = ".", value_name = "TARGET")]
    target: String,

    /// Scanners to run, comma-separated (available: secret, license, vuln, misconfig).
    /// Default: all that apply to the target.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    scanners: Option<Vec<String>>,

    /// Output format: table, json, sarif, junit; `FMT=FILE` writes that format to FILE.
    /// Repeat to write several formats in one run.
    #[arg(
        short,
        long = "format",
        value_name = "FMT[=FILE]",
        default_value = "table"
    )]
    formats: Vec<String>,

    /// Write the output (the format given without `=FILE`) to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Report only these severities, comma-separated (critical,high,medium,low,info).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    severity: Option<Vec<Severity>>,

    /// Exit 1 when a finding at or above this severity remains.
    #[arg(long, value_name = "SEVERITY")]
    fail_on: Option<Severity>,

    /// Exit 3 when any input could not be scanned (unreadable, too large, ...).
    #[arg(long)]
    strict: bool,

    /// Config file (default: rampart.toml in the target root, if present).
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Largest file to read, e.g. 5MiB; larger files are listed as not scanned.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_file_size: Option<u64>,

    /// Do not honour .gitignore / .ignore files (.rampartignore still applies).
    #[arg(long)]
    no_gitignore: bool,

    /// Do not show a progress line.
    #[arg(long)]
    no_progress: bool,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,

    #[command(flatten)]
    db: DbLocation,

    /// Treat a vulnerability database older than this as stale (warning; exit 3 with
    /// --strict), e.g. 7d, 36h. Default 7d.
    #[arg(long, value_name = "AGE", value_parser = parse_age)]
    db_max_age: Option<u64>,

    /// Apply a VEX document (OpenVEX or CycloneDX VEX): `not_affected` and `fixed` statements
    /// suppress findings, others annotate them. Repeatable.
    #[arg(long, value_name = "FILE")]
    vex: Vec<PathBuf>,

    /// Exit 1 when a vulnerability is in CISA's Known Exploited Vulnerabilities catalogue
    /// (load it with `rampart db import-kev`).
    #[arg(long)]
    fail_on_kev: bool,

    /// Exit 1 when a vulnerability's EPSS probability is at least P, e.g. 0.1 (load scores
    /// with `rampart db import-epss`).
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    min_epss: Option<f64>,

    /// Scan git history: every blob reachable from the repository's refs (as `git:PATH`).
    #[arg(long)]
    git_history: bool,

    /// Git history: all branches, tags and remote refs (the default).
    #[arg(long, conflicts_with = "branch")]
    all_refs: bool,

    /// Git history: only this branch (or tag, or commit) and its ancestors.
    #[arg(long, value_name = "NAME")]
    branch: Option<String>,

    /// Git history: only commits after REV (exclusive), or authored on or after DATE
    /// (YYYY-MM-DD).
    #[arg(long, value_name = "REV|DATE")]
    since: Option<String>,

    /// Git history: only the newest N commits.
    #[arg(long, value_name = "N")]
    max_commits: Option<usize>,

    /// Scan only what is staged for the next commit (the index against HEAD), reporting new
    /// findings only: for pre-commit hooks.
    #[arg(long, conflicts_with_all = ["git_history", "branch", "since", "max_commits"])]
    staged: bool,

    /// Git history: neither read nor write the cache of scanned blobs.
    #[arg(long)]
    no_cache: bool,

    /// Show whole secrets in every output (default: at most their first 4 characters).
    #[arg(long)]
    show_secrets: bool,

    /// Load the Rego policies in DIR besides the built-in library (misconfig scanner).
    /// Repeatable; test them with `rampart policy test DIR`.
    #[arg(long = "policy", value_name = "DIR")]
    policies: Vec<PathBuf>,

    /// Import rules and allowlists from a gitleaks config (default: `.gitleaks.toml` in the
    /// target root, when present); what does not translate is warned about.
    #[arg(long, value_name = "FILE")]
    gitleaks_config: Option<PathBuf>,

    /// Report only findings whose fingerprints are not in this baseline (written by
    /// `rampart baseline create`); the others count as suppressed.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

/// What kind of walk the scan does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Dir,
    Sbom,
    History,
    Staged,
}

/// One requested output: a format and where it goes (stdout when `None`).
struct Output {
    format: Format,
    path: Option<PathBuf>,
}

fn parse_outputs(formats: &[String], output: Option<&Path>) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    let mut to_stdout = 0;
    for spec in formats {
        let (name, path) = match spec.split_once('=') {
            Some((name, file)) if !file.is_empty() => (name, Some(PathBuf::from(file))),
            Some((name, _)) => bail!("`--format {name}=` needs a file name after `=`"),
            None => (spec.as_str(), None),
        };
        let format: Format = name.parse().map_err(anyhow::Error::msg)?;
        let path = path.or_else(|| output.map(Path::to_path_buf));
        if path.is_none() {
            to_stdout += 1;
        }
        outputs.push(Output { format, path });
    }
    if to_stdout > 1 {
        bail!("only one format can go to stdout; give the others a file with `--format FMT=FILE`");
    }
    // `--format json=out.json` alone still deserves the human summary on stdout.
    let explicit_files = formats.iter().all(|f| f.contains('='));
    if explicit_files && output.is_none() && !formats.iter().any(|f| f == "table") {
        outputs.push(Output {
            format: Format::Table,
            path: None,
        });
    }
    Ok(outputs)
}

/// Scanners that read packages, and so apply to an SBOM target.
const INVENTORY_SCANNERS: &[&str] = &["license", "vuln"];

fn select_scanners(requested: Option<Vec<String>>, mode: Mode) -> Result<Vec<String>> {
    let sbom_target = mode == Mode::Sbom;
    let applicable: Vec<&str> = SCANNERS
        .iter()
        .copied()
        .filter(|s| match mode {
            Mode::Dir => true,
            Mode::Sbom => INVENTORY_SCANNERS.contains(s),
            // Packages and licences describe a checkout, not every commit: history is secrets.
            Mode::History | Mode::Staged => *s == "secret",
        })
        .collect();
    let Some(requested) = requested else {
        return Ok(applicable.iter().map(|s| s.to_string()).collect());
    };
    let mut chosen = Vec::new();
    for name in requested {
        let name = name.trim().to_ascii_lowercase();
        let name = match name.as_str() {
            "secrets" => "secret".to_string(),
            "vulns" | "vulnerability" | "vulnerabilities" => "vuln".to_string(),
            _ => name,
        };
        if sbom_target && SCANNERS.contains(&name.as_str()) && !applicable.contains(&name.as_str())
        {
            bail!(
                "the `{name}` scanner reads files and does not apply to an SBOM; for `sbom:` targets use: {}",
                applicable.join(", ")
            );
        }
        if SCANNERS.contains(&name.as_str()) && !applicable.contains(&name.as_str()) {
            bail!(
                "the `{name}` scanner does not apply to git history or staged changes (scan a checkout for it); use: {}",
                applicable.join(", ")
            );
        }
        if SCANNERS.contains(&name.as_str()) {
            if !chosen.contains(&name) {
                chosen.push(name);
            }
        } else if PLANNED_SCANNERS.contains(&name.as_str()) {
            bail!(
                "the `{name}` scanner is not available in this version; available: {}",
                SCANNERS.join(", ")
            );
        } else {
            bail!(
                "unknown scanner `{name}`; available: {}",
                SCANNERS.join(", ")
            );
        }
    }
    if chosen.is_empty() {
        bail!("`--scanners` is empty; available: {}", SCANNERS.join(", "));
    }
    Ok(chosen)
}

/// Default baseline file name.
pub const BASELINE_FILE: &str = ".rampart-baseline.json";

/// Run a scan; returns the process exit code.
pub fn run(args: ScanArgs) -> Result<u8> {
    run_inner(args, None)
}

/// Run a scan and record its findings as a baseline (`--output`, default
/// `.rampart-baseline.json`) instead of reporting them.
pub fn create_baseline(mut args: ScanArgs) -> Result<u8> {
    let file = args
        .output
        .take()
        .unwrap_or_else(|| PathBuf::from(BASELINE_FILE));
    args.formats = vec!["json".to_string()];
    run_inner(args, Some(file))
}

fn run_inner(args: ScanArgs, baseline_out: Option<PathBuf>) -> Result<u8> {
    let started = Instant::now();
    let target: TargetSpec = args.target.parse()?;
    let path = target.path();
    let is_sbom = matches!(target, TargetSpec::Sbom(_));
    let mode = if args.staged {
        Mode::Staged
    } else if args.git_history || matches!(target, TargetSpec::Git(_)) {
        Mode::History
    } else if is_sbom {
        Mode::Sbom
    } else {
        Mode::Dir
    };
    if mode != Mode::History
        && (args.branch.is_some() || args.since.is_some() || args.max_commits.is_some())
    {
        bail!(
            "--branch, --since and --max-commits apply to git history: add --git-history or use `git:PATH`"
        );
    }
    let root = Path::new(path);
    let root_dir = if root.is_dir() {
        root
    } else {
        root.parent().unwrap_or(Path::new("."))
    };

    let (config_path, file_config) = match config::load(args.config.as_deref(), root_dir)? {
        Some((p, c)) => (Some(p), c),
        None => (None, FileConfig::default()),
    };
    let scan_config = &file_config.scan;
    let requested = args
        .scanners
        .clone()
        .or_else(|| scan_config.scanners.clone());
    let vuln_requested = requested.is_some();
    let scanners = select_scanners(requested, mode)?;
    let severities = args
        .severity
        .clone()
        .or_else(|| scan_config.severity.clone());
    let vuln_config = &file_config.vuln;
    let gate = Gate {
        fail_on: args.fail_on.or(scan_config.fail_on),
        strict: args.strict || scan_config.strict.unwrap_or(false),
        fail_on_kev: args.fail_on_kev || vuln_config.fail_on_kev.unwrap_or(false),
        min_epss: args.min_epss.or(vuln_config.min_epss),
    };
    let max_file_size = args
        .max_file_size
        .or(scan_config.max_file_size.map(|s| s.0))
        .unwrap_or(DEFAULT_MAX_FILE_SIZE);
    let outputs = parse_outputs(&args.formats, args.output.as_deref())?;

    let ignore_path = root_dir.join(IGNORE_FILE);
    let ignore_file = if root.is_dir() && ignore_path.is_file() {
        let text = std::fs::read_to_string(&ignore_path)
            .with_context(|| format!("cannot read `{}`", ignore_path.display()))?;
        IgnoreFile::parse(&ignore_path.display().to_string(), &text)?
    } else {
        IgnoreFile::default()
    };
    let mut entries = file_config.ignore;
    entries.extend(ignore_file.entries);
    if let Some(baseline) = &args.baseline {
        entries.extend(crate::baseline::load(baseline)?);
    }
    let ignores = IgnoreSet::new(entries, Date::today())?;

    let mut analyzers: Vec<Box<dyn Analyzer>> = Vec::new();
    let mut warnings = Vec::new();
    let mut gitleaks_path = None;
    if scanners.iter().any(|s| s == "secret") {
        let gitleaks = gitleaks_config_path(
            args.gitleaks_config.as_deref(),
            file_config.secret.gitleaks.as_deref(),
            config_path.as_deref(),
            root_dir,
        );
        let mut allow_specs = file_config.secret.allowlists.clone();
        let mut rules = Vec::new();
        let mut use_builtin = true;
        if let Some(gitleaks) = &gitleaks {
            let import = rampart_secrets::gitleaks::import_file(gitleaks)?;
            gitleaks_path = Some(gitleaks.clone());
            for warning in &import.warnings {
                eprintln!("warning: {warning}");
            }
            warnings.extend(import.warnings.iter().cloned());
            if !import.use_default {
                // gitleaks replaces its defaults with a config's rules unless it says
                // `[extend] useDefault = true`; rampart's built-ins stand in for those defaults.
                use_builtin = false;
                let note = format!(
                    "{}: no `[extend] useDefault = true`, so only its rules run (as in gitleaks); add it to keep rampart's built-in rules",
                    gitleaks.display()
                );
                eprintln!("note: {note}");
                warnings.push(note);
            }
            rules.extend(import.rules);
            allow_specs.extend(import.allowlist.specs().iter().cloned());
        }
        if use_builtin {
            rules.extend(builtin_rules().context("built-in secret rules are broken")?);
        }
        rules.extend(file_config.secret.rules);
        let allowlist = rampart_secrets::Allowlist::new(allow_specs).with_context(
            || "secret allowlists (rampart.toml `[[secret.allowlists]]` or the gitleaks config)",
        )?;
        let scanner = SecretScanner::new(rules, &file_config.secret.disable, max_file_size)
            .with_context(|| match &config_path {
                Some(p) => format!("secret rules from `{}`", p.display()),
                None => "secret rules".to_string(),
            })?
            // History scans need each secret's digest to fingerprint renamed copies; the
            // secret itself is dropped right after the walk unless --show-secrets.
            .with_show_secrets(args.show_secrets || mode == Mode::History)
            .with_allowlist(allowlist)
            .with_gitleaks_allow(gitleaks.is_some());
        analyzers.push(Box::new(scanner));
    }
    let license_policy = file_config.license.clone();
    let license = scanners.iter().any(|s| s == "license");
    let vuln = scanners.iter().any(|s| s == "vuln");
    if (license || vuln) && is_sbom {
        analyzers.push(Box::new(SbomInputAnalyzer));
    } else if license || vuln {
        analyzers.push(Box::new(InventoryAnalyzer::new()));
    }
    if license && !is_sbom {
        analyzers.push(Box::new(LicenseFileAnalyzer::new(license_policy.clone())));
    }
    if vuln && !is_sbom {
        // Go and Rust binaries carry their dependency lists; they are packages too.
        analyzers.push(Box::new(BinaryInventoryAnalyzer::new()));
    }
    let config_dir = config_path
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    let policy_dirs: Vec<PathBuf> = args
        .policies
        .iter()
        .cloned()
        .chain(
            file_config
                .misconfig
                .policies
                .iter()
                .map(|p| config_dir.join(p)),
        )
        .collect();
    if scanners.iter().any(|s| s == "misconfig") {
        let policies = crate::policy::load(&policy_dirs)?;
        analyzers.push(Box::new(rampart_policy::MisconfigAnalyzer::new(policies)));
    } else if !args.policies.is_empty() {
        bail!("`--policy` needs the misconfig scanner (`--scanners misconfig`)");
    }

    let vex = load_vex(&args.vex, &vuln_config.vex, config_path.as_deref())?;
    let max_db_age = args
        .db_max_age
        .or(vuln_config.max_db_age.map(|a| a.0))
        .unwrap_or(DEFAULT_DB_MAX_AGE);
    let database = if vuln {
        Some(open_database(&args.db, max_db_age, vuln_requested)?)
    } else {
        None
    };
    let rules: Vec<_> = analyzers.iter().flat_map(|a| a.rules()).collect();

    let mut excludes = scan_config.exclude.clone();
    excludes.extend(ignore_file.walk_excludes);
    let engine = Engine::new(
        analyzers,
        EngineOptions {
            inline_ignores: true,
        },
    );
    let spinner = Spinner::new(!args.no_progress);
    let (mut output, target_info) = match mode {
        Mode::Dir | Mode::Sbom => {
            let source = FsSource::new(
                path,
                FsOptions {
                    max_file_size,
                    excludes,
                    respect_gitignore: !args.no_gitignore,
                    threads: args.threads,
                },
            )?
            .with_kind(target.kind());
            (engine.run(&source, &spinner), source.target())
        }
        Mode::History => 'history: {
            // A rerun over a repository whose refs have not moved re-reports the stored
            // result (never with --show-secrets: stored findings hold no secrets).
            let mut stored = None;
            let cache = if args.no_cache {
                None
            } else {
                let config_bytes = config_path
                    .as_deref()
                    .and_then(|p| std::fs::read(p).ok())
                    .unwrap_or_default();
                let key = history::ruleset_key(&[
                    &config_bytes,
                    &gitleaks_path
                        .as_deref()
                        .and_then(|p| std::fs::read(p).ok())
                        .unwrap_or_default(),
                    &max_file_size.to_le_bytes(),
                ]);
                let git_dir = rampart_source::git::git_dir(Path::new(path))?;
                // Refs that cannot be listed only cost the shortcut; the scan says what is wrong.
                let refs = rampart_source::git::ref_state(Path::new(path)).ok();
                if let Some(refs) = refs.filter(|_| !args.show_secrets) {
                    let selection = format!(
                        "branch {:?} since {:?} max-commits {:?}",
                        args.branch, args.since, args.max_commits
                    );
                    let state = history::result_state(&key, &selection, &refs);
                    if let Some(result) = history::stored_result(&git_dir, &state) {
                        eprintln!(
                            "git history: {} commits, {} unique blobs ({} from the cache; no ref has moved since the last scan)",
                            result.commits, result.blobs, result.blobs
                        );
                        warnings.extend(result.warnings);
                        let output = rampart_core::EngineOutput {
                            findings: result.findings,
                            inline_suppressed: result.inline_suppressed,
                            ..Default::default()
                        };
                        break 'history (output, rampart_source::git::target_of(Path::new(path)));
                    }
                    stored = Some((git_dir.clone(), state));
                }
                Some(history::Cache::load(&git_dir, &key))
            };
            let options = GitOptions {
                branch: args.branch.clone(),
                since_rev: args.since.clone().filter(|s| s.parse::<Date>().is_err()),
                since_time: args
                    .since
                    .as_deref()
                    .and_then(|s| s.parse::<Date>().ok())
                    .and_then(|d| Date::parse_rfc3339_seconds(&format!("{d}T00:00:00Z"))),
                max_commits: args.max_commits,
                max_blob_size: max_file_size,
                threads: args.threads,
                known_changes: cache
                    .as_ref()
                    .map(history::Cache::known_changes)
                    .unwrap_or_default(),
            };
            let mut source = GitSource::open(Path::new(path), &options)?;
            release_freed_memory();
            let skipped = cache
                .as_ref()
                .map(|c| c.known(&source, args.show_secrets))
                .unwrap_or_default();
            source.skip_blobs(skipped.clone());
            let mut output = engine.run(&source, &spinner);
            let (fresh, unpaired) = history::per_blob(
                &source,
                std::mem::take(&mut output.findings),
                args.show_secrets,
            );
            let mut all = fresh.clone();
            if let Some(cache) = cache {
                all.extend(cache.findings_for(&source, &skipped));
                if let Err(e) = cache.save(&source, &skipped, &fresh) {
                    warnings.push(format!("could not write the git history cache: {e}"));
                }
            }
            output.findings = source.attribute(all);
            output.findings.extend(unpaired);
            let history_warnings: Vec<String> = source
                .submodules()
                .iter()
                .map(|submodule| {
                    format!(
                        "submodule `{submodule}` is not scanned (scan its repository separately)"
                    )
                })
                .collect();
            // Only a complete result is kept: an unreadable object may be readable next time.
            if let Some((git_dir, state)) = stored
                && output.errors.is_empty()
            {
                let result = history::StoredResult {
                    state,
                    commits: source.commit_count(),
                    blobs: source.blob_count(),
                    findings: output.findings.clone(),
                    inline_suppressed: output.inline_suppressed,
                    warnings: history_warnings.clone(),
                };
                if let Err(e) = history::store_result(&git_dir, &result) {
                    warnings.push(format!("could not write the git history result: {e}"));
                }
            }
            warnings.extend(history_warnings);
            eprintln!(
                "git history: {} commits, {} unique blobs ({} from the cache)",
                source.commit_count(),
                source.blob_count(),
                skipped.len()
            );
            (output, source.target())
        }
        Mode::Staged => {
            let source = StagedSource::open(Path::new(path), max_file_size)?;
            let mut output = engine.run(&source, &spinner);
            output.findings = source.only_new(std::mem::take(&mut output.findings));
            (output, source.target())
        }
    };
    spinner.finish();
    for finding in &mut output.findings {
        if args.show_secrets {
            if let Some(secret) = &finding.secret {
                // Messages quote the redacted form; the user asked for the whole value.
                if let Some(redacted) = &finding.redacted {
                    finding.message = finding.message.replace(redacted.as_str(), secret);
                }
                finding.redacted = Some(secret.clone());
            }
        } else {
            finding.secret = None;
        }
    }
    if license {
        // Licence findings come from the inventory once the walk is over, like vulnerabilities.
        output
            .findings
            .extend(license_policy.check_packages(&output.packages));
    }
    let mut scanners = scanners;
    if let Some(database) = &database {
        // A database problem matters only when there are packages it should have checked.
        if let Some(problem) = &database.problem
            && !output.packages.is_empty()
        {
            let message = format!("{problem} ({} package(s) affected)", output.packages.len());
            eprintln!("warning: {message}");
            warnings.push(message.clone());
            output.errors.push(ScanError {
                path: args.db.index().display().to_string(),
                kind: ScanErrorKind::NotChecked,
                message,
            });
        }
        if database.index.is_none() {
            scanners.retain(|s| s != "vuln");
        }
    }
    if let Some(index) = database.as_ref().and_then(|d| d.index.as_ref()) {
        let priorities = rampart_vulndb::prioritize::Prioritization::load(&args.db.dir());
        let matched =
            rampart_vulndb::findings::scan_packages(index, &output.packages, &priorities)?;
        output.findings.extend(matched.findings);
        warnings.extend(matched.warnings);
        output
            .errors
            .extend(matched.unchecked.into_iter().map(|u| ScanError {
                path: u.path,
                kind: ScanErrorKind::NotChecked,
                message: u.message,
            }));
    }

    let report = Assemble {
        tool: Tool {
            name: "rampart".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        target: target_info,
        scanners,
        ignores: &ignores,
        severities: severities.as_deref(),
        warnings,
        vex: &vex,
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    }
    .report(output);

    if let Some(file) = baseline_out {
        let count = crate::baseline::write(&report, &file)?;
        println!(
            "baseline: {count} finding(s) written to {}; scan with `--baseline {}` to see only new ones",
            file.display(),
            file.display()
        );
        return Ok(0);
    }
    let sarif = SarifOptions {
        uri_prefix: repo_prefix(root_dir),
    };
    for output in &outputs {
        write_output(output, &report, &rules, &sarif)?;
    }
    let outcome = gate.evaluate(&report);
    Ok(u8::try_from(outcome.exit_code()).unwrap_or(1))
}

/// The gitleaks config to import: the flag, else `[secret] gitleaks` (relative to the config
/// file), else `.gitleaks.toml` in the target root.
fn gitleaks_config_path(
    flag: Option<&Path>,
    from_config: Option<&Path>,
    config_path: Option<&Path>,
    root_dir: &Path,
) -> Option<PathBuf> {
    if let Some(flag) = flag {
        return Some(flag.to_path_buf());
    }
    if let Some(relative) = from_config {
        let base = config_path.and_then(Path::parent).unwrap_or(Path::new("."));
        return Some(base.join(relative));
    }
    let default = root_dir.join(".gitleaks.toml");
    default.is_file().then_some(default)
}

/// The vulnerability database as a scan found it.
struct Database {
    /// The index, when one could be opened.
    index: Option<rampart_vulndb::store::Index>,
    /// Why results may be incomplete: no database, a damaged one, or a stale one.
    problem: Option<String>,
}

/// Open the vulnerability database; a missing one is an error only when `vuln` was asked for.
fn open_database(
    location: &DbLocation,
    max_age: u64,
    explicitly_requested: bool,
) -> Result<Database> {
    use rampart_vulndb::store::Index;
    match Index::open(&location.index()) {
        Ok(index) => {
            let problem = age_seconds(&index.meta().built_at)
                .filter(|age| *age > max_age)
                .map(|age| {
                    format!(
                        "the vulnerability database is {} days old (limit {} days, see --db-max-age): recent advisories are missing; run `rampart db update`",
                        age / 86_400,
                        max_age / 86_400
                    )
                });
            Ok(Database {
                index: Some(index),
                problem,
            })
        }
        // Missing, damaged or unreadable: fatal only when vulnerabilities were asked for.
        Err(e) => {
            if explicitly_requested {
                bail!("{e}");
            }
            Ok(Database {
                index: None,
                problem: Some(format!("vulnerabilities were NOT checked: {e}")),
            })
        }
    }
}

/// Read every VEX document named on the command line or in the config.
fn load_vex(
    from_args: &[PathBuf],
    from_config: &[PathBuf],
    config_path: Option<&Path>,
) -> Result<Vec<rampart_core::vex::VexStatement>> {
    let config_dir = config_path.and_then(Path::parent).unwrap_or(Path::new("."));
    let paths = from_args
        .iter()
        .cloned()
        .chain(from_config.iter().map(|p| config_dir.join(p)));
    let mut statements = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path)
            .with_context(|| format!("cannot read VEX document `{}`", path.display()))?;
        statements.extend(rampart_core::vex::parse(
            &path.display().to_string(),
            &bytes,
        )?);
    }
    Ok(statements)
}

fn write_output(
    output: &Output,
    report: &rampart_core::Report,
    rules: &[rampart_core::RuleMeta],
    sarif: &SarifOptions,
) -> Result<()> {
    match &output.path {
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("cannot create output file `{}`", path.display()))?;
            let mut writer = BufWriter::new(file);
            let context = RenderContext {
                rules,
                sarif: sarif.clone(),
                color: false,
            };
            rampart_report::render(output.format, report, &context, &mut writer)
                .and_then(|()| writer.flush())
                .with_context(|| format!("cannot write `{}`", path.display()))
        }
        None => {
            let color = output.format == Format::Table;
            let context = RenderContext {
                rules,
                sarif: sarif.clone(),
                color,
            };
            // Stdout is line-buffered (one write per line of a large JSON report) and the
            // colour-aware stream scans every byte for escapes: only the table has colour.
            let stdout = io::stdout().lock();
            let mut stream: BufWriter<Box<dyn Write>> = BufWriter::new(if color {
                Box::new(anstream::AutoStream::auto(stdout))
            } else {
                Box::new(stdout)
            });
            let result = rampart_report::render(output.format, report, &context, &mut stream)
                .and_then(|()| stream.flush());
            match result {
                // A closed pipe (`| head`) is the reader's choice, not our failure.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to stdout"),
            }
        }
    }
}

/// Path of `dir` inside its git work tree (`sub/dir/`), so SARIF URIs are repository-relative.
fn repo_prefix(dir: &Path) -> String {
    let Ok(absolute) = dir.canonicalize() else {
        return String::new();
    };
    let mut current = absolute.as_path();
    loop {
        if current.join(".git").exists() {
            let rel = absolute.strip_prefix(current).unwrap_or(Path::new(""));
            let text = rel.to_string_lossy().replace('\\', "/");
            return if text.is_empty() {
                text
            } else {
                format!("{text}/")
            };
        }
        match current.parent() {
            Some(parent) => current = parent,
            None => return String::new(),
        }
    }
}

/// Return what the allocator holds freed to the system now, between the planning and the
/// scanning of a history scan: the planning threads' tree caches are gone, and their pages
/// would otherwise sit next to the scan's until mimalloc's purge delay passes. Purging every
/// freed page at once instead (a purge delay of 0) keeps peak RSS on the 3,000-commit
/// benchmark repository at 85 MiB rather than 88-111, but makes the scan fault half again as many
/// pages back in (40,000 instead of 27,000), which costs ~5% of its time.
fn release_freed_memory() {
    // SAFETY: mi_collect only frees memory mimalloc holds unused; called between phases, on
    // the one thread then running.
    unsafe { libmimalloc_sys::mi_collect(true) };
}
