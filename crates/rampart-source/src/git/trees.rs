//! Two versions of a tree object compared byte by byte.
//!
//! A commit usually changes a few files, so almost every entry of its trees is byte-identical
//! to the parent's entry at the same place: such an entry is skipped with one comparison of
//! its raw bytes, without decoding its mode or comparing names. Only entries that differ are
//! parsed and matched by name, in git's tree order.

use std::cmp::Ordering;

/// The type bits of a tree entry's mode.
const TYPE_MASK: u32 = 0o170000;
const TREE: u32 = 0o040000;
const FILE: u32 = 0o100000;
const SYMLINK: u32 = 0o120000;
const GITLINK: u32 = 0o160000;

/// One entry of a tree object: `<octal mode> <name>\0<id>`.
struct RawEntry<'a> {
    mode: u32,
    name: &'a [u8],
    id: &'a gix::oid,
    /// Bytes the entry takes in the tree object.
    len: usize,
}

impl RawEntry<'_> {
    fn is_tree(&self) -> bool {
        self.mode & TYPE_MASK == TREE
    }
}

/// The entry at the start of `data`, or why it is not one.
fn raw_entry(data: &[u8], hash_len: usize) -> Result<RawEntry<'_>, &'static str> {
    let space = data
        .iter()
        .take(8)
        .position(|&b| b == b' ')
        .ok_or("no mode")?;
    let mut mode = 0u32;
    for &digit in &data[..space] {
        if !(b'0'..=b'7').contains(&digit) {
            return Err("a mode that is not octal");
        }
        mode = mode << 3 | u32::from(digit - b'0');
    }
    if space == 0 || !matches!(mode & TYPE_MASK, TREE | FILE | SYMLINK | GITLINK) {
        return Err("an unknown mode");
    }
    let rest = &data[space + 1..];
    let nul = memchr::memchr(0, rest).ok_or("a name without its end")?;
    if nul == 0 {
        return Err("an empty name");
    }
    let id = rest
        .get(nul + 1..nul + 1 + hash_len)
        .ok_or("an id cut short")?;
    let id = gix::oid::try_from_bytes(id).map_err(|_| "an id of an unknown length")?;
    Ok(RawEntry {
        mode,
        name: &rest[..nul],
        id,
        len: space + 1 + nul + 1 + hash_len,
    })
}

/// An entry of the new tree that is not in the old one with the same id.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Change<'a> {
    /// A directory: its id, and the old one if the name was a directory before.
    Tree {
        name: &'a [u8],
        old: Option<&'a gix::oid>,
        new: &'a gix::oid,
    },
    /// A regular or executable file.
    File { name: &'a [u8], id: &'a gix::oid },
    /// A submodule (a commit of another repository).
    Submodule { name: &'a [u8] },
}

/// The changes from `old` to `new` (raw tree objects), in `new`'s order. Symbolic links are
/// not reported (their content is a path). An `Err` says where `new` is damaged and ends the
/// iteration (the entries before it were reported); damage in `old` makes the rest of `new`
/// count as changed.
pub(crate) struct Diff<'a> {
    old: &'a [u8],
    new: &'a [u8],
    old_at: usize,
    new_at: usize,
    /// `old` parsed so far without damage.
    old_ok: bool,
    hash_len: usize,
}

impl<'a> Diff<'a> {
    pub(crate) fn new(old: &'a [u8], new: &'a [u8], hash_len: usize) -> Diff<'a> {
        Diff {
            old,
            new,
            old_at: 0,
            new_at: 0,
            old_ok: true,
            hash_len,
        }
    }

    /// The old entry of `entry`'s name: (is a tree, id).
    fn before(&mut self, entry: &RawEntry<'_>) -> Option<(bool, &'a gix::oid)> {
        // Both trees are in git's order: advance through `old` to the name.
        while self.old_ok && self.old_at < self.old.len() {
            let Ok(old) = raw_entry(&self.old[self.old_at..], self.hash_len) else {
                self.old_ok = false;
                break;
            };
            match git_order(old.name, old.is_tree(), entry.name, entry.is_tree()) {
                Ordering::Less => self.old_at += old.len,
                Ordering::Equal => {
                    self.old_at += old.len;
                    return Some((old.is_tree(), old.id));
                }
                Ordering::Greater => break,
            }
        }
        // A name that changed kind (file <-> directory) sorts elsewhere: look it up.
        let mut at = 0;
        while at < self.old.len() {
            let old = raw_entry(&self.old[at..], self.hash_len).ok()?;
            if old.name == entry.name {
                return Some((old.is_tree(), old.id));
            }
            at += old.len;
        }
        None
    }
}

impl<'a> Iterator for Diff<'a> {
    type Item = Result<Change<'a>, String>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.new_at < self.new.len() {
            let entry = match raw_entry(&self.new[self.new_at..], self.hash_len) {
                Ok(entry) => entry,
                Err(why) => {
                    let at = self.new_at;
                    self.new_at = self.new.len();
                    return Some(Err(format!("{why} at byte {at}")));
                }
            };
            let raw = &self.new[self.new_at..self.new_at + entry.len];
            self.new_at += entry.len;
            // The common case: the old tree has the same entry (mode, name, id) here.
            if self.old_ok && self.old[self.old_at..].starts_with(raw) {
                self.old_at += entry.len;
                continue;
            }
            let before = self.before(&entry);
            if before.is_some_and(|(_, id)| id == entry.id) {
                continue;
            }
            let (name, id) = (entry.name, entry.id);
            match entry.mode & TYPE_MASK {
                TREE => {
                    let old = before.filter(|(tree, _)| *tree).map(|(_, id)| id);
                    return Some(Ok(Change::Tree { name, old, new: id }));
                }
                FILE => return Some(Ok(Change::File { name, id })),
                GITLINK => return Some(Ok(Change::Submodule { name })),
                _ => {}
            }
        }
        None
    }
}

/// Git's tree order: names compare bytewise, a tree's name as if it ended in `/`.
fn git_order(a: &[u8], a_tree: bool, b: &[u8], b_tree: bool) -> Ordering {
    let common = a.len().min(b.len());
    match a[..common].cmp(&b[..common]) {
        Ordering::Equal => {}
        other => return other,
    }
    let next = |name: &[u8], tree: bool| -> Option<u8> {
        name.get(common)
            .copied()
            .or(if tree { Some(b'/') } else { None })
    };
    match (next(a, a_tree), next(b, b_tree)) {
        (None, None) => Ordering::Equal,
        (x, y) => x.cmp(&y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEN: usize = 20;

    fn id(n: u8) -> [u8; LEN] {
        [n; LEN]
    }

    /// A tree object from (mode, name, id) in the order given.
    fn tree(entries: &[(&str, &str, u8)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (mode, name, n) in entries {
            out.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            out.extend_from_slice(&id(*n));
        }
        out
    }

    fn changes(old: &[u8], new: &[u8]) -> Vec<Result<String, String>> {
        Diff::new(old, new, LEN)
            .map(|change| {
                change.map(|change| match change {
                    Change::Tree { name, old, new } => format!(
                        "tree {} {:?} {}",
                        String::from_utf8_lossy(name),
                        old.map(|o| o.as_bytes()[0]),
                        new.as_bytes()[0]
                    ),
                    Change::File { name, id } => {
                        format!(
                            "file {} {}",
                            String::from_utf8_lossy(name),
                            id.as_bytes()[0]
                        )
                    }
                    Change::Submodule { name } => {
                        format!("submodule {}", String::from_utf8_lossy(name))
                    }
                })
            })
            .collect()
    }

    fn ok(items: &[&str]) -> Vec<Result<String, String>> {
        items.iter().map(|s| Ok(s.to_string())).collect()
    }

    #[test]
    fn only_entries_that_differ_are_reported() {
        let old = tree(&[
            ("100644", "a.txt", 1),
            ("40000", "lib", 2),
            ("100644", "same", 3),
            ("100755", "run.sh", 4),
            ("100644", "z", 5),
        ]);
        let new = tree(&[
            ("100644", "a.txt", 1),
            ("100644", "added", 9),
            ("40000", "lib", 7),
            // A mode change alone adds no content.
            ("100755", "same", 3),
            ("100755", "run.sh", 8),
            ("120000", "link", 6),
            ("160000", "vendor", 10),
            ("100644", "z", 5),
        ]);
        assert_eq!(
            changes(&old, &new),
            ok(&[
                "file added 9",
                "tree lib Some(2) 7",
                "file run.sh 8",
                "submodule vendor"
            ])
        );
        assert_eq!(changes(&old, &old), ok(&[]));
        assert_eq!(
            changes(&[], &old),
            ok(&[
                "file a.txt 1",
                "tree lib None 2",
                "file same 3",
                "file run.sh 4",
                "file z 5"
            ])
        );
    }

    #[test]
    fn a_name_that_changes_kind_is_matched_across_the_tree_order() {
        // `x` the file sorts before `x.c`, `x` the directory (as `x/`) after it.
        let old = tree(&[("100644", "x", 1), ("100644", "x.c", 2)]);
        let new = tree(&[("100644", "x.c", 2), ("40000", "x", 3)]);
        assert_eq!(changes(&old, &new), ok(&["tree x None 3"]));
        // And back: the file is new against the directory.
        assert_eq!(changes(&new, &old), ok(&["file x 1"]));
    }

    #[test]
    fn damage_is_reported_where_it_starts_and_loses_what_came_before() {
        let good = tree(&[("100644", "a", 1), ("100644", "b", 2)]);
        let mut damaged = good.clone();
        damaged.extend_from_slice(b"100644 c\0short");
        assert_eq!(
            changes(&[], &damaged),
            vec![
                Ok("file a 1".to_string()),
                Ok("file b 2".to_string()),
                Err(format!("an id cut short at byte {}", good.len())),
            ]
        );
        for (bad, why) in [
            (&b"10x644 a\0"[..], "a mode that is not octal"),
            (b"100644 a", "a name without its end"),
            (b"100644 \0", "an empty name"),
            (b"070000 a\0", "an unknown mode"),
            (b"100644a", "no mode"),
        ] {
            let mut data = bad.to_vec();
            data.extend_from_slice(&id(1));
            assert_eq!(
                changes(&[], &data),
                vec![Err(format!("{why} at byte 0"))],
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        // A damaged old tree: what follows the damage counts as new.
        let mut old = tree(&[("100644", "a", 1)]);
        old.extend_from_slice(b"garbage");
        assert_eq!(changes(&old, &good), ok(&["file b 2"]));
    }

    #[test]
    fn git_order_sorts_trees_as_if_they_ended_in_a_slash() {
        assert_eq!(git_order(b"a", false, b"a.c", false), Ordering::Less);
        assert_eq!(git_order(b"a", true, b"a.c", false), Ordering::Greater);
        assert_eq!(git_order(b"a", true, b"a", true), Ordering::Equal);
        assert_eq!(git_order(b"a", true, b"a", false), Ordering::Greater);
    }
}
