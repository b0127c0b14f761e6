//! Kubernetes manifests: the objects in a YAML stream, with their source lines.
//!
//! Parsing and its limits live in [`crate::yaml`]; this module picks the Kubernetes objects
//! out of the documents and knows where workloads keep their pod spec.

use serde_json::Value;

pub use crate::yaml::{YamlError, yaml_documents};

/// Key of the 0-based index, in the YAML stream, of the document an object came from.
pub const DOCUMENT: &str = "__document__";

/// The Kubernetes objects of a manifest file, and how many documents were not objects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifests {
    /// Every object (with `apiVersion` and `kind`), `List` kinds expanded into their items.
    pub objects: Vec<Value>,
    /// Non-empty documents (and `List` items) without `apiVersion`/`kind`; empty documents are
    /// not counted.
    pub skipped_documents: usize,
}

/// Kubernetes objects in a manifest file: each document that has `apiVersion` and `kind`;
/// `kind: List` (and `*List` kinds like `PodList`) expanded into its `items`; each object gets
/// `"__document__": N` (0-based index in the stream). Documents without apiVersion/kind are
/// skipped and counted.
pub fn manifests(path: &str, text: &str) -> Result<Manifests, YamlError> {
    let mut out = Manifests::default();
    for (index, document) in yaml_documents(path, text)?.into_iter().enumerate() {
        if document.is_null() {
            continue;
        }
        if !is_object(&document) {
            out.skipped_documents += 1;
            continue;
        }
        let list_items = document
            .get("kind")
            .and_then(Value::as_str)
            .is_some_and(|kind| kind.ends_with("List"))
            .then(|| document.get("items").and_then(Value::as_array))
            .flatten();
        match list_items {
            Some(items) => {
                for item in items {
                    if is_object(item) {
                        out.objects.push(with_document(item.clone(), index));
                    } else {
                        out.skipped_documents += 1;
                    }
                }
            }
            None => out.objects.push(with_document(document, index)),
        }
    }
    Ok(out)
}

/// Whether a JSON value is a Kubernetes object: a mapping with string `apiVersion` and `kind`.
fn is_object(value: &Value) -> bool {
    value.get("apiVersion").is_some_and(Value::is_string)
        && value.get("kind").is_some_and(Value::is_string)
}

fn with_document(mut object: Value, index: usize) -> Value {
    if let Value::Object(map) = &mut object {
        map.insert(DOCUMENT.to_owned(), Value::from(index));
    }
    object
}

/// Whether YAML text looks like a Kubernetes manifest (cheap check before parsing: an
/// `apiVersion:` and a `kind:` key at column 0), so the scanner parses only candidates.
pub fn looks_like_manifest(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut api_version, mut kind) = (false, false);
    for line in text.lines() {
        api_version = api_version || is_key(line, "apiVersion");
        kind = kind || is_key(line, "kind");
        if api_version && kind {
            return true;
        }
    }
    false
}

/// Whether `line` starts with `key` (bare or quoted) followed by optional blanks and `:`.
fn is_key(line: &str, key: &str) -> bool {
    let rest = match line.as_bytes().first() {
        Some(&quote @ (b'"' | b'\'')) => line
            .get(1..)
            .and_then(|rest| rest.strip_prefix(key))
            .and_then(|rest| rest.strip_prefix(char::from(quote))),
        _ => line.strip_prefix(key),
    };
    rest.is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
}

/// For a workload object (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, Job, CronJob, and any other kind with `spec.template.spec` or
/// `spec.jobTemplate.spec.template.spec`), the path to its pod spec, e.g.
/// `["spec","template","spec"]`.
pub fn pod_spec_path(object: &Value) -> Option<Vec<&'static str>> {
    const CANDIDATES: [&[&str]; 3] = [
        &["spec", "template", "spec"],
        &["spec", "jobTemplate", "spec", "template", "spec"],
        // PodTemplate keeps its template at the top level.
        &["template", "spec"],
    ];
    let kind = object.get("kind").and_then(Value::as_str)?;
    if kind == "Pod" {
        return object
            .get("spec")
            .is_some_and(Value::is_object)
            .then(|| vec!["spec"]);
    }
    CANDIDATES
        .iter()
        .find(|path| {
            path.iter()
                .try_fold(object, |value, key| value.get(key))
                .is_some_and(Value::is_object)
        })
        .map(|path| path.to_vec())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use serde_json::json;

    use super::*;

    fn lines(value: &Value) -> (u64, u64) {
        (
            value["__line__"].as_u64().unwrap_or(0),
            value["__end_line__"].as_u64().unwrap_or(0),
        )
    }

    const APP: &str = "\
# A three-tier app.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
        - name: sidecar
          image: \"busybox:1.36\"
          args: [\"sleep\", \"infinity\"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
  - port: 80
    targetPort: 8080
  selector: {app: web}
---
---
# nothing but a comment
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  enabled: \"true\"
  mode: on
  nginx.conf: |
    server {
      listen 8080;
    }
---
replicaCount: 2
";

    #[test]
    fn multi_document_manifest() {
        let m = manifests("app.yaml", APP).expect("valid");
        assert_eq!(m.skipped_documents, 1, "the values-like document");
        let [deployment, service, config] = m.objects.as_slice() else {
            panic!("three objects: {:?}", m.objects);
        };
        assert_eq!(deployment["kind"], "Deployment");
        assert_eq!(deployment[DOCUMENT], 0);
        assert_eq!(lines(deployment), (2, 28));
        assert_eq!(lines(&deployment["metadata"]), (5, 7));
        assert_eq!(lines(&deployment["metadata"]["labels"]), (7, 7));
        let pod = &deployment["spec"]["template"]["spec"];
        assert_eq!(lines(pod), (18, 28));
        assert_eq!(lines(&pod["containers"][0]), (19, 25));
        assert_eq!(lines(&pod["containers"][0]["ports"][0]), (22, 22));
        assert_eq!(lines(&pod["containers"][0]["securityContext"]), (24, 25));
        assert_eq!(
            pod["containers"][0]["securityContext"]["runAsNonRoot"],
            true
        );
        assert_eq!(lines(&pod["containers"][1]), (26, 28));
        assert_eq!(pod["containers"][1]["args"], json!(["sleep", "infinity"]));
        assert_eq!(deployment["spec"]["replicas"], 3);

        assert_eq!(service[DOCUMENT], 1);
        assert_eq!(lines(service), (30, 39));
        assert_eq!(lines(&service["spec"]["ports"][0]), (37, 38));
        assert_eq!(lines(&service["spec"]["selector"]), (39, 39));

        // Documents 2 (`---` alone) and 3 (a comment) are empty.
        assert_eq!(config[DOCUMENT], 4);
        assert_eq!(lines(config), (44, 54));
        assert_eq!(lines(&config["data"]), (49, 54));
        assert_eq!(config["data"]["enabled"], "true");
        assert_eq!(config["data"]["mode"], "on");
        assert_eq!(
            config["data"]["nginx.conf"],
            "server {\n  listen 8080;\n}\n"
        );
        assert_eq!(yaml_documents("app.yaml", APP).expect("valid").len(), 6);
    }

    #[test]
    fn lists_are_expanded() {
        let text = "\
apiVersion: v1
kind: List
metadata:
  resourceVersion: \"\"
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: a
  spec:
    containers:
    - name: c
      image: i
- apiVersion: v1
  kind: Service
  metadata:
    name: b
- not: an object
---
apiVersion: v1
kind: PodList
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: c}
  spec: {containers: []}
---
apiVersion: v1
kind: List
";
        let m = manifests("list.yaml", text).expect("valid");
        let kinds: Vec<(&str, u64)> = m
            .objects
            .iter()
            .map(|o| {
                (
                    o["kind"].as_str().unwrap_or(""),
                    o[DOCUMENT].as_u64().unwrap_or(99),
                )
            })
            .collect();
        // An empty List (no items) still stands for itself.
        assert_eq!(kinds, [("Pod", 0), ("Service", 0), ("Pod", 1), ("List", 2)]);
        assert_eq!(
            m.skipped_documents, 1,
            "the list item without apiVersion/kind"
        );
        assert_eq!(lines(&m.objects[0]), (6, 13));
        assert_eq!(lines(&m.objects[0]["spec"]["containers"][0]), (12, 13));
        assert_eq!(lines(&m.objects[1]), (14, 17));
        assert_eq!(lines(&m.objects[2]), (23, 26));
        assert_eq!(pod_spec_path(&m.objects[0]), Some(vec!["spec"]));
    }

    #[test]
    fn cron_job() {
        let text = "\
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: \"0 3 * * *\"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup:2
            command: [\"/bin/backup\", \"--all\"]
";
        let m = manifests("cron.yaml", text).expect("valid");
        let [cron] = m.objects.as_slice() else {
            panic!("{:?}", m.objects)
        };
        let path = pod_spec_path(cron).expect("a workload");
        assert_eq!(path, ["spec", "jobTemplate", "spec", "template", "spec"]);
        let pod = path
            .iter()
            .try_fold(cron, |v, k| v.get(k))
            .expect("pod spec");
        assert_eq!(lines(pod), (11, 15));
        assert_eq!(lines(&pod["containers"][0]), (13, 15));
        assert_eq!(cron["spec"]["schedule"], "0 3 * * *");
    }

    #[test]
    fn helm_rendered_manifest() {
        let text = "\
---
# Source: chart/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: release-chart
  labels:
    helm.sh/chart: chart-0.1.0
    app.kubernetes.io/version: \"1.16.0\"
---
# Source: chart/templates/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: release-chart
spec:
  serviceName: release-chart
  template:
    spec:
      serviceAccountName: release-chart
      containers:
        - name: chart
          image: \"nginx:1.16.0\"
          imagePullPolicy: IfNotPresent
---
# Source: chart/templates/tests/test-connection.yaml
apiVersion: v1
kind: Pod
metadata:
  name: \"release-chart-test-connection\"
  annotations:
    \"helm.sh/hook\": test
spec:
  containers:
    - name: wget
      image: busybox
      command: ['wget']
      args: ['release-chart:80']
  restartPolicy: Never
";
        assert!(looks_like_manifest(text));
        let m = manifests("rendered.yaml", text).expect("valid");
        assert_eq!(m.skipped_documents, 0);
        let [account, stateful, pod] = m.objects.as_slice() else {
            panic!("{:?}", m.objects)
        };
        assert_eq!(
            (lines(account), account[DOCUMENT].clone()),
            ((3, 9), json!(0))
        );
        assert_eq!(
            account["metadata"]["labels"]["app.kubernetes.io/version"],
            "1.16.0"
        );
        assert_eq!(
            (lines(stateful), stateful[DOCUMENT].clone()),
            ((12, 24), json!(1))
        );
        assert_eq!(
            pod_spec_path(stateful),
            Some(vec!["spec", "template", "spec"])
        );
        assert_eq!(
            lines(&stateful["spec"]["template"]["spec"]["containers"][0]),
            (22, 24)
        );
        assert_eq!((lines(pod), pod[DOCUMENT].clone()), ((27, 39), json!(2)));
        // A mapping starts at its first key; `annotations:` itself belongs to the parent.
        assert_eq!(lines(&pod["metadata"]["annotations"]), (32, 32));
        assert_eq!(pod_spec_path(pod), Some(vec!["spec"]));
    }

    #[test]
    fn pod_spec_paths() {
        let template = json!({"spec": {"template": {"spec": {"containers": []}}}});
        for kind in [
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "Rollout",
        ] {
            let mut object = template.clone();
            object["kind"] = json!(kind);
            assert_eq!(
                pod_spec_path(&object),
                Some(vec!["spec", "template", "spec"]),
                "{kind}"
            );
        }
        let pod_template = json!({"kind": "PodTemplate", "template": {"spec": {}}});
        assert_eq!(pod_spec_path(&pod_template), Some(vec!["template", "spec"]));
        assert_eq!(
            pod_spec_path(&json!({"kind": "Service", "spec": {"ports": []}})),
            None
        );
        assert_eq!(pod_spec_path(&json!({"kind": "Pod"})), None);
        assert_eq!(
            pod_spec_path(&json!({"kind": "Deployment", "spec": {"template": null}})),
            None
        );
        assert_eq!(
            pod_spec_path(&json!({"spec": {"template": {"spec": {}}}})),
            None,
            "no kind"
        );
        assert_eq!(pod_spec_path(&json!("Pod")), None);
    }

    #[test]
    fn manifest_candidates() {
        assert!(looks_like_manifest("apiVersion: v1\nkind: Pod\n"));
        assert!(looks_like_manifest(
            "\u{feff}kind: Pod\r\napiVersion: v1\r\n"
        ));
        assert!(looks_like_manifest(
            "# x\n---\n\"apiVersion\": v1\n'kind' : Pod\n"
        ));
        assert!(!looks_like_manifest("apiVersion: v1\n"));
        assert!(!looks_like_manifest(
            "items:\n  apiVersion: v1\n  kind: Pod\n"
        ));
        assert!(!looks_like_manifest("apiVersions: v1\nkinds: Pod\n"));
        assert!(!looks_like_manifest("# apiVersion: v1\n# kind: Pod\n"));
        assert!(!looks_like_manifest(""));
    }

    #[test]
    fn errors_name_the_file() {
        let e =
            manifests("bad.yaml", "apiVersion: v1\nkind: Pod\nkind: Service\n").expect_err("dup");
        assert_eq!((e.path.as_str(), e.line, e.column), ("bad.yaml", 3, 1));
        assert!(
            e.to_string()
                .starts_with("bad.yaml:3:1: duplicate key `kind`"),
            "{e}"
        );
    }

    #[test]
    fn large_manifest_parses_in_reasonable_time() {
        let mut text = String::new();
        let mut document = 0;
        while text.len() < 5 << 20 || document < 2000 {
            text.push_str(&format!(
                "---\n# Source: chart/templates/d{document}.yaml\napiVersion: apps/v1\nkind: Deployment\n\
                 metadata:\n  name: app-{document}\n  labels: {{app: app-{document}, tier: web}}\nspec:\n  \
                 replicas: 2\n  template:\n    spec:\n      containers:\n"
            ));
            for c in 0..12 {
                text.push_str(&format!(
                    "      - name: c{c}\n        image: registry.example.com/team/app:{document}.{c}\n        \
                     env:\n        - {{name: MODE, value: \"production\"}}\n        resources:\n          \
                     limits: {{cpu: 500m, memory: 128Mi}}\n"
                ));
            }
            document += 1;
        }
        assert!(document >= 2000, "{document} documents");
        let started = Instant::now();
        let m = manifests("big.yaml", &text).expect("valid");
        let took = started.elapsed();
        assert_eq!(m.objects.len(), document);
        // The bar is 5 s in a debug build; on a machine busy with other builds, the bare parser
        // pass over the same text is the yardstick instead, so the test measures this code.
        let started = Instant::now();
        let mut parser = granit_parser::Parser::new_from_str(&text);
        while let Some(Ok(_)) = parser.next_event() {}
        let parser_only = started.elapsed();
        println!(
            "{} bytes, {document} documents: {took:?} (parser alone {parser_only:?})",
            text.len()
        );
        let bar = Duration::from_secs(5).max(parser_only * 3);
        assert!(took < bar, "took {took:?}, parser alone {parser_only:?}");
    }
}
