//! Partial evaluation of HCL expressions: what is statically known becomes JSON; everything else
//! becomes an unknown marker carrying the expression's text and the resources it refers to, so
//! policies never mistake "could not tell" for "safe".

use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, FuncCall, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::{Ident, Span};
use serde_json::{Map, Number, Value};

use super::{ModuleEval, TfFile};

/// Key of an unknown marker: the expression's source text.
pub const UNKNOWN: &str = "__unknown__";
/// Key listing the resources an unknown value refers to.
pub const REFS: &str = "__refs__";

/// Deepest evaluation (locals referring to locals, nested calls) before giving up as unknown.
const MAX_DEPTH: u32 = 256;
/// Longest expression text kept in an unknown marker.
const MAX_TEXT: usize = 200;
/// Largest collection an evaluation may build (`range(1e9)` must not exhaust memory).
const MAX_ITEMS: usize = 10_000;

/// An unknown value: `text` says what it was, `refs` which resources it depends on.
pub fn unknown(text: &str, mut refs: Vec<String>) -> Value {
    refs.sort();
    refs.dedup();
    let mut text = text.trim().to_string();
    if text.len() > MAX_TEXT {
        let mut cut = MAX_TEXT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    let mut marker = Map::new();
    marker.insert(UNKNOWN.to_string(), Value::String(text));
    marker.insert(
        REFS.to_string(),
        Value::Array(refs.into_iter().map(Value::String).collect()),
    );
    Value::Object(marker)
}

/// Whether `v` is an unknown marker.
pub fn is_unknown(v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.contains_key(UNKNOWN))
}

/// Whether `v` holds an unknown marker anywhere inside.
fn contains_unknown(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.contains_key(UNKNOWN) || o.values().any(contains_unknown),
        Value::Array(items) => items.iter().any(contains_unknown),
        _ => false,
    }
}

/// Every resource named by unknown markers inside `v`.
pub fn refs_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.contains_key(UNKNOWN) => {
            if let Some(Value::Array(refs)) = o.get(REFS) {
                out.extend(refs.iter().filter_map(Value::as_str).map(str::to_string));
            }
        }
        Value::Object(o) => o.values().for_each(|x| refs_in(x, out)),
        Value::Array(items) => items.iter().for_each(|x| refs_in(x, out)),
        _ => {}
    }
}

/// Names bound while evaluating: `count`, `each`, dynamic-block iterators, `for` variables.
#[derive(Debug, Clone, Default)]
pub struct Bindings(Vec<(String, Value)>);

impl Bindings {
    /// These bindings plus `name = value` (shadowing an outer one).
    pub fn with(&self, name: &str, value: Value) -> Bindings {
        let mut next = self.clone();
        next.0.push((name.to_string(), value));
        next
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// Where an expression is evaluated: the file it is written in and the names bound there.
pub struct Site<'f> {
    /// The file (for expression text).
    pub file: &'f TfFile,
    /// Bound names.
    pub bindings: Bindings,
    depth: u32,
}

impl<'f> Site<'f> {
    /// A site in `file` with `bindings`.
    pub fn new(file: &'f TfFile, bindings: Bindings) -> Site<'f> {
        Site {
            file,
            bindings,
            depth: 0,
        }
    }

    /// A site `depth` evaluations deep (a local evaluated on behalf of another expression).
    pub fn at_depth(file: &'f TfFile, bindings: Bindings, depth: u32) -> Site<'f> {
        Site {
            file,
            bindings,
            depth,
        }
    }

    fn deeper(&self, bindings: Bindings) -> Site<'f> {
        Site {
            file: self.file,
            bindings,
            depth: self.depth + 1,
        }
    }

    fn text(&self, e: &Expression) -> String {
        e.span()
            .and_then(|span| self.file.text.get(span))
            .unwrap_or("<expression>")
            .to_string()
    }
}

/// Terraform's string form of a primitive value; `None` for collections, null and unknowns.
pub fn to_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(number_text(n)),
        _ => None,
    }
}

fn number_text(n: &Number) -> String {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        _ => n.to_string(),
    }
}

fn num(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9e15 {
        Value::Number(Number::from(f as i64))
    } else {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// Renders `v` as JSON with unknown parts written as `"${expression}"` placeholders, so a
/// policy document with one computed ARN stays readable to policies.
fn json_with_placeholders(v: &Value) -> Value {
    match v {
        Value::Object(o) if o.contains_key(UNKNOWN) => {
            let text = o.get(UNKNOWN).and_then(Value::as_str).unwrap_or("?");
            Value::String(format!("${{{text}}}"))
        }
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), json_with_placeholders(x)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(json_with_placeholders).collect()),
        other => other.clone(),
    }
}

impl ModuleEval<'_> {
    /// Evaluate `e` written at `site`.
    pub fn eval(&self, e: &Expression, site: &Site<'_>) -> Value {
        if site.depth > MAX_DEPTH {
            return unknown(&site.text(e), Vec::new());
        }
        match e {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => match n.value().as_f64() {
                Some(f) => num(f),
                None => Value::Null,
            },
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Array(items) => {
                let next = site.deeper(site.bindings.clone());
                Value::Array(items.iter().map(|x| self.eval(x, &next)).collect())
            }
            Expression::Object(object) => {
                let next = site.deeper(site.bindings.clone());
                let mut out = Map::new();
                for (key, value) in object.iter() {
                    let key = match key {
                        ObjectKey::Ident(ident) => ident.value().to_string(),
                        ObjectKey::Expression(Expression::Variable(ident)) => {
                            ident.value().to_string()
                        }
                        ObjectKey::Expression(k) => match to_text(&self.eval(k, &next)) {
                            Some(text) => text,
                            None => return unknown(&site.text(e), self.refs_of(e, site)),
                        },
                    };
                    out.insert(key, self.eval(value.expr(), &next));
                }
                Value::Object(out)
            }
            Expression::StringTemplate(template) => self
                .template(template, site, false)
                .unwrap_or_else(|| unknown(&site.text(e), self.refs_of(e, site))),
            Expression::HeredocTemplate(heredoc) => {
                let mut heredoc = (**heredoc).clone();
                if heredoc.indent().is_some() {
                    heredoc.dedent();
                }
                self.template(&heredoc.template, site, true)
                    .unwrap_or_else(|| unknown(&site.text(e), self.refs_of(e, site)))
            }
            Expression::Parenthesis(inner) => {
                self.eval(inner.inner(), &site.deeper(site.bindings.clone()))
            }
            Expression::Variable(ident) => match site.bindings.get(ident.value().as_str()) {
                Some(v) => v.clone(),
                None => unknown(ident.value().as_str(), Vec::new()),
            },
            Expression::Conditional(c) => {
                let next = site.deeper(site.bindings.clone());
                let condition = self.eval(&c.cond_expr, &next);
                match as_bool(&condition) {
                    Some(true) => self.eval(&c.true_expr, &next),
                    Some(false) => self.eval(&c.false_expr, &next),
                    None => {
                        let yes = self.eval(&c.true_expr, &next);
                        let no = self.eval(&c.false_expr, &next);
                        if yes == no && !contains_unknown(&yes) {
                            yes
                        } else {
                            let mut refs = Vec::new();
                            refs_in(&condition, &mut refs);
                            refs_in(&yes, &mut refs);
                            refs_in(&no, &mut refs);
                            unknown(&site.text(e), refs)
                        }
                    }
                }
            }
            Expression::FuncCall(call) => self.call(call, e, site),
            Expression::Traversal(traversal) => {
                self.traversal(&traversal.expr, &traversal.operators, e, site)
            }
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr, &site.deeper(site.bindings.clone()));
                match (op.operator.value(), &v) {
                    (UnaryOperator::Not, _) if as_bool(&v).is_some() => {
                        Value::Bool(!as_bool(&v).unwrap_or(false))
                    }
                    (UnaryOperator::Neg, _) if as_f64(&v).is_some() => {
                        num(-as_f64(&v).unwrap_or(0.0))
                    }
                    _ => self.unknown_from(e, site, &[&v]),
                }
            }
            Expression::BinaryOp(op) => {
                let next = site.deeper(site.bindings.clone());
                let lhs = self.eval(&op.lhs_expr, &next);
                // `false && x` and `true || x` are decided without `x`.
                match (op.operator.value(), as_bool(&lhs)) {
                    (BinaryOperator::And, Some(false)) => return Value::Bool(false),
                    (BinaryOperator::Or, Some(true)) => return Value::Bool(true),
                    _ => {}
                }
                let rhs = self.eval(&op.rhs_expr, &next);
                binary(*op.operator.value(), &lhs, &rhs)
                    .unwrap_or_else(|| self.unknown_from(e, site, &[&lhs, &rhs]))
            }
            Expression::ForExpr(for_expr) => self
                .for_expr(for_expr, site)
                .unwrap_or_else(|| unknown(&site.text(e), self.refs_of(e, site))),
        }
    }

    fn unknown_from(&self, e: &Expression, site: &Site<'_>, parts: &[&Value]) -> Value {
        let mut refs = Vec::new();
        for part in parts {
            refs_in(part, &mut refs);
        }
        unknown(&site.text(e), refs)
    }

    /// The resources `e` refers to, found by evaluating it loosely (for unknown markers).
    fn refs_of(&self, e: &Expression, site: &Site<'_>) -> Vec<String> {
        let mut refs = Vec::new();
        collect_refs(e, &self.prefix, &mut refs);
        let _ = site;
        refs
    }

    /// A string template; `None` when a part is unknown. In heredocs (documents such as IAM
    /// policies and user data) unknown parts become `${...}` placeholders instead, so the rest
    /// of the document can still be checked.
    fn template(&self, template: &Template, site: &Site<'_>, placeholders: bool) -> Option<Value> {
        let mut out = String::new();
        self.render(template, site, placeholders, &mut out)?;
        Some(Value::String(out))
    }

    fn render(
        &self,
        template: &Template,
        site: &Site<'_>,
        placeholders: bool,
        out: &mut String,
    ) -> Option<()> {
        let next = site.deeper(site.bindings.clone());
        for element in template.iter() {
            match element {
                Element::Literal(text) => out.push_str(text.value()),
                Element::Interpolation(interpolation) => {
                    let v = self.eval(&interpolation.expr, &next);
                    match to_text(&v) {
                        Some(text) => out.push_str(&text),
                        None if placeholders => {
                            out.push_str("${");
                            out.push_str(&next.text(&interpolation.expr));
                            out.push('}');
                        }
                        None => return None,
                    }
                }
                Element::Directive(directive) => match &**directive {
                    Directive::If(d) => match as_bool(&self.eval(&d.if_expr.cond_expr, &next)) {
                        Some(true) => self.render(&d.if_expr.template, &next, placeholders, out)?,
                        Some(false) => {
                            if let Some(otherwise) = &d.else_expr {
                                self.render(&otherwise.template, &next, placeholders, out)?;
                            }
                        }
                        None => return None,
                    },
                    Directive::For(d) => {
                        let collection = self.eval(&d.for_expr.collection_expr, &next);
                        let key_var = d.for_expr.key_var.as_ref().map(|k| k.value().to_string());
                        let value_var = d.for_expr.value_var.value().to_string();
                        for (key, value) in items_of(&collection)? {
                            let mut bindings = next.bindings.with(&value_var, value);
                            if let Some(k) = &key_var {
                                bindings = bindings.with(k, key);
                            }
                            self.render(
                                &d.for_expr.template,
                                &next.deeper(bindings),
                                placeholders,
                                out,
                            )?;
                        }
                    }
                },
            }
            if out.len() > 1 << 20 {
                return None;
            }
        }
        Some(())
    }

    fn for_expr(&self, f: &ForExpr, site: &Site<'_>) -> Option<Value> {
        let next = site.deeper(site.bindings.clone());
        let collection = self.eval(&f.intro.collection_expr, &next);
        let key_var = f.intro.key_var.as_ref().map(|k| k.value().to_string());
        let value_var = f.intro.value_var.value().to_string();
        let mut list = Vec::new();
        let mut object = Map::new();
        for (key, value) in items_of(&collection)? {
            let mut bindings = next.bindings.with(&value_var, value);
            if let Some(k) = &key_var {
                bindings = bindings.with(k, key);
            }
            let inner = next.deeper(bindings);
            if let Some(cond) = &f.cond {
                match as_bool(&self.eval(&cond.expr, &inner)) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return None,
                }
            }
            let value = self.eval(&f.value_expr, &inner);
            match &f.key_expr {
                None => list.push(value),
                Some(key_expr) => {
                    let key = to_text(&self.eval(key_expr, &inner))?;
                    if f.grouping {
                        match object
                            .entry(key)
                            .or_insert_with(|| Value::Array(Vec::new()))
                        {
                            Value::Array(group) => group.push(value),
                            _ => return None,
                        }
                    } else {
                        object.insert(key, value);
                    }
                }
            }
        }
        Some(match f.key_expr {
            None => Value::Array(list),
            Some(_) => Value::Object(object),
        })
    }

    fn traversal(
        &self,
        root: &Expression,
        operators: &[hcl_edit::Decorated<TraversalOperator>],
        whole: &Expression,
        site: &Site<'_>,
    ) -> Value {
        let next = site.deeper(site.bindings.clone());
        let attr = |i: usize| match operators.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(ident)) => Some(ident.value().to_string()),
            _ => None,
        };
        let (base, rest) = match root {
            Expression::Variable(ident) if site.bindings.get(ident.value().as_str()).is_none() => {
                match ident.value().as_str() {
                    "var" => match attr(0) {
                        Some(name) => (self.variable(&name), 1),
                        None => return unknown(&site.text(whole), Vec::new()),
                    },
                    "local" => match attr(0) {
                        Some(name) => (self.local(&name, next.depth), 1),
                        None => return unknown(&site.text(whole), Vec::new()),
                    },
                    "module" => match attr(0) {
                        Some(module) => (self.module_value(&module), 1),
                        None => return unknown(&site.text(whole), Vec::new()),
                    },
                    "path" => match attr(0).as_deref() {
                        Some("module") => (Value::String(self.dir_label()), 1),
                        Some("root" | "cwd") => (Value::String(".".to_string()), 1),
                        _ => return unknown(&site.text(whole), Vec::new()),
                    },
                    _ => {
                        // var/local/module/path are handled; the rest are resources, data
                        // sources, `self`, `terraform.workspace`: known only after apply.
                        let refs = self.refs_of(whole, site);
                        return unknown(&site.text(whole), refs);
                    }
                }
            }
            other => (self.eval(other, &next), 0),
        };
        let mut value = base;
        for (i, operator) in operators.iter().enumerate().skip(rest) {
            if is_unknown(&value) {
                let mut refs = Vec::new();
                refs_in(&value, &mut refs);
                return unknown(&site.text(whole), refs);
            }
            value = match operator.value() {
                TraversalOperator::GetAttr(ident) => match &value {
                    Value::Object(o) => match o.get(ident.value().as_str()) {
                        Some(v) => v.clone(),
                        None => return unknown(&site.text(whole), Vec::new()),
                    },
                    _ => return unknown(&site.text(whole), Vec::new()),
                },
                TraversalOperator::Index(index) => {
                    let key = self.eval(index, &next);
                    match index_into(&value, &key) {
                        Some(v) => v,
                        None => return self.unknown_from(whole, site, &[&key]),
                    }
                }
                TraversalOperator::LegacyIndex(n) => {
                    match index_into(&value, &Value::Number(Number::from(*n.value()))) {
                        Some(v) => v,
                        None => return unknown(&site.text(whole), Vec::new()),
                    }
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value {
                        Value::Array(items) => items,
                        Value::Null => Vec::new(),
                        single => vec![single],
                    };
                    let tail = operators.get(i + 1..).unwrap_or_default();
                    let mut out = Vec::new();
                    for item in items {
                        out.push(apply_known(item, tail));
                    }
                    return Value::Array(out);
                }
            };
        }
        value
    }

    fn call(&self, call: &FuncCall, whole: &Expression, site: &Site<'_>) -> Value {
        let next = site.deeper(site.bindings.clone());
        let name = call.name.name.value().as_str();
        let mut args: Vec<Value> = call.args.iter().map(|a| self.eval(a, &next)).collect();
        if call.args.expand_final() {
            match args.pop() {
                Some(Value::Array(items)) => args.extend(items),
                Some(other) => return self.unknown_from(whole, site, &[&other]),
                None => {}
            }
        }
        let give_up = || {
            let parts: Vec<&Value> = args.iter().collect();
            self.unknown_from(whole, site, &parts)
        };
        if call.name.is_namespaced() {
            return give_up();
        }
        match name {
            // Errors inside `try` fall through to the next argument; an unknown one cannot be
            // ruled out, so only a known first argument decides.
            "try" => match args.first() {
                Some(first) if !contains_unknown(first) => first.clone(),
                _ => give_up(),
            },
            "jsonencode" => match args.first() {
                Some(v) if !is_unknown(v) => serde_json::to_string(&json_with_placeholders(v))
                    .map_or_else(|_| give_up(), Value::String),
                _ => give_up(),
            },
            _ if args.iter().any(contains_unknown) => give_up(),
            _ => function(name, &args).unwrap_or_else(give_up),
        }
    }
}

/// `(key, value)` pairs of a known collection: list indices or object keys (sorted, as
/// Terraform iterates maps).
pub fn items_of(collection: &Value) -> Option<Vec<(Value, Value)>> {
    match collection {
        Value::Array(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::Number(Number::from(i)), v.clone()))
                .collect(),
        ),
        Value::Object(o) if !o.contains_key(UNKNOWN) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            Some(
                keys.into_iter()
                    .filter_map(|k| o.get(k).map(|v| (Value::String(k.clone()), v.clone())))
                    .collect(),
            )
        }
        _ => None,
    }
}

fn index_into(value: &Value, key: &Value) -> Option<Value> {
    match (value, key) {
        (Value::Array(items), k) => {
            let i = as_f64(k)?;
            if i < 0.0 || i.fract() != 0.0 {
                return None;
            }
            items.get(i as usize).cloned()
        }
        (Value::Object(o), k) if !o.contains_key(UNKNOWN) => o.get(&to_text(k)?).cloned(),
        _ => None,
    }
}

/// Applies traversal operators to a known value (inside a splat); unknown on anything else.
fn apply_known(mut value: Value, operators: &[hcl_edit::Decorated<TraversalOperator>]) -> Value {
    for operator in operators {
        value = match (operator.value(), &value) {
            (TraversalOperator::GetAttr(ident), Value::Object(o)) => o
                .get(ident.value().as_str())
                .cloned()
                .unwrap_or(Value::Null),
            (TraversalOperator::LegacyIndex(n), v) => {
                index_into(v, &Value::Number(Number::from(*n.value()))).unwrap_or(Value::Null)
            }
            _ => return unknown("splat", Vec::new()),
        };
    }
    value
}

fn binary(op: BinaryOperator, lhs: &Value, rhs: &Value) -> Option<Value> {
    if contains_unknown(lhs) || contains_unknown(rhs) {
        return None;
    }
    use BinaryOperator as B;
    Some(match op {
        B::Eq => Value::Bool(loose_eq(lhs, rhs)),
        B::NotEq => Value::Bool(!loose_eq(lhs, rhs)),
        B::And => Value::Bool(as_bool(lhs)? && as_bool(rhs)?),
        B::Or => Value::Bool(as_bool(lhs)? || as_bool(rhs)?),
        _ => {
            let (a, b) = (as_f64(lhs)?, as_f64(rhs)?);
            match op {
                B::Plus => num(a + b),
                B::Minus => num(a - b),
                B::Mul => num(a * b),
                B::Div if b != 0.0 => num(a / b),
                B::Mod if b != 0.0 => num(a % b),
                B::Less => Value::Bool(a < b),
                B::LessEq => Value::Bool(a <= b),
                B::Greater => Value::Bool(a > b),
                B::GreaterEq => Value::Bool(a >= b),
                _ => return None,
            }
        }
    })
}

fn loose_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Built-in functions over known arguments; `None` when rampart does not evaluate the function
/// or the arguments do not fit it.
fn function(name: &str, args: &[Value]) -> Option<Value> {
    let text = |i: usize| args.get(i).and_then(to_text);
    let list = |i: usize| match args.get(i) {
        Some(Value::Array(items)) => Some(items.clone()),
        _ => None,
    };
    Some(match name {
        "tostring" => Value::String(text(0)?),
        "tonumber" => num(as_f64(args.first()?)?),
        "tobool" => Value::Bool(as_bool(args.first()?)?),
        "tolist" | "toset" => {
            let mut items = list(0)?;
            if name == "toset" {
                let mut seen = Vec::new();
                items.retain(|x| {
                    let fresh = !seen.contains(x);
                    if fresh {
                        seen.push(x.clone());
                    }
                    fresh
                });
            }
            Value::Array(items)
        }
        "tomap" => match args.first()? {
            Value::Object(o) => Value::Object(o.clone()),
            _ => return None,
        },
        "lower" => Value::String(text(0)?.to_lowercase()),
        "upper" => Value::String(text(0)?.to_uppercase()),
        "trimspace" => Value::String(text(0)?.trim().to_string()),
        "join" => {
            let items = list(1)?;
            let parts: Option<Vec<String>> = items.iter().map(to_text).collect();
            Value::String(parts?.join(&text(0)?))
        }
        "split" => Value::Array(
            text(1)?
                .split(text(0)?.as_str())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        ),
        "replace" => {
            let pattern = text(1)?;
            // `/.../` patterns are regular expressions: not evaluated here.
            if pattern.len() > 1 && pattern.starts_with('/') && pattern.ends_with('/') {
                return None;
            }
            Value::String(text(0)?.replace(&pattern, &text(2)?))
        }
        "format" => Value::String(format_string(&text(0)?, args.get(1..)?)?),
        "length" => match args.first()? {
            Value::Array(items) => Value::Number(items.len().into()),
            Value::Object(o) => Value::Number(o.len().into()),
            Value::String(s) => Value::Number(s.chars().count().into()),
            _ => return None,
        },
        "element" => {
            let items = list(0)?;
            let i = as_f64(args.get(1)?)? as usize;
            items.get(i.checked_rem(items.len())?)?.clone()
        }
        "lookup" => match args.first()? {
            Value::Object(o) => match o.get(&text(1)?) {
                Some(v) => v.clone(),
                None => args.get(2)?.clone(),
            },
            _ => return None,
        },
        "contains" => Value::Bool(
            list(0)?
                .iter()
                .any(|x| loose_eq(x, args.get(1).unwrap_or(&Value::Null))),
        ),
        "keys" => match args.first()? {
            Value::Object(o) => {
                let mut keys: Vec<&String> = o.keys().collect();
                keys.sort();
                Value::Array(keys.into_iter().map(|k| Value::String(k.clone())).collect())
            }
            _ => return None,
        },
        "values" => match args.first()? {
            Value::Object(o) => {
                let mut keys: Vec<&String> = o.keys().collect();
                keys.sort();
                Value::Array(keys.into_iter().filter_map(|k| o.get(k).cloned()).collect())
            }
            _ => return None,
        },
        "merge" => {
            let mut out = Map::new();
            for arg in args {
                match arg {
                    Value::Object(o) => out.extend(o.clone()),
                    Value::Null => {}
                    _ => return None,
                }
            }
            Value::Object(out)
        }
        "concat" => {
            let mut out = Vec::new();
            for i in 0..args.len() {
                out.extend(list(i)?);
            }
            Value::Array(out)
        }
        "flatten" => {
            fn flat(v: &Value, out: &mut Vec<Value>) {
                match v {
                    Value::Array(items) => items.iter().for_each(|x| flat(x, out)),
                    other => out.push(other.clone()),
                }
            }
            let mut out = Vec::new();
            flat(args.first()?, &mut out);
            Value::Array(out)
        }
        "distinct" => {
            let mut out: Vec<Value> = Vec::new();
            for x in list(0)? {
                if !out.contains(&x) {
                    out.push(x);
                }
            }
            Value::Array(out)
        }
        "coalesce" => args
            .iter()
            .find(|v| !v.is_null() && v.as_str() != Some(""))?
            .clone(),
        "compact" => Value::Array(
            list(0)?
                .into_iter()
                .filter(|v| !v.is_null() && v.as_str() != Some(""))
                .collect(),
        ),
        "min" | "max" => {
            let numbers: Option<Vec<f64>> = args.iter().map(as_f64).collect();
            let numbers = numbers?;
            let fold = if name == "min" { f64::min } else { f64::max };
            num(numbers.into_iter().reduce(fold)?)
        }
        "abs" => num(as_f64(args.first()?)?.abs()),
        "range" => {
            let numbers: Option<Vec<f64>> = args.iter().map(as_f64).collect();
            let (start, end, step) = match numbers?.as_slice() {
                [end] => (0.0, *end, 1.0),
                [start, end] => (*start, *end, 1.0),
                [start, end, step] => (*start, *end, *step),
                _ => return None,
            };
            if step == 0.0 || ((end - start) / step) > MAX_ITEMS as f64 {
                return None;
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                out.push(num(x));
                x += step;
            }
            Value::Array(out)
        }
        "jsondecode" => serde_json::from_str(&text(0)?).ok()?,
        "can" => Value::Bool(true),
        "startswith" => Value::Bool(text(0)?.starts_with(&text(1)?)),
        "endswith" => Value::Bool(text(0)?.ends_with(&text(1)?)),
        "substr" => {
            let s = text(0)?;
            let offset = as_f64(args.get(1)?)? as usize;
            let length = as_f64(args.get(2)?)?;
            let chars = s.chars().skip(offset);
            Value::String(if length < 0.0 {
                chars.collect()
            } else {
                chars.take(length as usize).collect()
            })
        }
        "zipmap" => {
            let keys = list(0)?;
            let values = list(1)?;
            let mut out = Map::new();
            for (k, v) in keys.iter().zip(values) {
                out.insert(to_text(k)?, v);
            }
            Value::Object(out)
        }
        _ => return None,
    })
}

/// `format` with `%s`, `%d`, `%v`, `%q` and `%%` (the verbs configurations use for names).
fn format_string(spec: &str, args: &[Value]) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'd' | 'v' => out.push_str(&to_text(args.next()?)?),
            'q' => out.push_str(&serde_json::to_string(&to_text(args.next()?)?).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

/// Resources and data sources an expression names (`aws_s3_bucket.logs.id` ->
/// `aws_s3_bucket.logs`), qualified with the module `prefix`.
pub fn collect_refs(e: &Expression, prefix: &str, out: &mut Vec<String>) {
    struct Refs<'a> {
        prefix: &'a str,
        out: &'a mut Vec<String>,
    }
    impl hcl_edit::visit::Visit for Refs<'_> {
        fn visit_traversal(&mut self, node: &hcl_edit::expr::Traversal) {
            if let Expression::Variable(root) = &node.expr {
                let attrs: Vec<&Ident> = node
                    .operators
                    .iter()
                    .map_while(|o| match o.value() {
                        TraversalOperator::GetAttr(ident) => Some(ident.value()),
                        _ => None,
                    })
                    .collect();
                let root = root.value().as_str();
                let name = match (root, attrs.as_slice()) {
                    ("var" | "local" | "path" | "count" | "each" | "self" | "terraform", _) => None,
                    ("data", [kind, name, ..]) => Some(format!("data.{kind}.{name}")),
                    ("module", [module, ..]) => Some(format!("module.{module}")),
                    (kind, [name, ..]) if kind.contains('_') => Some(format!("{kind}.{name}")),
                    _ => None,
                };
                if let Some(name) = name {
                    self.out.push(format!("{}{name}", self.prefix));
                }
            }
            hcl_edit::visit::visit_traversal(self, node);
        }
    }
    hcl_edit::visit::Visit::visit_expr(&mut Refs { prefix, out }, e);
}
