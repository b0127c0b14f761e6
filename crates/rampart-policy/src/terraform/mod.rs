//! Terraform: `.tf` and `.tfvars` files are parsed during the walk and kept per directory; once
//! the walk ends, every root module is evaluated (variables, locals, `count`/`for_each`, local
//! modules) into one cloud-resource document (`docs/misconfig-inputs.md`). A module spans
//! several files, so this cannot happen file by file.

mod eval;
mod plan;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Mutex;

use hcl_edit::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body, Structure};
use serde_json::{Map, Value, json};

use eval::{Bindings, Site, items_of, to_text, unknown};
pub use eval::{REFS, UNKNOWN, is_unknown};
pub use plan::{looks_like_plan, plan_document};

/// Deepest chain of local module calls followed.
const MAX_MODULE_DEPTH: usize = 16;
/// Most instances one `count`/`for_each` expands to (the rest are not generated).
const MAX_INSTANCES: usize = 1_000;
/// Resource arguments that steer Terraform rather than configure the resource.
const META_ARGUMENTS: &[&str] = &["count", "for_each", "depends_on", "provider"];
/// Module block arguments that are not inputs.
const MODULE_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// A Terraform file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// Something a module evaluation could not do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleError {
    /// The file of the construct in question.
    pub path: String,
    /// What happened and what to do.
    pub message: String,
    /// True when part of the configuration was not checked (a remote module), false for
    /// errors in the configuration itself (a module cycle).
    pub not_checked: bool,
}

/// One parsed `.tf` or `.tfvars` file.
#[derive(Debug)]
pub struct TfFile {
    /// Path as the scan reports it.
    pub path: String,
    /// The file's text.
    pub text: String,
    body: Body,
    newlines: Vec<usize>,
    tfvars: bool,
}

impl TfFile {
    fn line_of(&self, offset: usize) -> u32 {
        let line = self.newlines.partition_point(|&n| n < offset) + 1;
        u32::try_from(line).unwrap_or(u32::MAX)
    }

    /// First and last line of a byte span.
    fn lines(&self, span: Option<Range<usize>>) -> (u32, u32) {
        match span {
            Some(span) => {
                let end = span.end.saturating_sub(1).max(span.start);
                (self.line_of(span.start), self.line_of(end))
            }
            None => (1, 1),
        }
    }

    fn dir(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    fn name(&self) -> &str {
        self.path
            .rsplit_once('/')
            .map_or(&self.path, |(_, name)| name)
    }
}

/// Whether the analyzer wants `path` for Terraform.
pub fn is_terraform(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".tf") || lower.ends_with(".tfvars")
}

/// Terraform files collected during the walk.
#[derive(Debug, Default)]
pub struct TerraformFiles {
    files: Mutex<Vec<TfFile>>,
}

impl TerraformFiles {
    /// Parse and keep one file.
    pub fn add(&self, path: &str, text: &str) -> Result<(), ParseError> {
        let body = hcl_edit::parser::parse_body(text).map_err(|e| ParseError {
            line: u32::try_from(e.location().line()).unwrap_or(u32::MAX),
            column: u32::try_from(e.location().column()).unwrap_or(u32::MAX),
            message: format!("not valid HCL: {}", e.message()),
        })?;
        let file = TfFile {
            path: path.to_string(),
            text: text.to_string(),
            body,
            newlines: newline_offsets(text),
            tfvars: path.to_ascii_lowercase().ends_with(".tfvars"),
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file);
        Ok(())
    }

    /// Evaluate every root module: one document per module directory that has resources.
    pub fn documents(&self) -> (Vec<Value>, Vec<ModuleError>) {
        let mut files = std::mem::take(&mut *self.files.lock().unwrap_or_else(|e| e.into_inner()));
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut by_dir: BTreeMap<String, Vec<&TfFile>> = BTreeMap::new();
        for file in &files {
            by_dir.entry(file.dir().to_string()).or_default().push(file);
        }
        let called = called_dirs(&by_dir);
        let visited = RefCell::new(BTreeSet::new());
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        let has_tf = |dir: &str| by_dir.get(dir).is_some_and(|f| f.iter().any(|f| !f.tfvars));
        // Directories only ever used as modules are checked through their callers (with the
        // inputs those give); a cycle of modules has no root, so whatever is left unvisited is
        // evaluated on its own afterwards.
        let mut roots: Vec<&String> = by_dir.keys().filter(|d| !called.contains(*d)).collect();
        let leftovers: Vec<&String> = by_dir.keys().filter(|d| called.contains(*d)).collect();
        roots.extend(leftovers);
        for dir in roots {
            if !has_tf(dir) || visited.borrow().contains(dir) {
                continue;
            }
            let module = ModuleEval::new(
                &by_dir,
                dir,
                String::new(),
                None,
                vec![dir.clone()],
                &visited,
            );
            module.evaluate();
            errors.extend(module.errors.into_inner());
            let resources = module.resources.into_inner();
            if !resources.is_empty() {
                documents.push(json!({
                    "kind": "terraform",
                    "module_dir": if dir.is_empty() { "." } else { dir.as_str() },
                    "resources": resources,
                }));
            }
        }
        (documents, errors)
    }
}

fn newline_offsets(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

/// `dir` joined with a relative module source, `..` resolved; `None` when it leaves the tree.
fn join_source(dir: &str, source: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in source.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

fn is_local_source(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../")
}

/// Directories some module block in the tree calls.
fn called_dirs(by_dir: &BTreeMap<String, Vec<&TfFile>>) -> BTreeSet<String> {
    let mut called = BTreeSet::new();
    for (dir, files) in by_dir {
        for file in files {
            for block in file.body.get_blocks("module") {
                let source = block
                    .body
                    .get_attribute("source")
                    .and_then(|a| match &a.value {
                        Expression::String(s) => Some(s.value().clone()),
                        _ => None,
                    });
                if let Some(target) = source
                    .filter(|s| is_local_source(s))
                    .and_then(|s| join_source(dir, &s))
                    .filter(|target| target != dir)
                {
                    called.insert(target);
                }
            }
        }
    }
    called
}

/// One module instance being evaluated.
pub struct ModuleEval<'a> {
    all: &'a BTreeMap<String, Vec<&'a TfFile>>,
    dir: String,
    prefix: String,
    files: Vec<&'a TfFile>,
    vars: Map<String, Value>,
    locals: HashMap<String, (&'a TfFile, &'a Expression)>,
    local_values: RefCell<HashMap<String, Option<Value>>>,
    outputs: Vec<(String, &'a TfFile, &'a Expression)>,
    modules: Vec<(String, &'a TfFile, &'a Block)>,
    module_values: RefCell<HashMap<String, Option<Value>>>,
    stack: Vec<String>,
    visited: &'a RefCell<BTreeSet<String>>,
    errors: RefCell<Vec<ModuleError>>,
    resources: RefCell<Vec<Value>>,
}

impl<'a> ModuleEval<'a> {
    fn new(
        all: &'a BTreeMap<String, Vec<&'a TfFile>>,
        dir: &str,
        prefix: String,
        inputs: Option<Map<String, Value>>,
        stack: Vec<String>,
        visited: &'a RefCell<BTreeSet<String>>,
    ) -> ModuleEval<'a> {
        visited.borrow_mut().insert(dir.to_string());
        let files: Vec<&TfFile> = all.get(dir).cloned().unwrap_or_default();
        let mut locals = HashMap::new();
        let mut outputs = Vec::new();
        let mut modules = Vec::new();
        for file in files.iter().filter(|f| !f.tfvars) {
            for block in file.body.blocks() {
                let label = block.labels.first().map(|l| l.as_str().to_string());
                match (block.ident.value().as_str(), label) {
                    ("locals", _) => {
                        for attr in block.body.attributes() {
                            locals.insert(attr.key.value().to_string(), (*file, &attr.value));
                        }
                    }
                    ("output", Some(name)) => {
                        if let Some(attr) = block.body.get_attribute("value") {
                            outputs.push((name, *file, &attr.value));
                        }
                    }
                    ("module", Some(name)) => modules.push((name, *file, block)),
                    _ => {}
                }
            }
        }
        let mut module = ModuleEval {
            all,
            dir: dir.to_string(),
            prefix,
            files,
            vars: Map::new(),
            locals,
            local_values: RefCell::new(HashMap::new()),
            outputs,
            modules,
            module_values: RefCell::new(HashMap::new()),
            stack,
            visited,
            errors: RefCell::new(Vec::new()),
            resources: RefCell::new(Vec::new()),
        };
        module.vars = module.variables(inputs);
        module
    }

    /// Variable values: defaults, then (root modules) `terraform.tfvars` and `*.auto.tfvars`
    /// in name order, or (called modules) the caller's inputs. No value: unknown.
    fn variables(&self, inputs: Option<Map<String, Value>>) -> Map<String, Value> {
        let mut vars = Map::new();
        for file in self.files.iter().filter(|f| !f.tfvars) {
            for block in file.body.get_blocks("variable") {
                let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                    continue;
                };
                let value = match block.body.get_attribute("default") {
                    Some(attr) => self.eval(&attr.value, &Site::new(file, Bindings::default())),
                    None => unknown(&format!("var.{name}"), Vec::new()),
                };
                vars.insert(name, value);
            }
        }
        match inputs {
            Some(inputs) => vars.extend(inputs),
            None => {
                let mut tfvars: Vec<&&TfFile> = self
                    .files
                    .iter()
                    .filter(|f| {
                        f.tfvars
                            && (f.name() == "terraform.tfvars"
                                || f.name().ends_with(".auto.tfvars"))
                    })
                    .collect();
                tfvars.sort_by_key(|f| (f.name() != "terraform.tfvars", f.name().to_string()));
                for file in tfvars {
                    for attr in file.body.attributes() {
                        let value = self.eval(&attr.value, &Site::new(file, Bindings::default()));
                        vars.insert(attr.key.value().to_string(), value);
                    }
                }
            }
        }
        vars
    }

    fn variable(&self, name: &str) -> Value {
        self.vars
            .get(name)
            .cloned()
            .unwrap_or_else(|| unknown(&format!("var.{name}"), Vec::new()))
    }

    fn local(&self, name: &str, depth: u32) -> Value {
        if let Some(state) = self.local_values.borrow().get(name) {
            // `None`: this local is being evaluated, so it refers to itself.
            return state
                .clone()
                .unwrap_or_else(|| unknown(&format!("local.{name}"), Vec::new()));
        }
        let Some((file, expr)) = self.locals.get(name) else {
            return unknown(&format!("local.{name}"), Vec::new());
        };
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), None);
        let value = self.eval(expr, &Site::at_depth(file, Bindings::default(), depth));
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), Some(value.clone()));
        value
    }

    fn dir_label(&self) -> String {
        if self.dir.is_empty() {
            ".".to_string()
        } else {
            self.dir.clone()
        }
    }

    /// The outputs of module call `name` (evaluating it on first use).
    fn module_value(&self, name: &str) -> Value {
        if let Some(state) = self.module_values.borrow().get(name) {
            return state
                .clone()
                .unwrap_or_else(|| unknown(&format!("module.{name}"), Vec::new()));
        }
        let Some((_, file, block)) = self.modules.iter().find(|(n, _, _)| n == name) else {
            return unknown(&format!("module.{name}"), Vec::new());
        };
        self.module_values
            .borrow_mut()
            .insert(name.to_string(), None);
        let value = self.call_module(name, file, block);
        self.module_values
            .borrow_mut()
            .insert(name.to_string(), Some(value.clone()));
        value
    }

    fn error(&self, file: &TfFile, message: String, not_checked: bool) {
        self.errors.borrow_mut().push(ModuleError {
            path: file.path.clone(),
            message,
            not_checked,
        });
    }

    fn call_module(&self, name: &str, file: &TfFile, block: &Block) -> Value {
        let placeholder = || {
            unknown(
                &format!("module.{name}"),
                vec![format!("{}module.{name}", self.prefix)],
            )
        };
        let source = block
            .body
            .get_attribute("source")
            .map(|a| self.eval(&a.value, &Site::new(file, Bindings::default())));
        let Some(source) = source.as_ref().and_then(Value::as_str) else {
            self.error(
                file,
                format!("module \"{name}\" has no literal `source`; it was not checked"),
                true,
            );
            return placeholder();
        };
        if !is_local_source(source) {
            self.error(
                file,
                format!(
                    "module \"{name}\" (source \"{source}\") was not checked: rampart does not \
                     download modules; scan the module's own code, or a plan \
                     (`terraform show -json plan > plan.json`)"
                ),
                true,
            );
            return placeholder();
        }
        let Some(dir) = join_source(&self.dir, source) else {
            self.error(file, format!("module \"{name}\": source \"{source}\" leaves the scanned tree; it was not checked"), true);
            return placeholder();
        };
        if self.stack.contains(&dir) {
            let mut cycle = self.stack.clone();
            cycle.push(dir);
            self.error(
                file,
                format!(
                    "module \"{name}\" forms a cycle ({}); it was not expanded again",
                    cycle.join(" -> ")
                ),
                false,
            );
            return placeholder();
        }
        if self.stack.len() >= MAX_MODULE_DEPTH {
            self.error(file, format!("module \"{name}\": modules nest deeper than {MAX_MODULE_DEPTH}; the rest was not checked"), true);
            return placeholder();
        }
        if !self
            .all
            .get(&dir)
            .is_some_and(|f| f.iter().any(|f| !f.tfvars))
        {
            self.error(file, format!("module \"{name}\": no .tf files at `{dir}` in the scanned tree; it was not checked"), true);
            return placeholder();
        }
        let parent_site = Bindings::default();
        let instances = self.instances(file, &block.body, &parent_site);
        let counted = block.body.has_attribute("count");
        let mut results: Vec<(String, Value)> = Vec::new();
        for (suffix, key, bindings) in instances {
            let site = Site::new(file, bindings);
            let mut inputs = Map::new();
            for attr in block.body.attributes() {
                let key = attr.key.value().as_str();
                if !MODULE_META.contains(&key) {
                    inputs.insert(key.to_string(), self.eval(&attr.value, &site));
                }
            }
            let mut stack = self.stack.clone();
            stack.push(dir.clone());
            let child = ModuleEval::new(
                self.all,
                &dir,
                format!("{}module.{name}{suffix}.", self.prefix),
                Some(inputs),
                stack,
                self.visited,
            );
            child.evaluate();
            let outputs = child.outputs_value();
            self.errors.borrow_mut().extend(child.errors.into_inner());
            self.resources
                .borrow_mut()
                .extend(child.resources.into_inner());
            results.push((key, outputs));
        }
        if counted {
            Value::Array(results.into_iter().map(|(_, v)| v).collect())
        } else if block.body.has_attribute("for_each") {
            Value::Object(results.into_iter().collect())
        } else {
            results
                .into_iter()
                .next()
                .map_or_else(placeholder, |(_, v)| v)
        }
    }

    fn outputs_value(&self) -> Value {
        let mut out = Map::new();
        for (name, file, expr) in &self.outputs {
            out.insert(
                name.clone(),
                self.eval(expr, &Site::new(file, Bindings::default())),
            );
        }
        Value::Object(out)
    }

    /// `(address suffix, instance key, bindings)` per instance of a block with `count` or
    /// `for_each`; empty for `count = 0`; one unkeyed instance when the count is unknown.
    fn instances(
        &self,
        file: &TfFile,
        body: &Body,
        outer: &Bindings,
    ) -> Vec<(String, String, Bindings)> {
        let site = Site::new(file, outer.clone());
        if let Some(attr) = body.get_attribute("count") {
            let count = self.eval(&attr.value, &site);
            return match count
                .as_f64()
                .or_else(|| count.as_str().and_then(|s| s.parse().ok()))
            {
                Some(n) if n >= 0.0 => (0..(n as usize).min(MAX_INSTANCES))
                    .map(|i| {
                        (
                            format!("[{i}]"),
                            i.to_string(),
                            outer.with("count", json!({"index": i})),
                        )
                    })
                    .collect(),
                _ => vec![(
                    String::new(),
                    String::new(),
                    outer.with(
                        "count",
                        json!({"index": unknown("count.index", Vec::new())}),
                    ),
                )],
            };
        }
        if let Some(attr) = body.get_attribute("for_each") {
            let collection = self.eval(&attr.value, &site);
            let items: Option<Vec<(String, Value)>> = match &collection {
                Value::Array(items) => items
                    .iter()
                    .map(|v| to_text(v).map(|k| (k, v.clone())))
                    .collect(),
                Value::Object(_) if !is_unknown(&collection) => {
                    items_of(&collection).map(|items| {
                        items
                            .into_iter()
                            .filter_map(|(k, v)| to_text(&k).map(|k| (k, v)))
                            .collect()
                    })
                }
                _ => None,
            };
            return match items {
                Some(items) => items
                    .into_iter()
                    .take(MAX_INSTANCES)
                    .map(|(key, value)| {
                        let suffix = format!("[{}]", Value::String(key.clone()));
                        let each = json!({"key": key, "value": value});
                        (suffix, key, outer.with("each", each))
                    })
                    .collect(),
                None => {
                    let mut refs = Vec::new();
                    eval::refs_in(&collection, &mut refs);
                    let each = json!({
                        "key": unknown("each.key", refs.clone()),
                        "value": unknown("each.value", refs),
                    });
                    vec![(String::new(), String::new(), outer.with("each", each))]
                }
            };
        }
        vec![(String::new(), String::new(), outer.clone())]
    }

    /// Evaluate the module: its resources and data sources, and every module it calls.
    fn evaluate(&self) {
        for file in self.files.iter().filter(|f| !f.tfvars) {
            for block in file.body.blocks() {
                let mode = match block.ident.value().as_str() {
                    "resource" => "managed",
                    "data" => "data",
                    _ => continue,
                };
                self.resource(file, block, mode);
            }
        }
        let names: Vec<String> = self.modules.iter().map(|(n, _, _)| n.clone()).collect();
        for name in names {
            self.module_value(&name);
        }
    }

    fn resource(&self, file: &TfFile, block: &Block, mode: &str) {
        let (Some(kind), Some(name)) = (block.labels.first(), block.labels.get(1)) else {
            return;
        };
        let (kind, name) = (kind.as_str(), name.as_str());
        let base = if mode == "data" {
            format!("data.{kind}.{name}")
        } else {
            format!("{kind}.{name}")
        };
        let reference = format!("{}{base}", self.prefix);
        let (line, end_line) = file.lines(block.span());
        for (suffix, _, bindings) in self.instances(file, &block.body, &Bindings::default()) {
            let site = Site::new(file, bindings);
            let values = self.block_values(&block.body, block.span(), &site, true);
            self.resources.borrow_mut().push(json!({
                "address": format!("{reference}{suffix}"),
                "ref": reference,
                "mode": mode,
                "type": kind,
                "name": name,
                "module": self.prefix.trim_end_matches('.'),
                "file": file.path,
                "__line__": line,
                "__end_line__": end_line,
                "values": values,
            }));
        }
    }

    /// A block body as JSON: arguments evaluated, nested blocks as arrays of objects, with
    /// lines and each argument's span.
    fn block_values(
        &self,
        body: &Body,
        span: Option<Range<usize>>,
        site: &Site<'_>,
        top: bool,
    ) -> Value {
        let mut out = Map::new();
        let mut spans = Map::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.value().as_str();
                    if top && META_ARGUMENTS.contains(&key) {
                        continue;
                    }
                    out.insert(key.to_string(), self.eval(&attr.value, site));
                    let (start, end) = site.file.lines(attr.span());
                    spans.insert(key.to_string(), json!([start, end]));
                }
                Structure::Block(block) => {
                    let ident = block.ident.value().as_str();
                    let (key, blocks) = if ident == "dynamic" {
                        let Some(label) = block.labels.first() else {
                            continue;
                        };
                        (
                            label.as_str().to_string(),
                            self.dynamic(block, label.as_str(), site),
                        )
                    } else {
                        let value = self.block_values(&block.body, block.span(), site, false);
                        (ident.to_string(), vec![value])
                    };
                    // An argument and a block of the same name: the argument stays.
                    if let Value::Array(list) =
                        out.entry(key).or_insert_with(|| Value::Array(Vec::new()))
                    {
                        list.extend(blocks);
                    }
                }
            }
        }
        let (line, end_line) = site.file.lines(span);
        out.insert("__line__".to_string(), json!(line));
        out.insert("__end_line__".to_string(), json!(end_line));
        out.insert("__spans__".to_string(), Value::Object(spans));
        Value::Object(out)
    }

    /// The blocks a `dynamic "NAME"` block generates: one per element of its `for_each`, or one
    /// with an unknown iterator when the collection is unknown.
    fn dynamic(&self, block: &Block, label: &str, site: &Site<'_>) -> Vec<Value> {
        let Some(content) = block.body.get_blocks("content").next() else {
            return Vec::new();
        };
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(ident)) => ident.value().to_string(),
            _ => label.to_string(),
        };
        let collection = block
            .body
            .get_attribute("for_each")
            .map(|a| self.eval(&a.value, site))
            .unwrap_or(Value::Null);
        match items_of(&collection) {
            Some(items) => items
                .into_iter()
                .take(MAX_INSTANCES)
                .map(|(key, value)| {
                    let bindings = site
                        .bindings
                        .with(&iterator, json!({"key": key, "value": value}));
                    let inner = Site::new(site.file, bindings);
                    self.block_values(&content.body, content.span(), &inner, false)
                })
                .collect(),
            None => {
                let mut refs = Vec::new();
                eval::refs_in(&collection, &mut refs);
                let iterator_value = json!({
                    "key": unknown(&format!("{iterator}.key"), refs.clone()),
                    "value": unknown(&format!("{iterator}.value"), refs),
                });
                let inner = Site::new(site.file, site.bindings.with(&iterator, iterator_value));
                vec![self.block_values(&content.body, content.span(), &inner, false)]
            }
        }
    }
}

#[cfg(test)]
mod tests;
