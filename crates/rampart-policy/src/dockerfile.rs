//! Dockerfiles: our own lexer and parser, following Docker's documented syntax (the Dockerfile
//! reference) and BuildKit's parser where the reference is silent.
//!
//! What it understands: parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of
//! the file; line continuations with the escape character (`\`, or `` ` `` after
//! ``# escape=` ``), with comment lines and empty lines inside a continuation skipped; comments
//! (`#` first on a line after optional whitespace); exec form (a JSON array of strings) and
//! shell form; instruction flags (`--mount=` repeated, `--from=`, `--chown=`, `--link`, ...);
//! heredocs on `RUN`, `COPY` and `ADD` (`<<EOF`, `<<-EOF`, quoted delimiters, several per line);
//! every instruction of the reference, keywords case-insensitive.
//!
//! The document (see the crate doc for `__line__`/`__end_line__`):
//! `{"kind": "dockerfile", "path", "directives": {name: value}, "args": [global ARGs, before the
//! first FROM], "stages": [{"index", "name", "base", "image", "tag", "digest", "platform",
//! "from_stage", "instructions", ...}], "instructions": [every instruction, with "stage"]}`.
//! Each instruction has `cmd` (lowercase), `original` (its source text, continuations
//! included), `value`, `json`, `flags`, `heredocs`, `stage` (null for ARGs before the first
//! FROM) and per-command extras (`env`, `labels`, `arg`/`args`, `user`/`group`, `healthcheck`,
//! `sources`/`destination`, `onbuild`, `ports`, `volumes`).
//!
//! Errors: one bad instruction fails the whole file, with the line and column of the problem;
//! the scan lists the file as a parse error and goes on with the other files. A half-parsed
//! Dockerfile would make policies like "the last USER is root" silently wrong. Deliberate
//! departures from Docker, which guesses instead: an unknown instruction is an error (BuildKit
//! agrees), and so is an argument that is clearly meant as a JSON array but is malformed
//! (`CMD ["node", "app.js"`), which Docker would silently run as a shell command. Shell
//! commands that merely start with `[` (`RUN [ -f x ] && ...`) stay shell form.
//!
//! Input is `&str`: the caller decodes the bytes (lossily, or reporting invalid UTF-8 itself).
//! The parser never panics, reads each line once (linear time) and accepts at most
//! [`MAX_INSTRUCTIONS`] instructions.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

/// Most instructions one Dockerfile may hold; more is not a real Dockerfile.
pub const MAX_INSTRUCTIONS: usize = 100_000;

/// Instructions of the Dockerfile reference, lowercase.
const INSTRUCTIONS: &[&str] = &[
    "add",
    "arg",
    "cmd",
    "copy",
    "entrypoint",
    "env",
    "expose",
    "from",
    "healthcheck",
    "label",
    "maintainer",
    "onbuild",
    "run",
    "shell",
    "stopsignal",
    "user",
    "volume",
    "workdir",
];

/// A Dockerfile that cannot be parsed, with the place of the problem (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct DockerfileError {
    /// The file, as given to [`parse`].
    pub path: String,
    /// 1-based line of the problem.
    pub line: u32,
    /// 1-based column (in characters) of the problem.
    pub column: u32,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Whether a path names a Dockerfile: `Dockerfile`, `Containerfile`, `*.Dockerfile`,
/// `Dockerfile.*` (and the same for Containerfile), case-insensitive basename; BuildKit's
/// `*.dockerignore` companions and source/data files like `dockerfile.go` are not.
pub fn is_dockerfile(path: &str) -> bool {
    let base = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    for stem in ["dockerfile", "containerfile"] {
        if base == stem {
            return true;
        }
        if let Some(prefix) = base.strip_suffix(stem).and_then(|p| p.strip_suffix('.'))
            && !prefix.is_empty()
        {
            return true;
        }
        if let Some(suffix) = base.strip_prefix(stem).and_then(|s| s.strip_prefix('.')) {
            // `Dockerfile.prod` is a Dockerfile; `dockerfile.go` is code about Dockerfiles.
            return !suffix.is_empty() && !NOT_DOCKERFILE_SUFFIXES.contains(&suffix);
        }
    }
    false
}

/// Extensions after `Dockerfile.` that name something else than a Dockerfile.
const NOT_DOCKERFILE_SUFFIXES: &[&str] = &[
    "dockerignore",
    "rs",
    "go",
    "py",
    "js",
    "mjs",
    "cjs",
    "ts",
    "jsx",
    "tsx",
    "java",
    "kt",
    "rb",
    "php",
    "c",
    "h",
    "cc",
    "cpp",
    "hpp",
    "cs",
    "swift",
    "scala",
    "sh",
    "ps1",
    "md",
    "rst",
    "adoc",
    "html",
    "json",
    "yaml",
    "yml",
    "toml",
    "xml",
    "lock",
    "orig",
    "rej",
    "bak",
    "swp",
];

/// Parses a Dockerfile into its document (see the module doc); an empty file (or one with only
/// comments) is a valid document without stages.
pub fn parse(path: &str, text: &str) -> Result<Value, DockerfileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Parser {
        path,
        src: text,
        escape: '\\',
        cursor: Cursor {
            text,
            pos: 0,
            line: 0,
        },
    }
    .run()
}

/// Reads physical lines, each once.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
}

/// One physical line: its number, where it starts in the source, its text without `\r\n`.
#[derive(Clone, Copy)]
struct Phys<'a> {
    no: u32,
    start: usize,
    text: &'a str,
}

impl<'a> Cursor<'a> {
    fn next_line(&mut self) -> Option<Phys<'a>> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let (body, advance) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(""), i + 1),
            None => (rest, rest.len()),
        };
        let body = body.strip_suffix('\r').unwrap_or(body);
        self.line = self.line.saturating_add(1);
        let start = self.pos;
        self.pos += advance;
        Some(Phys {
            no: self.line,
            start,
            text: body,
        })
    }
}

/// Where a piece of the joined instruction text came from.
struct Seg {
    logical: usize,
    line: u32,
    line_start: usize,
    byte: usize,
}

/// One instruction with its continuation lines joined the way Docker joins them (escape and
/// newline removed, nothing else), and the map back to source positions for error messages.
struct Logical {
    text: String,
    segs: Vec<Seg>,
    first_line: u32,
    last_line: u32,
    src_start: usize,
    src_end: usize,
}

impl Logical {
    fn push(&mut self, line: &Phys, byte: usize, piece: &str) {
        self.segs.push(Seg {
            logical: self.text.len(),
            line: line.no,
            line_start: line.start,
            byte,
        });
        self.text.push_str(piece);
        self.last_line = line.no;
        self.src_end = line.start + line.text.len();
    }

    /// Line and column (in characters) in the source of a byte offset in the joined text.
    fn position(&self, src: &str, offset: usize) -> (u32, u32) {
        let index = self
            .segs
            .partition_point(|s| s.logical <= offset)
            .saturating_sub(1);
        let Some(seg) = self.segs.get(index) else {
            return (self.first_line, 1);
        };
        let line_end = src
            .get(seg.line_start..)
            .and_then(|r| r.find('\n'))
            .map_or(src.len(), |i| seg.line_start + i);
        let mut byte = (seg.byte + offset.saturating_sub(seg.logical)).min(line_end);
        while byte > seg.line_start && !src.is_char_boundary(byte) {
            byte -= 1;
        }
        let chars = src
            .get(seg.line_start..byte)
            .map_or(0, |s| s.chars().count());
        (seg.line, u32::try_from(chars + 1).unwrap_or(u32::MAX))
    }
}

/// A heredoc announced on an instruction line, before its body is read.
struct HeredocSpec {
    name: String,
    strip_tabs: bool,
    quoted: bool,
    offset: usize,
}

/// An instruction parsed from its joined text; heredoc bodies and lines are added by the caller.
struct Built {
    map: Map<String, Value>,
    keyword_offset: usize,
    heredocs: Vec<HeredocSpec>,
    /// The heredocs belong to the `ONBUILD` trigger, not to the instruction itself.
    heredocs_nested: bool,
}

struct Stage {
    fields: Map<String, Value>,
    end_line: u32,
    instructions: Vec<Value>,
}

struct Parser<'a> {
    path: &'a str,
    src: &'a str,
    escape: char,
    cursor: Cursor<'a>,
}

impl Parser<'_> {
    fn error_at(&self, line: u32, column: u32, message: String) -> DockerfileError {
        DockerfileError {
            path: self.path.to_string(),
            line,
            column,
            message,
        }
    }

    fn error(&self, logical: &Logical, offset: usize, message: String) -> DockerfileError {
        let (line, column) = logical.position(self.src, offset);
        self.error_at(line, column, message)
    }

    fn run(mut self) -> Result<Value, DockerfileError> {
        let mut directives = Map::new();
        let mut directives_done = false;
        let mut global_args = Vec::new();
        let mut stages: Vec<Stage> = Vec::new();
        // Stage names to indexes: a map, so that many stages stay linear.
        let mut stage_names: HashMap<String, usize> = HashMap::new();
        let mut all = Vec::new();

        while let Some(line) = self.cursor.next_line() {
            let trimmed = line.text.trim_start();
            if !directives_done {
                // Directives are only read before the first comment, blank line or instruction.
                match parse_directive(trimmed) {
                    Some((name, value))
                        if matches!(name.as_str(), "syntax" | "escape" | "check") =>
                    {
                        if directives.contains_key(&name) {
                            return Err(self.error_at(
                                line.no,
                                1,
                                format!(
                                    "the `# {name}=` parser directive appears twice; keep only one"
                                ),
                            ));
                        }
                        if name == "escape" {
                            self.escape = match value.as_str() {
                                "\\" => '\\',
                                "`" => '`',
                                _ => {
                                    return Err(self.error_at(
                                        line.no,
                                        1,
                                        format!(
                                            "invalid escape character {value:?} in `# escape=`; use \\ or `"
                                        ),
                                    ));
                                }
                            };
                        }
                        directives.insert(name, Value::String(value));
                        continue;
                    }
                    _ => directives_done = true,
                }
            }
            if trimmed.starts_with('#') {
                continue;
            }
            let (piece, mut continued) = trim_continuation(trimmed, self.escape);
            if !continued && piece.trim().is_empty() {
                continue;
            }
            let mut logical = Logical {
                text: String::new(),
                segs: Vec::new(),
                first_line: line.no,
                last_line: line.no,
                src_start: line.start + (line.text.len() - trimmed.len()),
                src_end: line.start + line.text.len(),
            };
            logical.push(&line, logical.src_start, piece);
            while continued {
                let Some(next) = self.cursor.next_line() else {
                    break;
                };
                let next_trimmed = next.text.trim_start();
                if next_trimmed.starts_with('#') || next_trimmed.is_empty() {
                    continue;
                }
                let (piece, more) = trim_continuation(next.text, self.escape);
                logical.push(&next, next.start, piece);
                continued = more;
            }
            if logical.text.trim().is_empty() {
                continue;
            }
            if all.len() >= MAX_INSTRUCTIONS {
                return Err(self.error_at(
                    logical.first_line,
                    1,
                    format!(
                        "more than {MAX_INSTRUCTIONS} instructions; this is not a Dockerfile rampart can check"
                    ),
                ));
            }

            let built = self.build(&logical, 0, false)?;
            let (heredocs, end_line) = self.read_heredocs(&logical, &built.heredocs)?;
            let mut map = built.map;
            let original = self
                .src
                .get(logical.src_start..logical.src_end)
                .unwrap_or("")
                .replace("\r\n", "\n");
            map.insert("original".into(), Value::String(original));
            if built.heredocs_nested {
                if let Some(Value::Object(nested)) = map.get_mut("onbuild") {
                    nested.insert("heredocs".into(), Value::Array(heredocs));
                    nested.insert("__end_line__".into(), json!(end_line));
                }
                map.insert("heredocs".into(), json!([]));
            } else {
                map.insert("heredocs".into(), Value::Array(heredocs));
            }
            map.insert("__line__".into(), json!(logical.first_line));
            map.insert("__end_line__".into(), json!(end_line));

            let cmd = map
                .get("cmd")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if cmd == "from" {
                let stage = self.new_stage(
                    &logical,
                    built.keyword_offset,
                    &map,
                    stages.len(),
                    &mut stage_names,
                )?;
                stages.push(stage);
            }
            let stage_index = stages.len().checked_sub(1);
            match stage_index {
                None if cmd == "arg" => {
                    if let Some(Value::Array(args)) = map.get("args") {
                        for arg in args {
                            let mut entry = arg.as_object().cloned().unwrap_or_default();
                            entry.insert("__line__".into(), json!(logical.first_line));
                            entry.insert("__end_line__".into(), json!(end_line));
                            global_args.push(Value::Object(entry));
                        }
                    }
                }
                None => {
                    return Err(self.error(
                        &logical,
                        built.keyword_offset,
                        format!(
                            "{} before the first FROM; only ARG may come before FROM",
                            cmd.to_uppercase()
                        ),
                    ));
                }
                Some(_) => {}
            }
            map.insert(
                "stage".into(),
                stage_index.map_or(Value::Null, |i| json!(i)),
            );
            let instruction = Value::Object(map);
            if let Some(stage) = stages.last_mut() {
                stage.end_line = end_line;
                stage.instructions.push(instruction.clone());
            }
            all.push(instruction);
        }

        let stages: Vec<Value> = stages
            .into_iter()
            .map(|stage| {
                let mut fields = stage.fields;
                fields.insert("__end_line__".into(), json!(stage.end_line));
                fields.insert("instructions".into(), Value::Array(stage.instructions));
                Value::Object(fields)
            })
            .collect();
        Ok(json!({
            "kind": "dockerfile",
            "path": self.path,
            "directives": directives,
            "args": global_args,
            "stages": stages,
            "instructions": all,
        }))
    }

    /// The stage a FROM instruction opens.
    fn new_stage(
        &self,
        logical: &Logical,
        keyword_offset: usize,
        map: &Map<String, Value>,
        index: usize,
        stage_names: &mut HashMap<String, usize>,
    ) -> Result<Stage, DockerfileError> {
        let words: Vec<&str> = map
            .get("value")
            .and_then(Value::as_array)
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let base = words.first().copied().unwrap_or("");
        let name = words.get(2).map(|n| n.to_ascii_lowercase());
        if let Some(name) = &name
            && stage_names.contains_key(name)
        {
            return Err(self.error(
                logical,
                keyword_offset,
                format!("duplicate build stage name {name:?}; stage names must be unique"),
            ));
        }
        let base_lower = base.to_ascii_lowercase();
        let from_stage = stage_names
            .get(&base_lower)
            .copied()
            .or_else(|| base.parse::<usize>().ok().filter(|&i| i < index));
        let (image, tag, digest) = split_image(base);
        let platform = map
            .get("flags")
            .and_then(|f| f.get("platform"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut fields = Map::new();
        fields.insert("index".into(), json!(index));
        fields.insert("name".into(), json!(name));
        fields.insert("base".into(), json!(base));
        fields.insert("image".into(), json!(image));
        fields.insert("tag".into(), json!(tag));
        fields.insert("digest".into(), json!(digest));
        fields.insert("platform".into(), json!(platform));
        fields.insert("from_stage".into(), json!(from_stage));
        fields.insert("__line__".into(), json!(logical.first_line));
        if let Some(name) = &name {
            stage_names.insert(name.clone(), index);
        }
        Ok(Stage {
            fields,
            end_line: logical.last_line,
            instructions: Vec::new(),
        })
    }

    /// Reads the bodies of the heredocs announced on an instruction, in order; returns them and
    /// the last line of the instruction.
    fn read_heredocs(
        &mut self,
        logical: &Logical,
        specs: &[HeredocSpec],
    ) -> Result<(Vec<Value>, u32), DockerfileError> {
        let mut end_line = logical.last_line;
        let mut out = Vec::with_capacity(specs.len());
        for spec in specs {
            let mut body = String::new();
            let mut first_line = None;
            loop {
                let Some(line) = self.cursor.next_line() else {
                    return Err(self.error(
                        logical,
                        spec.offset,
                        format!(
                            "unterminated heredoc <<{0}: the file ends (line {1}) before a line `{0}` closes it; add that line after the heredoc body",
                            spec.name, self.cursor.line
                        ),
                    ));
                };
                first_line.get_or_insert(line.no);
                let candidate = if spec.strip_tabs {
                    line.text.trim_start_matches('\t')
                } else {
                    line.text
                };
                if candidate == spec.name {
                    end_line = line.no;
                    break;
                }
                body.push_str(candidate);
                body.push('\n');
            }
            out.push(json!({
                "delimiter": spec.name,
                "body": body,
                "strip_tabs": spec.strip_tabs,
                "quoted": spec.quoted,
                "__line__": first_line.unwrap_or(end_line),
                "__end_line__": end_line,
            }));
        }
        Ok((out, end_line))
    }

    /// Parses the instruction starting at `start` in the joined text (`nested`: an ONBUILD
    /// trigger).
    fn build(&self, lg: &Logical, start: usize, nested: bool) -> Result<Built, DockerfileError> {
        let full = lg.text.get(start..).unwrap_or("");
        let body = full.trim_start();
        let keyword_offset = start + (full.len() - body.len());
        let keyword_len = body.find(char::is_whitespace).unwrap_or(body.len());
        let keyword = body.get(..keyword_len).unwrap_or("");
        let cmd = keyword.to_ascii_lowercase();
        let upper = cmd.to_ascii_uppercase();
        if !INSTRUCTIONS.contains(&cmd.as_str()) {
            return Err(self.error(
                lg,
                keyword_offset,
                format!(
                    "unknown instruction {:?}; expected one of {}",
                    shorten(keyword),
                    INSTRUCTIONS.join(", ").to_ascii_uppercase()
                ),
            ));
        }
        if nested && matches!(cmd.as_str(), "onbuild" | "from" | "maintainer") {
            // Checked before parsing further: `ONBUILD ONBUILD ...` must not recurse.
            return Err(self.error(
                lg,
                keyword_offset,
                format!("{upper} is not allowed as an ONBUILD trigger"),
            ));
        }
        let after = body.get(keyword_len..).unwrap_or("");
        let after_offset = keyword_offset + keyword_len;
        let (rest_at, flag_words) = extract_flags(after);
        let args_raw = after.get(rest_at..).unwrap_or("");
        let args = args_raw.trim();
        let args_offset = after_offset + rest_at + (args_raw.len() - args_raw.trim_start().len());

        let mut map = Map::new();
        map.insert("cmd".into(), Value::String(cmd.clone()));
        map.insert("flags".into(), Value::Object(flags_map(flag_words)));
        let mut value: Vec<String> = Vec::new();
        let mut is_json = false;
        let mut heredocs = Vec::new();
        let mut heredocs_nested = false;
        let need_args = |what: &str| -> Result<(), DockerfileError> {
            if args.is_empty() {
                Err(self.error(lg, keyword_offset, format!("{upper} requires {what}")))
            } else {
                Ok(())
            }
        };

        match cmd.as_str() {
            "from" => {
                let words: Vec<&str> = args.split_whitespace().collect();
                if words.is_empty() {
                    return Err(self.error(
                        lg,
                        keyword_offset,
                        "FROM requires an image, e.g. `FROM alpine:3.19` or `FROM golang:1.22 AS build`".into(),
                    ));
                }
                let as_ok = words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("as"));
                if !(words.len() == 1 || (words.len() == 3 && as_ok)) {
                    return Err(self.error(
                        lg,
                        args_offset,
                        format!(
                            "FROM takes an image and optionally `AS name`, got {} words; write `FROM image[:tag] [AS name]`",
                            words.len()
                        ),
                    ));
                }
                if let Some(name) = words.get(2)
                    && !valid_stage_name(&name.to_ascii_lowercase())
                {
                    return Err(self.error(
                        lg,
                        args_offset,
                        format!(
                            "invalid build stage name {:?}: use a letter followed by letters, digits, `-`, `_` or `.`",
                            shorten(name)
                        ),
                    ));
                }
                value = words.iter().map(|w| w.to_string()).collect();
            }
            "arg" => {
                let words = parse_words(args, self.escape);
                need_args("a name, e.g. `ARG VERSION=1.0`")?;
                let mut list = Vec::new();
                for (word, offset) in &words {
                    let (name, default) = match word.split_once('=') {
                        Some((n, d)) => (n, Some(unquote(d, self.escape))),
                        None => (word.as_str(), None),
                    };
                    if name.is_empty() {
                        return Err(self.error(
                            lg,
                            args_offset + offset,
                            "ARG needs a name before `=`".into(),
                        ));
                    }
                    list.push(json!({"name": name, "default": default}));
                }
                map.insert("arg".into(), list.first().cloned().unwrap_or(Value::Null));
                map.insert("args".into(), Value::Array(list));
                value = words.into_iter().map(|(w, _)| w).collect();
            }
            "env" | "label" => {
                need_args("at least one `key=value`")?;
                let pairs = self.name_values(lg, args, args_offset, &upper)?;
                let mut object = Map::new();
                for (key, val) in &pairs {
                    object.insert(unquote(key, self.escape), json!(unquote(val, self.escape)));
                    value.push(key.clone());
                    value.push(val.clone());
                }
                let key = if cmd == "env" { "env" } else { "labels" };
                map.insert(key.into(), Value::Object(object));
            }
            "maintainer" | "workdir" | "stopsignal" | "user" => {
                need_args("an argument")?;
                value.push(args.to_string());
                if cmd == "user" {
                    let (user, group) = match args.split_once(':') {
                        Some((u, g)) => (u, Some(g)),
                        None => (args, None),
                    };
                    map.insert("user".into(), json!(user));
                    map.insert("group".into(), json!(group));
                }
            }
            "expose" => {
                need_args("at least one port, e.g. `EXPOSE 8080/tcp`")?;
                value = args.split_whitespace().map(str::to_string).collect();
                map.insert("ports".into(), json!(value));
            }
            "volume" => {
                need_args("at least one path")?;
                (value, is_json) = self.maybe_json(lg, args, args_offset)?;
                let volumes: Vec<String> = if is_json {
                    value.clone()
                } else {
                    args.split_whitespace().map(str::to_string).collect()
                };
                map.insert("volumes".into(), json!(volumes));
            }
            "shell" => {
                (value, is_json) = self.maybe_json(lg, args, args_offset)?;
                if !is_json || value.is_empty() {
                    return Err(self.error(
                        lg,
                        keyword_offset,
                        "SHELL requires the JSON exec form, e.g. `SHELL [\"/bin/bash\", \"-c\"]`"
                            .into(),
                    ));
                }
            }
            "cmd" | "entrypoint" => {
                (value, is_json) = self.maybe_json(lg, args, args_offset)?;
            }
            "run" => {
                need_args("a command")?;
                (value, is_json) = self.maybe_json(lg, args, args_offset)?;
                if !is_json {
                    heredocs = heredoc_specs(args, args_offset, self.escape);
                }
            }
            "add" | "copy" => {
                (value, is_json) = self.maybe_json(lg, args, args_offset)?;
                if !is_json {
                    value = args.split_whitespace().map(str::to_string).collect();
                    heredocs = heredoc_specs(args, args_offset, self.escape);
                }
                let Some((destination, sources)) = value.split_last() else {
                    return Err(self.error(
                        lg,
                        keyword_offset,
                        format!("{upper} requires at least one source and a destination"),
                    ));
                };
                if sources.is_empty() {
                    return Err(self.error(
                        lg,
                        args_offset,
                        format!(
                            "{upper} requires at least one source and a destination; only {:?} was given",
                            shorten(destination)
                        ),
                    ));
                }
                map.insert("sources".into(), json!(sources));
                map.insert("destination".into(), json!(destination));
            }
            "healthcheck" => {
                let kind_len = args.find(char::is_whitespace).unwrap_or(args.len());
                let kind = args.get(..kind_len).unwrap_or("");
                let rest = args.get(kind_len..).unwrap_or("");
                let rest_offset = args_offset + kind_len + (rest.len() - rest.trim_start().len());
                let rest = rest.trim();
                if kind.eq_ignore_ascii_case("none") {
                    if !rest.is_empty() {
                        return Err(self.error(
                            lg,
                            rest_offset,
                            "HEALTHCHECK NONE takes no arguments".into(),
                        ));
                    }
                    value.push("NONE".into());
                    map.insert("healthcheck".into(), json!({"none": true}));
                } else if kind.eq_ignore_ascii_case("cmd") {
                    let (command, json) = self.maybe_json(lg, rest, rest_offset)?;
                    if command.is_empty() {
                        return Err(self.error(
                            lg,
                            args_offset,
                            "HEALTHCHECK CMD requires a command".into(),
                        ));
                    }
                    is_json = json;
                    value.push("CMD".into());
                    value.extend(command.iter().cloned());
                    map.insert(
                        "healthcheck".into(),
                        json!({"none": false, "cmd": command, "json": json}),
                    );
                } else {
                    return Err(self.error(
                        lg,
                        if kind.is_empty() {
                            keyword_offset
                        } else {
                            args_offset
                        },
                        "HEALTHCHECK requires `NONE` or `[options] CMD command`".into(),
                    ));
                }
            }
            "onbuild" => {
                need_args("a trigger instruction, e.g. `ONBUILD RUN make`")?;
                let trigger = self.build(lg, args_offset, true)?;
                let mut trigger_map = trigger.map;
                let (line, _) = lg.position(self.src, args_offset);
                trigger_map.insert("original".into(), json!(args));
                trigger_map.insert("heredocs".into(), json!([]));
                trigger_map.insert("__line__".into(), json!(line));
                trigger_map.insert("__end_line__".into(), json!(lg.last_line));
                map.insert("onbuild".into(), Value::Object(trigger_map));
                heredocs = trigger.heredocs;
                heredocs_nested = true;
                value.push(args.to_string());
            }
            _ => {}
        }
        map.insert("value".into(), json!(value));
        map.insert("json".into(), json!(is_json));
        Ok(Built {
            map,
            keyword_offset,
            heredocs,
            heredocs_nested,
        })
    }

    /// Exec form (a JSON array of strings) or shell form (the whole text as one string).
    fn maybe_json(
        &self,
        lg: &Logical,
        args: &str,
        offset: usize,
    ) -> Result<(Vec<String>, bool), DockerfileError> {
        if args.is_empty() {
            return Ok((Vec::new(), false));
        }
        if !args.starts_with('[') {
            return Ok((vec![args.to_string()], false));
        }
        match serde_json::from_str::<Value>(args) {
            Ok(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => out.push(s),
                        _ => {
                            return Err(self.error(
                                lg,
                                offset,
                                "the exec-form JSON array must hold only strings, e.g. [\"node\", \"server.js\"]".into(),
                            ));
                        }
                    }
                }
                Ok((out, true))
            }
            Err(e) if looks_like_json_array(args) => {
                let what = if e.is_eof() {
                    "it ends before its closing `]` or `\"`"
                } else {
                    "it is not valid JSON"
                };
                Err(self.error(
                    lg,
                    offset + e.column().saturating_sub(1).min(args.len()),
                    format!(
                        "malformed exec-form JSON array: {what}; write [\"executable\", \"arg\"] with double quotes, or use the shell form"
                    ),
                ))
            }
            // A shell command that starts with `[`, like `[ -f x ] && ...`.
            _ => Ok((vec![args.to_string()], false)),
        }
    }

    /// ENV/LABEL arguments: `k=v ...` or the legacy `k value`; raw (quoted) keys and values.
    fn name_values(
        &self,
        lg: &Logical,
        args: &str,
        offset: usize,
        upper: &str,
    ) -> Result<Vec<(String, String)>, DockerfileError> {
        let words = parse_words(args, self.escape);
        let Some((first, _)) = words.first() else {
            return Err(self.error(
                lg,
                offset,
                format!("{upper} requires at least one `key=value`"),
            ));
        };
        if !first.contains('=') {
            // Legacy `ENV key value with spaces`: one pair, the value is the rest of the line.
            let split = args.find(char::is_whitespace);
            let key = split.and_then(|i| args.get(..i)).unwrap_or(args);
            let val = split.and_then(|i| args.get(i..)).unwrap_or("").trim();
            if val.is_empty() {
                return Err(self.error(
                    lg,
                    offset,
                    format!(
                        "{upper} {} has no value; write `{upper} key=value`",
                        shorten(key)
                    ),
                ));
            }
            return Ok(vec![(key.to_string(), val.to_string())]);
        }
        let mut pairs = Vec::with_capacity(words.len());
        for (word, at) in words {
            let Some((key, val)) = word.split_once('=') else {
                return Err(self.error(
                    lg,
                    offset + at,
                    format!("{upper}: no `=` in {:?}; write key=value", shorten(&word)),
                ));
            };
            if key.is_empty() {
                return Err(self.error(lg, offset + at, format!("{upper}: empty name before `=`")));
            }
            pairs.push((key.to_string(), val.to_string()));
        }
        Ok(pairs)
    }
}

/// A parser directive line `# name=value`, name lowercased.
fn parse_directive(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix('#')?.trim_start();
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = rest.get(..name_len)?;
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let value = rest.get(name_len..)?.trim_start().strip_prefix('=')?.trim();
    if value.is_empty() {
        return None;
    }
    Some((name.to_ascii_lowercase(), value.to_string()))
}

/// Removes a trailing escape character (and blanks after it): `(text, continues)`.
fn trim_continuation(line: &str, escape: char) -> (&str, bool) {
    match line.trim_end_matches([' ', '\t']).strip_suffix(escape) {
        Some(piece) => (piece, true),
        None => (line, false),
    }
}

/// Leading `--flag[=value]` words (quotes and backslashes processed, as BuildKit does); returns
/// where the arguments start and the flag words.
fn extract_flags(line: &str) -> (usize, Vec<String>) {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote(char),
    }
    let mut words = Vec::new();
    let mut chars = line.char_indices().peekable();
    let mut phase = Phase::Spaces;
    let mut word = String::new();
    let mut blank_ok = false;
    loop {
        let Some((pos, ch)) = chars.next() else {
            if phase != Phase::Spaces && word != "--" && (blank_ok || !word.is_empty()) {
                words.push(word);
            }
            return (line.len(), words);
        };
        match phase {
            Phase::Spaces => {
                if ch.is_whitespace() {
                    continue;
                }
                if ch != '-' || chars.peek().is_none_or(|&(_, c)| c != '-') {
                    return (pos, words);
                }
                phase = Phase::Word;
                word.push(ch);
            }
            Phase::Word => {
                if ch.is_whitespace() {
                    phase = Phase::Spaces;
                    if word == "--" {
                        return (pos, words);
                    }
                    if blank_ok || !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                    blank_ok = false;
                } else if ch == '\'' || ch == '"' {
                    phase = Phase::Quote(ch);
                    blank_ok = true;
                } else if ch == '\\' {
                    if let Some((_, next)) = chars.next() {
                        word.push(next);
                    }
                } else {
                    word.push(ch);
                }
            }
            Phase::Quote(quote) => {
                if ch == quote {
                    phase = Phase::Word;
                } else if ch == '\\' {
                    match chars.next() {
                        Some((_, next)) => word.push(next),
                        None => phase = Phase::Word,
                    }
                } else {
                    word.push(ch);
                }
            }
        }
    }
}

/// Flag words into the `flags` object: `--mount` always an array, `--x` alone `true`.
fn flags_map(words: Vec<String>) -> Map<String, Value> {
    let mut map = Map::new();
    for word in words {
        let word = word.strip_prefix("--").unwrap_or(&word);
        let (name, value) = match word.split_once('=') {
            Some((n, v)) => (n, Value::String(v.to_string())),
            None => (word, Value::Bool(true)),
        };
        if name == "mount" {
            let mount = value.as_str().unwrap_or("").to_string();
            match map.get_mut("mount") {
                Some(Value::Array(list)) => list.push(Value::String(mount)),
                _ => {
                    map.insert("mount".into(), json!([mount]));
                }
            }
        } else {
            map.insert(name.to_string(), value);
        }
    }
    map
}

/// Whitespace-separated words that keep their quotes and escapes (BuildKit's `parseWords`),
/// each with its byte offset.
fn parse_words(text: &str, escape: char) -> Vec<(String, usize)> {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote(char),
    }
    let mut words = Vec::new();
    let mut chars = text.char_indices();
    let mut phase = Phase::Spaces;
    let mut word = String::new();
    let mut start = 0;
    let mut blank_ok = false;
    loop {
        let Some((pos, ch)) = chars.next() else {
            if phase != Phase::Spaces && (blank_ok || !word.is_empty()) {
                words.push((word, start));
            }
            return words;
        };
        if phase == Phase::Spaces {
            if ch.is_whitespace() {
                continue;
            }
            phase = Phase::Word;
            start = pos;
        }
        match phase {
            Phase::Spaces => {}
            Phase::Word => {
                if ch.is_whitespace() {
                    phase = Phase::Spaces;
                    if blank_ok || !word.is_empty() {
                        words.push((std::mem::take(&mut word), start));
                    }
                    blank_ok = false;
                    continue;
                }
                if ch == '\'' || ch == '"' {
                    phase = Phase::Quote(ch);
                    blank_ok = true;
                }
                if ch == escape {
                    // An escape outside quotes keeps itself and the next character.
                    if let Some((_, next)) = chars.next() {
                        word.push(ch);
                        word.push(next);
                    }
                    continue;
                }
                word.push(ch);
            }
            Phase::Quote(quote) => {
                if ch == quote {
                    phase = Phase::Word;
                }
                if ch == escape && quote != '\'' {
                    match chars.next() {
                        Some((_, next)) => {
                            word.push(ch);
                            word.push(next);
                        }
                        None => phase = Phase::Word,
                    }
                    continue;
                }
                word.push(ch);
            }
        }
    }
}

/// A raw word with its quotes removed and escapes applied, as the shell would (no variable
/// expansion: `$X` stays as written).
fn unquote(raw: &str, escape: char) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            for inner in chars.by_ref() {
                if inner == '\'' {
                    break;
                }
                out.push(inner);
            }
        } else if c == '"' {
            while let Some(inner) = chars.next() {
                if inner == '"' {
                    break;
                }
                if inner == escape {
                    match chars.peek() {
                        Some(&next) if next == '"' || next == '$' || next == escape => {
                            out.push(next);
                            chars.next();
                        }
                        _ => out.push(inner),
                    }
                } else {
                    out.push(inner);
                }
            }
        } else if c == escape {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Heredocs announced in shell-form arguments: words `[n]<<[-]NAME`, NAME possibly quoted.
fn heredoc_specs(args: &str, offset: usize, escape: char) -> Vec<HeredocSpec> {
    let mut specs = Vec::new();
    for (word, at) in parse_words(args, escape) {
        let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
        let Some(rest) = rest.strip_prefix("<<") else {
            continue;
        };
        let (strip_tabs, rest) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if rest.is_empty() || rest.contains('<') {
            continue;
        }
        let quoted = rest.contains(['"', '\'']);
        let name: String = rest.chars().filter(|c| *c != '"' && *c != '\'').collect();
        if name.is_empty() {
            continue;
        }
        specs.push(HeredocSpec {
            name,
            strip_tabs,
            quoted,
            offset: offset + at,
        });
    }
    specs
}

/// Whether an argument that failed to parse as JSON was meant as an exec-form array: `[` then
/// nothing, or a JSON string followed by `,` or `]` (not `[ "$X" = y ]`, a shell test).
fn looks_like_json_array(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('[') else {
        return false;
    };
    let rest = rest.trim_start();
    let Some(mut string) = rest.strip_prefix('"') else {
        return rest.is_empty();
    };
    loop {
        let Some(i) = string.find(['"', '\\']) else {
            return true;
        };
        let is_escape = string.get(i..).is_some_and(|s| s.starts_with('\\'));
        let after = string.get(i + 1..).unwrap_or("");
        if is_escape {
            let mut chars = after.chars();
            if chars.next().is_none() {
                return true;
            }
            string = chars.as_str();
            continue;
        }
        let tail = after.trim_start();
        return tail.is_empty() || tail.starts_with(',') || tail.starts_with(']');
    }
}

/// `image[:tag][@digest]` into its parts (the tag is after the last `/`, so a registry port is
/// not a tag).
fn split_image(base: &str) -> (String, Option<String>, Option<String>) {
    let (rest, digest) = match base.split_once('@') {
        Some((r, d)) => (r, Some(d.to_string())),
        None => (base, None),
    };
    let name_start = rest.rfind('/').map_or(0, |i| i + 1);
    match rest
        .get(name_start..)
        .and_then(|name| name.rfind(':'))
        .map(|i| name_start + i)
    {
        Some(colon) => (
            rest.get(..colon).unwrap_or(rest).to_string(),
            rest.get(colon + 1..).map(str::to_string),
            digest,
        ),
        None => (rest.to_string(), None, digest),
    }
}

/// Build stage names: a letter, then letters, digits, `-`, `_`, `.` (after lowercasing).
fn valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

/// Input text cut short for an error message (a 2 MiB word must not become the message).
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", text.get(..cut).unwrap_or("")),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn doc(text: &str) -> Value {
        match parse("Dockerfile", text) {
            Ok(doc) => doc,
            Err(e) => panic!("unexpected parse error: {e}"),
        }
    }

    fn err(text: &str) -> DockerfileError {
        match parse("Dockerfile", text) {
            Ok(doc) => panic!("expected an error, got {doc:#}"),
            Err(e) => e,
        }
    }

    fn instructions(doc: &Value) -> Vec<Value> {
        doc["instructions"].as_array().cloned().unwrap_or_default()
    }

    /// `(cmd, __line__, __end_line__)` of every instruction.
    fn spans(doc: &Value) -> Vec<(String, u64, u64)> {
        instructions(doc)
            .iter()
            .map(|i| {
                (
                    i["cmd"].as_str().unwrap_or("?").to_string(),
                    i["__line__"].as_u64().unwrap_or(0),
                    i["__end_line__"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    }

    fn span_list(list: &[(&str, u64, u64)]) -> Vec<(String, u64, u64)> {
        list.iter()
            .map(|(c, a, b)| (c.to_string(), *a, *b))
            .collect()
    }

    const NODE: &str = r#"# syntax=docker/dockerfile:1.7
ARG NODE_VERSION=20.11
ARG REGISTRY

FROM node:${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

FROM deps AS build
COPY . .
RUN npm run build

FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:0123abcd
WORKDIR /app
COPY --from=deps --chown=nonroot:nonroot /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
ENV NODE_ENV=production PORT=8080
EXPOSE 8080/tcp
USER nonroot
CMD ["dist/server.js"]
"#;

    #[test]
    fn node_multi_stage() {
        let d = doc(NODE);
        assert_eq!(d["kind"], "dockerfile");
        assert_eq!(d["path"], "Dockerfile");
        assert_eq!(d["directives"], json!({"syntax": "docker/dockerfile:1.7"}));
        assert_eq!(
            d["args"],
            json!([
                {"name": "NODE_VERSION", "default": "20.11", "__line__": 2, "__end_line__": 2},
                {"name": "REGISTRY", "default": null, "__line__": 3, "__end_line__": 3},
            ])
        );
        assert_eq!(
            spans(&d),
            span_list(&[
                ("arg", 2, 2),
                ("arg", 3, 3),
                ("from", 5, 5),
                ("workdir", 6, 6),
                ("copy", 7, 7),
                ("run", 8, 9),
                ("from", 11, 11),
                ("copy", 12, 12),
                ("run", 13, 13),
                ("from", 15, 15),
                ("workdir", 16, 16),
                ("copy", 17, 17),
                ("copy", 18, 18),
                ("env", 19, 19),
                ("expose", 20, 20),
                ("user", 21, 21),
                ("cmd", 22, 22),
            ])
        );
        let stages = d["stages"].as_array().cloned().unwrap_or_default();
        assert_eq!(stages.len(), 3);
        let s0 = &stages[0];
        assert_eq!(s0["index"], 0);
        assert_eq!(s0["name"], "deps");
        assert_eq!(s0["base"], "node:${NODE_VERSION}-alpine");
        assert_eq!(s0["image"], "node");
        assert_eq!(s0["tag"], "${NODE_VERSION}-alpine");
        assert_eq!(s0["digest"], Value::Null);
        assert_eq!(s0["platform"], Value::Null);
        assert_eq!(s0["from_stage"], Value::Null);
        assert_eq!(
            (&s0["__line__"], &s0["__end_line__"]),
            (&json!(5), &json!(9))
        );
        assert_eq!(s0["instructions"].as_array().map(Vec::len), Some(4));
        assert_eq!(s0["instructions"][0]["cmd"], "from");
        let s1 = &stages[1];
        assert_eq!(s1["from_stage"], 0);
        assert_eq!(s1["name"], "build");
        assert_eq!(
            (&s1["__line__"], &s1["__end_line__"]),
            (&json!(11), &json!(13))
        );
        let s2 = &stages[2];
        assert_eq!(s2["name"], Value::Null);
        assert_eq!(s2["image"], "gcr.io/distroless/nodejs20-debian12");
        assert_eq!(s2["tag"], "nonroot");
        assert_eq!(s2["digest"], "sha256:0123abcd");
        assert_eq!(s2["__end_line__"], 22);

        let all = instructions(&d);
        assert_eq!(all[0]["stage"], Value::Null);
        assert_eq!(all[2]["stage"], 0);
        assert_eq!(all[16]["stage"], 2);
        let run = &all[5];
        assert_eq!(
            run["flags"],
            json!({"mount": ["type=cache,target=/root/.npm"]})
        );
        assert_eq!(run["value"], json!(["npm ci --omit=dev"]));
        assert_eq!(run["json"], false);
        assert_eq!(
            run["original"],
            "RUN --mount=type=cache,target=/root/.npm \\\n    npm ci --omit=dev"
        );
        let copy = &all[11];
        assert_eq!(
            copy["flags"],
            json!({"from": "deps", "chown": "nonroot:nonroot"})
        );
        assert_eq!(copy["sources"], json!(["/app/node_modules"]));
        assert_eq!(copy["destination"], "./node_modules");
        assert_eq!(
            all[13]["env"],
            json!({"NODE_ENV": "production", "PORT": "8080"})
        );
        assert_eq!(
            all[13]["value"],
            json!(["NODE_ENV", "production", "PORT", "8080"])
        );
        assert_eq!(all[14]["ports"], json!(["8080/tcp"]));
        assert_eq!(all[15]["user"], "nonroot");
        assert_eq!(all[15]["group"], Value::Null);
        assert_eq!(all[16]["value"], json!(["dist/server.js"]));
        assert_eq!(all[16]["json"], true);
        // Each stage's instructions are the same objects as the file's list.
        assert_eq!(stages[2]["instructions"][7], all[16]);
    }

    #[test]
    fn go_build_with_platform_and_distroless() {
        let text = "\
ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build
ARG TARGETOS TARGETARCH
ARG CGO_ENABLED=0
WORKDIR /src
RUN --mount=type=bind,target=. \\
    --mount=type=cache,target=/go/pkg/mod \\
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12 AS final
COPY --from=build --chmod=0755 --link /out/app /app
USER 65532:65532
ENTRYPOINT [\"/app\"]
";
        let d = doc(text);
        assert_eq!(
            spans(&d),
            span_list(&[
                ("arg", 1, 1),
                ("from", 2, 2),
                ("arg", 3, 3),
                ("arg", 4, 4),
                ("workdir", 5, 5),
                ("run", 6, 8),
                ("from", 10, 10),
                ("copy", 11, 11),
                ("user", 12, 12),
                ("entrypoint", 13, 13),
            ])
        );
        let s0 = &d["stages"][0];
        assert_eq!(s0["platform"], "$BUILDPLATFORM");
        assert_eq!(
            s0["name"], "build",
            "stage names are lowercased like Docker does"
        );
        assert_eq!(s0["image"], "golang");
        assert_eq!(s0["tag"], "${GO_VERSION}");
        let all = instructions(&d);
        assert_eq!(
            all[1]["value"],
            json!(["golang:${GO_VERSION}", "AS", "Build"])
        );
        assert_eq!(all[1]["flags"], json!({"platform": "$BUILDPLATFORM"}));
        assert_eq!(
            all[2]["args"],
            json!([{"name": "TARGETOS", "default": null}, {"name": "TARGETARCH", "default": null}])
        );
        assert_eq!(all[2]["arg"], json!({"name": "TARGETOS", "default": null}));
        assert_eq!(
            all[3]["arg"],
            json!({"name": "CGO_ENABLED", "default": "0"})
        );
        assert_eq!(
            d["args"].as_array().map(Vec::len),
            Some(1),
            "stage ARGs are not global"
        );
        assert_eq!(
            all[5]["flags"]["mount"],
            json!(["type=bind,target=.", "type=cache,target=/go/pkg/mod"])
        );
        assert_eq!(
            all[5]["value"],
            json!(["GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app"])
        );
        assert_eq!(
            all[7]["flags"],
            json!({"from": "build", "chmod": "0755", "link": true})
        );
        assert_eq!(all[8]["user"], "65532");
        assert_eq!(all[8]["group"], "65532");
        assert_eq!(all[9]["value"], json!(["/app"]));
        assert_eq!(d["stages"][1]["from_stage"], Value::Null);
    }

    #[test]
    fn python_continuations_with_comments_and_empty_lines() {
        let text = "\
FROM python:3.12-slim AS base
ENV PYTHONDONTWRITEBYTECODE 1
ENV PIP_NO_CACHE_DIR=off \\
    PATH=\"/opt/venv/bin:$PATH\"
RUN apt-get update && \\
  # the compiler is needed for wheels without binaries
  apt-get install -y --no-install-recommends gcc \\

  && rm -rf /var/lib/apt/lists/*
LABEL org.opencontainers.image.source=\"https://example.com/app\" \\
      \"com.example.team\"='platform team' version=1.2
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . /app
WORKDIR /app
HEALTHCHECK --interval=30s --timeout=3s \\
  CMD curl -f http://localhost:8000/health || exit 1
CMD python -m app
";
        let d = doc(text);
        assert_eq!(
            spans(&d),
            span_list(&[
                ("from", 1, 1),
                ("env", 2, 2),
                ("env", 3, 4),
                ("run", 5, 9),
                ("label", 10, 11),
                ("copy", 12, 12),
                ("run", 13, 13),
                ("copy", 14, 14),
                ("workdir", 15, 15),
                ("healthcheck", 16, 17),
                ("cmd", 18, 18),
            ])
        );
        let all = instructions(&d);
        assert_eq!(all[1]["env"], json!({"PYTHONDONTWRITEBYTECODE": "1"}));
        assert_eq!(all[1]["value"], json!(["PYTHONDONTWRITEBYTECODE", "1"]));
        assert_eq!(
            all[2]["env"],
            json!({"PIP_NO_CACHE_DIR": "off", "PATH": "/opt/venv/bin:$PATH"})
        );
        // Docker removes only the escape and the newline: the blanks around it stay.
        assert_eq!(
            all[3]["value"],
            json!([
                "apt-get update &&   apt-get install -y --no-install-recommends gcc   && rm -rf /var/lib/apt/lists/*"
            ])
        );
        assert!(
            all[3]["original"]
                .as_str()
                .is_some_and(|o| o.contains("# the compiler") && o.ends_with("lists/*"))
        );
        assert_eq!(
            all[4]["labels"],
            json!({
                "org.opencontainers.image.source": "https://example.com/app",
                "com.example.team": "platform team",
                "version": "1.2",
            })
        );
        assert_eq!(all[5]["sources"], json!(["requirements.txt"]));
        assert_eq!(all[5]["destination"], ".");
        assert_eq!(all[9]["flags"], json!({"interval": "30s", "timeout": "3s"}));
        assert_eq!(
            all[9]["healthcheck"],
            json!({"none": false, "cmd": ["curl -f http://localhost:8000/health || exit 1"], "json": false})
        );
        assert_eq!(all[10]["value"], json!(["python -m app"]));
        assert_eq!(all[10]["json"], false);
    }

    #[test]
    fn backtick_escape_directive() {
        let text = "# escape=`
# syntax=docker/dockerfile:1

FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY testfile.txt c:\\
RUN dir c:\\ `
    && echo done
WORKDIR C:\\app\\
";
        let d = doc(text);
        assert_eq!(
            d["directives"],
            json!({"escape": "`", "syntax": "docker/dockerfile:1"})
        );
        assert_eq!(
            spans(&d),
            span_list(&[
                ("from", 4, 4),
                ("copy", 5, 5),
                ("run", 6, 7),
                ("workdir", 8, 8)
            ])
        );
        let all = instructions(&d);
        assert_eq!(all[1]["destination"], "c:\\");
        assert_eq!(all[2]["value"], json!(["dir c:\\     && echo done"]));
        assert_eq!(all[3]["value"], json!(["C:\\app\\"]));
    }

    #[test]
    fn directives_only_at_the_top() {
        let d = doc("FROM alpine\n# escape=`\nRUN echo a \\\n  b\n");
        assert_eq!(d["directives"], json!({}));
        assert_eq!(instructions(&d)[1]["value"], json!(["echo a   b"]));
        // A blank line ends the directives too.
        let d = doc("\n# escape=`\nFROM alpine\n");
        assert_eq!(d["directives"], json!({}));
        let e = err("# escape=`\n# escape=\\\nFROM alpine\n");
        assert_eq!((e.line, e.column), (2, 1));
        let e = err("# escape=x\nFROM alpine\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("escape"), "{e}");
    }

    #[test]
    fn exec_and_shell_forms() {
        let text = r#"FROM alpine
RUN ["sh", "-c", "echo \"quoted\" \\ done"]
RUN [ -f /etc/os-release ] && echo yes
RUN [ "$FLAVOR" = "slim" ] || apk add curl
ENTRYPOINT []
CMD
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
VOLUME ["/data", "/logs"]
VOLUME /cache /tmp/x
STOPSIGNAL SIGTERM
MAINTAINER someone@example.com
ADD ["https://example.com/a.tgz", "/opt/"]
ADD --checksum=sha256:abc --keep-git-dir https://example.com/b.tgz c.tgz /opt/
run --network=none --security=insecure echo hi
"#;
        let d = doc(text);
        let all = instructions(&d);
        assert_eq!(
            all[1]["value"],
            json!(["sh", "-c", "echo \"quoted\" \\ done"])
        );
        assert_eq!(all[1]["json"], true);
        assert_eq!(
            all[2]["value"],
            json!(["[ -f /etc/os-release ] && echo yes"])
        );
        assert_eq!(all[2]["json"], false);
        assert_eq!(all[3]["json"], false);
        assert_eq!(
            (&all[4]["value"], &all[4]["json"]),
            (&json!([]), &json!(true))
        );
        assert_eq!(
            (&all[5]["value"], &all[5]["json"]),
            (&json!([]), &json!(false))
        );
        assert_eq!(
            all[6]["value"],
            json!(["/bin/ash", "-eo", "pipefail", "-c"])
        );
        assert_eq!(all[7]["volumes"], json!(["/data", "/logs"]));
        assert_eq!(all[8]["volumes"], json!(["/cache", "/tmp/x"]));
        assert_eq!(all[8]["value"], json!(["/cache /tmp/x"]));
        assert_eq!(all[9]["value"], json!(["SIGTERM"]));
        assert_eq!(all[10]["value"], json!(["someone@example.com"]));
        assert_eq!(all[11]["sources"], json!(["https://example.com/a.tgz"]));
        assert_eq!(all[11]["destination"], "/opt/");
        assert_eq!(all[11]["json"], true);
        assert_eq!(
            all[12]["flags"],
            json!({"checksum": "sha256:abc", "keep-git-dir": true})
        );
        assert_eq!(
            all[12]["sources"],
            json!(["https://example.com/b.tgz", "c.tgz"])
        );
        assert_eq!(all[13]["cmd"], "run");
        assert_eq!(
            all[13]["flags"],
            json!({"network": "none", "security": "insecure"})
        );
        assert_eq!(all[13]["value"], json!(["echo hi"]));
        let lines: Vec<u64> = spans(&d).iter().map(|s| s.1).collect();
        assert_eq!(lines, (1..=14).collect::<Vec<u64>>());
    }

    #[test]
    fn heredocs() {
        let text = "\
# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
RUN <<-EOT bash
\tset -eux
\t\techo indented
\tEOT
RUN cat <<'ONE' > /a && cat <<\"TWO\" > /b
first $HOME
ONE
second
TWO
COPY <<EOF /etc/app.conf
port=8080
EOF
COPY --chmod=0644 <<robots.txt <<humans.txt /usr/share/nginx/html/
User-agent: *
robots.txt
Someone
humans.txt
RUN \"<<NOHEREDOC\"
RUN [\"<<EOF\"]
RUN <<EMPTY
EMPTY
CMD [\"bash\"]
";
        let d = doc(text);
        assert_eq!(
            spans(&d),
            span_list(&[
                ("from", 2, 2),
                ("run", 3, 6),
                ("run", 7, 10),
                ("run", 11, 15),
                ("copy", 16, 18),
                ("copy", 19, 23),
                ("run", 24, 24),
                ("run", 25, 25),
                ("run", 26, 27),
                ("cmd", 28, 28),
            ])
        );
        let all = instructions(&d);
        assert_eq!(all[1]["value"], json!(["<<EOF"]));
        assert_eq!(
            all[1]["heredocs"],
            json!([{"delimiter": "EOF", "body": "apt-get update\napt-get install -y curl\n",
                    "strip_tabs": false, "quoted": false, "__line__": 4, "__end_line__": 6}])
        );
        assert_eq!(all[1]["original"], "RUN <<EOF");
        assert_eq!(all[2]["heredocs"][0]["body"], "set -eux\necho indented\n");
        assert_eq!(all[2]["heredocs"][0]["strip_tabs"], true);
        assert_eq!(all[2]["heredocs"][0]["delimiter"], "EOT");
        let two = all[3]["heredocs"].as_array().cloned().unwrap_or_default();
        assert_eq!(two.len(), 2);
        assert_eq!(two[0]["delimiter"], "ONE");
        assert_eq!(two[0]["quoted"], true);
        assert_eq!(two[0]["body"], "first $HOME\n");
        assert_eq!(
            (&two[0]["__line__"], &two[0]["__end_line__"]),
            (&json!(12), &json!(13))
        );
        assert_eq!(two[1]["delimiter"], "TWO");
        assert_eq!(
            (&two[1]["__line__"], &two[1]["__end_line__"]),
            (&json!(14), &json!(15))
        );
        assert_eq!(all[4]["sources"], json!(["<<EOF"]));
        assert_eq!(all[4]["destination"], "/etc/app.conf");
        assert_eq!(all[4]["heredocs"][0]["body"], "port=8080\n");
        assert_eq!(all[5]["sources"], json!(["<<robots.txt", "<<humans.txt"]));
        assert_eq!(all[5]["heredocs"][1]["body"], "Someone\n");
        assert_eq!(all[6]["heredocs"], json!([]));
        assert_eq!(all[7]["heredocs"], json!([]));
        assert_eq!(all[7]["json"], true);
        assert_eq!(all[8]["heredocs"][0]["body"], "");
        assert_eq!(all[8]["heredocs"][0]["__line__"], 27);
    }

    #[test]
    fn onbuild_and_healthcheck_none() {
        let text = "\
FROM node:20 AS base
ONBUILD COPY --chown=node package.json /app/
ONBUILD run npm ci
ONBUILD RUN <<EOF
make
EOF
HEALTHCHECK NONE
healthcheck --retries=3 CMD [\"/bin/check\", \"--quick\"]
";
        let d = doc(text);
        assert_eq!(
            spans(&d),
            span_list(&[
                ("from", 1, 1),
                ("onbuild", 2, 2),
                ("onbuild", 3, 3),
                ("onbuild", 4, 6),
                ("healthcheck", 7, 7),
                ("healthcheck", 8, 8),
            ])
        );
        let all = instructions(&d);
        let trigger = &all[1]["onbuild"];
        assert_eq!(trigger["cmd"], "copy");
        assert_eq!(trigger["flags"], json!({"chown": "node"}));
        assert_eq!(trigger["sources"], json!(["package.json"]));
        assert_eq!(trigger["destination"], "/app/");
        assert_eq!(trigger["original"], "COPY --chown=node package.json /app/");
        assert_eq!(trigger["__line__"], 2);
        assert_eq!(
            all[1]["value"],
            json!(["COPY --chown=node package.json /app/"])
        );
        assert_eq!(all[2]["onbuild"]["cmd"], "run");
        assert_eq!(all[2]["onbuild"]["value"], json!(["npm ci"]));
        assert_eq!(all[3]["onbuild"]["heredocs"][0]["body"], "make\n");
        assert_eq!(all[3]["onbuild"]["__end_line__"], 6);
        assert_eq!(all[4]["healthcheck"], json!({"none": true}));
        assert_eq!(all[4]["value"], json!(["NONE"]));
        assert_eq!(
            all[5]["healthcheck"],
            json!({"none": false, "cmd": ["/bin/check", "--quick"], "json": true})
        );
        assert_eq!(all[5]["value"], json!(["CMD", "/bin/check", "--quick"]));
        assert_eq!(all[5]["flags"], json!({"retries": "3"}));

        for bad in [
            "FROM a\nONBUILD ONBUILD RUN x\n",
            "FROM a\nONBUILD FROM b\n",
        ] {
            let e = err(bad);
            assert_eq!((e.line, e.column), (2, 9), "{e}");
        }
        // A long ONBUILD chain is rejected at its second word, without recursing.
        let chain = format!("FROM a\n{}RUN x\n", "ONBUILD ".repeat(100_000));
        assert_eq!(err(&chain).line, 2);
    }

    #[test]
    fn from_earlier_stage_by_name_or_index_and_case_insensitive_keywords() {
        let text = "\
from alpine:3.19 as Tools
Run apk add git
FROM tools
FROM 0 AS again
FrOm scratch
COPY --from=again /x /x
";
        let d = doc(text);
        let stages = d["stages"].as_array().cloned().unwrap_or_default();
        assert_eq!(stages.len(), 4);
        assert_eq!(stages[0]["name"], "tools");
        assert_eq!(stages[1]["from_stage"], 0);
        assert_eq!(stages[1]["name"], Value::Null);
        assert_eq!(stages[2]["from_stage"], 0);
        assert_eq!(stages[3]["from_stage"], Value::Null);
        assert_eq!(stages[3]["image"], "scratch");
        assert_eq!(
            spans(&d),
            span_list(&[
                ("from", 1, 1),
                ("run", 2, 2),
                ("from", 3, 3),
                ("from", 4, 4),
                ("from", 5, 5),
                ("copy", 6, 6),
            ])
        );
        let e = err("FROM a AS x\nFROM b AS X\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("duplicate"), "{e}");
    }

    #[test]
    fn images_split_into_parts() {
        let owned = |s: &str| Some(s.to_string());
        assert_eq!(
            split_image("localhost:5000/team/app:1.0@sha256:ff"),
            (
                "localhost:5000/team/app".to_string(),
                owned("1.0"),
                owned("sha256:ff")
            )
        );
        assert_eq!(
            split_image("localhost:5000/app"),
            ("localhost:5000/app".to_string(), None, None)
        );
        assert_eq!(split_image("ubuntu"), ("ubuntu".to_string(), None, None));
    }

    #[test]
    fn crlf_bom_empty_and_comment_only_files() {
        let d = doc("\u{feff}FROM alpine\r\nRUN echo a \\\r\n  b\r\n");
        assert_eq!(spans(&d), span_list(&[("from", 1, 1), ("run", 2, 3)]));
        assert_eq!(instructions(&d)[1]["value"], json!(["echo a   b"]));
        assert_eq!(instructions(&d)[1]["original"], "RUN echo a \\\n  b");
        for empty in ["", "\n\n", "# just a comment\n   # another\n", "   \n\t\n"] {
            let d = doc(empty);
            assert_eq!(d["stages"], json!([]));
            assert_eq!(d["instructions"], json!([]));
            assert_eq!(d["args"], json!([]));
        }
    }

    #[test]
    fn recognizes_dockerfile_names() {
        for yes in [
            "Dockerfile",
            "app/dockerfile",
            "Containerfile",
            "build\\Dockerfile.prod",
            "deploy/api.Dockerfile",
            "x.dockerfile",
            "DOCKERFILE.dev",
        ] {
            assert!(is_dockerfile(yes), "{yes}");
        }
        for no in [
            "Dockerfile.dockerignore",
            "api.Dockerfile.dockerignore",
            ".dockerignore",
            "src/dockerfile.rs",
            "dockerfile.go",
            "Dockerfile.",
            ".dockerfile",
            "Dockerfiles",
            "docker-compose.yml",
            "Dockerfile/README",
        ] {
            assert!(!is_dockerfile(no), "{no}");
        }
    }

    // ---- bad input ----

    #[test]
    fn unterminated_json_array_is_an_error_with_position() {
        let e = err("FROM alpine\n  CMD [\"node\", \"server.js\"\n");
        assert_eq!(e.line, 2);
        assert!(e.column >= 7, "{e}");
        assert!(e.message.contains("JSON"), "{e}");
        assert!(e.to_string().starts_with("Dockerfile:2:"), "{e}");
        // Continued onto a second line: the position is on the line of the problem.
        let e = err("FROM alpine\nENTRYPOINT [\"a\", \\\n  \"b\"\n");
        assert_eq!(e.line, 3, "{e}");
        let e = err("FROM alpine\nRUN [\"a\", 1]\n");
        assert_eq!((e.line, e.column), (2, 5), "{e}");
        let e = err("FROM alpine\nCMD [\n");
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn unterminated_heredoc_is_an_error() {
        let e = err("FROM alpine\nRUN echo start && cat <<EOF > /x\nline one\nEOFX\n");
        assert_eq!((e.line, e.column), (2, 23), "{e}");
        assert!(e.message.contains("unterminated heredoc <<EOF"), "{e}");
        // `<<-` strips tabs, `<<` does not: a tab-indented terminator does not close `<<`.
        assert_eq!(err("FROM a\nRUN <<EOF\n\tEOF\n").line, 2);
    }

    #[test]
    fn unknown_instruction_is_an_error_with_column() {
        let e = err("FROM alpine\nRUN true\n   COPYY a b\n");
        assert_eq!((e.line, e.column), (3, 4), "{e}");
        assert!(e.message.contains("unknown instruction \"COPYY\""), "{e}");
    }

    #[test]
    fn from_without_image_is_an_error() {
        let e = err("ARG X\nFROM\n");
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        let e = err("FROM --platform=linux/amd64\n");
        assert_eq!(e.line, 1, "{e}");
        let e = err("FROM a AS\n");
        assert_eq!((e.line, e.column), (1, 6), "{e}");
        let e = err("FROM a AS 1bad\n");
        assert!(e.message.contains("stage name"), "{e}");
    }

    #[test]
    fn other_malformed_instructions() {
        let cases: &[(&str, u32, u32)] = &[
            ("RUN echo before from\n", 1, 1),
            ("FROM a\nENV\n", 2, 1),
            ("FROM a\nENV A=1 B\n", 2, 9),
            ("FROM a\nENV ONLYKEY\n", 2, 5),
            ("FROM a\nCOPY onlyone\n", 2, 6),
            ("FROM a\nCOPY\n", 2, 1),
            ("FROM a\nSHELL /bin/sh -c\n", 2, 1),
            ("FROM a\nHEALTHCHECK NONE extra\n", 2, 18),
            ("FROM a\nHEALTHCHECK --interval=5s\n", 2, 1),
            ("FROM a\nHEALTHCHECK STATUS x\n", 2, 13),
            ("FROM a\nARG\n", 2, 1),
            ("FROM a\nARG =x\n", 2, 5),
            ("FROM a\nUSER\n", 2, 1),
            ("FROM a\nRUN\n", 2, 1),
        ];
        for (text, line, column) in cases {
            let e = err(text);
            assert_eq!((e.line, e.column), (*line, *column), "{text:?}: {e}");
            assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn two_mib_single_line() {
        let long = "a".repeat(2 << 20);
        let d = doc(&format!("FROM alpine\nRUN echo {long}\n"));
        assert_eq!(
            instructions(&d)[1]["value"][0].as_str().map(str::len),
            Some(5 + (2 << 20))
        );
        // A junk line: the error message stays short.
        let e = err(&format!("FROM alpine\n{long}\n"));
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.len() < 400, "{}", e.message.len());
        // A JSON error far into a long line: the column is counted in characters.
        let e = err(&format!(
            "FROM alpine\nCMD [\"{}\", \"x\"\n",
            "é".repeat(1 << 20)
        ));
        assert_eq!(e.line, 2);
        assert!(e.column > 1 << 20, "{e}");
    }

    #[test]
    fn hundred_thousand_empty_continuation_lines_are_fast() {
        let start = Instant::now();
        let text = format!(
            "FROM alpine\nRUN echo start \\\n{}  done\n",
            "\n".repeat(100_000)
        );
        let d = doc(&text);
        assert_eq!(instructions(&d)[1]["value"], json!(["echo start   done"]));
        assert_eq!(instructions(&d)[1]["__end_line__"], 100_003);
        let text = format!(
            "FROM alpine\nRUN echo start \\\n{}  done\n",
            "\\\n".repeat(100_000)
        );
        let d = doc(&text);
        assert_eq!(instructions(&d)[1]["__end_line__"], 100_003);
        let text = format!(
            "FROM alpine\nRUN echo \\\n{}x\n",
            "# comment \\\n".repeat(100_000)
        );
        assert_eq!(doc(&text)["instructions"][1]["value"], json!(["echo x"]));
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn many_named_stages_are_linear() {
        let start = Instant::now();
        let text: String = (0..50_000)
            .map(|i| format!("FROM s{} AS s{i}\n", i.max(1) - 1))
            .collect();
        let d = doc(&text);
        assert_eq!(d["stages"][49_999]["from_stage"], 49_998);
        // ~1.5 s in a debug build; the bound leaves room for a loaded CI machine, while a
        // quadratic stage lookup (1.25e9 comparisons here) would blow it.
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn too_many_instructions() {
        let text = format!("FROM a\n{}", "EXPOSE 80\n".repeat(MAX_INSTRUCTIONS));
        let e = err(&text);
        assert_eq!(e.line, u32::try_from(MAX_INSTRUCTIONS + 1).unwrap_or(0));
        assert!(e.message.contains("more than"), "{e}");
    }

    /// A small deterministic generator; no dependency needed for a fuzz loop.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = Lcg(0x5eed);
        for _ in 0..2000 {
            let len = rng.next() % 512;
            let bytes: Vec<u8> = (0..len).map(|_| rng.next().to_le_bytes()[0]).collect();
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = parse("fuzz", &text) {
                assert!(e.line >= 1 && e.column >= 1, "{text:?}: {e}");
            }
        }
    }

    #[test]
    fn random_dockerfile_fragments_never_panic() {
        const PIECES: &[&str] = &[
            "FROM ",
            "RUN ",
            "COPY ",
            "ADD ",
            "ONBUILD ",
            "HEALTHCHECK ",
            "CMD ",
            "ENV ",
            "ARG ",
            "LABEL ",
            "SHELL ",
            "USER ",
            "EXPOSE ",
            "AS ",
            "x",
            "=",
            "\"",
            "'",
            "\\",
            "`",
            "[",
            "]",
            ",",
            "<<EOF",
            "<<-EOF",
            "EOF",
            "\tEOF",
            "<<'Q'",
            "Q",
            "--mount=a",
            "--link",
            "--",
            "#",
            "# escape=`",
            "\n",
            "\r\n",
            " ",
            "\t",
            "é",
            "NONE",
            "$X",
            "\u{feff}",
        ];
        let mut rng = Lcg(42);
        for _ in 0..2000 {
            let n = rng.next() % 40;
            let mut text = String::new();
            for _ in 0..n {
                let i = usize::try_from(rng.next()).unwrap_or(0) % PIECES.len();
                text.push_str(PIECES.get(i).copied().unwrap_or(""));
            }
            if let Err(e) = parse("fuzz", &text) {
                assert!(e.line >= 1 && e.column >= 1, "{text:?}: {e}");
            }
        }
    }
}
