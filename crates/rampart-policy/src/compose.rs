//! Docker Compose files into `compose` documents (`docs/misconfig-inputs.md`): the file as
//! written, with lines, plus `"kind": "compose"`; services are `input.services.NAME`.

use serde_json::Value;

use crate::cloudformation;
use crate::yaml::{self, Options, YamlError};

/// `input.kind` of a Compose document.
pub const KIND: &str = "compose";

/// Whether the file name is a Compose file's (`docker-compose*.yml`, `compose*.yaml`, ...).
pub fn is_compose_name(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("docker-compose") || lower.starts_with("compose"))
        && (lower.ends_with(".yml") || lower.ends_with(".yaml"))
}

/// Whether a YAML file may be a Compose file (cheap check before parsing): its name says so,
/// or a line starts with the `services:` key.
pub fn looks_like_compose(path: &str, text: &str) -> bool {
    is_compose_name(path) || text.lines().any(is_services_key)
}

/// Whether `line` is a top-level `services:` key (bare or quoted).
fn is_services_key(line: &str) -> bool {
    let rest = ["services", "\"services\"", "'services'"]
        .iter()
        .find_map(|key| line.strip_prefix(key));
    rest.is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
}

/// Whether a parsed document is a Compose file. Kubernetes objects (`apiVersion` and `kind`)
/// and CloudFormation templates never are; otherwise any mapping is when the file name says so
/// (`by_name`), else it needs a top-level `services` mapping whose entries are all mappings,
/// one of them at least with `image` or `build`.
pub fn is_compose(document: &Value, by_name: bool) -> bool {
    let Some(map) = document.as_object() else {
        return false;
    };
    let kubernetes = map.get("apiVersion").is_some_and(Value::is_string)
        && map.get("kind").is_some_and(Value::is_string);
    if kubernetes || cloudformation::is_template(document) {
        return false;
    }
    if by_name {
        return true;
    }
    let Some(services) = map.get("services").and_then(Value::as_object) else {
        return false;
    };
    let entries: Vec<&Value> = services
        .iter()
        .filter(|(name, _)| name.as_str() != yaml::LINE && name.as_str() != yaml::END_LINE)
        .map(|(_, service)| service)
        .collect();
    entries.iter().all(|service| service.is_object())
        && entries
            .iter()
            .any(|service| service.get("image").is_some() || service.get("build").is_some())
}

/// The Compose documents of a file (empty when it holds none), each with `"kind": "compose"`.
pub fn parse(path: &str, text: &str) -> Result<Vec<Value>, YamlError> {
    let by_name = is_compose_name(path);
    let options = Options {
        format: "Compose",
        ..Options::default()
    };
    let documents = yaml::yaml_documents_with(path, text, options)?;
    Ok(documents
        .into_iter()
        .filter(|document| is_compose(document, by_name))
        .map(|mut document| {
            if let Value::Object(map) = &mut document {
                map.insert("kind".to_owned(), Value::from(KIND));
            }
            document
        })
        .collect())
}

/// The services of a Compose document with their first and last lines, for messages.
pub fn services(document: &Value) -> Vec<(String, u64, u64)> {
    let Some(services) = document.get("services").and_then(Value::as_object) else {
        return Vec::new();
    };
    services
        .iter()
        .filter_map(|(name, service)| {
            let line = service.get(yaml::LINE).and_then(Value::as_u64)?;
            let end = service.get(yaml::END_LINE).and_then(Value::as_u64)?;
            Some((name.clone(), line, end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const APP: &str = "\
x-common: &common
  restart: unless-stopped
services:
  web:
    <<: *common
    image: nginx:1.27
    ports:
      - \"80:80\"
  db:
    build: ./db
    privileged: true
    environment:
      POSTGRES_PASSWORD: example
volumes:
  data: {}
";

    #[test]
    fn a_compose_file_is_the_file_as_written_plus_its_kind() {
        let mut documents = parse("deploy/stack.yml", APP).expect("valid");
        assert_eq!(documents.len(), 1);
        let doc = documents.remove(0);
        assert_eq!(doc["kind"], "compose");
        assert_eq!(doc["services"]["web"]["restart"], "unless-stopped");
        assert_eq!(doc["services"]["web"]["ports"], json!(["80:80"]));
        assert_eq!(doc["services"]["db"]["privileged"], true);
        assert_eq!(
            (
                doc["services"]["db"]["__line__"].clone(),
                doc["services"]["db"]["__end_line__"].clone()
            ),
            (json!(10), json!(13))
        );
        // No spans: services are iterated by name, and every value under them is the file's.
        assert!(doc["services"].get("__spans__").is_none());
        assert_eq!(
            services(&doc),
            vec![("db".to_owned(), 10, 13), ("web".to_owned(), 5, 8)]
        );
    }

    #[test]
    fn detection_by_name_and_by_content() {
        for name in [
            "docker-compose.yml",
            "a/docker-compose.override.yaml",
            "compose.yaml",
            "x\\compose.prod.YML",
        ] {
            assert!(is_compose_name(name), "{name}");
        }
        for name in ["stack.yml", "docker-compose.json", "my-compose.yaml"] {
            assert!(!is_compose_name(name), "{name}");
        }
        // By name, any mapping is a Compose file (an override may hold only a few keys).
        let only_volumes = "volumes:\n  data: {}\n";
        assert!(looks_like_compose("compose.yaml", only_volumes));
        assert_eq!(parse("compose.yaml", only_volumes).expect("valid").len(), 1);
        assert!(!looks_like_compose("stack.yaml", only_volumes));

        assert!(looks_like_compose("stack.yaml", APP));
        assert!(looks_like_compose(
            "s.yaml",
            "\"services\" :\n  a: {image: x}\n"
        ));
        let not_compose = [
            // Kubernetes, even when named like Compose.
            "apiVersion: v1\nkind: Service\nservices:\n  web: {image: x}\n",
            // A CloudFormation template.
            "Resources:\n  B: {Type: AWS::S3::Bucket}\nservices:\n  web: {image: x}\n",
            // Services that are not containers.
            "services:\n  web: {port: 80}\n",
            "services:\n  web: {image: x}\n  other: enabled\n",
            "services: [web]\n",
            "services: {}\n",
            "- services: {web: {image: x}}\n",
        ];
        for text in not_compose {
            assert!(
                parse("stack.yaml", text).expect("valid").is_empty(),
                "{text}"
            );
        }
        assert!(
            parse("docker-compose.yml", not_compose[0])
                .expect("valid")
                .is_empty()
        );
        assert!(
            parse("docker-compose.yml", not_compose[1])
                .expect("valid")
                .is_empty()
        );
        // A GitHub workflow's `services` are nested under a job.
        assert!(!looks_like_compose(
            "ci.yml",
            "jobs:\n  test:\n    services:\n      db: {image: postgres}\n"
        ));
    }

    #[test]
    fn bad_compose_files_are_errors() {
        let e = parse(
            "compose.yaml",
            "services:\n  web:\n    image: a\n    image: b\n",
        )
        .expect_err("duplicate");
        assert_eq!((e.line, e.column), (4, 5), "{e}");
        assert!(
            e.message.contains("(Compose rejects duplicate keys)"),
            "{e}"
        );
        let e = parse("compose.yaml", "services:\n  web: [\n").expect_err("syntax");
        assert!(e.line >= 2, "{e}");
    }
}
