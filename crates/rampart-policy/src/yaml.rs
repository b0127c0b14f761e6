//! YAML streams into JSON documents with source lines.
//!
//! The converter reads the event stream of `granit-parser` (the parser `serde-saphyr` already
//! builds on) and builds `serde_json::Value`s with an explicit stack, never recursion, so the
//! limits below are checked before anything large or deep exists in memory:
//!
//! - nesting deeper than [`MAX_DEPTH`] containers is an error (also through aliases);
//! - alias expansion may add at most [`MAX_ALIAS_NODES`] nodes and roughly
//!   [`MAX_ALIAS_BYTES`] bytes per stream ("billion laughs");
//! - duplicate mapping keys are an error, as in Kubernetes' strict decoder;
//! - merge keys (`<<: *base`, `<<: [*a, *b]`) are applied, as sigs.k8s.io/yaml does: explicit
//!   keys win over merged ones, earlier merged mappings win over later ones.
//!
//! Plain scalars are typed by the YAML 1.2 core schema: `true`/`false` (any case variant the
//! schema lists), `null`/`~`/empty, decimal/`0o`/`0x` integers, floats; everything else, and
//! every quoted or block scalar, is a string. `on`/`yes`/`0755`-as-octal are YAML 1.1 and are
//! not applied (`0755` is the integer 755). Integers beyond 64 bits become floats (as Go's YAML
//! decoder does); `.inf`/`.nan` cannot be JSON numbers and stay strings as written.
//!
//! [`yaml_documents_with`] adds what some formats need on top: local tags such as
//! CloudFormation's `!Ref` turned into single-key objects (`{"Ref": ...}`), and `__spans__`
//! (the lines of each key and its value) on every mapping.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, Span, StructureStyle, Tag};
use serde_json::{Map, Number, Value};

/// Deepest container nesting accepted, counted through alias expansion too.
pub const MAX_DEPTH: usize = 256;
/// Most nodes alias expansion may add to one stream.
pub const MAX_ALIAS_NODES: usize = 1_000_000;
/// Rough byte budget (scalar and key text plus a per-node overhead) for alias expansion.
pub const MAX_ALIAS_BYTES: usize = 64 << 20;

/// Key of the first line (1-based) on every JSON object that stands for a YAML mapping.
pub const LINE: &str = "__line__";
/// Key of the last line (1-based, inclusive) on every JSON object that stands for a YAML mapping.
pub const END_LINE: &str = "__end_line__";

/// Rough per-node overhead for the byte budget, so that empty nodes still cost something.
const NODE_BYTES: usize = 16;

/// A YAML stream that cannot be read (syntax error): file, line, column, message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct YamlError {
    /// The file, as the caller named it.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong, and where useful what to do.
    pub message: String,
}

/// Key of the `{key: [first line, last line]}` map that [`Options::spans`] adds to mappings.
pub const SPANS: &str = "__spans__";

/// Every document of a multi-document YAML stream, as JSON with `__line__`/`__end_line__` on
/// every mapping. Empty documents (`---` alone, or only comments after it) are `null`.
pub fn yaml_documents(path: &str, text: &str) -> Result<Vec<Value>, YamlError> {
    Builder::new(path, text, Options::default()).run()
}

/// What [`yaml_documents_with`] adds to the plain conversion of [`yaml_documents`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// For the suffix of a local tag (`Ref` for `!Ref`), the key to wrap the tagged node in
    /// (`{"Ref": node, "__line__": .., "__end_line__": ..}`); `None` (or no function) leaves the
    /// node as if untagged. Tags on mapping keys are ignored.
    pub local_tag: Option<fn(&str) -> Option<&'static str>>,
    /// Add `"__spans__": {key: [first line of the key, last line of its value]}` to every
    /// mapping that has keys (merged keys have no span).
    pub spans: bool,
    /// The format named in messages about what it rejects ("Kubernetes rejects duplicate keys").
    pub format: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            local_tag: None,
            spans: false,
            format: "Kubernetes",
        }
    }
}

/// [`yaml_documents`] with [`Options`]: the same limits, errors and typing.
pub fn yaml_documents_with(
    path: &str,
    text: &str,
    options: Options,
) -> Result<Vec<Value>, YamlError> {
    Builder::new(path, text, options).run()
}

/// A finished node on its way to its parent.
struct Node {
    value: Value,
    /// Scalar text as written (after escapes), for use as a mapping key.
    key_text: Option<String>,
    /// Plain `<<` is a merge key; quoted `"<<"` is an ordinary key.
    is_merge_key: bool,
    line: usize,
    end_line: usize,
    /// Container levels inside this node (0 for scalars).
    height: usize,
    nodes: usize,
    bytes: usize,
}

/// An anchored node, kept to expand its aliases.
struct Anchored {
    value: Value,
    key_text: Option<String>,
    height: usize,
    nodes: usize,
    bytes: usize,
}

enum Content {
    Map {
        object: Map<String, Value>,
        /// Key waiting for its value: text, line, whether it is the merge key.
        pending: Option<(String, usize, bool)>,
        merges: Vec<Map<String, Value>>,
        seen_merge: bool,
        /// Lines of each key and its value, kept only with [`Options::spans`].
        spans: Map<String, Value>,
    },
    Seq(Vec<Value>),
}

/// An open mapping or sequence.
struct Frame {
    content: Content,
    anchor: usize,
    line: usize,
    end_line: usize,
    flow: bool,
    /// Key to wrap the finished collection in (a local tag, see [`Options::local_tag`]).
    wrap: Option<&'static str>,
    height: usize,
    nodes: usize,
    bytes: usize,
}

struct Builder<'a> {
    path: &'a str,
    text: &'a str,
    options: Options,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    root: Option<Node>,
    documents: Vec<Value>,
    alias_nodes: usize,
    alias_bytes: usize,
}

impl<'a> Builder<'a> {
    fn new(path: &'a str, text: &'a str, options: Options) -> Self {
        Builder {
            path,
            text,
            options,
            stack: Vec::new(),
            anchors: HashMap::new(),
            root: None,
            documents: Vec::new(),
            alias_nodes: 0,
            alias_bytes: 0,
        }
    }

    fn error(&self, line: usize, column: usize, message: String) -> YamlError {
        YamlError {
            path: self.path.to_owned(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            message,
        }
    }

    fn at(&self, span: &Span, message: String) -> YamlError {
        self.error(span.start.line(), span.start.col() + 1, message)
    }

    fn scan_error(&self, e: &ScanError) -> YamlError {
        let mut message = e.info();
        if message.is_empty() {
            message = "invalid YAML".to_owned();
        }
        self.error(e.marker().line(), e.marker().col() + 1, message)
    }

    fn run(mut self) -> Result<Vec<Value>, YamlError> {
        let mut parser = Parser::new_from_str(self.text);
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| self.scan_error(&e))?;
            match event {
                Event::DocumentStart(..) => {
                    // Aliases never cross documents; drop the previous document's anchors.
                    self.anchors.clear();
                    self.root = None;
                }
                Event::DocumentEnd => {
                    let root = self.root.take().map_or(Value::Null, |node| node.value);
                    self.documents.push(root);
                }
                Event::Scalar(text, style, anchor, tag) => {
                    // A key needs only its text, a value only its JSON value; an anchored
                    // scalar may later be either.
                    let is_key = matches!(
                        self.stack.last(),
                        Some(Frame {
                            content: Content::Map { pending: None, .. },
                            ..
                        })
                    );
                    let value = if is_key && anchor == 0 {
                        Value::Null
                    } else {
                        scalar_value(&text, style, tag.as_deref())
                    };
                    let mut node = Node {
                        value,
                        is_merge_key: style == ScalarStyle::Plain && text == "<<",
                        bytes: text.len() + NODE_BYTES,
                        key_text: (is_key || anchor > 0).then(|| text.into_owned()),
                        line: span.start.line(),
                        end_line: end_line(self.text, &span),
                        height: 0,
                        nodes: 1,
                    };
                    if !is_key && let Some(key) = self.wrap_key(tag.as_deref()) {
                        node = wrap(node, key);
                    }
                    self.finish(node, anchor, &span)?;
                }
                Event::Alias(id) => {
                    let node = self.expand_alias(id, &span)?;
                    self.finish(node, 0, &span)?;
                }
                Event::MappingStart(style, anchor, tag) => {
                    let wrap = self.wrap_key(tag.as_deref());
                    self.open(&span, anchor, style, true, wrap)?;
                }
                Event::SequenceStart(style, anchor, tag) => {
                    let wrap = self.wrap_key(tag.as_deref());
                    self.open(&span, anchor, style, false, wrap)?;
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let Some(frame) = self.stack.pop() else {
                        return Err(self.at(&span, "unbalanced collection end".to_owned()));
                    };
                    let (node, anchor) = self.close(frame, &span);
                    self.finish(node, anchor, &span)?;
                }
                // Stream markers, comments and anchor metadata carry no data.
                _ => {}
            }
        }
        Ok(self.documents)
    }

    /// The key a node with `tag` is wrapped in, per [`Options::local_tag`].
    fn wrap_key(&self, tag: Option<&Tag>) -> Option<&'static str> {
        let tag = tag?;
        if tag.handle() != "!" || tag.suffix().is_empty() {
            return None;
        }
        (self.options.local_tag?)(tag.suffix())
    }

    fn open(
        &mut self,
        span: &Span,
        anchor: usize,
        style: StructureStyle,
        mapping: bool,
        wrap: Option<&'static str>,
    ) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.at(
                span,
                format!("YAML nested deeper than {MAX_DEPTH} levels; flatten the document"),
            ));
        }
        if let Some(Frame {
            content: Content::Map { pending: None, .. },
            ..
        }) = self.stack.last()
        {
            return Err(self.at(
                span,
                "a mapping or sequence used as a mapping key is not supported (Kubernetes \
                 and JSON need string keys)"
                    .to_owned(),
            ));
        }
        let content = if mapping {
            Content::Map {
                object: Map::new(),
                pending: None,
                merges: Vec::new(),
                seen_merge: false,
                spans: Map::new(),
            }
        } else {
            Content::Seq(Vec::new())
        };
        let line = span.start.line();
        self.stack.push(Frame {
            content,
            anchor,
            line,
            end_line: line,
            flow: style == StructureStyle::Flow,
            wrap,
            height: 1,
            nodes: 1,
            bytes: NODE_BYTES,
        });
        Ok(())
    }

    fn close(&self, frame: Frame, span: &Span) -> (Node, usize) {
        let mut end = frame.end_line;
        if frame.flow {
            // The closing bracket is part of a flow collection.
            end = end.max(end_line(self.text, span));
        }
        let value = match frame.content {
            Content::Map {
                mut object,
                merges,
                spans,
                ..
            } => {
                for merged in merges {
                    for (key, value) in merged {
                        if key != LINE
                            && key != END_LINE
                            && key != SPANS
                            && !object.contains_key(&key)
                        {
                            object.insert(key, value);
                        }
                    }
                }
                if !spans.is_empty() {
                    object.insert(SPANS.to_owned(), Value::Object(spans));
                }
                object.insert(LINE.to_owned(), Value::from(frame.line));
                object.insert(END_LINE.to_owned(), Value::from(end));
                Value::Object(object)
            }
            Content::Seq(items) => Value::Array(items),
        };
        let mut node = Node {
            value,
            key_text: None,
            is_merge_key: false,
            line: frame.line,
            end_line: end,
            height: frame.height,
            nodes: frame.nodes,
            bytes: frame.bytes,
        };
        if let Some(key) = frame.wrap {
            node = wrap(node, key);
        }
        (node, frame.anchor)
    }

    fn expand_alias(&mut self, id: usize, span: &Span) -> Result<Node, YamlError> {
        let name = span.slice(self.text).unwrap_or("*").to_owned();
        let Some(anchored) = self.anchors.get(&id) else {
            return Err(self.at(span, format!("alias {name} refers to no anchor")));
        };
        self.alias_nodes = self.alias_nodes.saturating_add(anchored.nodes);
        self.alias_bytes = self.alias_bytes.saturating_add(anchored.bytes);
        if self.alias_nodes > MAX_ALIAS_NODES || self.alias_bytes > MAX_ALIAS_BYTES {
            return Err(self.at(
                span,
                format!(
                    "alias {name} expands the document beyond {MAX_ALIAS_NODES} nodes or \
                     {} MiB (an alias bomb?); expand the aliases by hand if this is intended",
                    MAX_ALIAS_BYTES >> 20
                ),
            ));
        }
        if self.stack.len() + anchored.height > MAX_DEPTH {
            return Err(self.at(
                span,
                format!("alias {name} nests the document deeper than {MAX_DEPTH} levels"),
            ));
        }
        let line = span.start.line();
        Ok(Node {
            value: anchored.value.clone(),
            key_text: anchored.key_text.clone(),
            is_merge_key: false,
            line,
            end_line: end_line(self.text, span).max(line),
            height: anchored.height,
            nodes: anchored.nodes,
            bytes: anchored.bytes,
        })
    }

    /// Hands a finished node to its parent (or makes it the document root), remembering it
    /// first if it is anchored.
    fn finish(&mut self, node: Node, anchor: usize, span: &Span) -> Result<(), YamlError> {
        if anchor > 0 {
            self.anchors.insert(
                anchor,
                Anchored {
                    value: node.value.clone(),
                    key_text: node.key_text.clone(),
                    height: node.height,
                    nodes: node.nodes,
                    bytes: node.bytes,
                },
            );
        }
        let format = self.options.format;
        let record_spans = self.options.spans;
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        frame.end_line = frame.end_line.max(node.end_line);
        frame.height = frame.height.max(node.height + 1);
        frame.nodes = frame.nodes.saturating_add(node.nodes);
        frame.bytes = frame.bytes.saturating_add(node.bytes);
        let problem = match &mut frame.content {
            Content::Seq(items) => {
                items.push(node.value);
                None
            }
            Content::Map {
                object,
                pending,
                merges,
                seen_merge,
                spans,
            } => match pending.take() {
                None => match node.key_text {
                    None => Some(
                        "a mapping or sequence used as a mapping key is not supported \
                         (Kubernetes and JSON need string keys)"
                            .to_owned(),
                    ),
                    Some(_) if node.is_merge_key && *seen_merge => {
                        Some("duplicate merge key `<<` in this mapping".to_owned())
                    }
                    Some(key) if !node.is_merge_key && object.contains_key(&key) => Some(format!(
                        "duplicate key `{key}` ({format} rejects duplicate keys)"
                    )),
                    Some(key) => {
                        *seen_merge |= node.is_merge_key;
                        *pending = Some((key, node.line, node.is_merge_key));
                        None
                    }
                },
                Some((_, _, true)) => match node.value {
                    Value::Object(map) => {
                        merges.push(map);
                        None
                    }
                    Value::Array(items) if items.iter().all(Value::is_object) => {
                        merges.extend(items.into_iter().filter_map(|item| match item {
                            Value::Object(map) => Some(map),
                            _ => None,
                        }));
                        None
                    }
                    _ => Some(
                        "merge key `<<` needs a mapping or a list of mappings (`<<: *base`)"
                            .to_owned(),
                    ),
                },
                Some((key, line, false)) => {
                    if record_spans {
                        spans.insert(
                            key.clone(),
                            Value::from(vec![line, node.end_line.max(line)]),
                        );
                    }
                    object.insert(key, node.value);
                    None
                }
            },
        };
        match problem {
            Some(message) => Err(self.at(span, message)),
            None => Ok(()),
        }
    }
}

/// `node` inside a single-key mapping `{key: node}` with the node's lines (a local tag).
fn wrap(node: Node, key: &'static str) -> Node {
    let mut object = Map::new();
    object.insert(key.to_owned(), node.value);
    object.insert(LINE.to_owned(), Value::from(node.line));
    object.insert(END_LINE.to_owned(), Value::from(node.end_line));
    Node {
        value: Value::Object(object),
        key_text: node.key_text,
        is_merge_key: false,
        line: node.line,
        end_line: node.end_line,
        height: node.height + 1,
        nodes: node.nodes.saturating_add(1),
        bytes: node.bytes.saturating_add(NODE_BYTES),
    }
}

/// Last line of a span's content. The parser's span of a block scalar runs on over the
/// trailing blank lines, so the end is counted from the source text without trailing
/// whitespace.
fn end_line(text: &str, span: &Span) -> usize {
    let start = span.start.line();
    match span.byte_range().and_then(|range| text.get(range)) {
        Some(slice) => start + slice.trim_end().matches('\n').count(),
        None => span.end.line().max(start),
    }
}

/// JSON value of a scalar: YAML 1.2 core schema for plain scalars and core tags, strings
/// otherwise.
fn scalar_value(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    if let Some(tag) = tag {
        if tag.handle() == "tag:yaml.org,2002:" {
            return match tag.suffix() {
                "null" | "bool" | "int" | "float" => {
                    resolve_plain(text).unwrap_or_else(|| Value::String(text.to_owned()))
                }
                _ => Value::String(text.to_owned()),
            };
        }
        if tag.handle().is_empty() && tag.suffix() == "!" {
            // The non-specific tag `!` forces a string.
            return Value::String(text.to_owned());
        }
        // Application tags (`!Ref`, ...) do not change typing.
    }
    if style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    resolve_plain(text).unwrap_or_else(|| Value::String(text.to_owned()))
}

/// Core-schema resolution of a plain scalar; `None` means "a string".
fn resolve_plain(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if let Some(digits) = text.strip_prefix("0o") {
        return radix_int(digits, 8);
    }
    if let Some(digits) = text.strip_prefix("0x") {
        return radix_int(digits, 16);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Some(Value::from(i));
        }
        if let Ok(u) = text.strip_prefix('+').unwrap_or(text).parse::<u64>() {
            return Some(Value::from(u));
        }
        // Beyond 64 bits: a float, as Go's YAML decoder gives Kubernetes.
        return text
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number);
    }
    if is_core_float(unsigned) {
        // Non-finite values (.inf, .nan) have no JSON number: they stay strings.
        return text
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number);
    }
    None
}

fn radix_int(digits: &str, radix: u32) -> Option<Value> {
    if digits.is_empty() {
        return None;
    }
    if let Ok(i) = i64::from_str_radix(digits, radix) {
        return Some(Value::from(i));
    }
    u64::from_str_radix(digits, radix).ok().map(Value::from)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema float without its sign.
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac),
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use serde_json::json;

    use super::*;

    fn one(text: &str) -> Value {
        let mut documents = yaml_documents("t.yaml", text).expect("valid YAML");
        assert_eq!(documents.len(), 1, "{documents:?}");
        documents.remove(0)
    }

    fn err(text: &str) -> YamlError {
        yaml_documents("t.yaml", text).expect_err("invalid YAML")
    }

    #[test]
    fn scalars_follow_the_yaml_1_2_core_schema() {
        let doc = one(concat!(
            "quoted_true: \"true\"\n",
            "single_quoted_int: '123'\n",
            "t: true\n",
            "t2: True\n",
            "f: FALSE\n",
            "on: on\n",
            "yes: yes\n",
            "n: no\n",
            "octal_1_1: 0755\n",
            "octal: 0o755\n",
            "hex: 0x1F\n",
            "plus: +12\n",
            "neg: -12\n",
            "u64: 18446744073709551615\n",
            "big: 123456789012345678901234\n",
            "neg_big: -9223372036854775809\n",
            "float: 1.5\n",
            "exp: 1e3\n",
            "dot: .5\n",
            "trailing_dot: 5.\n",
            "inf: .inf\n",
            "neg_inf: -.Inf\n",
            "nan: .NaN\n",
            "null_word: null\n",
            "tilde: ~\n",
            "empty:\n",
            "underscore: 1_000\n",
            "bare_prefix: 0o\n",
            "version: 1.2.3\n",
            "str_tag: !!str 123\n",
            "int_tag: !!int \"42\"\n",
            "non_specific: ! 12\n",
            "custom_tag: !Ref 12\n",
            "block: |\n  text\n",
            "1: numeric key\n",
            "true: bool key\n",
        ));
        let expected = json!({
            "quoted_true": "true",
            "single_quoted_int": "123",
            "t": true,
            "t2": true,
            "f": false,
            "on": "on",
            "yes": "yes",
            "n": "no",
            "octal_1_1": 755,
            "octal": 493,
            "hex": 31,
            "plus": 12,
            "neg": -12,
            "u64": u64::MAX,
            "big": 1.2345678901234568e23,
            "neg_big": -9.223372036854776e18,
            "float": 1.5,
            "exp": 1000.0,
            "dot": 0.5,
            "trailing_dot": 5.0,
            "inf": ".inf",
            "neg_inf": "-.Inf",
            "nan": ".NaN",
            "null_word": null,
            "tilde": null,
            "empty": null,
            "underscore": "1_000",
            "bare_prefix": "0o",
            "version": "1.2.3",
            "str_tag": "123",
            "int_tag": 42,
            "non_specific": "12",
            "custom_tag": 12,
            "block": "text\n",
            "1": "numeric key",
            "true": "bool key",
            "__line__": 1,
            "__end_line__": 37,
        });
        assert_eq!(doc, expected);
    }

    #[test]
    fn every_mapping_carries_its_lines() {
        let doc = one(concat!(
            "a: 1\n",               // 1
            "b:\n",                 // 2
            "  c: |\n",             // 3
            "    x\n",              // 4
            "    y\n",              // 5
            "\n",                   // 6
            "  e: {f: 1,\n",        // 7
            "     g: 2}\n",         // 8
            "h:\n",                 // 9
            "- i: 1\n",             // 10
            "  j: >-\n",            // 11
            "    folded\n",         // 12
            "\n",                   // 13
            "\n",                   // 14
            "- k\n",                // 15
            "- {}\n",               // 16
            "l: 'quoted\n",         // 17
            "  across lines'\n",    // 18
            "# trailing comment\n", // 19
        ));
        assert_eq!(doc["__line__"], 1);
        assert_eq!(doc["__end_line__"], 18);
        assert_eq!(
            (
                doc["b"]["__line__"].clone(),
                doc["b"]["__end_line__"].clone()
            ),
            (json!(3), json!(8))
        );
        assert_eq!(doc["b"]["c"], "x\ny\n");
        assert_eq!(
            (
                doc["b"]["e"]["__line__"].clone(),
                doc["b"]["e"]["__end_line__"].clone()
            ),
            (json!(7), json!(8))
        );
        assert_eq!(doc["h"][0]["__line__"], 10);
        assert_eq!(doc["h"][0]["__end_line__"], 12);
        assert_eq!(doc["h"][2], json!({"__line__": 16, "__end_line__": 16}));
        assert_eq!(doc["l"], "quoted across lines");
    }

    #[test]
    fn documents_of_a_stream_including_empty_ones() {
        let documents = yaml_documents(
            "t.yaml",
            "# header\na: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n---\n\"just a string\"\n",
        )
        .expect("valid");
        assert_eq!(
            documents,
            vec![
                json!({"a": 1, "__line__": 2, "__end_line__": 2}),
                Value::Null,
                Value::Null,
                json!({"b": 2, "__line__": 7, "__end_line__": 7}),
                json!("just a string"),
            ]
        );
        assert_eq!(
            yaml_documents("t.yaml", "").expect("valid"),
            Vec::<Value>::new()
        );
        assert_eq!(
            yaml_documents("t.yaml", "# c\n# d\n").expect("valid"),
            Vec::<Value>::new()
        );
    }

    #[test]
    fn aliases_expand_and_merge_keys_apply() {
        let doc = one(concat!(
            "base: &base {a: 1, b: 1}\n",
            "other: &other\n",
            "  b: 2\n",
            "  c: 2\n",
            "copy: *base\n",
            "merged:\n",
            "  c: 3\n",
            "  <<: [*base, *other]\n",
            "quoted:\n",
            "  \"<<\": *base\n",
            "key: &k name\n",
            "map:\n",
            "  *k : value\n",
        ));
        assert_eq!(doc["copy"], doc["base"]);
        // Explicit keys win over merged ones; earlier merged mappings win over later ones;
        // merged keys keep none of the merged mappings' lines.
        assert_eq!(
            doc["merged"],
            json!({"a": 1, "b": 1, "c": 3, "__line__": 7, "__end_line__": 8})
        );
        // A quoted `<<` is an ordinary key.
        assert_eq!(doc["quoted"]["<<"]["a"], 1);
        assert_eq!(doc["map"]["name"], "value");
    }

    #[test]
    fn anchors_do_not_cross_documents() {
        let e = err("a: &x 1\n---\nb: *x\n");
        assert_eq!(e.line, 3, "{e}");
    }

    #[test]
    fn bad_merge_keys_are_errors() {
        let e = err("a:\n  <<: 1\n");
        assert!(e.message.contains("merge key"), "{e}");
        let e = err("b: &b {x: 1}\na:\n  <<: *b\n  <<: *b\n");
        assert_eq!(
            (e.line, e.message.contains("duplicate merge key")),
            (4, true),
            "{e}"
        );
    }

    #[test]
    fn duplicate_keys_are_errors_at_the_second_key() {
        let e = err("metadata:\n  name: a\n  labels: {}\n  name: b\n");
        assert_eq!((e.path.as_str(), e.line, e.column), ("t.yaml", 4, 3), "{e}");
        assert!(e.message.contains("duplicate key `name`"), "{e}");
        let e = err("{a: 1, a: 2}\n");
        assert_eq!(e.line, 1, "{e}");
        // Keys are compared as text, as Kubernetes sees them after conversion to JSON.
        assert!(err("1: a\n\"1\": b\n").message.contains("duplicate key"));
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = err("a: 1\nb: [1, 2\nc: 3\n");
        assert_eq!(e.path, "t.yaml");
        assert!(e.line >= 2 && e.column >= 1, "{e}");
        let e = err("a:\n  b: 1\n c: 2\n");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().starts_with("t.yaml:3:"), "{e}");
        let e = err("key: \"unterminated\n");
        assert!(e.line >= 1 && !e.message.is_empty(), "{e}");
    }

    #[test]
    fn tabs_as_indentation_are_errors() {
        let e = err("spec:\n\tcontainers: []\n");
        assert!(e.message.contains("tab"), "{e}");
        assert!(e.line >= 1 && e.line <= 2, "{e}");
    }

    #[test]
    fn complex_keys_are_errors() {
        assert!(err("? [a, b]\n: c\n").message.contains("mapping key"));
        assert!(err("{a: 1}: b\n").message.contains("mapping key"));
        assert!(
            err("x: &m {a: 1}\n*m : b\n")
                .message
                .contains("mapping key")
        );
    }

    #[test]
    fn alias_bomb_is_rejected_quickly() {
        let bomb = concat!(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n",
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
            "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
            "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
            "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
            "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n",
        );
        let started = Instant::now();
        let e = yaml_documents("bomb.yaml", bomb).expect_err("bomb");
        let took = started.elapsed();
        assert!(took < Duration::from_secs(1), "took {took:?}");
        assert_eq!(e.path, "bomb.yaml");
        assert!(
            e.message.contains("alias *") && e.message.contains("alias bomb"),
            "{e}"
        );
        assert!(e.line >= 6, "{e}");
    }

    #[test]
    fn large_scalar_aliased_many_times_hits_the_byte_budget() {
        let mut text = format!("big: &big \"{}\"\nuses: [", "x".repeat(1 << 20));
        for _ in 0..100 {
            text.push_str("*big, ");
        }
        text.push_str("]\n");
        let e = err(&text);
        assert!(e.message.contains("MiB"), "{e}");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn deep_nesting_is_rejected_without_overflowing_the_stack() {
        let started = Instant::now();
        for text in [
            "[".repeat(10_000),
            "{a: ".repeat(10_000),
            (0..10_000)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect(),
            (0..10_000)
                .map(|i| format!("{}-\n", " ".repeat(i)))
                .collect(),
        ] {
            let e = err(&text);
            assert!(!e.message.is_empty(), "{e}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn aliases_cannot_nest_beyond_the_depth_limit() {
        // Each anchor holds an alias to the previous one inside 100 more levels.
        let mut text = String::new();
        for i in 0..5 {
            let open = "[".repeat(100);
            let close = "]".repeat(100);
            let inner = if i == 0 {
                "1".to_owned()
            } else {
                format!("*a{}", i - 1)
            };
            text.push_str(&format!("k{i}: &a{i} {open}{inner}{close}\n"));
        }
        let e = err(&text);
        assert!(e.message.contains("deeper than"), "{e}");
    }

    #[test]
    fn binary_junk_never_panics() {
        let seed_text = "apiVersion: v1\nkind: Pod\nmetadata: &m {name: a, labels: {x: \"y\"}}\n\
                         spec:\n  containers:\n  - name: c\n    image: i\n    <<: *m\n---\n- [a, b]\n";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for iteration in 0..2000 {
            let bytes: Vec<u8> = if iteration % 2 == 0 {
                // Pure junk, biased to YAML's punctuation.
                const ALPHABET: &[u8] = b"ab:- \n\t[]{},&*!|>'\"#?%@`<\\\x00\xff~.0";
                (0..next() % 200)
                    .map(|_| ALPHABET[next() % ALPHABET.len()])
                    .collect()
            } else {
                // A manifest with a few random byte edits.
                let mut bytes = seed_text.as_bytes().to_vec();
                for _ in 0..1 + next() % 4 {
                    let at = next() % bytes.len();
                    bytes[at] = (next() % 256) as u8;
                }
                bytes
            };
            let text = String::from_utf8_lossy(&bytes);
            let _ = yaml_documents("junk.yaml", &text);
        }
    }
}
