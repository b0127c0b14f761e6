//! `rampart rules`: list, explain, and generate the rules reference.

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use rampart_core::{Analyzer, RuleMeta};
use rampart_secrets::{SecretScanner, builtin_rules};

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List rules with their severity and confidence.
    List(ListArgs),
    /// Show everything about one rule: what it finds, how to fix it, references, examples.
    Explain {
        /// Rule id, as shown by `rampart rules list`.
        id: String,
        /// Also know the Rego policies in DIR (as `scan --policy DIR`). Repeatable.
        #[arg(long = "policy", value_name = "DIR")]
        policies: Vec<std::path::PathBuf>,
    },
    /// Write the Markdown rules reference (docs/rules.md) to stdout.
    Docs,
}

#[derive(Args)]
pub struct ListArgs {
    /// Only rules of this scanner (secret, license, misconfig).
    #[arg(long)]
    scanner: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also list the Rego policies in DIR (as `scan --policy DIR`). Repeatable.
    #[arg(long = "policy", value_name = "DIR")]
    policies: Vec<std::path::PathBuf>,
}

/// Metadata of every built-in rule of every scanner, in a stable order.
pub fn all_rules() -> Result<Vec<RuleMeta>> {
    let secrets = SecretScanner::new(builtin_rules()?, &[], u64::MAX)
        .context("built-in secret rules are broken")?;
    let mut rules = secrets.rules();
    rules.extend(rampart_inventory::license::rules());
    rules.extend(
        rampart_policy::PolicySet::builtin()
            .context("built-in policies are broken")?
            .rules(),
    );
    Ok(rules)
}

/// Run a `rules` subcommand.
pub fn run(command: RulesCommand) -> Result<u8> {
    let mut rules = all_rules()?;
    let user_dirs = match &command {
        RulesCommand::List(args) => args.policies.as_slice(),
        RulesCommand::Explain { policies, .. } => policies.as_slice(),
        RulesCommand::Docs => &[],
    };
    if !user_dirs.is_empty() {
        let set = crate::policy::load(user_dirs)?;
        rules.extend(
            set.rules()
                .into_iter()
                .zip(set.policies())
                .filter(|(_, policy)| !policy.builtin)
                .map(|(rule, _)| rule),
        );
    }
    match command {
        RulesCommand::List(args) => {
            let selected: Vec<RuleMeta> = match &args.scanner {
                Some(scanner) => {
                    let s: Vec<_> = rules
                        .into_iter()
                        .filter(|r| &r.scanner == scanner)
                        .collect();
                    if s.is_empty() {
                        bail!(
                            "no rules for scanner `{scanner}`; scanners with rules: secret, license, misconfig"
                        );
                    }
                    s
                }
                None => rules,
            };
            if args.json {
                println!("{}", serde_json::to_string_pretty(&selected)?);
            } else {
                print!("{}", rampart_report::rules_table(&selected));
            }
        }
        RulesCommand::Explain { id, .. } => match rules.iter().find(|r| r.id == id) {
            Some(rule) => print!("{}", rampart_report::explain_rule(rule)),
            None => {
                let near: Vec<&str> = rules
                    .iter()
                    .filter(|r| r.id.contains(&id) || id.contains(&r.id))
                    .map(|r| r.id.as_str())
                    .take(5)
                    .collect();
                if near.is_empty() {
                    bail!("no rule `{id}`; `rampart rules list` shows them all");
                }
                bail!("no rule `{id}`; did you mean: {}?", near.join(", "));
            }
        },
        RulesCommand::Docs => print!("{}", rampart_report::rules_markdown(&rules)),
    }
    Ok(0)
}
