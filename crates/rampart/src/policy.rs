//! `rampart policy`: test policy directories; and loading user policies next to the built-in
//! library for scans and `rampart rules`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use rampart_policy::PolicySet;

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Run the Rego tests (`test_*` rules in `*_test.rego`) of a policy directory, with the
    /// built-in library loaded too (so user policies can use its helpers).
    Test {
        /// Directory of `.rego` files (searched recursively).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// Every `.rego` file under `dir`, as (display path, text), sorted.
fn rego_files(dir: &Path) -> Result<Vec<(String, String, bool)>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current)
            .with_context(|| format!("cannot read policy directory `{}`", current.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rego") {
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read policy `{}`", path.display()))?;
                files.push((path.display().to_string(), text, false));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The built-in library plus the policies in `dirs`, for scanning: test modules are left
/// out (every module in the engine costs time on every data reference).
pub fn load(dirs: &[PathBuf]) -> Result<PolicySet> {
    load_with(dirs, false)
}

/// The built-in library (without its tests) plus the policies in `dirs`, with their tests
/// when `user_tests`.
fn load_with(dirs: &[PathBuf], user_tests: bool) -> Result<PolicySet> {
    let mut files: Vec<(String, String, bool)> = rampart_policy::engine::BUILTIN_POLICY_FILES
        .iter()
        .filter(|(path, _)| !path.ends_with("_test.rego"))
        .map(|(path, text)| (format!("builtin:{path}"), text.to_string(), true))
        .collect();
    for dir in dirs {
        if !dir.is_dir() {
            bail!(
                "`--policy {}`: not a directory of .rego files",
                dir.display()
            );
        }
        files.extend(
            rego_files(dir)?
                .into_iter()
                .filter(|(path, _, _)| user_tests || !path.ends_with("_test.rego")),
        );
    }
    Ok(PolicySet::from_files(files)?)
}

/// Run a `policy` subcommand.
pub fn run(command: PolicyCommand) -> Result<u8> {
    match command {
        PolicyCommand::Test { dir } => {
            // The library's modules are loaded (user policies may import its helpers), its
            // tests are not: only DIR's tests run.
            let set = load_with(std::slice::from_ref(&dir), true)?;
            let mine = set.run_tests();
            if mine.is_empty() {
                bail!(
                    "no tests found under `{}`: write `test_*` rules in `*_test.rego` files",
                    dir.display()
                );
            }
            let mut failed = 0;
            for outcome in mine.iter() {
                if outcome.passed {
                    println!("PASS {}", outcome.name);
                } else {
                    failed += 1;
                    match &outcome.error {
                        Some(error) => println!("FAIL {}: {error}", outcome.name),
                        None => println!("FAIL {}", outcome.name),
                    }
                }
            }
            println!("{} passed, {failed} failed", mine.len() - failed);
            Ok(u8::from(failed > 0))
        }
    }
}
