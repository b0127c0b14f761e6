//! Regex searches only where a rule's keyword occurs. Some regexes give the regex engine no
//! literal to skip ahead with (`generic-token-assignment` starts with a case-insensitive
//! alternation of forty words): it runs its automaton over every byte of every blob that has
//! the keyword somewhere. When every match of a rule's regex provably contains one of the
//! rule's keywords, starting at most `reach` bytes after the match starts, the matches are
//! found by anchored searches just before each of the blob's keyword occurrences (which the
//! prefilter reports) instead: the same matches, in the same order, as a search of the whole
//! blob.

use std::ops::Range;

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::rule::SecretGroup;

/// Name of the empty group that marks where the rule's own regex starts in the wrapped one.
const START: &str = "rampart_match_start";

/// The longest lead (bytes before the keyword in a match) searched this way; a longer one
/// means long anchored searches and is left to the whole-blob search.
const MAX_REACH: usize = 64;

/// A rule's regex wrapped for anchored searches that may start up to `reach` bytes before
/// the rule's match.
pub(crate) struct Windowed {
    regex: meta::Regex,
    reach: usize,
}

/// One match: the whole match and the secret's bytes in it.
pub(crate) struct Match {
    pub(crate) whole: Range<usize>,
    pub(crate) secret: Option<Range<usize>>,
}

impl Windowed {
    /// The windowed form of `pattern`, if every match of it contains one of `keywords`
    /// (ASCII case-insensitive) within [`MAX_REACH`] bytes of its start; `None` otherwise.
    pub(crate) fn new(pattern: &str, keywords: &[String], size_limit: usize) -> Option<Windowed> {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(pattern)
            .ok()?;
        let keywords: Vec<Vec<u8>> = keywords
            .iter()
            .map(|k| k.to_ascii_lowercase().into_bytes())
            .filter(|k| !k.is_empty())
            .collect();
        if keywords.is_empty() {
            return None;
        }
        let reach = match lead(&hir, &keywords) {
            Lead::Keyword(reach) => reach,
            Lead::None => prefix_lead(&hir, &keywords)?,
        };
        if reach > MAX_REACH {
            return None;
        }
        // Lazily skip up to `reach` bytes, then the rule's regex: an anchored search finds the
        // leftmost match starting within `reach` bytes of where it starts, as the unanchored
        // search of the rule's regex would.
        let wrapped = format!("(?s-u:.){{0,{reach}}}?(?P<{START}>)(?:{pattern})");
        let regex = meta::Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(
                meta::Config::new()
                    .utf8_empty(false)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build(&wrapped)
            .ok()?;
        Some(Windowed { regex, reach })
    }

    /// The matches of the rule's regex in `data`, as an iteration over all of `data` finds
    /// them, given every start of the rule's keywords in `data` (`occurrences`, ascending).
    pub(crate) fn matches(
        &self,
        data: &[u8],
        occurrences: impl Iterator<Item = usize>,
        group: SecretGroup,
        found: &mut Vec<Match>,
    ) {
        let mut caps = self.regex.create_captures();
        // No match starts before `next` (the end of the last one); starts before `tried`
        // were tried already (a search that found nothing tried `reach + 1` starts; one that
        // found a match, only those up to its start).
        let mut next = 0usize;
        let mut tried = 0usize;
        let mut occurrences = occurrences.peekable();
        while let Some(&at) = occurrences.peek() {
            // A match holding this occurrence starts in at-reach..=at.
            let from = at.saturating_sub(self.reach).max(next).max(tried);
            if from > at {
                occurrences.next();
                continue;
            }
            let input = Input::new(data).range(from..).anchored(Anchored::Yes);
            self.regex.search_captures(&input, &mut caps);
            let (Some(start), Some(whole)) = (caps.get_group_by_name(START), caps.get_group(0))
            else {
                tried = from + self.reach + 1;
                occurrences.next();
                continue;
            };
            let whole = start.start..whole.end;
            // The wrapped regex has the start marker as group 1: the rule's group n is n + 1.
            let secret = group.pick(caps.group_len() - 1, |n| match n {
                0 => Some(whole.clone()),
                n => caps.get_group(n + 1).map(|s| s.range()),
            });
            // Matches are never empty (they hold a keyword), so the next starts at the end;
            // the same occurrence is searched from there again if the match ended before it.
            next = whole.end;
            tried = next;
            found.push(Match { whole, secret });
        }
    }
}

/// What a regex guarantees about keywords in its matches.
enum Lead {
    /// Every match holds a keyword starting at most this many bytes after the match starts.
    Keyword(usize),
    /// No such guarantee.
    None,
}

/// The bytes one position of a match can be, for HIR that matches exactly one byte.
fn byte_set(hir: &Hir) -> Option<[bool; 256]> {
    match hir.kind() {
        HirKind::Class(Class::Bytes(class)) => {
            let mut set = [false; 256];
            for range in class.ranges() {
                for b in range.start()..=range.end() {
                    set[usize::from(b)] = true;
                }
            }
            Some(set)
        }
        _ => None,
    }
}

/// Whether every byte a position can be is `keyword_byte` in either case.
fn only(set: &[bool; 256], keyword_byte: u8) -> bool {
    set.iter()
        .enumerate()
        .all(|(b, &member)| !member || (b as u8).eq_ignore_ascii_case(&keyword_byte))
}

fn lead(hir: &Hir, keywords: &[Vec<u8>]) -> Lead {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) | HirKind::Concat(_) => {
            let children = match hir.kind() {
                HirKind::Concat(children) => children.as_slice(),
                _ => std::slice::from_ref(hir),
            };
            concat_lead(children, keywords)
        }
        HirKind::Alternation(branches) => {
            let mut reach = 0;
            for branch in branches {
                match lead(branch, keywords) {
                    Lead::Keyword(r) => reach = reach.max(r),
                    Lead::None => return Lead::None,
                }
            }
            Lead::Keyword(reach)
        }
        HirKind::Capture(capture) => lead(&capture.sub, keywords),
        HirKind::Repetition(repetition) if repetition.min >= 1 => lead(&repetition.sub, keywords),
        _ => Lead::None,
    }
}

/// Where a keyword starts in every match, from the literals every match starts with (this
/// sees keywords spelled across an alternation, as in `(?:https?|wss?)://`).
fn prefix_lead(hir: &Hir, keywords: &[Vec<u8>]) -> Option<usize> {
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix);
    let prefixes = extractor.extract(hir);
    let literals = prefixes.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut reach = 0;
    for literal in literals {
        let bytes = literal.as_bytes();
        let at = keywords
            .iter()
            .filter_map(|k| {
                bytes
                    .windows(k.len())
                    .position(|w| w.eq_ignore_ascii_case(k))
            })
            .min()?;
        reach = reach.max(at);
    }
    Some(reach)
}

/// A concatenation: the first keyword spelled out by a run of single-byte positions, or
/// guaranteed by a child, after children of bounded length.
fn concat_lead(children: &[Hir], keywords: &[Vec<u8>]) -> Lead {
    // Bytes before the current child, at most; positions of the current run of single bytes.
    let mut before = 0usize;
    let mut run: Vec<[bool; 256]> = Vec::new();
    let mut run_start = 0usize;
    for child in children {
        let sets: Option<Vec<[bool; 256]>> = match child.kind() {
            HirKind::Literal(literal) => Some(
                literal
                    .0
                    .iter()
                    .map(|&b| {
                        let mut set = [false; 256];
                        set[usize::from(b)] = true;
                        set
                    })
                    .collect(),
            ),
            HirKind::Class(_) => byte_set(child).map(|s| vec![s]),
            _ => None,
        };
        match sets {
            Some(sets) => {
                if run.is_empty() {
                    run_start = before;
                }
                for set in sets {
                    run.push(set);
                    before += 1;
                    for keyword in keywords {
                        if let Some(first) = run.len().checked_sub(keyword.len())
                            && run[first..]
                                .iter()
                                .zip(keyword)
                                .all(|(set, &b)| only(set, b))
                        {
                            return Lead::Keyword(run_start + first);
                        }
                    }
                }
            }
            None => {
                run.clear();
                // A class that is not a byte class (`(?u)` turned Unicode back on) spells no
                // keyword here; anything else may hold one.
                if !matches!(child.kind(), HirKind::Class(_))
                    && let Lead::Keyword(reach) = lead(child, keywords)
                {
                    return Lead::Keyword(before + reach);
                }
                match child.properties().maximum_len() {
                    Some(len) => before += len,
                    None => return Lead::None,
                }
            }
        }
    }
    Lead::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(pattern: &str, keywords: &[&str]) -> Option<usize> {
        let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
        Windowed::new(pattern, &keywords, 1 << 20).map(|w| w.reach)
    }

    #[test]
    fn the_lead_before_a_keyword_is_bounded_or_the_rule_is_not_windowed() {
        assert_eq!(reach(r"(?i)\btoken\s*=", &["token"]), Some(0));
        assert_eq!(
            reach(r"(?i)(?:access|refresh)[_.-]?token", &["token"]),
            Some(8)
        );
        assert_eq!(reach(r"ghp_[A-Za-z0-9]{36}", &["ghp_"]), Some(0));
        assert_eq!(reach(r"(?i)\bhttps?://[^@]+@", &["http"]), Some(0));
        // A keyword spelled across an alternation and what follows it, seen in the literals
        // every match starts with.
        let web = ["http://", "https://", "ws://", "wss://"];
        assert_eq!(reach(r"(?i)\b(?:https?|wss?)://[^@]+@", &web), Some(0));
        assert_eq!(reach(r"(?:https?|ftp)://", &web), None);
        // A keyword inside a capture group, or repeated at least once.
        assert_eq!(
            reach(r"x{2}(?P<secret>AKIA[0-9A-Z]{16})", &["akia"]),
            Some(2)
        );
        assert_eq!(reach(r"(?:key-)+", &["key-"]), Some(0));
        // Not every match holds the keyword: an optional keyword, a branch without it,
        // a class wider than the keyword's letter, a lead of unbounded length.
        assert_eq!(reach(r"(?:token)?=\w+", &["token"]), None);
        assert_eq!(reach(r"token=\w+|secret=\w+", &["token"]), None);
        assert_eq!(reach(r"t[o0]ken", &["token"]), None);
        assert_eq!(reach(r"\w*token", &["token"]), None);
        assert_eq!(reach(r"AKIA[0-9A-Z]{16}", &["aws"]), None);
        // Unicode classes (`(?u)` inside a rule) are no keyword, and no endless analysis.
        assert_eq!(reach(r"(?u)[a-z]tok_[A-Za-z0-9]{16}", &["tok_"]), Some(1));
        assert_eq!(reach(r"(?iu)token", &["token"]), None);
        // Too long a lead.
        assert_eq!(reach(r"[a-z]{100}token", &["token"]), None);
    }

    /// The windowed search finds what the whole-blob search finds, in the same order, on
    /// text with keywords in and out of matches, overlapping candidates and lines.
    #[test]
    fn windowed_matches_are_the_whole_blob_matches() {
        // A rule like `generic-token-assignment`, and one whose matches are shorter than its
        // lead (so one search can find a match and stop short of the next).
        let patterns = [
            r#"(?i-u)(?:(?:\b|_)(?:access|auth|api)[_.-]?token|\btoken)["']?\s*(?:=|:)\s*["'](?P<secret>[^"'\s]{0,}[0-9][^"'\s]{0,})["']"#,
            r"(?i-u)(?:access_|auth_)?(?P<secret>token)",
        ];
        // Texts run together from pieces of matches, pseudo-randomly.
        let pieces: &[&[u8]] = &[
            b"token", b"TOKEN", b"access", b"auth", b"api", b"_", b"-", b"=", b":", b"'", b"\"",
            b"a1", b"9", b" ", b"\n", b"x",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut random: Vec<Vec<u8>> = Vec::new();
        for _ in 0..3000 {
            let mut text = Vec::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.extend_from_slice(pieces[(state % pieces.len() as u64) as usize]);
            }
            random.push(text);
        }
        let fixed: &[&[u8]] = &[
            // After the first match, a window that finds nothing, then a match starting
            // just past it.
            b"token='a1'xtokenxxx_api_token='b2'",
            // Matches back to back, shorter than the lead.
            b"tokentoken",
            b"access_tokentokentoken",
            b"access_token = 'abc123' TOKEN: \"x9\" tokentoken='1'",
            b"api-TOKEN='a1'token='b2'",
            b"my_token = 'no digits' auth.token=\n'd3'",
            b"token token token = 'q7' _auth_token:'z0'",
            b"",
            b"tokens='1' retoken='2' atoken='3'",
        ];
        let keywords = vec!["token".to_string()];
        for pattern in patterns {
            let windowed = Windowed::new(pattern, &keywords, 1 << 20).unwrap();
            let whole = regex::bytes::RegexBuilder::new(pattern)
                .unicode(false)
                .build()
                .unwrap();
            for text in fixed
                .iter()
                .copied()
                .chain(random.iter().map(Vec::as_slice))
            {
                let occurrences: Vec<usize> = (0..text.len())
                    .filter(|&i| {
                        text[i..].len() >= 5 && text[i..i + 5].eq_ignore_ascii_case(b"token")
                    })
                    .collect();
                let mut found = Vec::new();
                windowed.matches(
                    text,
                    occurrences.into_iter(),
                    SecretGroup::Index(1),
                    &mut found,
                );
                let expected: Vec<(Range<usize>, Option<Range<usize>>)> = whole
                    .captures_iter(text)
                    .map(|c| {
                        (
                            c.get(0).unwrap().range(),
                            c.name("secret").map(|m| m.range()),
                        )
                    })
                    .collect();
                let got: Vec<(Range<usize>, Option<Range<usize>>)> =
                    found.into_iter().map(|m| (m.whole, m.secret)).collect();
                assert_eq!(
                    got,
                    expected,
                    "{pattern} on {}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    /// Every built-in rule that is searched this way finds, on its own examples (matching
    /// and not, alone and run together into one text), what the whole-text search finds.
    #[test]
    fn built_in_rules_find_the_same_matches_windowed() {
        let mut windowed_rules = Vec::new();
        for rule in crate::rule::builtin_rules().unwrap() {
            if rule.regex.is_empty() {
                continue;
            }
            let Some(windowed) = Windowed::new(&rule.regex, &rule.keywords, 8 << 20) else {
                continue;
            };
            windowed_rules.push(rule.id.clone());
            let whole = crate::matcher::build_regex(&rule.regex).unwrap();
            let group = whole
                .capture_names()
                .position(|n| n == Some("secret"))
                .map_or(SecretGroup::FirstNonEmpty, SecretGroup::Index);
            let group = rule.secret_group.unwrap_or(group);
            let keywords: Vec<Vec<u8>> = rule
                .keywords
                .iter()
                .map(|k| k.to_ascii_lowercase().into_bytes())
                .collect();
            let examples = &rule.examples;
            let mut texts: Vec<String> = examples
                .matching
                .iter()
                .chain(&examples.not_matching)
                .cloned()
                .collect();
            texts.push(texts.join("\n"));
            texts.push(texts.join(" "));
            for text in &texts {
                let text = text.as_bytes();
                let lower = text.to_ascii_lowercase();
                let mut occurrences: Vec<usize> = keywords
                    .iter()
                    .flat_map(|k| {
                        lower
                            .windows(k.len())
                            .enumerate()
                            .filter(move |(_, w)| w == k)
                            .map(|(i, _)| i)
                    })
                    .collect();
                occurrences.sort_unstable();
                let mut found = Vec::new();
                windowed.matches(text, occurrences.into_iter(), group, &mut found);
                let got: Vec<_> = found.into_iter().map(|m| (m.whole, m.secret)).collect();
                let expected: Vec<_> = whole
                    .captures_iter(text)
                    .map(|c| {
                        let secret = group.pick(c.len(), |n| c.get(n).map(|m| m.range()));
                        (c.get(0).unwrap().range(), secret)
                    })
                    .collect();
                assert_eq!(
                    got,
                    expected,
                    "{}: {}",
                    rule.id,
                    String::from_utf8_lossy(text)
                );
            }
        }
        // The rules that gave the regex engine nothing to skip with are among them.
        for id in ["generic-token-assignment", "url-credentials-http"] {
            assert!(windowed_rules.iter().any(|r| r == id), "{id}");
        }
        assert!(windowed_rules.len() > 200, "{}", windowed_rules.len());
    }
}
