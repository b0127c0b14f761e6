//! Keyword occurrences remembered across blobs built from one another. In git history most
//! blobs are deltas: a version copies nearly all of its bytes from another. Once every
//! keyword occurrence of that base is known, the copy's are the base's inside each copied
//! run, plus what a search finds around the new bytes and the seams between runs: a few
//! percent of the blob instead of all of it.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use rampart_core::{Lineage, Piece};

use crate::prefilter::KeywordFilter;

/// A keyword occurrence: where it starts, and which keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    pub(crate) start: u32,
    pub(crate) keyword: u32,
}

/// Blobs remembered per thread: a delta's base is normally a few blobs before it in pack
/// order, which is the order the git source reads them in.
const REMEMBERED: usize = 256;
/// Occurrences remembered per thread, over all blobs (bounds memory for blobs full of
/// keywords).
const MAX_HITS: usize = 1 << 20;

/// A content name (git object id), zero-padded.
type Name = [u8; 32];

/// The occurrences found in the last blobs a thread scanned, by content name.
#[derive(Default)]
struct Memo {
    /// The keyword filter whose keyword indexes these are (see [`owner_id`]).
    owner: u64,
    hits: HashMap<Name, Rc<[Hit]>>,
    order: VecDeque<Name>,
    total: usize,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// A new owner id: memos of different keyword filters must never mix.
pub(crate) fn owner_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn name(bytes: &[u8]) -> Option<Name> {
    let mut name = [0u8; 32];
    name.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(name)
}

/// Every keyword occurrence in `data`, sorted by start. Built on its base's occurrences when
/// `lineage` names a base this thread remembers (for `owner`), else by searching all of
/// `data`; remembered in turn for blobs built on this one. `None` when `data` is too large to
/// index with `u32`, holds more than [`MAX_HITS`] occurrences, or the name does not fit:
/// search the usual way.
pub(crate) fn hits(
    owner: u64,
    filter: &KeywordFilter,
    data: &[u8],
    lineage: &Lineage<'_>,
) -> Option<Rc<[Hit]>> {
    let own = name(lineage.name)?;
    u32::try_from(data.len()).ok()?;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.owner != owner {
            *memo = Memo {
                owner,
                ..Memo::default()
            };
        }
        if let Some(known) = memo.hits.get(&own) {
            return Some(known.clone());
        }
        let base = lineage
            .base
            .and_then(|(base, pieces)| Some((memo.hits.get(&name(base)?)?.clone(), pieces)));
        let found: Rc<[Hit]> = base
            .and_then(|(base, pieces)| derive(filter, data, &base, pieces))
            .or_else(|| search(filter, data, 0))?
            .into();
        memo.remember(own, found.clone());
        Some(found)
    })
}

impl Memo {
    fn remember(&mut self, name: Name, hits: Rc<[Hit]>) {
        if hits.len() > MAX_HITS {
            return;
        }
        while self.order.len() >= REMEMBERED || self.total + hits.len() > MAX_HITS {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.hits.remove(&oldest) {
                self.total -= gone.len();
            }
        }
        self.total += hits.len();
        self.order.push_back(name);
        self.hits.insert(name, hits);
    }
}

/// Every keyword occurrence in `data`, sorted by start, from a search of all of it; `None`
/// if `data` is too large to index with `u32` or holds more than [`MAX_HITS`] occurrences
/// (then search the usual way).
pub(crate) fn occurrences(filter: &KeywordFilter, data: &[u8]) -> Option<Rc<[Hit]>> {
    u32::try_from(data.len()).ok()?;
    Some(search(filter, data, 0)?.into())
}

/// Every occurrence in `data`, sorted; `None` past [`MAX_HITS`].
fn search(filter: &KeywordFilter, data: &[u8], offset: usize) -> Option<Vec<Hit>> {
    let mut found = Vec::new();
    collect(filter, data, offset, &mut found).then_some(())?;
    found.sort_unstable();
    Some(found)
}

/// Add the occurrences in `data` (starts shifted by `offset`) to `into`; false if that makes
/// more than [`MAX_HITS`] (a blob full of a short keyword would otherwise take 8 bytes per
/// occurrence, several times its own size).
fn collect(filter: &KeywordFilter, data: &[u8], offset: usize, into: &mut Vec<Hit>) -> bool {
    let mut complete = true;
    filter.find_all(data, |keyword, start| {
        into.push(Hit {
            // Both fit: `data` is within a blob whose length fits a u32, and so is
            // the filter's keyword count.
            start: (offset + start) as u32,
            keyword: keyword as u32,
        });
        complete = into.len() <= MAX_HITS;
        complete
    });
    complete
}

/// The occurrences in `data`, which is `pieces` of a blob whose occurrences are `base`:
/// `None` if the pieces do not add up to `data` (then search it all) or there are more than
/// [`MAX_HITS`].
fn derive(filter: &KeywordFilter, data: &[u8], base: &[Hit], pieces: &[Piece]) -> Option<Vec<Hit>> {
    // A keyword that is not wholly inside one copied run overlaps new bytes or a seam, and
    // lies within this reach of them.
    let reach = filter.longest().saturating_sub(1);
    let mut found = Vec::new();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut look = |from: usize, to: usize| match windows.last_mut() {
        Some(last) if from <= last.1 => last.1 = last.1.max(to),
        _ => windows.push((from, to)),
    };
    let mut at = 0usize;
    for (i, piece) in pieces.iter().enumerate() {
        let len = match *piece {
            Piece::Copy { from, len } => {
                let end = from.checked_add(len)?;
                let first = base.partition_point(|h| (h.start as usize) < from);
                for hit in &base[first..] {
                    let start = hit.start as usize;
                    if start >= end {
                        break;
                    }
                    if start + filter.keyword_len(hit.keyword as usize) <= end {
                        found.push(Hit {
                            start: u32::try_from(start - from + at).ok()?,
                            keyword: hit.keyword,
                        });
                    }
                }
                if i > 0 {
                    look(at.saturating_sub(reach), at + reach);
                }
                len
            }
            Piece::New { len } => {
                look(at.saturating_sub(reach), at + len + reach);
                len
            }
        };
        at = at.checked_add(len)?;
    }
    if at != data.len() {
        return None;
    }
    for (from, to) in windows {
        let to = to.min(data.len());
        if from < to && !collect(filter, &data[from..to], from, &mut found) {
            return None;
        }
    }
    if found.len() > MAX_HITS {
        return None;
    }
    found.sort_unstable();
    found.dedup();
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> KeywordFilter {
        let keywords: Vec<String> = ["ghp_", "token", "eyj", "x", "-----begin private key"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        KeywordFilter::new(&keywords).unwrap()
    }

    /// A blob made of `pieces` of `base` the way a git delta builds one: `(true, text)` copies
    /// `text` from where it first occurs in `base`, `(false, text)` adds new bytes.
    fn build(base: &[u8], pieces: &[(bool, &[u8])]) -> (Vec<u8>, Vec<Piece>) {
        let mut data = Vec::new();
        let mut out = Vec::new();
        for &(copy, text) in pieces {
            data.extend_from_slice(text);
            out.push(if copy {
                let from = base.windows(text.len()).position(|w| w == text).unwrap();
                Piece::Copy {
                    from,
                    len: text.len(),
                }
            } else {
                Piece::New { len: text.len() }
            });
        }
        (data, out)
    }

    /// Built on the base's occurrences, the result is what a search of the whole blob finds:
    /// keywords inside copied runs, cut by a seam, made by new bytes, or joined across one.
    #[test]
    fn derived_occurrences_are_those_of_a_full_search() {
        let filter = filter();
        let base: &[u8] = b"TOKEN=ghp_abc; eyJ header x -----BEGIN PRIVATE KEY----- tok";
        let base_hits = search(&filter, base, 0).unwrap();
        let cases: Vec<Vec<(bool, &[u8])>> = vec![
            vec![(true, base)],
            // A keyword across a seam, where the base has it whole too.
            vec![(true, b"TOK"), (true, b"EN=")],
            // Two copies that make a keyword the base does not have there.
            vec![(true, b"tok"), (true, b"EN")],
            // A keyword cut by a seam: gone.
            vec![(true, b"TOK"), (true, b"abc")],
            // New bytes completing a keyword.
            vec![(true, b"tok"), (false, b"en")],
            // A keyword of new bytes only, between two copies.
            vec![(true, b"TOKEN="), (false, b"EYJ"), (true, b"eyJ header")],
            // The long keyword across a seam far from new bytes.
            vec![(true, b"-----BEGIN PRIV"), (true, b"ATE KEY-----")],
            // Copies in another order, nothing new.
            vec![(true, b"ATE KEY"), (true, b"ghp_"), (true, b"TOKEN")],
            // Nothing copied.
            vec![(false, b"xx ghp_")],
        ];
        for pieces in cases {
            let (data, pieces) = build(base, &pieces);
            let derived = derive(&filter, &data, &base_hits, &pieces).unwrap();
            assert_eq!(
                derived,
                search(&filter, &data, 0).unwrap(),
                "{}",
                String::from_utf8_lossy(&data)
            );
        }
        // Pieces that do not add up to the blob are refused.
        let (data, pieces) = build(base, &[(true, b"TOKEN")]);
        assert!(derive(&filter, &data[..4], &base_hits, &pieces).is_none());
    }

    #[test]
    fn a_thread_remembers_blobs_by_name_and_owner() {
        let filter = filter();
        let owner = owner_id();
        let base: &[u8] = b"token ghp_";
        let lineage = Lineage {
            name: b"base",
            base: None,
        };
        let first = hits(owner, &filter, base, &lineage).unwrap();
        assert_eq!(first.len(), 2);
        // A derived blob whose base is remembered: copy "ghp_", add " token".
        let (data, pieces) = build(base, &[(true, b"ghp_"), (false, b" token")]);
        let derived = Lineage {
            name: b"derived",
            base: Some((b"base", &pieces)),
        };
        let found = hits(owner, &filter, &data, &derived).unwrap();
        assert_eq!(*found, *search(&filter, &data, 0).unwrap());
        // Another owner (another rule set) does not see this owner's memo.
        let other = owner_id();
        MEMO.with(|m| assert!(m.borrow().hits.contains_key(&name(b"base").unwrap())));
        hits(other, &filter, b"x", &lineage).unwrap();
        MEMO.with(|m| {
            let m = m.borrow();
            assert_eq!(m.owner, other);
            assert!(!m.hits.contains_key(&name(b"derived").unwrap()));
        });
    }

    #[test]
    fn memory_is_bounded_in_blobs_and_occurrences() {
        let filter = filter();
        let owner = owner_id();
        for n in 0..REMEMBERED * 2 {
            let lineage = Lineage {
                name: &n.to_le_bytes(),
                base: None,
            };
            hits(owner, &filter, b"x x x", &lineage).unwrap();
        }
        MEMO.with(|m| {
            let m = m.borrow();
            assert_eq!(m.hits.len(), REMEMBERED);
            assert_eq!(m.total, REMEMBERED * 3);
        });
        // A blob with more occurrences than the bound is not indexed (nor remembered): the
        // scanner searches it the usual way.
        let many = vec![b'x'; MAX_HITS + 1];
        let lineage = Lineage {
            name: b"many",
            base: None,
        };
        assert!(hits(owner, &filter, &many, &lineage).is_none());
        assert!(occurrences(&filter, &many).is_none());
        assert_eq!(
            occurrences(&filter, &many[..MAX_HITS]).unwrap().len(),
            MAX_HITS
        );
        MEMO.with(|m| assert!(!m.borrow().hits.contains_key(&name(b"many").unwrap())));
    }
}
