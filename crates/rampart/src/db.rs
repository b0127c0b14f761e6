//! `rampart db`: fetch, import, export and inspect the local vulnerability database.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use rampart_core::Date;
use rampart_vulndb::import::{ImportInput, merge, read_path};
use rampart_vulndb::prioritize::{self, Prioritization};
use rampart_vulndb::store::{Index, IndexError, SourceState, encode, write_atomically};
use rampart_vulndb::update::{self, Outcome, UpdateOptions};

/// File name of the advisory index inside the database directory.
pub const INDEX_FILE: &str = "advisories.idx";

/// Where the database lives.
#[derive(Args, Clone, Debug)]
pub struct DbLocation {
    /// Database directory (default: $RAMPART_DB_DIR, else the user cache dir, e.g.
    /// ~/.cache/rampart/db).
    #[arg(long, value_name = "DIR", env = "RAMPART_DB_DIR", global = true)]
    pub db_dir: Option<PathBuf>,
}

impl DbLocation {
    /// The directory, resolved.
    pub fn dir(&self) -> PathBuf {
        match &self.db_dir {
            Some(dir) => dir.clone(),
            None => crate::history::cache_dir().join("db"),
        }
    }

    /// The advisory index file.
    pub fn index(&self) -> PathBuf {
        self.dir().join(INDEX_FILE)
    }
}

#[derive(Args)]
#[command(after_help = "\
Examples:
  rampart db update                              fetch advisories (first run: full; then incremental)
  rampart db update --ecosystem PyPI,npm         only these ecosystems
  rampart db import ./osv-records/               offline: a directory or zip of OSV JSON/YAML
  rampart db export rampart-db.bin               one file to carry to an air-gapped machine
  rampart db import rampart-db.bin               ...and load it there
  rampart db import-epss epss_scores-2026-11-20.csv.gz
  rampart db import-kev known_exploited_vulnerabilities.json
  rampart db status")]
pub struct DbArgs {
    #[command(flatten)]
    location: DbLocation,
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Subcommand)]
enum DbCommand {
    /// Download advisories from an OSV export (incremental after the first run).
    Update(UpdateArgs),
    /// Build or extend the database from OSV records (directory, zip, single file) or an
    /// exported bundle.
    Import {
        /// Directory or zip of OSV records, one record file, or a bundle from `db export`.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write the whole database to one file that `db import` reads on another machine.
    Export {
        /// The bundle to write.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Show sources, advisory counts and age.
    Status {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Import FIRST's EPSS scores (CSV, optionally gzipped).
    ImportEpss {
        /// The EPSS CSV file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Import CISA's Known Exploited Vulnerabilities catalogue (JSON).
    ImportKev {
        /// The KEV JSON file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Args)]
struct UpdateArgs {
    /// Ecosystems to fetch, comma-separated, in OSV spelling (default: crates.io, npm, PyPI,
    /// Go, Maven, NuGet, RubyGems, Packagist, Hex, Pub, Debian, Ubuntu, Alpine).
    #[arg(long = "ecosystem", value_delimiter = ',', value_name = "LIST")]
    ecosystems: Option<Vec<String>>,

    /// Base URL of the OSV export or a mirror with the same layout.
    #[arg(long, value_name = "URL", env = "RAMPART_OSV_URL", default_value = update::DEFAULT_BASE_URL)]
    base_url: String,

    /// Timeout per request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300)]
    timeout: u64,
}

/// Run `rampart db`.
pub fn run(args: DbArgs) -> Result<u8> {
    let location = args.location;
    match args.command {
        DbCommand::Update(update) => run_update(&location, update),
        DbCommand::Import { paths } => run_import(&location, &paths),
        DbCommand::Export { file } => run_export(&location, &file),
        DbCommand::Status { json } => run_status(&location, json),
        DbCommand::ImportEpss { file } => {
            let summary = prioritize::import_epss(&file, &location.dir())?;
            report_priority_import("EPSS scores", &file, &summary);
            Ok(0)
        }
        DbCommand::ImportKev { file } => {
            let summary = prioritize::import_kev(&file, &location.dir())?;
            report_priority_import("KEV entries", &file, &summary);
            Ok(0)
        }
    }
}

fn report_priority_import(what: &str, file: &Path, summary: &prioritize::ImportSummary) {
    println!(
        "imported {} {what} from {}{}",
        summary.entries,
        file.display(),
        summary
            .as_of
            .as_deref()
            .map(|d| format!(" (as of {d})"))
            .unwrap_or_default()
    );
    if summary.skipped > 0 {
        eprintln!(
            "warning: skipped {} malformed entries, e.g. {}",
            summary.skipped,
            summary.problems.join("; ")
        );
    }
}

fn run_update(location: &DbLocation, args: UpdateArgs) -> Result<u8> {
    let options = UpdateOptions {
        base_url: args.base_url,
        ecosystems: args.ecosystems.unwrap_or_else(|| {
            update::DEFAULT_ECOSYSTEMS
                .iter()
                .map(|s| s.to_string())
                .collect()
        }),
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..UpdateOptions::default()
    };
    let index_path = location.index();
    let started = Instant::now();
    let (reports, note) = update::update(&index_path, &options, |ecosystem| {
        eprintln!("fetching {ecosystem} ...");
    })?;
    if let Some(note) = note {
        eprintln!("warning: {note}");
    }
    let mut failed = 0;
    for report in &reports {
        let line = match &report.outcome {
            Outcome::Unchanged => "unchanged".to_string(),
            Outcome::Full { advisories } => format!("downloaded {advisories} advisories"),
            Outcome::Incremental { changed } => format!("{changed} changed advisories fetched"),
            Outcome::Failed(message) => {
                failed += 1;
                format!("FAILED, previous data kept: {message}")
            }
        };
        println!("{:<12} {line}", report.ecosystem);
        if !report.bad_records.is_empty() {
            eprintln!(
                "warning: {}: {} malformed records skipped, e.g. {}",
                report.ecosystem,
                report.bad_records.len(),
                report.bad_records[0]
            );
        }
    }
    match Index::open(&index_path) {
        Ok(index) => println!(
            "database: {} ({} advisories, {:.1}s)",
            index_path.display(),
            index.len(),
            started.elapsed().as_secs_f64()
        ),
        Err(_) => println!(
            "no database written to {} ({:.1}s)",
            index_path.display(),
            started.elapsed().as_secs_f64()
        ),
    }
    if failed > 0 {
        eprintln!(
            "error: {failed} ecosystem(s) could not be updated; check the network or --base-url, then run `rampart db update` again"
        );
        return Ok(1);
    }
    Ok(0)
}

fn open_existing(path: &Path) -> Result<Option<Index>> {
    match Index::open(path) {
        Ok(index) => Ok(Some(index)),
        Err(IndexError::Missing(_)) => Ok(None),
        Err(e @ IndexError::Corrupt { .. }) => {
            eprintln!("warning: {e}");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

fn run_import(location: &DbLocation, paths: &[PathBuf]) -> Result<u8> {
    let index_path = location.index();
    let mut current = open_existing(&index_path)?;
    let mut bad_total = 0;
    for path in paths {
        let started = Instant::now();
        match read_path(path)? {
            ImportInput::Bundle(bundle) => {
                // A bundle is a whole database: it replaces the sources it carries.
                let mut merged = current;
                for (position, source) in bundle.meta().sources.iter().enumerate() {
                    let advisories = bundle
                        .all()?
                        .into_iter()
                        .filter(|s| usize::from(s.source) == position)
                        .map(|s| s.advisory)
                        .collect();
                    let (meta, stored) = merge(
                        merged.as_ref(),
                        source.clone(),
                        advisories,
                        &Date::now_rfc3339(),
                    )?;
                    merged = Some(Index::from_bytes(&index_path, encode(&meta, &stored))?);
                }
                current = merged;
                println!(
                    "imported bundle {} ({} advisories from {} sources)",
                    path.display(),
                    bundle.len(),
                    bundle.meta().sources.len()
                );
            }
            ImportInput::Records(records) => {
                let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
                let state = SourceState {
                    name: format!("import:{}", canonical.display()),
                    location: canonical.display().to_string(),
                    updated_at: Date::now_rfc3339(),
                    ..SourceState::default()
                };
                let count = records.advisories.len();
                let (meta, stored) = merge(
                    current.as_ref(),
                    state,
                    records.advisories,
                    &Date::now_rfc3339(),
                )?;
                current = Some(Index::from_bytes(&index_path, encode(&meta, &stored))?);
                println!(
                    "imported {count} advisories from {} in {:.2}s",
                    path.display(),
                    started.elapsed().as_secs_f64()
                );
                if !records.errors.is_empty() {
                    bad_total += records.errors.len();
                    eprintln!(
                        "warning: {} record(s) in {} could not be read and were skipped:",
                        records.errors.len(),
                        path.display()
                    );
                    for error in records.errors.iter().take(10) {
                        eprintln!("  {error}");
                    }
                    if records.errors.len() > 10 {
                        eprintln!("  ... and {} more", records.errors.len() - 10);
                    }
                }
            }
        }
    }
    if let Some(index) = &current {
        write_atomically(&index_path, index.bytes())?;
        println!(
            "database: {} ({} advisories, {:.1} MiB)",
            index_path.display(),
            index.len(),
            index.bytes().len() as f64 / (1 << 20) as f64
        );
    }
    if bad_total > 0 {
        eprintln!("{bad_total} record(s) skipped in total; the rest is imported");
    }
    Ok(0)
}

fn run_export(location: &DbLocation, file: &Path) -> Result<u8> {
    let index_path = location.index();
    let index = Index::open(&index_path)?;
    write_atomically(file, index.bytes())
        .with_context(|| format!("cannot export to `{}`", file.display()))?;
    println!(
        "exported {} advisories to {} ({:.1} MiB); load it elsewhere with `rampart db import {}`",
        index.len(),
        file.display(),
        index.bytes().len() as f64 / (1 << 20) as f64,
        file.display()
    );
    Ok(0)
}

fn run_status(location: &DbLocation, json: bool) -> Result<u8> {
    let index_path = location.index();
    let priorities = Prioritization::load(&location.dir());
    let index = match Index::open(&index_path) {
        Ok(index) => index,
        Err(e @ (IndexError::Missing(_) | IndexError::Corrupt { .. })) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({"path": index_path, "present": false, "error": e.to_string()})
                );
            } else {
                println!("{e}");
            }
            return Ok(1);
        }
        Err(e) => return Err(e.into()),
    };
    let meta = index.meta();
    let table = |t: Option<prioritize::TableStatus>| {
        t.map(|t| serde_json::json!({"entries": t.entries, "as_of": t.as_of}))
    };
    if json {
        let sources: Vec<_> = meta
            .sources
            .iter()
            .map(|s| {
                serde_json::json!({
                    "name": s.name, "location": s.location, "advisories": s.advisories,
                    "withdrawn": s.withdrawn, "newest_modified": s.newest_modified,
                    "updated_at": s.updated_at,
                })
            })
            .collect();
        let value = serde_json::json!({
            "path": index_path,
            "present": true,
            "built_at": meta.built_at,
            "advisories": index.len(),
            "bytes": index.bytes().len(),
            "sources": sources,
            "epss": table(priorities.epss_status()),
            "kev": table(priorities.kev_status()),
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(0);
    }
    println!("database   {}", index_path.display());
    println!(
        "built      {} ({})",
        meta.built_at,
        age_text(&meta.built_at)
    );
    println!(
        "advisories {} ({:.1} MiB)",
        index.len(),
        index.bytes().len() as f64 / (1 << 20) as f64
    );
    println!();
    println!(
        "{:<40} {:>10} {:>9}  {:<22} updated",
        "source", "advisories", "withdrawn", "newest record"
    );
    for s in &meta.sources {
        println!(
            "{:<40} {:>10} {:>9}  {:<22} {}",
            s.name,
            s.advisories,
            s.withdrawn,
            s.newest_modified.get(..19).unwrap_or(&s.newest_modified),
            age_text(&s.updated_at)
        );
    }
    println!();
    for (name, status) in [
        ("EPSS", priorities.epss_status()),
        ("KEV", priorities.kev_status()),
    ] {
        match status {
            Some(t) => println!(
                "{name:<5} {} entries{}",
                t.entries,
                t.as_of.map(|d| format!(", as of {d}")).unwrap_or_default()
            ),
            None => println!(
                "{name:<5} not imported (rampart db import-{})",
                name.to_lowercase()
            ),
        }
    }
    Ok(0)
}

/// Seconds since an RFC 3339 time, if it parses.
pub fn age_seconds(rfc3339: &str) -> Option<u64> {
    let then = Date::parse_rfc3339_seconds(rfc3339)?;
    let now = Date::now_seconds();
    Some(now.saturating_sub(then))
}

fn age_text(rfc3339: &str) -> String {
    match age_seconds(rfc3339) {
        Some(s) if s < 3600 => format!("{} min ago", s / 60),
        Some(s) if s < 86_400 * 2 => format!("{} h ago", s / 3600),
        Some(s) => format!("{} days ago", s / 86_400),
        None => "age unknown".to_string(),
    }
}
