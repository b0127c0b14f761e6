//! Terraform plans (`terraform show -json PLAN`): the planned values are already evaluated, so
//! they map straight onto the cloud-resource document; values known only after apply become
//! unknown markers whose references come from the plan's `configuration`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::ParseError;
use super::eval::unknown;

/// Whether `text` looks like the JSON form of a plan (checked before parsing any `.json` file).
pub fn looks_like_plan(text: &str) -> bool {
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    head.trim_start().starts_with('{')
        && text.contains("\"planned_values\"")
        && text.contains("\"format_version\"")
}

/// The document for a plan file.
pub fn plan_document(path: &str, text: &str) -> Result<Value, ParseError> {
    // Parsed as YAML (JSON is YAML) so every object carries the line it starts on.
    let documents = crate::yaml::yaml_documents(path, text).map_err(|e| ParseError {
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    let plan = documents.into_iter().next().unwrap_or(Value::Null);
    let Some(root) = plan.pointer("/planned_values/root_module") else {
        return Err(ParseError {
            line: 1,
            column: 1,
            message: "a Terraform plan without `planned_values.root_module`; give the output of \
                      `terraform show -json PLANFILE`"
                .to_string(),
        });
    };
    let mut unknowns: HashMap<&str, &Value> = HashMap::new();
    for change in plan
        .get("resource_changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(address), Some(after_unknown)) = (
            change.get("address").and_then(Value::as_str),
            change.pointer("/change/after_unknown"),
        ) {
            unknowns.insert(address, after_unknown);
        }
    }
    let mut references = HashMap::new();
    if let Some(config) = plan.pointer("/configuration/root_module") {
        config_references(config, "", &mut references, 0);
    }
    let mut resources = Vec::new();
    collect(root, path, &unknowns, &references, &mut resources, 0);
    Ok(json!({"kind": "terraform", "module_dir": path, "resources": resources}))
}

/// `(config address, argument) -> referenced resources` from the plan's configuration.
fn config_references(
    module: &Value,
    prefix: &str,
    out: &mut HashMap<(String, String), Vec<String>>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    for resource in module
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(address) = resource.get("address").and_then(Value::as_str) else {
            continue;
        };
        let Some(expressions) = resource.get("expressions").and_then(Value::as_object) else {
            continue;
        };
        for (argument, expression) in expressions {
            let refs: Vec<String> = expression
                .get("references")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(resource_of_reference)
                .map(|r| format!("{prefix}{r}"))
                .collect();
            if !refs.is_empty() {
                out.insert((format!("{prefix}{address}"), argument.clone()), refs);
            }
        }
    }
    if let Some(calls) = module.get("module_calls").and_then(Value::as_object) {
        for (name, call) in calls {
            if let Some(child) = call.get("module") {
                config_references(child, &format!("{prefix}module.{name}."), out, depth + 1);
            }
        }
    }
}

/// `aws_s3_bucket.b.id` -> `aws_s3_bucket.b`; `data.x.y.z` -> `data.x.y`; `var.x` -> none.
fn resource_of_reference(reference: &str) -> Option<String> {
    let parts: Vec<&str> = reference.split('.').collect();
    match parts.as_slice() {
        [
            "var" | "local" | "each" | "count" | "path" | "self" | "module",
            ..,
        ] => None,
        ["data", kind, name, ..] => Some(format!("data.{kind}.{}", strip_index(name))),
        [kind, name, ..] => Some(format!("{kind}.{}", strip_index(name))),
        _ => None,
    }
}

fn strip_index(name: &str) -> &str {
    name.split_once('[').map_or(name, |(n, _)| n)
}

/// Address without the instance key, module instance keys dropped too: the configuration's
/// address, which is what references name.
fn config_address(address: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_string = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => in_string = !in_string,
            '[' if !in_string => depth += 1,
            ']' if !in_string => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn collect(
    module: &Value,
    path: &str,
    unknowns: &HashMap<&str, &Value>,
    references: &HashMap<(String, String), Vec<String>>,
    out: &mut Vec<Value>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    let module_address = module.get("address").and_then(Value::as_str).unwrap_or("");
    for resource in module
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let field = |key: &str| resource.get(key).and_then(Value::as_str).unwrap_or("");
        let address = field("address");
        if address.is_empty() {
            continue;
        }
        let configured = config_address(address);
        let mut values = resource.get("values").cloned().unwrap_or_else(|| json!({}));
        if let (Some(after_unknown), Value::Object(map)) = (unknowns.get(address), &mut values) {
            mark_unknown(map, after_unknown, &configured, references, 0);
        }
        // The resource's own instance key stays out of `ref`, the module's stays in.
        let reference = match resource.get("index") {
            Some(index) => {
                let suffix = format!(
                    "[{}]",
                    serde_json::to_string(&strip_lines(index)).unwrap_or_default()
                );
                address.strip_suffix(&suffix).unwrap_or(address).to_string()
            }
            None => address.to_string(),
        };
        out.push(json!({
            "address": address,
            "ref": reference,
            "mode": field("mode"),
            "type": field("type"),
            "name": field("name"),
            "module": module_address,
            "file": path,
            "__line__": resource.get("__line__").cloned().unwrap_or(json!(1)),
            "__end_line__": resource.get("__end_line__").cloned().unwrap_or(json!(1)),
            "values": values,
        }));
    }
    for child in module
        .get("child_modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        collect(child, path, unknowns, references, out, depth + 1);
    }
}

/// The value without the `__line__`/`__end_line__` keys the YAML reader adds to objects.
fn strip_lines(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| !k.starts_with("__"))
                .map(|(k, x)| (k.clone(), strip_lines(x)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Replace every value the plan marks unknown (`after_unknown` is `true` there) by an unknown
/// marker; top-level arguments get their references from the configuration.
fn mark_unknown(
    values: &mut Map<String, Value>,
    after_unknown: &Value,
    address: &str,
    references: &HashMap<(String, String), Vec<String>>,
    depth: usize,
) {
    let Some(flags) = after_unknown.as_object() else {
        return;
    };
    for (key, flag) in flags {
        if key.starts_with("__") {
            continue;
        }
        match flag {
            Value::Bool(true) => {
                let refs = if depth == 0 {
                    references
                        .get(&(address.to_string(), key.clone()))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                values.insert(
                    key.clone(),
                    unknown(&format!("{address}.{key} (known after apply)"), refs),
                );
            }
            Value::Object(_) => {
                if let Some(Value::Object(inner)) = values.get_mut(key) {
                    mark_unknown(inner, flag, address, references, depth + 1);
                }
            }
            Value::Array(items) => {
                if let Some(Value::Array(list)) = values.get_mut(key) {
                    for (item, flag) in list.iter_mut().zip(items) {
                        match (item, flag) {
                            (Value::Object(inner), Value::Object(_)) => {
                                mark_unknown(inner, flag, address, references, depth + 1)
                            }
                            (slot, Value::Bool(true)) => {
                                *slot = unknown(
                                    &format!("{address}.{key} (known after apply)"),
                                    Vec::new(),
                                )
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
