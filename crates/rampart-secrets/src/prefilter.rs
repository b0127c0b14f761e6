//! Which keywords occur in a blob, found in one pass at close to memory speed.
//!
//! An Aho-Corasick automaton over ~300 case-insensitive keywords has no SIMD prefilter to lean
//! on and steps its automaton at every byte (~170 MB/s per core, measured). Here a rolling
//! window of the last three case-folded bytes is hashed into a 64 Kibit table of keyword
//! prefixes; only where the table says "maybe" are the keywords with that prefix compared.
//! Keywords shorter than three bytes cannot be hashed that way and go to a small automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Bits in the prefix table: 2^16 bits = 8 KiB, small enough to stay in L1.
const TABLE_BITS: u32 = 16;

/// Finds the set of keywords (ASCII case-insensitive) present in a haystack.
pub struct KeywordFilter {
    table: Vec<u64>,
    /// (folded 3-byte prefix, keyword index), grouped by table slot.
    by_prefix: Vec<(u32, usize)>,
    /// `by_prefix[bucket_start[s]..bucket_start[s + 1]]` are the keywords hashed to slot `s`.
    bucket_start: Vec<u32>,
    keywords: Vec<Vec<u8>>,
    /// Keywords of one or two bytes, with their indexes.
    short: Option<(AhoCorasick, Vec<usize>)>,
}

fn fold(byte: u8) -> u32 {
    u32::from(byte.to_ascii_lowercase())
}

fn slot(window: u32) -> usize {
    (window.wrapping_mul(0x9E37_79B1) >> (32 - TABLE_BITS)) as usize
}

impl KeywordFilter {
    /// A filter for `keywords`; the index of each is what [`KeywordFilter::find`] reports.
    pub fn new(keywords: &[String]) -> Result<KeywordFilter, aho_corasick::BuildError> {
        let mut table = vec![0u64; 1 << (TABLE_BITS - 6)];
        let mut by_prefix = Vec::new();
        let mut short = Vec::new();
        let mut short_index = Vec::new();
        let keywords: Vec<Vec<u8>> = keywords.iter().map(|k| k.as_bytes().to_vec()).collect();
        for (index, keyword) in keywords.iter().enumerate() {
            match keyword.as_slice() {
                [a, b, c, ..] => {
                    let window = fold(*a) << 16 | fold(*b) << 8 | fold(*c);
                    let s = slot(window);
                    table[s >> 6] |= 1 << (s & 63);
                    by_prefix.push((window, index));
                }
                _ => {
                    short.push(keyword.clone());
                    short_index.push(index);
                }
            }
        }
        by_prefix.sort_unstable_by_key(|&(window, index)| (slot(window), window, index));
        let mut bucket_start = vec![0u32; (1 << TABLE_BITS) + 1];
        for &(window, _) in &by_prefix {
            bucket_start[slot(window) + 1] += 1;
        }
        for s in 1..bucket_start.len() {
            bucket_start[s] += bucket_start[s - 1];
        }
        let short = if short.is_empty() {
            None
        } else {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&short)?;
            Some((automaton, short_index))
        };
        Ok(KeywordFilter {
            table,
            by_prefix,
            bucket_start,
            keywords,
            short,
        })
    }

    /// Call `found(keyword index)` for keywords present in `haystack` (in no particular order,
    /// at least once each, possibly more often); stop early when `found` returns false.
    pub fn find(&self, haystack: &[u8], mut found: impl FnMut(usize) -> bool) {
        if let Some((automaton, indexes)) = &self.short {
            for m in automaton.find_overlapping_iter(haystack) {
                if !found(indexes[m.pattern().as_usize()]) {
                    return;
                }
            }
        }
        if self.by_prefix.is_empty() || haystack.len() < 3 {
            return;
        }
        // Slots whose keywords have all been seen in this haystack are switched off, so a
        // common keyword ("token") costs one verification, not one per occurrence.
        let mut live = self.table.clone();
        let mut seen = vec![false; self.keywords.len()];
        let mut window = fold(haystack[0]) << 8 | fold(haystack[1]);
        for (end, &byte) in haystack.iter().enumerate().skip(2) {
            window = (window << 8 | fold(byte)) & 0x00FF_FFFF;
            let s = slot(window);
            if live[s >> 6] & (1 << (s & 63)) == 0 {
                continue;
            }
            let start = end - 2;
            let bucket =
                &self.by_prefix[self.bucket_start[s] as usize..self.bucket_start[s + 1] as usize];
            let mut all_seen = true;
            for &(prefix, index) in bucket {
                if seen[index] {
                    continue;
                }
                let keyword = &self.keywords[index];
                let matched = prefix == window
                    && haystack
                        .get(start..start + keyword.len())
                        .is_some_and(|text| text.eq_ignore_ascii_case(keyword));
                if matched {
                    seen[index] = true;
                    if !found(index) {
                        return;
                    }
                } else {
                    all_seen = false;
                }
            }
            if all_seen {
                live[s >> 6] &= !(1 << (s & 63));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present(filter: &KeywordFilter, haystack: &[u8]) -> Vec<usize> {
        let mut hits = vec![false; filter.keywords.len()];
        filter.find(haystack, |i| {
            hits[i] = true;
            true
        });
        hits.iter()
            .enumerate()
            .filter_map(|(i, h)| h.then_some(i))
            .collect()
    }

    fn naive(keywords: &[String], haystack: &[u8]) -> Vec<usize> {
        let lower = haystack.to_ascii_lowercase();
        keywords
            .iter()
            .enumerate()
            .filter(|(_, k)| {
                let k = k.to_ascii_lowercase();
                lower.windows(k.len()).any(|w| w == k.as_bytes())
            })
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn finds_overlapping_case_insensitive_keywords_at_the_edges() {
        let keywords: Vec<String> = ["akia", "kia", "password", "pass", "ab", "x", "_pat"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let filter = KeywordFilter::new(&keywords).unwrap();
        assert_eq!(present(&filter, b"AKIA"), vec![0, 1]);
        assert_eq!(present(&filter, b"my PassWord"), vec![2, 3]);
        assert_eq!(present(&filter, b"gh_PAT"), vec![6]);
        assert_eq!(present(&filter, b"ab"), vec![4]);
        assert_eq!(present(&filter, b"pas"), Vec::<usize>::new());
        assert_eq!(present(&filter, b""), Vec::<usize>::new());
    }

    #[test]
    fn agrees_with_a_naive_search_on_pseudo_random_text() {
        let keywords: Vec<String> = [
            "ghp_",
            "xoxb-",
            "akia",
            "asia",
            "secret",
            "token",
            "_key",
            "pwd",
            "sk_live",
            "sk-ant",
            "-----begin",
            "eyj",
            "aiza",
            "npm_",
            "glpat-",
            "api_key",
            "hf_",
            "dop_v1_",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let filter = KeywordFilter::new(&keywords).unwrap();
        let alphabet = b"abcdeghijklmnoprstuvwxyzAKIGHPXOB_-01 \n";
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..300 {
            let mut text = Vec::new();
            let len = (state % 600) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if state.is_multiple_of(29) {
                    let k = &keywords[(state as usize / 29) % keywords.len()];
                    text.extend_from_slice(k.to_ascii_uppercase().as_bytes());
                } else {
                    text.push(alphabet[(state % alphabet.len() as u64) as usize]);
                }
            }
            assert_eq!(
                present(&filter, &text),
                naive(&keywords, &text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }
}
