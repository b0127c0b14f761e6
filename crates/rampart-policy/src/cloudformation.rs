//! CloudFormation templates (YAML or JSON) into `cloudformation` documents
//! (`docs/misconfig-inputs.md`): one document per template, its resources with their
//! `Properties` as `values`, intrinsic functions resolved where the template alone decides them.
//!
//! Resolution, in short:
//!
//! - `Ref` to a parameter is its `Default` (a list for `CommaDelimitedList`/`List<...>`
//!   parameters); without a default, or for an SSM parameter type, an unknown marker.
//! - `Ref`/`Fn::GetAtt` of a resource are unknown markers whose `__refs__` name the logical id;
//!   pseudo parameters (`AWS::Region`, ...) are unknown; `AWS::NoValue` removes the property
//!   (or list item).
//! - `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::Length` and the
//!   condition functions are evaluated when every input is known, else unknown markers carrying
//!   the refs of every part.
//! - Conditions are decided from parameter defaults, like `Ref`: `Fn::If` takes the branch of a
//!   decidable condition, and a resource whose `Condition` is decidably false is left out. An
//!   undecidable `Fn::If` is unknown with the refs of both branches.
//! - `Fn::Base64` is transparent: its value is the text to encode, so policies read `UserData` as
//!   text (as Terraform's `user_data` is).
//! - Everything else (`Fn::ImportValue`, `Fn::GetAZs`, `Fn::Cidr`, `Fn::Transform`, ...) is an
//!   unknown marker whose `__unknown__` says which function of what.
//!
//! Hostile templates are bounded: the YAML limits of [`crate::yaml`] first, then a nesting limit
//! ([`MAX_RESOLVE_DEPTH`]) and a budget for what resolution copies or builds
//! ([`MAX_EXPANSION_BYTES`]), so a parameter default referenced a million times is an error, not
//! an out-of-memory.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::yaml::{self, END_LINE, LINE, Options, SPANS, YamlError};

/// `input.kind` of a CloudFormation document.
pub const KIND: &str = "cloudformation";
/// Deepest nesting of values that resolution walks (short-form tags may double the YAML depth).
pub const MAX_RESOLVE_DEPTH: usize = 2 * yaml::MAX_DEPTH + 16;
/// Most bytes resolution may copy or build (parameter defaults, mapping values, strings).
pub const MAX_EXPANSION_BYTES: usize = 64 << 20;
/// Most refs one unknown marker lists.
const MAX_REFS: usize = 256;
/// Longest `__unknown__` description, in bytes.
const MAX_DESCRIPTION: usize = 160;
/// Rough per-node overhead for the expansion budget.
const NODE_BYTES: usize = 16;

/// Prefixes of resource types that make a `Resources` entry a CloudFormation resource.
const TYPE_PREFIXES: [&str; 3] = ["AWS::", "Custom::", "Alexa::"];

/// Whether the file name is CloudFormation's own extension (`.template`); templates are also
/// `.yaml`, `.yml` and `.json` files, told apart by [`has_marker`] and [`is_template`].
pub fn is_template_name(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".template")
}

/// Whether the text may hold a template (cheap check before parsing): it names
/// `AWSTemplateFormatVersion`, or has `Resources` and a resource type prefix (`AWS::`, ...).
pub fn has_marker(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && TYPE_PREFIXES.iter().any(|p| text.contains(p)))
}

/// Whether a parsed document is a template: a mapping with `AWSTemplateFormatVersion`, or with
/// a `Resources` mapping one of whose entries has a `Type` starting `AWS::`, `Custom::` or
/// `Alexa::`.
pub fn is_template(document: &Value) -> bool {
    let Some(map) = document.as_object() else {
        return false;
    };
    if map.contains_key("AWSTemplateFormatVersion") {
        return true;
    }
    map.get("Resources")
        .and_then(Value::as_object)
        .is_some_and(|resources| {
            resources.iter().any(|(id, resource)| {
                !is_meta(id)
                    && resource
                        .get("Type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| TYPE_PREFIXES.iter().any(|p| t.starts_with(p)))
            })
        })
}

/// The `cloudformation` documents of a file: one per template in the YAML/JSON stream (empty
/// when the file holds none). Syntax errors, duplicate keys and exceeded limits are errors.
pub fn parse(path: &str, text: &str) -> Result<Vec<Value>, YamlError> {
    let options = Options {
        local_tag: Some(long_form),
        spans: true,
        format: "CloudFormation",
    };
    let mut out = Vec::new();
    for document in yaml::yaml_documents_with(path, text, options)? {
        if is_template(&document) {
            out.push(Template::new(path, &document).document(&document)?);
        }
    }
    Ok(out)
}

/// The long-form key of a short-form tag (`!Ref` -> `Ref`, `!Sub` -> `Fn::Sub`).
fn long_form(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "Base64" => "Fn::Base64",
        "Cidr" => "Fn::Cidr",
        "FindInMap" => "Fn::FindInMap",
        "GetAtt" => "Fn::GetAtt",
        "GetAZs" => "Fn::GetAZs",
        "ImportValue" => "Fn::ImportValue",
        "Join" => "Fn::Join",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "Sub" => "Fn::Sub",
        "Transform" => "Fn::Transform",
        "And" => "Fn::And",
        "Equals" => "Fn::Equals",
        "If" => "Fn::If",
        "Not" => "Fn::Not",
        "Or" => "Fn::Or",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        _ => return None,
    })
}

/// Keys the parser adds to mappings; they are not template content.
fn is_meta(key: &str) -> bool {
    key == LINE || key == END_LINE || key == SPANS
}

/// The function name and argument of an intrinsic function call: a mapping whose only key is
/// `Ref`, `Fn::*`, or `Condition` with a string (IAM's `Condition` blocks are mappings).
fn intrinsic(map: &Map<String, Value>) -> Option<(&str, &Value)> {
    let mut keys = map.iter().filter(|(key, _)| !is_meta(key));
    let (key, arg) = keys.next()?;
    if keys.next().is_some() {
        return None;
    }
    let is_function =
        key == "Ref" || key.starts_with("Fn::") || (key == "Condition" && arg.is_string());
    is_function.then_some((key.as_str(), arg))
}

/// Whether `value` is an unknown marker.
pub fn is_unknown(value: &Value) -> bool {
    value.get("__unknown__").is_some()
}

fn unknown(description: String, refs: Vec<String>) -> Value {
    let mut object = Map::new();
    object.insert("__unknown__".to_owned(), Value::String(description));
    object.insert(
        "__refs__".to_owned(),
        Value::Array(refs.into_iter().map(Value::String).collect()),
    );
    Value::Object(object)
}

/// Text of a known scalar, as CloudFormation turns it into a string.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Refs of every unknown marker in `value`, added to `out` without repeats.
fn collect_refs(value: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_RESOLVE_DEPTH || out.len() >= MAX_REFS {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_refs(item, out, depth + 1);
            }
        }
        Value::Object(map) if is_unknown(value) => {
            let refs = map.get("__refs__").and_then(Value::as_array);
            for name in refs.into_iter().flatten().filter_map(Value::as_str) {
                if out.len() < MAX_REFS && !out.iter().any(|known| known == name) {
                    out.push(name.to_owned());
                }
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if !is_meta(key) {
                    collect_refs(item, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn refs_of<'v>(values: impl IntoIterator<Item = &'v Value>) -> Vec<String> {
    let mut out = Vec::new();
    for value in values {
        collect_refs(value, &mut out, 0);
    }
    out
}

/// Whether `value` holds no unknown marker.
fn is_known(value: &Value) -> bool {
    fn walk(value: &Value, depth: usize) -> bool {
        match value {
            _ if depth > MAX_RESOLVE_DEPTH => false,
            Value::Array(items) => items.iter().all(|item| walk(item, depth + 1)),
            Value::Object(_) if is_unknown(value) => false,
            Value::Object(map) => map
                .iter()
                .all(|(key, item)| is_meta(key) || walk(item, depth + 1)),
            _ => true,
        }
    }
    walk(value, 0)
}

/// A short rendering of an expression for `__unknown__`: `Fn::ImportValue shared-vpc`, or the
/// argument as compact JSON without line keys, cut at [`MAX_DESCRIPTION`] bytes.
fn describe(function: &str, arg: &Value) -> String {
    let mut out = format!("{function} ");
    match arg {
        Value::String(s) => out.push_str(s),
        Value::Array(items) => render_all(items, &mut out, 0),
        _ => render(arg, &mut out, 0),
    }
    cut(out)
}

/// [`describe`] of a list of (resolved) arguments.
fn describe_all(function: &str, args: &[Value]) -> String {
    let mut out = format!("{function} ");
    render_all(args, &mut out, 0);
    cut(out)
}

fn cut(mut out: String) -> String {
    out.truncate(out.trim_end().len());
    if out.len() > MAX_DESCRIPTION {
        let mut end = MAX_DESCRIPTION;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out.push_str("...");
    }
    out
}

fn render_all(items: &[Value], out: &mut String, depth: usize) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        render(item, out, depth + 1);
        if out.len() > MAX_DESCRIPTION {
            break;
        }
    }
    out.push(']');
}

fn render(value: &Value, out: &mut String, depth: usize) {
    if out.len() > MAX_DESCRIPTION || depth > 8 {
        out.push_str("...");
        return;
    }
    match value {
        Value::Array(items) => render_all(items, out, depth),
        Value::Object(map) => {
            if let Some(description) = map.get("__unknown__").and_then(Value::as_str) {
                out.push_str(description);
                return;
            }
            out.push('{');
            let mut first = true;
            for (key, item) in map.iter().filter(|(key, _)| !is_meta(key)) {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                render(item, out, depth + 1);
                if out.len() > MAX_DESCRIPTION {
                    break;
                }
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Rough size of a value for the expansion budget, counted without recursion up to `limit`.
fn size_of(value: &Value, limit: usize) -> usize {
    let mut total = 0usize;
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        total = total.saturating_add(NODE_BYTES);
        match value {
            Value::String(s) => total = total.saturating_add(s.len()),
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (key, item) in map {
                    total = total.saturating_add(key.len());
                    stack.push(item);
                }
            }
            _ => {}
        }
        if total > limit {
            break;
        }
    }
    total
}

/// Why resolution stopped.
enum Limit {
    Depth,
    Size,
}

type Resolved = Result<Option<Value>, Limit>;

/// What resolution needs from a template, and its state.
struct Template<'a> {
    path: &'a str,
    parameters: Option<&'a Map<String, Value>>,
    mappings: Option<&'a Map<String, Value>>,
    conditions: Option<&'a Map<String, Value>>,
    resources: HashSet<&'a str>,
    /// Decided conditions (`None`: not decidable statically).
    decided: HashMap<String, Option<bool>>,
    /// Conditions being decided, to stop at cycles.
    deciding: HashSet<String>,
    spent: usize,
}

impl<'a> Template<'a> {
    fn new(path: &'a str, document: &'a Value) -> Self {
        let section = |name: &str| document.get(name).and_then(Value::as_object);
        let resources = section("Resources")
            .into_iter()
            .flat_map(|resources| resources.keys())
            .filter(|id| !is_meta(id))
            .map(String::as_str)
            .collect();
        Template {
            path,
            parameters: section("Parameters"),
            mappings: section("Mappings"),
            conditions: section("Conditions"),
            resources,
            decided: HashMap::new(),
            deciding: HashSet::new(),
            spent: 0,
        }
    }

    fn document(&mut self, document: &'a Value) -> Result<Value, YamlError> {
        let mut resources = Vec::new();
        let section = document.get("Resources").and_then(Value::as_object);
        let spans = section
            .and_then(|s| s.get(SPANS))
            .and_then(Value::as_object);
        for (id, resource) in section.into_iter().flatten() {
            // `Fn::ForEach::*` loops (a language extension) are not expanded.
            let Some(kind) = resource.get("Type").and_then(Value::as_str) else {
                continue;
            };
            let (line, end_line) = spans
                .and_then(|spans| spans.get(id))
                .and_then(|span| Some((span.get(0)?.as_u64()?, span.get(1)?.as_u64()?)))
                .unwrap_or_else(|| lines(resource));
            let path = self.path;
            let wrap = |limit: Limit| limit_error(path, id, line, limit);
            if let Some(condition) = resource.get("Condition").and_then(Value::as_str)
                && self.condition(condition, 0).map_err(wrap)? == Some(false)
            {
                continue;
            }
            let values = match resource.get("Properties") {
                Some(properties) => self.resolve(properties, 0).map_err(wrap)?,
                None => None,
            };
            let values = values.unwrap_or_else(|| {
                let mut empty = Map::new();
                empty.insert(LINE.to_owned(), Value::from(line));
                empty.insert(END_LINE.to_owned(), Value::from(end_line));
                Value::Object(empty)
            });
            let mut object = Map::new();
            object.insert("address".to_owned(), Value::from(id.as_str()));
            object.insert("ref".to_owned(), Value::from(id.as_str()));
            object.insert("mode".to_owned(), Value::from("managed"));
            object.insert("type".to_owned(), Value::from(kind));
            object.insert("name".to_owned(), Value::from(id.as_str()));
            object.insert("module".to_owned(), Value::from(""));
            object.insert("file".to_owned(), Value::from(self.path));
            object.insert(LINE.to_owned(), Value::from(line));
            object.insert(END_LINE.to_owned(), Value::from(end_line));
            object.insert("values".to_owned(), values);
            resources.push(Value::Object(object));
        }
        let (line, end_line) = lines(document);
        let mut object = Map::new();
        object.insert("kind".to_owned(), Value::from(KIND));
        object.insert("resources".to_owned(), Value::Array(resources));
        object.insert(LINE.to_owned(), Value::from(line));
        object.insert(END_LINE.to_owned(), Value::from(end_line));
        Ok(Value::Object(object))
    }

    /// Counts `bytes` against the expansion budget.
    fn spend(&mut self, bytes: usize) -> Result<(), Limit> {
        self.spent = self.spent.saturating_add(bytes);
        if self.spent > MAX_EXPANSION_BYTES {
            return Err(Limit::Size);
        }
        Ok(())
    }

    /// A copy of a template value (parameter default, mapping value), paid for.
    fn copy(&mut self, value: &Value) -> Result<Value, Limit> {
        self.spend(size_of(value, MAX_EXPANSION_BYTES))?;
        Ok(value.clone())
    }

    /// The value with its intrinsic functions resolved; `None` for `AWS::NoValue`.
    fn resolve(&mut self, value: &Value, depth: usize) -> Resolved {
        if depth > MAX_RESOLVE_DEPTH {
            return Err(Limit::Depth);
        }
        match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let Some(item) = self.resolve(item, depth + 1)? {
                        out.push(item);
                    }
                }
                Ok(Some(Value::Array(out)))
            }
            Value::Object(map) => {
                if let Some((function, arg)) = intrinsic(map) {
                    return self.function(function, arg, depth + 1);
                }
                let mut out = Map::new();
                let mut removed = Vec::new();
                for (key, item) in map {
                    if is_meta(key) {
                        out.insert(key.clone(), item.clone());
                    } else if let Some(item) = self.resolve(item, depth + 1)? {
                        out.insert(key.clone(), item);
                    } else {
                        removed.push(key);
                    }
                }
                if let Some(Value::Object(spans)) = out.get_mut(SPANS) {
                    for key in removed {
                        spans.remove(key);
                    }
                }
                Ok(Some(Value::Object(out)))
            }
            other => Ok(Some(other.clone())),
        }
    }

    /// Resolves `value`, with `AWS::NoValue` as an unknown (where a value is required).
    fn value(&mut self, value: &Value, depth: usize) -> Result<Value, Limit> {
        Ok(self
            .resolve(value, depth)?
            .unwrap_or_else(|| unknown("Ref AWS::NoValue".to_owned(), Vec::new())))
    }

    /// The arguments of a list-form function, resolved.
    fn args(&mut self, arg: &Value, depth: usize) -> Result<Vec<Value>, Limit> {
        match arg {
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(item, depth + 1))
                .collect(),
            other => Ok(vec![self.value(other, depth + 1)?]),
        }
    }

    fn function(&mut self, function: &str, arg: &Value, depth: usize) -> Resolved {
        let value = match function {
            "Ref" => return self.reference(arg, depth),
            "Condition" => match arg.as_str() {
                Some(name) => match self.condition(name, depth)? {
                    Some(decided) => Value::Bool(decided),
                    None => unknown(format!("Condition {name}"), Vec::new()),
                },
                None => unknown(describe(function, arg), Vec::new()),
            },
            "Fn::GetAtt" => self.get_att(arg, depth)?,
            "Fn::Sub" => self.sub(arg, depth)?,
            "Fn::Join" => self.join(arg, depth)?,
            "Fn::Select" => self.select(arg, depth)?,
            "Fn::Split" => self.split(arg, depth)?,
            "Fn::FindInMap" => self.find_in_map(arg, depth)?,
            "Fn::If" => return self.if_(arg, depth),
            "Fn::Equals" | "Fn::Not" | "Fn::And" | "Fn::Or" => {
                let args = self.args(arg, depth)?;
                match decide(function, &args) {
                    Some(decided) => Value::Bool(decided),
                    None => unknown(describe_all(function, &args), refs_of(&args)),
                }
            }
            "Fn::Base64" => {
                let inner = self.value(arg, depth)?;
                if inner.is_string() || is_unknown(&inner) {
                    inner
                } else {
                    unknown(describe(function, &inner), refs_of([&inner]))
                }
            }
            "Fn::Length" => match self.value(arg, depth)? {
                Value::Array(items) => Value::from(items.len()),
                other => unknown(describe(function, &other), refs_of([&other])),
            },
            _ => {
                let resolved = self.value(arg, depth)?;
                unknown(describe(function, &resolved), refs_of([&resolved]))
            }
        };
        Ok(Some(value))
    }

    fn reference(&mut self, arg: &Value, depth: usize) -> Resolved {
        let Some(name) = arg.as_str() else {
            let resolved = self.value(arg, depth)?;
            return Ok(Some(unknown(
                describe("Ref", &resolved),
                refs_of([&resolved]),
            )));
        };
        if name == "AWS::NoValue" {
            return Ok(None);
        }
        if let Some(parameter) = self.parameters.and_then(|p| p.get(name))
            && !is_meta(name)
        {
            return self.parameter(name, parameter).map(Some);
        }
        let refs = if self.resources.contains(name) {
            vec![name.to_owned()]
        } else {
            Vec::new()
        };
        Ok(Some(unknown(format!("Ref {name}"), refs)))
    }

    fn parameter(&mut self, name: &str, parameter: &Value) -> Result<Value, Limit> {
        let kind = parameter.get("Type").and_then(Value::as_str).unwrap_or("");
        // The default of an SSM parameter type names the SSM parameter, not its value.
        if kind.starts_with("AWS::SSM::Parameter::") {
            return Ok(unknown(format!("Ref {name}"), Vec::new()));
        }
        let Some(default) = parameter.get("Default") else {
            return Ok(unknown(format!("Ref {name}"), Vec::new()));
        };
        let is_list = kind == "CommaDelimitedList" || kind.starts_with("List<");
        match default {
            Value::String(text) if is_list => {
                self.spend(text.len() * 2 + NODE_BYTES)?;
                Ok(Value::Array(
                    text.split(',')
                        .map(|item| Value::from(item.trim()))
                        .collect(),
                ))
            }
            Value::Object(_) | Value::Array(_) => {
                // Defaults are literals; a list or mapping here is not a valid template.
                let copy = self.copy(default)?;
                Ok(strip_meta(copy))
            }
            other => self.copy(other),
        }
    }

    fn get_att(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let (resource, attribute) = match arg {
            Value::String(text) => match text.split_once('.') {
                Some((resource, attribute)) => (resource, Value::from(attribute)),
                None => (text.as_str(), Value::Null),
            },
            Value::Array(items) => match (items.first().and_then(Value::as_str), items.get(1)) {
                (Some(resource), Some(attribute)) => (resource, self.value(attribute, depth + 1)?),
                _ => return Ok(unknown(describe("Fn::GetAtt", arg), Vec::new())),
            },
            _ => return Ok(unknown(describe("Fn::GetAtt", arg), Vec::new())),
        };
        let shown = match &attribute {
            Value::String(attribute) => format!("{resource}.{attribute}"),
            Value::Null => resource.to_owned(),
            other => {
                let mut text = format!("{resource}.");
                render(other, &mut text, 0);
                text
            }
        };
        let mut refs = vec![resource.to_owned()];
        collect_refs(&attribute, &mut refs, 0);
        Ok(unknown(describe("Fn::GetAtt", &Value::String(shown)), refs))
    }

    fn sub(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let (template, variables) = match arg {
            Value::String(template) => (template.as_str(), None),
            Value::Array(items) => match (items.first(), items.get(1)) {
                (Some(Value::String(template)), None) => (template.as_str(), None),
                (Some(Value::String(template)), Some(Value::Object(variables))) => {
                    (template.as_str(), Some(variables))
                }
                _ => {
                    let resolved = self.value(arg, depth)?;
                    return Ok(unknown(
                        describe("Fn::Sub", &resolved),
                        refs_of([&resolved]),
                    ));
                }
            },
            _ => {
                let resolved = self.value(arg, depth)?;
                return Ok(unknown(
                    describe("Fn::Sub", &resolved),
                    refs_of([&resolved]),
                ));
            }
        };
        let mut bound = HashMap::new();
        for (name, value) in variables.into_iter().flatten() {
            if !is_meta(name) {
                let value = self.value(value, depth + 1)?;
                bound.insert(name.as_str(), value);
            }
        }
        let mut out = String::with_capacity(template.len());
        let mut refs = Vec::new();
        let mut known = true;
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(rest.get(..start).unwrap_or(""));
            let after = rest.get(start + 2..).unwrap_or("");
            if let Some(literal) = after.strip_prefix('!') {
                // `${!Name}` is the literal text `${Name}`.
                out.push_str("${");
                rest = literal;
                continue;
            }
            let Some(end) = after.find('}') else {
                out.push_str(rest.get(start..).unwrap_or(""));
                rest = "";
                break;
            };
            let name = after.get(..end).unwrap_or("").trim();
            rest = after.get(end + 1..).unwrap_or("");
            let value = match bound.get(name) {
                Some(value) => value.clone(),
                None => match name.split_once('.') {
                    Some(_) if !name.starts_with("AWS::") => {
                        self.get_att(&Value::from(name), depth + 1)?
                    }
                    _ => self
                        .reference(&Value::from(name), depth + 1)?
                        .unwrap_or_else(|| unknown("Ref AWS::NoValue".to_owned(), Vec::new())),
                },
            };
            match text_of(&value) {
                Some(text) if known => out.push_str(&text),
                Some(_) => {}
                None => {
                    known = false;
                    collect_refs(&value, &mut refs, 0);
                }
            }
        }
        if !known {
            return Ok(unknown(describe("Fn::Sub", &Value::from(template)), refs));
        }
        out.push_str(rest);
        self.spend(out.len() + NODE_BYTES)?;
        Ok(Value::String(out))
    }

    fn join(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let args = self.args(arg, depth)?;
        if let [Value::String(delimiter), Value::Array(items)] = args.as_slice() {
            let texts: Option<Vec<String>> = items.iter().map(text_of).collect();
            if let Some(texts) = texts {
                let joined = texts.join(delimiter);
                self.spend(joined.len() + NODE_BYTES)?;
                return Ok(Value::String(joined));
            }
        }
        Ok(unknown(describe_all("Fn::Join", &args), refs_of(&args)))
    }

    fn select(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let args = self.args(arg, depth)?;
        if let [index, Value::Array(items)] = args.as_slice() {
            let index = match index {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.trim().parse::<u64>().ok(),
                _ => None,
            };
            let item = index
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| items.get(i));
            if let Some(item) = item {
                return Ok(item.clone());
            }
        }
        Ok(unknown(describe_all("Fn::Select", &args), refs_of(&args)))
    }

    fn split(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let args = self.args(arg, depth)?;
        if let [Value::String(delimiter), Value::String(source)] = args.as_slice()
            && !delimiter.is_empty()
        {
            let parts: Vec<Value> = source.split(delimiter.as_str()).map(Value::from).collect();
            self.spend(source.len() + parts.len() * NODE_BYTES)?;
            return Ok(Value::Array(parts));
        }
        Ok(unknown(describe_all("Fn::Split", &args), refs_of(&args)))
    }

    fn find_in_map(&mut self, arg: &Value, depth: usize) -> Result<Value, Limit> {
        let args = self.args(arg, depth)?;
        let keys: Option<Vec<String>> = args.iter().take(3).map(text_of).collect();
        let keys = keys.filter(|keys| keys.len() == 3 && keys.iter().all(|k| !is_meta(k)));
        if let Some(keys) = keys {
            let mappings = self.mappings;
            let found = keys.iter().try_fold(None::<&Value>, |at, key| {
                match at {
                    None => mappings.and_then(|m| m.get(key)),
                    Some(at) => at.get(key),
                }
                .map(Some)
            });
            if let Some(Some(found)) = found {
                let copy = self.copy(found)?;
                return self.value(&copy, depth + 1);
            }
            // The language extension's fourth argument: `{DefaultValue: ...}`.
            if let Some(default) = args.get(3).and_then(|d| d.get("DefaultValue")) {
                return Ok(default.clone());
            }
        }
        Ok(unknown(
            describe_all("Fn::FindInMap", &args),
            refs_of(&args),
        ))
    }

    fn if_(&mut self, arg: &Value, depth: usize) -> Resolved {
        let items = arg.as_array().map(Vec::as_slice).unwrap_or_default();
        let [condition, then, otherwise] = items else {
            let resolved = self.value(arg, depth)?;
            return Ok(Some(unknown(
                describe("Fn::If", &resolved),
                refs_of([&resolved]),
            )));
        };
        let Some(name) = condition.as_str() else {
            let resolved = self.value(arg, depth)?;
            return Ok(Some(unknown(
                describe("Fn::If", &resolved),
                refs_of([&resolved]),
            )));
        };
        match self.condition(name, depth)? {
            Some(true) => self.resolve(then, depth + 1),
            Some(false) => self.resolve(otherwise, depth + 1),
            None => {
                let then = self.resolve(then, depth + 1)?;
                let otherwise = self.resolve(otherwise, depth + 1)?;
                Ok(Some(unknown(
                    format!("Fn::If {name}"),
                    refs_of(then.iter().chain(otherwise.iter())),
                )))
            }
        }
    }

    /// Whether the named condition holds, when parameter defaults decide it.
    fn condition(&mut self, name: &str, depth: usize) -> Result<Option<bool>, Limit> {
        if let Some(decided) = self.decided.get(name) {
            return Ok(*decided);
        }
        let Some(expression) = self
            .conditions
            .filter(|_| !is_meta(name))
            .and_then(|c| c.get(name))
        else {
            return Ok(None);
        };
        if !self.deciding.insert(name.to_owned()) {
            // A cycle: CloudFormation rejects it; nothing to decide.
            return Ok(None);
        }
        let decided = match self.resolve(expression, depth + 1) {
            Ok(value) => value.and_then(|v| v.as_bool()),
            Err(limit) => {
                self.deciding.remove(name);
                return Err(limit);
            }
        };
        self.deciding.remove(name);
        self.decided.insert(name.to_owned(), decided);
        Ok(decided)
    }
}

/// The error for resource `id` (at `line`) when resolution hit a limit.
fn limit_error(path: &str, id: &str, line: u64, limit: Limit) -> YamlError {
    let message = match limit {
        Limit::Depth => format!(
            "resource {id}: values nest deeper than {MAX_RESOLVE_DEPTH} levels; flatten the \
             template"
        ),
        Limit::Size => format!(
            "resource {id}: intrinsic functions expand the template beyond {} MiB (a parameter \
             or mapping referenced too often?); simplify the template",
            MAX_EXPANSION_BYTES >> 20
        ),
    };
    YamlError {
        path: path.to_owned(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: 1,
        message,
    }
}

/// The value of a condition function over resolved arguments, when they decide it.
fn decide(function: &str, args: &[Value]) -> Option<bool> {
    match function {
        "Fn::Equals" => match args {
            [a, b] if is_known(a) && is_known(b) => Some(match (text_of(a), text_of(b)) {
                (Some(a), Some(b)) => a == b,
                _ => strip_meta(a.clone()) == strip_meta(b.clone()),
            }),
            _ => None,
        },
        "Fn::Not" => match args {
            [Value::Bool(b)] => Some(!b),
            _ => None,
        },
        "Fn::And" => {
            if args.iter().any(|a| a == &Value::Bool(false)) {
                Some(false)
            } else {
                args.iter().all(|a| a == &Value::Bool(true)).then_some(true)
            }
        }
        "Fn::Or" => {
            if args.iter().any(|a| a == &Value::Bool(true)) {
                Some(true)
            } else {
                args.iter()
                    .all(|a| a == &Value::Bool(false))
                    .then_some(false)
            }
        }
        _ => None,
    }
}

/// `value` without the parser's line keys, at any depth.
fn strip_meta(value: Value) -> Value {
    fn walk(value: Value, depth: usize) -> Value {
        if depth > MAX_RESOLVE_DEPTH {
            return Value::Null;
        }
        match value {
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| walk(v, depth + 1)).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(key, _)| !is_meta(key))
                    .map(|(key, v)| (key, walk(v, depth + 1)))
                    .collect(),
            ),
            other => other,
        }
    }
    walk(value, 0)
}

fn lines(value: &Value) -> (u64, u64) {
    let line = value.get(LINE).and_then(Value::as_u64).unwrap_or(1);
    let end = value.get(END_LINE).and_then(Value::as_u64).unwrap_or(line);
    (line, end)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use serde_json::json;

    use super::*;

    fn template(text: &str) -> Value {
        let mut documents = parse("t.yaml", text).expect("valid template");
        assert_eq!(documents.len(), 1, "{documents:?}");
        documents.remove(0)
    }

    /// The resolved `values` of resource `id`, without line keys.
    fn values(document: &Value, id: &str) -> Value {
        let resources = document["resources"].as_array().expect("resources");
        let resource = resources
            .iter()
            .find(|r| r["name"] == id)
            .unwrap_or_else(|| panic!("no resource {id} in {document:#}"));
        strip_meta(resource["values"].clone())
    }

    fn err(text: &str) -> YamlError {
        parse("t.yaml", text).expect_err("invalid template")
    }

    fn raw(text: &str) -> Value {
        let options = Options {
            local_tag: Some(long_form),
            spans: false,
            format: "CloudFormation",
        };
        let mut documents = yaml::yaml_documents_with("t.yaml", text, options).expect("valid");
        strip_meta(documents.remove(0))
    }

    fn unknown_of(description: &str, refs: &[&str]) -> Value {
        json!({"__unknown__": description, "__refs__": refs})
    }

    #[test]
    fn short_form_tags_become_long_forms() {
        let doc = raw(concat!(
            "ref: !Ref Bucket\n",
            "att: !GetAtt Bucket.Arn\n",
            "att_list: !GetAtt [Bucket, Arn]\n",
            "sub: !Sub '${AWS::StackName}-logs'\n",
            "sub_list: !Sub\n",
            "  - '${Name}-x'\n",
            "  - Name: !Ref Env\n",
            "join: !Join ['', [a, !Ref Env]]\n",
            "select: !Select [0, !GetAZs '']\n",
            "split: !Split [',', 'a,b']\n",
            "if: !If [IsProd, !Ref AWS::NoValue, 1]\n",
            "cond: !And [!Equals [a, b], !Not [!Condition C], !Or [!Condition D, true]]\n",
            "map: !FindInMap [M, !Ref 'AWS::Region', Ami]\n",
            "b64: !Base64 |\n",
            "  #!/bin/sh\n",
            "cidr: !Cidr [10.0.0.0/16, 4, 8]\n",
            "import: !ImportValue shared-vpc\n",
            "transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n",
            "azs: !GetAZs\n",
            "other: !Custom 12\n",
        ));
        let expected = json!({
            "ref": {"Ref": "Bucket"},
            "att": {"Fn::GetAtt": "Bucket.Arn"},
            "att_list": {"Fn::GetAtt": ["Bucket", "Arn"]},
            "sub": {"Fn::Sub": "${AWS::StackName}-logs"},
            "sub_list": {"Fn::Sub": ["${Name}-x", {"Name": {"Ref": "Env"}}]},
            "join": {"Fn::Join": ["", ["a", {"Ref": "Env"}]]},
            "select": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
            "split": {"Fn::Split": [",", "a,b"]},
            "if": {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, 1]},
            "cond": {"Fn::And": [
                {"Fn::Equals": ["a", "b"]},
                {"Fn::Not": [{"Condition": "C"}]},
                {"Fn::Or": [{"Condition": "D"}, true]},
            ]},
            "map": {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "Ami"]},
            "b64": {"Fn::Base64": "#!/bin/sh\n"},
            "cidr": {"Fn::Cidr": ["10.0.0.0/16", 4, 8]},
            "import": {"Fn::ImportValue": "shared-vpc"},
            "transform": {"Fn::Transform": {
                "Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}
            }},
            "azs": {"Fn::GetAZs": null},
            // Tags CloudFormation does not define leave the value as written.
            "other": 12,
        });
        assert_eq!(doc, expected);
    }

    #[test]
    fn tagged_nodes_keep_their_lines() {
        let options = Options {
            local_tag: Some(long_form),
            spans: true,
            format: "CloudFormation",
        };
        let text = "a: !Ref X\nb: !If\n  - C\n  - 1\n  - 2\n";
        let doc = yaml::yaml_documents_with("t.yaml", text, options)
            .expect("valid")
            .remove(0);
        assert_eq!(
            doc["a"],
            json!({"Ref": "X", "__line__": 1, "__end_line__": 1})
        );
        // The sequence starts at its first item; the key's span starts at the key.
        assert_eq!(
            (
                doc["b"]["__line__"].clone(),
                doc["b"]["__end_line__"].clone()
            ),
            (json!(3), json!(5))
        );
        assert_eq!(doc["__spans__"], json!({"a": [1, 1], "b": [2, 5]}));
        // The default options keep application tags out of the value (Kubernetes).
        assert_eq!(
            yaml::yaml_documents("t.yaml", text).expect("valid")[0]["a"],
            "X"
        );
    }

    const APP: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Description: Logs bucket and a web server
Parameters:
  Env:
    Type: String
    Default: prod
  Subnets:
    Type: CommaDelimitedList
    Default: "subnet-a, subnet-b"
  Ami:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
  KeyName:
    Type: AWS::EC2::KeyPair::KeyName
  Port:
    Type: Number
    Default: 22
Mappings:
  Sizes:
    prod:
      Instance: m7g.large
      Cidrs: [10.0.0.0/16, 10.1.0.0/16]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  InUsEast: !Equals [!Ref "AWS::Region", us-east-1]
  ProdInUsEast: !And [!Condition IsProd, !Condition InUsEast]
  ProdOrUsEast: !Or [!Condition IsProd, !Condition InUsEast]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${Env}-logs"
      AccessControl: !If [IsDev, PublicRead, Private]
      Tags:
        - Key: env
          Value: !Ref Env
        - !If [IsDev, {Key: temp, Value: "yes"}, !Ref AWS::NoValue]
      VersioningConfiguration: !If [IsDev, !Ref AWS::NoValue, {Status: Enabled}]
  DevOnly:
    Type: AWS::SNS::Topic
    Condition: IsDev
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref Ami
      KeyName: !Ref KeyName
      InstanceType: !FindInMap [Sizes, !Ref Env, Instance]
      SubnetId: !Select [1, !Ref Subnets]
      AvailabilityZone: !Select [0, !GetAZs ""]
      UserData: !Base64
        Fn::Sub: |
          #!/bin/sh
          echo ${Env} ${!NotAVariable} > /etc/env
      SecurityGroupIds:
        - !GetAtt WebSg.GroupId
        - !Ref WebSg
        - !ImportValue shared-sg
      Tags:
        - Key: bucket
          Value: !Join [":", [arn, aws, s3, "", "", !Ref Logs]]
        - Key: region
          Value: !Sub "${AWS::Region}-${Logs.Arn}-${Env}"
        - Key: fixed
          Value: !Join ["-", [!Ref Env, !Ref Port, web]]
        - Key: mixed
          Value: !If [InUsEast, !Ref Logs, !GetAtt WebSg.VpcId]
        - Key: both
          Value: !If [ProdOrUsEast, yes, no]
        - Key: and
          Value: !If [ProdInUsEast, yes, no]
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !Ref Port
          ToPort: !Ref Port
          CidrIp: !Select [0, !FindInMap [Sizes, prod, Cidrs]]
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: !Select [1, !Split [",", "10.0.0.0/8,0.0.0.0/0"]]
Outputs:
  Bucket:
    Value: !Ref Logs
"#;

    #[test]
    fn a_template_becomes_a_document_of_resources() {
        let doc = template(APP);
        assert_eq!(doc["kind"], "cloudformation");
        let resources = doc["resources"].as_array().expect("resources");
        let ids: Vec<&str> = resources
            .iter()
            .filter_map(|r| r["name"].as_str())
            .collect();
        // DevOnly's condition is false with the parameters' defaults.
        assert_eq!(ids, ["Logs", "Web", "WebSg"]);
        let logs = &resources[0];
        assert_eq!(logs["address"], "Logs");
        assert_eq!(logs["ref"], "Logs");
        assert_eq!(logs["type"], "AWS::S3::Bucket");
        assert_eq!(logs["mode"], "managed");
        assert_eq!(logs["module"], "");
        assert_eq!(logs["file"], "t.yaml");
        // From the logical id's line to the last line of its definition.
        assert_eq!(
            (logs["__line__"].clone(), logs["__end_line__"].clone()),
            (json!(30), json!(39))
        );
        assert_eq!(logs["values"]["__line__"], 33);
        assert_eq!(
            logs["values"]["__spans__"]["AccessControl"],
            json!([34, 34])
        );
        assert_eq!(logs["values"]["Tags"][0]["__line__"], 36);
    }

    #[test]
    fn parameters_conditions_and_no_value_resolve() {
        let doc = template(APP);
        assert_eq!(
            values(&doc, "Logs"),
            json!({
                "BucketName": "prod-logs",
                "AccessControl": "Private",
                "Tags": [{"Key": "env", "Value": "prod"}],
                "VersioningConfiguration": {"Status": "Enabled"},
            })
        );
    }

    #[test]
    fn intrinsics_resolve_or_become_unknown_with_refs() {
        let doc = template(APP);
        let web = values(&doc, "Web");
        // SSM parameter types: the default names the parameter, not its value.
        assert_eq!(web["ImageId"], unknown_of("Ref Ami", &[]));
        assert_eq!(web["KeyName"], unknown_of("Ref KeyName", &[]));
        assert_eq!(web["InstanceType"], "m7g.large");
        assert_eq!(web["SubnetId"], "subnet-b");
        assert_eq!(
            web["AvailabilityZone"],
            unknown_of("Fn::Select [0,Fn::GetAZs]", &[])
        );
        assert_eq!(
            web["UserData"],
            "#!/bin/sh\necho prod ${NotAVariable} > /etc/env\n"
        );
        assert_eq!(
            web["SecurityGroupIds"],
            json!([
                unknown_of("Fn::GetAtt WebSg.GroupId", &["WebSg"]),
                unknown_of("Ref WebSg", &["WebSg"]),
                unknown_of("Fn::ImportValue shared-sg", &[]),
            ])
        );
        let tags = &web["Tags"];
        assert_eq!(
            tags[0]["Value"]["__refs__"],
            json!(["Logs"]),
            "{:#}",
            tags[0]
        );
        assert!(
            tags[0]["Value"]["__unknown__"]
                .as_str()
                .is_some_and(|d| d.starts_with("Fn::Join"))
        );
        assert_eq!(
            tags[1]["Value"],
            unknown_of("Fn::Sub ${AWS::Region}-${Logs.Arn}-${Env}", &["Logs"])
        );
        assert_eq!(tags[2]["Value"], "prod-22-web");
        // The region is unknown: both branches' refs.
        assert_eq!(
            tags[3]["Value"],
            unknown_of("Fn::If InUsEast", &["Logs", "WebSg"])
        );
        // `Or` is decided by its known true operand, `And` is not by its unknown one.
        assert_eq!(tags[4]["Value"], "yes");
        assert_eq!(tags[5]["Value"], unknown_of("Fn::If ProdInUsEast", &[]));

        let sg = values(&doc, "WebSg");
        let ingress = &sg["SecurityGroupIngress"];
        assert_eq!(ingress[0]["FromPort"], 22);
        assert_eq!(ingress[0]["CidrIp"], "10.0.0.0/16");
        assert_eq!(ingress[1]["CidrIp"], "0.0.0.0/0");
    }

    #[test]
    fn sub_forms() {
        let doc = template(concat!(
            "Parameters:\n",
            "  Name: {Type: String, Default: app}\n",
            "  NoDefault: {Type: String}\n",
            "Resources:\n",
            "  Q:\n",
            "    Type: AWS::SQS::Queue\n",
            "    Properties:\n",
            "      A: !Sub '${Name}-${Stage}'\n",
            "      B: !Sub ['${Name}-${Stage}', {Stage: prod}]\n",
            "      C: !Sub ['${Name}-${Stage}', {Stage: !GetAtt Other.Name}]\n",
            "      D: !Sub '${NoDefault}'\n",
            "      E: !Sub 'no variables ${!Literal} ${unclosed'\n",
            "      F: {'Fn::Sub': '${AWS::Partition}'}\n",
            "  Other:\n",
            "    Type: AWS::SQS::Queue\n",
        ));
        let q = values(&doc, "Q");
        assert_eq!(q["A"], unknown_of("Fn::Sub ${Name}-${Stage}", &[]));
        assert_eq!(q["B"], "app-prod");
        assert_eq!(q["C"], unknown_of("Fn::Sub ${Name}-${Stage}", &["Other"]));
        assert_eq!(q["D"], unknown_of("Fn::Sub ${NoDefault}", &[]));
        assert_eq!(q["E"], "no variables ${Literal} ${unclosed");
        assert_eq!(q["F"], unknown_of("Fn::Sub ${AWS::Partition}", &[]));
        assert_eq!(values(&doc, "Other"), json!({}));
    }

    #[test]
    fn join_select_split_find_in_map_and_others() {
        let doc = template(concat!(
            "Parameters:\n",
            "  Zones: {Type: 'List<AWS::EC2::AvailabilityZone::Name>', Default: 'a,b,c'}\n",
            "Mappings:\n",
            "  M:\n",
            "    k1: {k2: v, list: [1, 2]}\n",
            "Resources:\n",
            "  R:\n",
            "    Type: Custom::Thing\n",
            "    Properties:\n",
            "      Joined: !Join [',', !Ref Zones]\n",
            "      JoinedUnknown: !Join ['', [a, !GetAZs '', !Ref R2]]\n",
            "      Selected: !Select ['2', !Ref Zones]\n",
            "      OutOfRange: !Select [5, !Ref Zones]\n",
            "      Split: !Split ['/', 'a/b']\n",
            "      SplitUnknown: !Split ['/', !ImportValue x]\n",
            "      Found: !FindInMap [M, k1, k2]\n",
            "      FoundList: !FindInMap [M, k1, list]\n",
            "      Missing: !FindInMap [M, k1, nope]\n",
            "      MissingDefault: !FindInMap [M, k1, nope, {DefaultValue: d}]\n",
            "      UnknownKey: !FindInMap [M, !Ref 'AWS::Region', k2]\n",
            "      Length: {'Fn::Length': !Ref Zones}\n",
            "      Cidr: !Cidr [!GetAtt R2.CidrBlock, 4, 8]\n",
            "      Transform: {'Fn::Transform': {Name: AWS::Include}}\n",
            "      Json: {'Fn::ToJsonString': {a: 1}}\n",
            "      Equals: !Equals [1, '1']\n",
            "      Condition: {Condition: Missing}\n",
            "      IamCondition: {Condition: {Bool: {aws:SecureTransport: 'false'}}}\n",
            "      RefNonString: !Ref [a]\n",
            "      RefUnknownName: !Ref Nowhere\n",
            "      Removed: !Ref AWS::NoValue\n",
            "  R2:\n",
            "    Type: Alexa::ASK::Skill\n",
        ));
        let r = values(&doc, "R");
        assert_eq!(r["Joined"], "a,b,c");
        let joined_unknown = &r["JoinedUnknown"];
        assert_eq!(joined_unknown["__refs__"], json!(["R2"]));
        assert_eq!(r["Selected"], "c");
        assert!(is_unknown(&r["OutOfRange"]));
        assert_eq!(r["Split"], json!(["a", "b"]));
        assert!(is_unknown(&r["SplitUnknown"]));
        assert_eq!(r["Found"], "v");
        assert_eq!(r["FoundList"], json!([1, 2]));
        assert_eq!(
            r["Missing"],
            unknown_of("Fn::FindInMap [\"M\",\"k1\",\"nope\"]", &[])
        );
        assert_eq!(r["MissingDefault"], "d");
        assert_eq!(r["UnknownKey"]["__refs__"], json!([]));
        assert_eq!(r["Length"], 3);
        assert_eq!(
            r["Cidr"],
            unknown_of("Fn::Cidr [Fn::GetAtt R2.CidrBlock,4,8]", &["R2"])
        );
        assert_eq!(
            r["Transform"],
            unknown_of("Fn::Transform {\"Name\":\"AWS::Include\"}", &[])
        );
        assert!(is_unknown(&r["Json"]));
        assert_eq!(r["Equals"], true);
        assert_eq!(r["Condition"], unknown_of("Condition Missing", &[]));
        assert_eq!(
            r["IamCondition"],
            json!({"Condition": {"Bool": {"aws:SecureTransport": "false"}}})
        );
        assert!(is_unknown(&r["RefNonString"]));
        assert_eq!(r["RefUnknownName"], unknown_of("Ref Nowhere", &[]));
        // A property removed by AWS::NoValue leaves no span behind.
        let raw = &doc["resources"][0]["values"];
        assert!(raw.get("Removed").is_none());
        assert!(raw["__spans__"].get("Removed").is_none());
        assert_eq!(raw["__spans__"]["Joined"], json!([10, 10]));
    }

    #[test]
    fn json_templates_are_read_with_lines() {
        let text = r#"{
  "AWSTemplateFormatVersion": "2010-09-09", "Description": "logs \/ \u00e9",
  "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "Logs": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": {"Fn::Join": ["-", [{"Ref": "Env"}, "logs"]]},
        "Arn": {"Fn::GetAtt": ["Other", "Arn"]},
        "Nested": {"A": {"Fn::If": ["Nope", 1, 2]}}
      }
    },
    "Other": {"Type": "AWS::SNS::Topic"}
  }
}
"#;
        // JSON escapes (`\/`, `\u00e9`) are YAML escapes too.
        let mut documents = parse("t.json", text).expect("valid");
        let doc = documents.remove(0);
        let logs = &doc["resources"][0];
        assert_eq!(
            (logs["__line__"].clone(), logs["__end_line__"].clone()),
            (json!(5), json!(12))
        );
        assert_eq!(logs["values"]["__spans__"]["BucketName"], json!([8, 8]));
        assert_eq!(
            values(&doc, "Logs"),
            json!({
                "BucketName": "dev-logs",
                "Arn": unknown_of("Fn::GetAtt Other.Arn", &["Other"]),
                "Nested": {"A": unknown_of("Fn::If Nope", &[])},
            })
        );
        // Tabs and unspaced colons are JSON too.
        let tabbed = "{\n\t\"Resources\": {\n\t\t\"B\": {\"Type\":\"AWS::S3::Bucket\"}\n\t}\n}\n";
        assert_eq!(parse("t.json", tabbed).expect("valid").len(), 1);
    }

    #[test]
    fn detection() {
        let yes = [
            "AWSTemplateFormatVersion: 2010-09-09\n",
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n",
            "Resources:\n  B:\n    Type: Custom::Mine\n  C: {Type: Other}\n",
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n",
        ];
        for text in yes {
            assert!(has_marker(text), "{text}");
            assert_eq!(parse("t.yaml", text).expect("valid").len(), 1, "{text}");
        }
        let no = [
            // A Kubernetes object embedding a template.
            "apiVersion: v1\nkind: ConfigMap\ndata:\n  t: |\n    AWSTemplateFormatVersion: x\n    Resources: {B: {Type: AWS::S3::Bucket}}\n",
            r#"{"name": "app", "version": "1.0.0", "dependencies": {"aws-sdk": "2"}}"#,
            "services:\n  web:\n    image: nginx\n",
            "Resources:\n  cpu: 2\n  memory: AWS::none\n",
            "Resources:\n  B:\n    Type: Google::Storage::Bucket\n",
            "- Resources: {B: {Type: AWS::S3::Bucket}}\n",
            "Resources: [AWS::S3::Bucket]\n",
        ];
        for text in no {
            assert!(parse("t.yaml", text).expect("valid").is_empty(), "{text}");
        }
        assert!(!has_marker("apiVersion: v1\nkind: Pod\n"));
        assert!(!has_marker("Resources:\n  b: 1\n"));
        assert!(is_template_name("stack.TEMPLATE"));
        assert!(!is_template_name("stack.yaml"));
    }

    #[test]
    fn bad_templates_are_errors_with_lines() {
        let e = err("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Type: AWS::SNS::Topic\n");
        assert_eq!((e.line, e.column), (4, 5), "{e}");
        assert!(
            e.message.contains("duplicate key `Type` (CloudFormation"),
            "{e}"
        );
        let e = err("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {A: [1, 2}\n");
        assert_eq!(e.path, "t.yaml");
        assert!(e.line >= 4 && e.column > 1, "{e}");
        let e = parse(
            "t.json",
            "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\",}\n",
        )
        .expect_err("invalid");
        assert!(e.line >= 1 && !e.message.is_empty(), "{e}");
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_bounded() {
        let started = Instant::now();
        let deep = format!(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: {}1{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let e = err(&deep);
        assert_eq!(e.line, 5, "{e}");
        // Short-form tags double the depth of what the YAML limit allows.
        let tagged = format!(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: {}1{}\n",
            "!Base64 [".repeat(250),
            "]".repeat(250)
        );
        let _ = parse("t.yaml", &tagged);
        let mut bomb =
            String::from("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n");
        bomb.push_str("      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, prev) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
            ("h", "g"),
            ("i", "h"),
        ] {
            bomb.push_str(&format!(
                "      {name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(",")
            ));
        }
        let e = err(&bomb);
        assert!(e.message.contains("alias bomb"), "{e}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn parameter_expansion_is_bounded() {
        // A 1 MiB default referenced 10 times is fine; 930 times (30 of them aliased 30 times) is
        // beyond the budget, though the YAML itself stays small.
        let big = "x".repeat(1 << 20);
        let mut text = format!(
            "Parameters:\n  P: {{Type: String, Default: {big}}}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: [{}]\n",
            ["!Ref P"; 10].join(", ")
        );
        assert_eq!(parse("t.yaml", &text).expect("within budget").len(), 1);
        text = text.replace(
            "A: [",
            &format!(
                "L: &l [{}]\n      M: [{}]\n      A: [",
                ["!Ref P"; 30].join(", "),
                ["*l"; 30].join(", ")
            ),
        );
        let started = Instant::now();
        let e = err(&text);
        assert!(
            e.message.contains("MiB") && e.message.contains("resource B"),
            "{e}"
        );
        assert_eq!(e.line, 4, "{e}");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn condition_cycles_are_undecided() {
        let doc = template(concat!(
            "Conditions:\n",
            "  A: !Not [!Condition B]\n",
            "  B: !Not [!Condition A]\n",
            "  S: !Not [!Condition S]\n",
            "Resources:\n",
            "  R:\n",
            "    Type: AWS::SNS::Topic\n",
            "    Condition: A\n",
            "    Properties: {X: !If [S, 1, 2]}\n",
        ));
        assert_eq!(values(&doc, "R"), json!({"X": unknown_of("Fn::If S", &[])}));
    }

    #[test]
    fn junk_never_panics() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..300 {
            let mut bytes = APP.as_bytes().to_vec();
            for _ in 0..1 + next() % 6 {
                let at = next() % bytes.len();
                let junk = b"!:[]{}-, \n$\"'&*";
                bytes[at] = junk[next() % junk.len()];
            }
            let _ = parse("junk.yaml", &String::from_utf8_lossy(&bytes));
        }
    }
}
