//! Which keywords occur in a blob, found in one pass at close to memory speed.
//!
//! An Aho-Corasick automaton over ~800 case-insensitive keywords has no SIMD prefilter to lean
//! on and steps its automaton at every byte (~170 MB/s per core, measured). Here the 4-byte
//! window at every position, case-folded, is hashed into a 64 Kibit table of 4-byte pieces of
//! keywords (for each keyword the piece least likely to be an everyday word), and its first
//! three bytes into a 32 Kibit table of the 3-byte keywords; only where a table says "maybe"
//! are the keywords of that slot compared. Both hashes come from one multiply, and windows are
//! read with one unaligned load each, so no position waits for the one before: with AVX2, 32
//! positions are hashed and looked up at once (the only `unsafe` code here, in [`simd`]);
//! without it, eight positions are tested with one branch. Keywords shorter than three bytes
//! go to a small automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Bits in the table of 4-byte pieces: 2^16 bits = 8 KiB, small enough to stay in L1.
const BITS4: u32 = 16;
/// Bits in the table of 3-byte keywords: 2^15 bits = 4 KiB (few keywords, few false hits).
const BITS3: u32 = 15;
const WORDS4: usize = 1 << (BITS4 - 6);
const WORDS3: usize = 1 << (BITS3 - 6);
/// The hash multiplier. Its low byte is 1, so the product of the 4-byte window minus its top
/// byte (shifted) is the product of the 3-byte window: one multiply gives both hashes.
const K: u32 = 0x9E37_7901;

/// Case folding for hashing only: setting bit 5 of every byte maps `A-Z` to `a-z` (and
/// merges a few other pairs, such as `_` and DEL, which only costs a rare extra comparison).
/// The comparison that confirms a keyword is exact.
const FOLD: u32 = 0x2020_2020;
const LOW3: u32 = 0x00FF_FFFF;

/// The slots of a folded window in the 4-byte and the 3-byte table.
#[inline(always)]
fn slots(window: u32) -> (usize, usize) {
    let product = window.wrapping_mul(K);
    let product3 = product.wrapping_sub(window & !LOW3);
    (
        (product >> (32 - BITS4)) as usize,
        (product3 >> (32 - BITS3)) as usize,
    )
}

/// Where in a keyword of four bytes or more to take the 4 bytes the table is keyed on: the
/// least common-looking ones, so that a keyword's start that is an everyday word ("assert"
/// for `assemblyai`, "const" for `consul`) does not send every occurrence of that word to the
/// comparison. Rough ranks of how common a byte is in source code and prose.
fn anchor_offset(keyword: &[u8]) -> usize {
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
        .min_by_key(|&at| keyword[at..at + 4].iter().map(|&b| rank(b)).sum::<u32>())
        .unwrap_or(0)
}

/// The little-endian window of up to four bytes at the start of `bytes`, folded.
fn window(bytes: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    let n = bytes.len().min(4);
    word[..n].copy_from_slice(&bytes[..n]);
    u32::from_le_bytes(word) | FOLD
}

/// One bit per slot: "a keyword may start here". Shared and never written while searching (a
/// keyword already seen in a haystack is skipped by a flag when its slot is hit again).
#[derive(Clone, Copy)]
struct Tables {
    four: [u64; WORDS4],
    three: [u64; WORDS3],
}

impl Tables {
    #[inline(always)]
    fn four(&self, slot: usize) -> bool {
        self.four[(slot >> 6) & (WORDS4 - 1)] >> (slot & 63) & 1 != 0
    }

    #[inline(always)]
    fn three(&self, slot: usize) -> bool {
        self.three[(slot >> 6) & (WORDS3 - 1)] >> (slot & 63) & 1 != 0
    }

    fn set(&mut self, bucket: usize) {
        let (word, slot) = if bucket < 1 << BITS4 {
            (&mut self.four[(bucket >> 6) & (WORDS4 - 1)], bucket)
        } else {
            let slot = bucket - (1 << BITS4);
            (&mut self.three[(slot >> 6) & (WORDS3 - 1)], slot)
        };
        *word |= 1 << (slot & 63);
    }
}

/// Finds the set of keywords (ASCII case-insensitive) present in a haystack.
pub struct KeywordFilter {
    tables: Box<Tables>,
    /// (folded anchor: 4 bytes of the keyword, or all 3 of a 3-byte keyword; the anchor's
    /// offset in the keyword; keyword index), grouped by bucket: the slots of the 4-byte table,
    /// then those of the 3-byte table.
    by_slot: Vec<(u32, usize, usize)>,
    /// `by_slot[bucket_start[b]..bucket_start[b + 1]]` are the keywords of bucket `b`.
    bucket_start: Vec<u32>,
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
        let mut tables = Box::new(Tables {
            four: [0; WORDS4],
            three: [0; WORDS3],
        });
        let mut by_bucket = Vec::new();
        let mut short = Vec::new();
        let mut short_index = Vec::new();
        let keywords: Vec<Vec<u8>> = keywords.iter().map(|k| k.as_bytes().to_vec()).collect();
        for (index, keyword) in keywords.iter().enumerate() {
            let (bucket, anchor, offset) = match keyword.len() {
                0..=2 => {
                    short.push(keyword.clone());
                    short_index.push(index);
                    continue;
                }
                3 => {
                    let w = window(keyword);
                    ((1 << BITS4) + slots(w).1, w & LOW3, 0)
                }
                _ => {
                    let offset = anchor_offset(keyword);
                    let w = window(&keyword[offset..]);
                    (slots(w).0, w, offset)
                }
            };
            tables.set(bucket);
            by_bucket.push((bucket, anchor, offset, index));
        }
        by_bucket.sort_unstable();
        let mut bucket_start = vec![0u32; (1 << BITS4) + (1 << BITS3) + 1];
        for &(bucket, _, _, _) in &by_bucket {
            bucket_start[bucket + 1] += 1;
        }
        for b in 1..bucket_start.len() {
            bucket_start[b] += bucket_start[b - 1];
        }
        let by_slot = by_bucket
            .into_iter()
            .map(|(_, anchor, offset, index)| (anchor, offset, index))
            .collect();
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
            tables,
            by_slot,
            bucket_start,
            keywords,
            short,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
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
        if self.by_slot.is_empty() || haystack.len() < 3 {
            return;
        }
        let tables: &Tables = &self.tables;
        let mut seen = vec![false; self.keywords.len()];
        // Compare the keywords of the slots `window` (at `start`) hits; false: stop.
        let mut verify = |start: usize, window: u32, four: bool| -> bool {
            let (slot4, slot3) = slots(window);
            let mut buckets = [None, None];
            if four && tables.four(slot4) {
                buckets[0] = Some(slot4);
            }
            if tables.three(slot3) {
                buckets[1] = Some((1 << BITS4) + slot3);
            }
            for bucket in buckets.into_iter().flatten() {
                let Some(entries) = self
                    .bucket_start
                    .get(bucket..bucket + 2)
                    .and_then(|b| self.by_slot.get(b[0] as usize..b[1] as usize))
                else {
                    continue;
                };
                for &(anchor, offset, index) in entries {
                    if seen[index] {
                        continue;
                    }
                    let keyword = &self.keywords[index];
                    let w = if keyword.len() == 3 {
                        window & LOW3
                    } else {
                        window
                    };
                    let matched = anchor == w
                        && start.checked_sub(offset).is_some_and(|from| {
                            haystack
                                .get(from..from + keyword.len())
                                .is_some_and(|text| text.eq_ignore_ascii_case(keyword))
                        });
                    if matched {
                        seen[index] = true;
                        if !found(index) {
                            return false;
                        }
                    }
                }
            }
            true
        };
        let mut start = 0;
        // 32 positions per step with AVX2 where the CPU has it (see `simd`).
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            while start + simd::SPAN <= haystack.len() {
                // SAFETY: `avx2` is only ever set from `is_x86_feature_detected!("avx2")`.
                let mut any = unsafe { simd::hits(haystack, start, tables) };
                while any != 0 {
                    let at = start + any.trailing_zeros() as usize;
                    any &= any - 1;
                    if !verify(at, window(&haystack[at..]), true) {
                        return;
                    }
                }
                start += simd::STEP;
            }
        }
        // Eight positions per step: one branch unless a table says "maybe" for one of them.
        const STEP: usize = 8;
        while start + STEP + 3 <= haystack.len() {
            let block = &haystack[start..start + STEP + 3];
            let mut any = 0u32;
            for (k, bytes) in block.windows(4).enumerate() {
                let w = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) | FOLD;
                let (slot4, slot3) = slots(w);
                any |= u32::from(tables.four(slot4) | tables.three(slot3)) << k;
            }
            while any != 0 {
                let at = start + any.trailing_zeros() as usize;
                any &= any - 1;
                if !verify(at, window(&haystack[at..]), true) {
                    return;
                }
            }
            start += STEP;
        }
        // The last few positions, where fewer than four bytes may remain.
        for at in start..haystack.len() - 2 {
            let rest = &haystack[at..];
            if !verify(at, window(rest), rest.len() >= 4) {
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

    use super::{BITS3, BITS4, FOLD, K, LOW3, Tables};

    /// Positions tested per call.
    pub(super) const STEP: usize = 32;
    /// Bytes a call reads from `start`.
    pub(super) const SPAN: usize = STEP + 3;

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

    /// Bit `k` set: the window at `start + k` hits `tables`; `start + SPAN <= haystack.len()`
    /// is checked here.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 (`is_x86_feature_detected!("avx2")`).
    pub(super) unsafe fn hits(haystack: &[u8], start: usize, tables: &Tables) -> u32 {
        let Some(block) = haystack.get(start..start + SPAN) else {
            return 0;
        };
        // SAFETY: the caller guarantees AVX2 (this function's contract); `block` holds SPAN bytes, and
        // each load reads 32 bytes from offset 0..=3 of it; the gather indexes are slots
        // shifted right by 5, below the tables' lengths in `u32` words (`2^(BITS - 5)`).
        unsafe { hits_avx2(block, tables) }
    }

    #[target_feature(enable = "avx2")]
    unsafe fn hits_avx2(block: &[u8], tables: &Tables) -> u32 {
        let fold = _mm256_set1_epi32(FOLD as i32);
        let k = _mm256_set1_epi32(K as i32);
        let top = _mm256_set1_epi32(!LOW3 as i32);
        let low5 = _mm256_set1_epi32(31);
        let four = tables.four.as_ptr().cast::<i32>();
        let three = tables.three.as_ptr().cast::<i32>();
        let mut mask = 0u32;
        for j in 0..4 {
            // SAFETY: see `hits`.
            let w = unsafe { _mm256_loadu_si256(block.as_ptr().add(j).cast::<__m256i>()) };
            let w = _mm256_or_si256(w, fold);
            let product = _mm256_mullo_epi32(w, k);
            let product3 = _mm256_sub_epi32(product, _mm256_and_si256(w, top));
            let slot4 = _mm256_srli_epi32::<{ 32 - BITS4 as i32 }>(product);
            let slot3 = _mm256_srli_epi32::<{ 32 - BITS3 as i32 }>(product3);
            // SAFETY: see `hits`.
            let (word4, word3) = unsafe {
                (
                    _mm256_i32gather_epi32::<4>(four, _mm256_srli_epi32::<5>(slot4)),
                    _mm256_i32gather_epi32::<4>(three, _mm256_srli_epi32::<5>(slot3)),
                )
            };
            let bit4 = _mm256_srlv_epi32(word4, _mm256_and_si256(slot4, low5));
            let bit3 = _mm256_srlv_epi32(word3, _mm256_and_si256(slot3, low5));
            let hit = _mm256_slli_epi32::<31>(_mm256_or_si256(bit4, bit3));
            let lanes = _mm256_movemask_ps(_mm256_castsi256_ps(hit)) as usize;
            mask |= SPREAD[lanes & 0xff] << j;
        }
        mask
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
            #[cfg(target_arch = "x86_64")]
            assert_eq!(vector, scalar);
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
