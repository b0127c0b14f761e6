//! Which keywords occur in a blob, found in one pass at close to memory speed.
//!
//! An Aho-Corasick automaton over ~800 case-insensitive keywords has no SIMD prefilter to lean
//! on and steps its automaton at every byte (~170 MB/s per core, measured). Here the 4-byte
//! window at every position, case-folded, is looked up in one table of 32-bit words: the
//! window's first three bytes pick the word (by hash), its fourth byte picks a bit in it. A
//! keyword of four bytes or more sets the bit of one 4-byte piece of it (the piece least
//! likely to be an everyday word); a 3-byte keyword takes a word of its own, which holds its
//! three bytes (or, shared, lets every window through). Only where the table says "maybe"
//! are the keywords of that word compared. Windows are read with one unaligned load
//! each, so no position waits for the one before: with AVX2, 32 positions are hashed and
//! looked up (one gather per eight) at once, in [`simd`], the only `unsafe` code here; without
//! it, eight positions are tested with one branch. Keywords shorter than three bytes go to a
//! small automaton.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The table has 2^BITS words of 32 bits: 32 KiB, the size of a core's L1 data cache.
const BITS: u32 = 13;
const WORDS: usize = 1 << BITS;
/// The hash multiplier. Its low byte is 1, so the product of the 4-byte window is the
/// product of its first three bytes plus its fourth byte shifted to the top: one multiply
/// gives the word (from the first three bytes) and the bit (from all four).
const K: u32 = 0x9E37_7901;

/// Case folding for hashing only: setting bit 5 of every byte maps `A-Z` to `a-z` (and
/// merges a few other pairs, such as `_` and DEL, which only costs a rare extra comparison).
/// The comparison that confirms a keyword is exact.
const FOLD: u32 = 0x2020_2020;
const LOW3: u32 = 0x00FF_FFFF;

/// A word holding one 3-byte keyword instead of bits: the flag, then the keyword's folded
/// bytes. (Bits only go up to 30, so no word of bits has this one.)
const THREE: u32 = 1 << 31;

/// The word of a folded window in the table, and the bit of the word (0..=30).
#[inline(always)]
fn slot(window: u32) -> (usize, u32) {
    let product = window.wrapping_mul(K);
    let product3 = product.wrapping_sub(window & !LOW3);
    (
        (product3 >> (32 - BITS)) as usize,
        ((product >> 24) & 31).min(30),
    )
}

/// Whether a window (folded) with `bit` may start a keyword, by its table `word`.
#[inline(always)]
fn hits(word: u32, window: u32, bit: u32) -> bool {
    if word & THREE == 0 {
        word >> bit & 1 != 0
    } else {
        word == u32::MAX || word & LOW3 == window & LOW3
    }
}

/// Words that fill source code, configuration and prose: a keyword's 4 bytes that occur in
/// one of them ("trin" of `trino` in "string", "thub" of `githuboauth` in every GitHub URL)
/// make a poor anchor, since each occurrence of the word is sent to the comparison.
const EVERYDAY: &[&str] = &[
    "string",
    "return",
    "function",
    "command",
    "comment",
    "commit",
    "common",
    "github",
    "gitlab",
    "http",
    "https",
    ".com",
    ".org",
    "www.",
    "value",
    "values",
    "hash",
    "salt",
    "crypt",
    "encrypt",
    "config",
    "default",
    "public",
    "private",
    "static",
    "import",
    "export",
    "module",
    "include",
    "print",
    "println",
    "struct",
    "length",
    "number",
    "index",
    "result",
    "error",
    "option",
    "request",
    "response",
    "client",
    "server",
    "account",
    "access",
    "self",
    "this",
    "that",
    "with",
    "from",
    "true",
    "false",
    "null",
    "none",
    "test",
    "type",
    "name",
    "data",
    "file",
    "path",
    "user",
    "time",
    "list",
    "assert",
    "const",
    "class",
    "impl",
    "where",
    "match",
    "should",
    "would",
    "which",
    "there",
    "their",
    "about",
    "other",
    "document",
    "version",
    "license",
    "copyright",
    "google",
    "amazon",
    "microsoft",
    "create",
    "update",
    "delete",
    "object",
    "method",
    "message",
    "service",
    "system",
    "local",
    "support",
    "example",
    "description",
    "content",
    "context",
    "contain",
    "format",
    "window",
    "cargo",
    "publish",
    "session",
    "connect",
    "search",
];

/// Every 4-byte piece of the [`EVERYDAY`] words, lower case (looked up for each possible
/// anchor of each keyword: scanning the word list instead cost a tenth of the start-up).
fn everyday_pieces() -> HashSet<[u8; 4]> {
    EVERYDAY
        .iter()
        .flat_map(|word| word.as_bytes().windows(4))
        .filter_map(|w| {
            w.first_chunk::<4>()
                .map(|p| p.map(|b| b.to_ascii_lowercase()))
        })
        .collect()
}

/// Where in a keyword of four bytes or more to take the 4 bytes the table is keyed on: not
/// a piece of an [`EVERYDAY`] word if it can be helped, then the least common-looking ones,
/// so that a keyword's start that is an everyday word ("assert" for `assemblyai`, "const"
/// for `consul`) does not send every occurrence of that word to the comparison. Rough ranks
/// of how common a byte is in source code and prose.
fn anchor_offset(keyword: &[u8], everyday_pieces: &HashSet<[u8; 4]>) -> usize {
    let everyday = |piece: &[u8]| {
        piece
            .first_chunk::<4>()
            .is_some_and(|p| everyday_pieces.contains(&p.map(|b| b.to_ascii_lowercase())))
    };
    let rank = |byte: u8| -> u32 {
        match byte.to_ascii_lowercase() {
            b' ' => 5,
            b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'r' => 4,
            b'l' | b'c' | b'd' | b'u' | b'h' | b'm' | b'p' | b'f' | b'g' => 3,
            b'_' | b'.' | b',' | b'(' | b')' | b';' | b'=' | b'"' | b'\n' => 3,
            b'b' | b'w' | b'y' | b'v' | b'k' | b'-' | b'/' | b':' | b'\'' | b'0'..=b'9' => 2,
            b'a'..=b'z' => 1,
            _ => 0,
        }
    };
    (0..=keyword.len().saturating_sub(4))
        .min_by_key(|&at| {
            let piece = &keyword[at..at + 4];
            (everyday(piece), piece.iter().map(|&b| rank(b)).sum::<u32>())
        })
        .unwrap_or(0)
}

/// The little-endian window of up to four bytes at the start of `bytes`, folded.
#[inline(always)]
fn window(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(word) => u32::from_le_bytes(*word) | FOLD,
        None => {
            let mut word = [0u8; 4];
            let n = bytes.len().min(4);
            word[..n].copy_from_slice(&bytes[..n]);
            u32::from_le_bytes(word) | FOLD
        }
    }
}

/// A keyword as the comparison sees it.
#[derive(Clone, Copy)]
struct Entry {
    /// The folded anchor: 4 bytes of the keyword, or all 3 of a 3-byte keyword.
    anchor: u32,
    /// Which bytes of a window the anchor covers (`LOW3` for a 3-byte keyword).
    mask: u32,
    /// Where the anchor starts in the keyword.
    offset: u32,
    /// The keyword's index.
    index: u32,
}

/// Finds the set of keywords (ASCII case-insensitive) present in a haystack.
pub struct KeywordFilter {
    /// Bit `b` of word `w`: a keyword's anchor hashes there; or [`THREE`] and a 3-byte
    /// keyword, or all ones (see [`hits`]). Shared and never written while
    /// searching (a keyword already seen in a haystack is skipped by a flag when hit again).
    table: Box<[u32; WORDS]>,
    /// The keywords of each word: `entries[word_start[w]..word_start[w + 1]]`.
    entries: Vec<Entry>,
    word_start: Vec<u32>,
    keywords: Vec<Vec<u8>>,
    /// Keywords of one or two bytes, with their indexes.
    short: Option<(AhoCorasick, Vec<usize>)>,
    /// The CPU has AVX2 (checked once).
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

impl KeywordFilter {
    /// A filter for `keywords`; the index of each is what [`KeywordFilter::find`] reports.
    pub fn new(keywords: &[String]) -> Result<KeywordFilter, aho_corasick::BuildError> {
        let mut table = Box::new([0u32; WORDS]);
        let mut threes = vec![Vec::new(); WORDS];
        let mut by_word = Vec::new();
        let mut short = Vec::new();
        let mut short_index = Vec::new();
        let keywords: Vec<Vec<u8>> = keywords.iter().map(|k| k.as_bytes().to_vec()).collect();
        let everyday = everyday_pieces();
        for (index, keyword) in keywords.iter().enumerate() {
            let (anchor, mask, offset) = match keyword.len() {
                0..=2 => {
                    short.push(keyword.clone());
                    short_index.push(index);
                    continue;
                }
                3 => (window(keyword) & LOW3, LOW3, 0),
                _ => {
                    let offset = anchor_offset(keyword, &everyday);
                    (window(&keyword[offset..]), u32::MAX, offset)
                }
            };
            let (word, bit) = slot(anchor);
            if mask == LOW3 {
                threes[word].push(anchor);
            } else {
                table[word] |= 1 << bit;
            }
            by_word.push((
                word,
                Entry {
                    anchor,
                    mask,
                    offset: offset as u32,
                    index: index as u32,
                },
            ));
        }
        // A word with one 3-byte keyword and nothing else holds that keyword, so a window
        // that only shares its hash is turned away without a comparison (3-byte keywords hash
        // on three bytes, so a word of bits would let every fourth byte through); a word with
        // more lets every window through.
        for (word, three) in threes.iter().enumerate() {
            table[word] = match three.as_slice() {
                [] => table[word],
                [only] if table[word] == 0 => THREE | only,
                _ => u32::MAX,
            };
        }
        by_word.sort_unstable_by_key(|&(word, entry)| (word, entry.index));
        let mut word_start = vec![0u32; WORDS + 1];
        for &(word, _) in &by_word {
            word_start[word + 1] += 1;
        }
        for w in 1..word_start.len() {
            word_start[w] += word_start[w - 1];
        }
        let entries = by_word.into_iter().map(|(_, entry)| entry).collect();
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
            entries,
            word_start,
            keywords,
            short,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        })
    }

    /// Call `found(keyword index)` for keywords present in `haystack` (in no particular order,
    /// at least once each, possibly more often); stop early when `found` returns false.
    pub fn find(&self, haystack: &[u8], mut found: impl FnMut(usize) -> bool) {
        self.search(haystack, true, |keyword, _| found(keyword));
    }

    /// Call `found(keyword index, where it starts)` for every occurrence of every keyword in
    /// `haystack`, overlapping ones included (in no particular order); stop early when
    /// `found` returns false.
    pub fn find_all(&self, haystack: &[u8], found: impl FnMut(usize, usize) -> bool) {
        self.search(haystack, false, found);
    }

    /// Length of keyword `index`.
    pub fn keyword_len(&self, index: usize) -> usize {
        self.keywords.get(index).map_or(0, Vec::len)
    }

    /// Length of the longest keyword.
    pub fn longest(&self) -> usize {
        self.keywords.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// `find` (`once`: each keyword reported once, the rest of its occurrences skipped) and
    /// `find_all`.
    fn search(&self, haystack: &[u8], once: bool, mut found: impl FnMut(usize, usize) -> bool) {
        if let Some((automaton, indexes)) = &self.short {
            for m in automaton.find_overlapping_iter(haystack) {
                if !found(indexes[m.pattern().as_usize()], m.start()) {
                    return;
                }
            }
        }
        if self.entries.is_empty() || haystack.len() < 3 {
            return;
        }
        let table: &[u32; WORDS] = &self.table;
        let mut seen = if once {
            vec![false; self.keywords.len()]
        } else {
            Vec::new()
        };
        // Compare the keywords of the word the window at `start` hits; false: stop.
        let mut verify = |start: usize| -> bool {
            let window = window(&haystack[start..]);
            let (word, _) = slot(window);
            let Some(entries) = self
                .word_start
                .get(word..word + 2)
                .and_then(|w| self.entries.get(w[0] as usize..w[1] as usize))
            else {
                return true;
            };
            for entry in entries {
                let index = entry.index as usize;
                if window & entry.mask != entry.anchor || (once && seen[index]) {
                    continue;
                }
                let keyword = &self.keywords[index];
                let Some(from) = start.checked_sub(entry.offset as usize) else {
                    continue;
                };
                let matched = haystack
                    .get(from..from + keyword.len())
                    .is_some_and(|text| text.eq_ignore_ascii_case(keyword));
                if matched {
                    if once {
                        seen[index] = true;
                    }
                    if !found(index, from) {
                        return false;
                    }
                }
            }
            true
        };
        let mut start = 0;
        // 32 positions per step with AVX2 where the CPU has it (see `simd`).
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is only ever set from `is_x86_feature_detected!("avx2")`.
            match unsafe { simd::find(haystack, table, &mut verify) } {
                Some(next) => start = next,
                None => return,
            }
        }
        // Eight positions per step: one branch unless the table says "maybe" for one of them.
        const STEP: usize = 8;
        while start + STEP + 3 <= haystack.len() {
            let block = &haystack[start..start + STEP + 3];
            let mut any = 0u32;
            for (k, bytes) in block.windows(4).enumerate() {
                let window = window(bytes);
                let (word, bit) = slot(window);
                any |= u32::from(hits(table[word], window, bit)) << k;
            }
            while any != 0 {
                let at = start + any.trailing_zeros() as usize;
                any &= any - 1;
                if !verify(at) {
                    return;
                }
            }
            start += STEP;
        }
        // The last few positions, where fewer than four bytes may remain: compared directly.
        for at in start..haystack.len() - 2 {
            if !verify(at) {
                return;
            }
        }
    }
}

/// The table lookups of 32 positions at once with AVX2: four unaligned 32-byte loads give the
/// 4-byte windows of 32 consecutive positions (lane `i` of the load at `j` is the window at
/// `4i + j`), hashed with one vector multiply and looked up with gathers.
#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::*;

    use super::{BITS, FOLD, K, LOW3, WORDS};

    /// Positions tested per step.
    const STEP: usize = 32;
    /// Bytes a step reads from its start.
    const SPAN: usize = STEP + 3;

    /// Bit `i` of the `u32` is bit `4i` of the result: where lane `i` of a load goes.
    const SPREAD: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut m = 0;
        while m < 256 {
            let mut bit = 0;
            while bit < 8 {
                if m & (1 << bit) != 0 {
                    table[m] |= 1 << (4 * bit);
                }
                bit += 1;
            }
            m += 1;
        }
        table
    };

    /// Call `verify` at every position up to the last full step whose window hits `table`
    /// (positions in order); `Some(where the steps ended)`, or `None` if `verify` said stop.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 (`is_x86_feature_detected!("avx2")`).
    pub(super) unsafe fn find(
        haystack: &[u8],
        table: &[u32; WORDS],
        verify: &mut impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        // SAFETY: the caller guarantees AVX2 (this function's contract).
        unsafe { find_avx2(haystack, table, verify) }
    }

    #[target_feature(enable = "avx2")]
    fn find_avx2(
        haystack: &[u8],
        table: &[u32; WORDS],
        verify: &mut impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let fold = _mm256_set1_epi32(FOLD as i32);
        let k = _mm256_set1_epi32(K as i32);
        let top = _mm256_set1_epi32(!LOW3 as i32);
        let low5 = _mm256_set1_epi32(31);
        let thirty = _mm256_set1_epi32(30);
        let low3 = _mm256_set1_epi32(LOW3 as i32);
        let ones = _mm256_set1_epi32(-1);
        let words = table.as_ptr().cast::<i32>();
        let mut start = 0;
        while let Some(block) = haystack.get(start..start + SPAN) {
            let mut mask = 0u32;
            for j in 0..4 {
                // SAFETY: `block` holds SPAN = 35 bytes and the load reads 32 from offset
                // `j` <= 3 of it.
                let w = unsafe { _mm256_loadu_si256(block.as_ptr().add(j).cast::<__m256i>()) };
                let w = _mm256_or_si256(w, fold);
                let product = _mm256_mullo_epi32(w, k);
                let product3 = _mm256_sub_epi32(product, _mm256_and_si256(w, top));
                let word = _mm256_srli_epi32::<{ 32 - BITS as i32 }>(product3);
                // SAFETY: `word` is a 32-bit product shifted right by 32 - BITS, so below
                // 2^BITS = WORDS, the table's length in words.
                let bits = unsafe { _mm256_i32gather_epi32::<4>(words, word) };
                let bit = _mm256_and_si256(_mm256_srli_epi32::<24>(product), low5);
                let bit = _mm256_min_epu32(bit, thirty);
                let by_bit = _mm256_slli_epi32::<31>(_mm256_srlv_epi32(bits, bit));
                // Words with the THREE flag (the sign bit) hold a 3-byte keyword instead.
                let three = _mm256_or_si256(
                    _mm256_cmpeq_epi32(_mm256_and_si256(bits, low3), _mm256_and_si256(w, low3)),
                    _mm256_cmpeq_epi32(bits, ones),
                );
                let hit = _mm256_blendv_ps(
                    _mm256_castsi256_ps(by_bit),
                    _mm256_castsi256_ps(three),
                    _mm256_castsi256_ps(bits),
                );
                let lanes = _mm256_movemask_ps(hit) as usize;
                mask |= SPREAD[lanes & 0xff] << j;
            }
            while mask != 0 {
                let at = start + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if !verify(at) {
                    return None;
                }
            }
            start += STEP;
        }
        Some(start)
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

    /// Every (start, keyword) `find_all` reports, sorted.
    fn occurrences(filter: &KeywordFilter, haystack: &[u8]) -> Vec<(usize, usize)> {
        let mut all = Vec::new();
        filter.find_all(haystack, |keyword, start| {
            all.push((start, keyword));
            true
        });
        all.sort_unstable();
        all
    }

    fn naive_occurrences(keywords: &[String], haystack: &[u8]) -> Vec<(usize, usize)> {
        let lower = haystack.to_ascii_lowercase();
        let mut all = Vec::new();
        for (k, keyword) in keywords.iter().enumerate() {
            let keyword = keyword.to_ascii_lowercase();
            for (start, w) in lower.windows(keyword.len()).enumerate() {
                if w == keyword.as_bytes() {
                    all.push((start, k));
                }
            }
        }
        all.sort_unstable();
        all
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
    fn folding_collisions_and_every_position_up_to_the_end() {
        // Setting bit 5 folds `_` onto DEL, `\n` onto `*` and `@` onto a backquote: the hash
        // merges them, the comparison must not.
        let keywords: Vec<String> = ["a_b", "x@y", "*:*", "key_", "`pk", "ab\nc"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let filter = KeywordFilter::new(&keywords).unwrap();
        assert_eq!(
            present(&filter, b"a\x7fb x`y \n:\n key\x7f @pk ab*c"),
            Vec::<usize>::new()
        );
        assert_eq!(present(&filter, b"A_B"), vec![0]);
        assert_eq!(present(&filter, b"..x@Y"), vec![1]);
        assert_eq!(present(&filter, b"*:*"), vec![2]);
        assert_eq!(present(&filter, b"KEY_"), vec![3]);
        assert_eq!(present(&filter, b"`PK"), vec![4]);
        assert_eq!(present(&filter, b"ab\nC"), vec![5]);
        // A keyword at every offset of haystacks of every length around the block size.
        for len in 3..40 {
            for at in 0..=len - 3 {
                let mut text = vec![b'.'; len];
                text[at..at + 3].copy_from_slice(b"A_b");
                assert_eq!(present(&filter, &text), vec![0], "{len} {at}");
                if at + 4 <= len {
                    text[at..at + 4].copy_from_slice(b"kEy_");
                    assert_eq!(present(&filter, &text), vec![3], "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn three_byte_keywords_sharing_a_word_are_all_found() {
        // Two 3-byte keywords whose hashes pick the same word, and a 4-byte one in the word of
        // a third: those words must let every window through to the comparison.
        let letters = b"abcdefghijklmnopqrstuvwxyz";
        let trigrams: Vec<[u8; 3]> = letters
            .iter()
            .flat_map(|&a| {
                letters
                    .iter()
                    .flat_map(move |&b| letters.iter().map(move |&c| [a, b, c]))
            })
            .collect();
        let word = |t: &[u8]| slot(window(t) & LOW3).0;
        let (first, second) = trigrams
            .iter()
            .enumerate()
            .find_map(|(i, a)| {
                trigrams[i + 1..]
                    .iter()
                    .find(|b| word(*b) == word(a))
                    .map(|b| (*a, *b))
            })
            .unwrap();
        let third = trigrams.iter().find(|t| word(*t) != word(&first)).unwrap();
        let mut four = third.to_vec();
        four.push(b'q');
        let keywords: Vec<String> = [&first[..], &second[..], third, &four]
            .iter()
            .map(|k| String::from_utf8(k.to_vec()).unwrap())
            .collect();
        let mut filter = KeywordFilter::new(&keywords).unwrap();
        assert_eq!(filter.table[word(&first)], u32::MAX);
        for avx2 in [false, true] {
            #[cfg(target_arch = "x86_64")]
            {
                filter.avx2 = avx2 && std::arch::is_x86_feature_detected!("avx2");
            }
            for len in 3..70 {
                for at in 0..=len - 3 {
                    for (k, keyword) in keywords.iter().enumerate().take(3) {
                        let mut text = vec![b'.'; len];
                        text[at..at + 3].copy_from_slice(keyword.as_bytes());
                        assert_eq!(present(&filter, &text), vec![k], "{avx2} {len} {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn anchors_avoid_pieces_of_everyday_words() {
        // "trin" is in "string", the first six bytes of `githuboauth` are "github".
        let everyday = everyday_pieces();
        assert_eq!(anchor_offset(b"trino", &everyday), 1);
        assert!(anchor_offset(b"githuboauth", &everyday) >= 3);
        // A keyword that is itself an everyday word still gets an anchor.
        assert!(anchor_offset(b"encrypt", &everyday) <= 3);
    }

    /// The AVX2 path (where the CPU has it) and the portable one find the same keywords.
    #[test]
    fn vector_and_scalar_paths_agree() {
        let keywords: Vec<String> = ["ghp_", "token", "eyj", "pwd", "xoxb-", "-----begin", "$2$"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut filter = KeywordFilter::new(&keywords).unwrap();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for round in 0..500 {
            let mut text = Vec::new();
            for _ in 0..(round % 97) * 3 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if state.is_multiple_of(23) {
                    let k = &keywords[(state as usize / 23) % keywords.len()];
                    text.extend_from_slice(k.to_ascii_uppercase().as_bytes());
                } else {
                    text.push(b"ghptokenyjpwdxb-$2 \n"[(state % 20) as usize]);
                }
            }
            #[cfg(target_arch = "x86_64")]
            let vector = {
                filter.avx2 = std::arch::is_x86_feature_detected!("avx2");
                present(&filter, &text)
            };
            #[cfg(target_arch = "x86_64")]
            {
                filter.avx2 = false;
            }
            let scalar = present(&filter, &text);
            assert_eq!(scalar, naive(&keywords, &text));
            assert_eq!(
                occurrences(&filter, &text),
                naive_occurrences(&keywords, &text)
            );
            #[cfg(target_arch = "x86_64")]
            {
                assert_eq!(vector, scalar);
                filter.avx2 = std::arch::is_x86_feature_detected!("avx2");
                assert_eq!(
                    occurrences(&filter, &text),
                    naive_occurrences(&keywords, &text)
                );
            }
        }
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
            "x",
            "ab",
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
            assert_eq!(
                occurrences(&filter, &text),
                naive_occurrences(&keywords, &text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }
}
