//! Vulnerability matching support. So far: version comparison per ecosystem, each with the
//! ordering rules its ecosystem documents (the OSV store and matcher come next).

pub mod cvss;
pub mod findings;
pub mod import;
pub mod matcher;
pub mod osv;
pub mod prioritize;
pub mod store;
pub mod update;
pub mod version;
