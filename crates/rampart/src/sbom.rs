//! `rampart sbom`: inventory a target and write CycloneDX, SPDX or a table.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use rampart_core::{Analyzer, Date, Engine, EngineOptions, IgnoreFile, Source, Tool};
use rampart_inventory::InventoryAnalyzer;
use rampart_inventory::binary::BinaryInventoryAnalyzer;
use rampart_inventory::sbom_input::SbomInputAnalyzer;
use rampart_report::sbom::{self, Inventory};
use rampart_source::{FsOptions, FsSource, TargetSpec};

use crate::progress::Spinner;

/// Lockfiles and package databases can be large; the walk reads files up to this size.
const MAX_INVENTORY_FILE: u64 = 256 << 20;

#[derive(Args)]
#[command(after_help = "\
Examples:
  rampart sbom .                                   packages as a table
  rampart sbom -f cyclonedx-json -o bom.json .     CycloneDX 1.6
  rampart sbom -f spdx-json /                      SPDX 2.3 of this machine's OS packages

Set SOURCE_DATE_EPOCH for a reproducible timestamp. Exit code 3 with --strict when a file
could not be parsed (the rest is still inventoried).")]
pub struct SbomArgs {
    /// What to inventory: a path, `dir:PATH`, or `sbom:FILE` (CycloneDX/SPDX JSON to convert).
    #[arg(default_value = ".", value_name = "TARGET")]
    target: String,

    /// Output format: table, cyclonedx-json, spdx-json.
    #[arg(short, long, default_value = "table", value_name = "FORMAT")]
    format: String,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Honour .gitignore / .ignore files. Off by default: lockfiles and installed packages
    /// are often gitignored, and an SBOM should list what is there.
    #[arg(long)]
    respect_gitignore: bool,

    /// Exit 3 when any file could not be parsed.
    #[arg(long)]
    strict: bool,

    /// Do not show a progress line.
    #[arg(long)]
    no_progress: bool,
}

enum SbomFormat {
    Table,
    CycloneDx,
    Spdx,
}

fn parse_format(name: &str) -> Result<SbomFormat> {
    Ok(match name.to_ascii_lowercase().as_str() {
        "table" => SbomFormat::Table,
        "cyclonedx-json" | "cyclonedx" | "cdx" => SbomFormat::CycloneDx,
        "spdx-json" | "spdx" => SbomFormat::Spdx,
        other => {
            bail!("unknown SBOM format `{other}`: expected table, cyclonedx-json or spdx-json")
        }
    })
}

/// Run `rampart sbom`; returns the exit code.
pub fn run(args: SbomArgs) -> Result<u8> {
    let format = parse_format(&args.format)?;
    let target: TargetSpec = args.target.parse()?;
    let path = target.path();
    let root = Path::new(path);
    let ignore_path = root.join(".rampartignore");
    let excludes = if root.is_dir() && ignore_path.is_file() {
        let text = std::fs::read_to_string(&ignore_path)
            .with_context(|| format!("cannot read `{}`", ignore_path.display()))?;
        IgnoreFile::parse(&ignore_path.display().to_string(), &text)?.walk_excludes
    } else {
        Vec::new()
    };
    let source = FsSource::new(
        path,
        FsOptions {
            max_file_size: MAX_INVENTORY_FILE,
            excludes,
            respect_gitignore: args.respect_gitignore,
            threads: 0,
        },
    )?
    .with_kind(target.kind());
    let analyzers: Vec<Box<dyn Analyzer>> = match target {
        // Re-reading an SBOM converts it (CycloneDX <-> SPDX) or lists it as a table.
        TargetSpec::Sbom(_) => vec![Box::new(SbomInputAnalyzer)],
        TargetSpec::Git(_) => bail!(
            "an SBOM describes a checkout, not git history: give the work tree's path instead of `git:`"
        ),
        TargetSpec::Dir(_) => vec![
            Box::new(InventoryAnalyzer::new()),
            Box::new(BinaryInventoryAnalyzer::new()),
        ],
    };
    let engine = Engine::new(analyzers, EngineOptions::default());
    let spinner = Spinner::new(!args.no_progress);
    let output = engine.run(&source, &spinner);
    spinner.finish();

    let mut errors = output.errors;
    errors.sort();
    for e in &errors {
        // Only parse problems matter here; files the inventory does not read are not errors.
        eprintln!("warning: {}: {}", e.path, e.message);
    }
    let tool = Tool {
        name: "rampart".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    let timestamp = Date::now_rfc3339();
    let inventory = Inventory {
        tool: &tool,
        target: &source.target(),
        packages: &output.packages,
        timestamp: &timestamp,
    };
    let write = |out: &mut dyn Write| match format {
        SbomFormat::Table => sbom::table(&inventory, out),
        SbomFormat::CycloneDx => sbom::cyclonedx(&inventory, out),
        SbomFormat::Spdx => sbom::spdx(&inventory, out),
    };
    match &args.output {
        Some(file) => {
            let handle = File::create(file)
                .with_context(|| format!("cannot create output file `{}`", file.display()))?;
            let mut writer = BufWriter::new(handle);
            write(&mut writer)
                .and_then(|()| writer.flush())
                .with_context(|| format!("cannot write `{}`", file.display()))?;
        }
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            match write(&mut lock).and_then(|()| lock.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write to stdout")?,
            }
        }
    }
    Ok(if args.strict && !errors.is_empty() {
        3
    } else {
        0
    })
}
