//! End-to-end tests of the `rampart` binary on real files in temporary trees.

mod bad_input;
mod cloudformation;
mod db_update;
mod git;
mod license;
mod misconfig;
mod outputs;
mod rules;
mod sbom;
mod sbom_input;
mod scan;
mod support;
mod suppress;
mod terraform;
mod vuln;
