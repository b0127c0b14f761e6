//! Misconfiguration checks: parsers that turn Dockerfiles, Kubernetes manifests and other IaC
//! into JSON documents whose every object carries its source lines, and a Rego engine that
//! evaluates the policy library over them.
//!
//! # The document convention
//!
//! Every parser produces a `serde_json::Value` tree. Every JSON object in it that stands for
//! something in the source carries `"__line__"` (first line, 1-based) and `"__end_line__"`
//! (last line, inclusive), so a policy can point at the exact place by returning the object's
//! lines with its message.

mod analyzer;
pub mod cloudformation;
pub mod compose;
pub mod dockerfile;
pub mod engine;
pub mod helm;
mod imports;
pub mod kubernetes;
pub mod terraform;
pub mod yaml;

pub use analyzer::MisconfigAnalyzer;
pub use engine::{Policy, PolicyError, PolicyMeta, PolicySet};
