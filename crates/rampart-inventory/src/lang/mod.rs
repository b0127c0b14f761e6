//! Language ecosystems: which file names each parser reads.

use crate::LangParser;

/// The parser for the file at `path`, by its file name; `None` if no parser reads it.
pub fn parser_for(path: &str) -> Option<LangParser> {
    let _name = path.rsplit('/').next().unwrap_or(path);
    None
}
