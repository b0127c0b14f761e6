//! Helm charts: templates are Go templates, not YAML, so they are never parsed as manifests.
//! After the walk each chart is rendered with `helm template` when the `helm` binary is
//! available and the chart is a directory on disk; the rendered manifests are checked like any
//! other, each attributed to the template it came from. Otherwise the chart is reported as not
//! checked, never silently skipped.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Longest `helm template` may run for one chart.
const RENDER_LIMIT: Duration = Duration::from_secs(60);

/// Whether `path` is a chart's `Chart.yaml`.
pub fn is_chart_file(path: &str) -> bool {
    path.rsplit('/').next() == Some("Chart.yaml")
}

/// Whether a YAML file is a chart template (a `templates/` file holding template actions).
pub fn is_template(path: &str, text: &str) -> bool {
    (path.starts_with("templates/") || path.contains("/templates/")) && text.contains("{{")
}

/// Charts and templates seen during the walk.
#[derive(Debug, Default)]
pub struct Charts {
    charts: Mutex<BTreeSet<String>>,
    templates: Mutex<BTreeSet<String>>,
}

/// One rendered template: the template's path and the manifests text it produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Path of the template in the scan (`chart/templates/deployment.yaml`).
    pub path: String,
    /// Its rendered YAML.
    pub text: String,
}

/// What became of one chart.
#[derive(Debug)]
pub enum Outcome {
    /// `helm template` output, per template.
    Rendered(Vec<Rendered>),
    /// Not rendered: why, and what to do.
    NotRendered(String),
}

impl Charts {
    /// Remember a chart (by its `Chart.yaml`).
    pub fn add_chart(&self, chart_file: &str) {
        let dir = chart_file.rsplit_once('/').map_or("", |(d, _)| d);
        lock(&self.charts).insert(dir.to_string());
    }

    /// Remember a template.
    pub fn add_template(&self, path: &str) {
        lock(&self.templates).insert(path.to_string());
    }

    /// Render every chart; `directory` gives a chart's directory on disk when there is one.
    /// Templates outside any chart come back as `(path, None)`.
    pub fn render(
        &self,
        directory: &dyn Fn(&str) -> Option<PathBuf>,
    ) -> (Vec<(String, Outcome)>, Vec<String>) {
        let charts = std::mem::take(&mut *lock(&self.charts));
        let templates = std::mem::take(&mut *lock(&self.templates));
        let orphans = templates
            .into_iter()
            .filter(|t| !charts.iter().any(|c| inside(t, c)))
            .collect();
        let helm = helm_binary();
        let outcomes = charts
            .into_iter()
            .map(|chart| {
                let outcome = match (&helm, directory(&chart)) {
                    (None, _) => Outcome::NotRendered(
                        "Helm chart not rendered: the `helm` binary was not found (PATH or \
                         $RAMPART_HELM); install it, or render the chart (`helm template . > \
                         rendered.yaml`) and scan the output"
                            .to_string(),
                    ),
                    (Some(_), None) => Outcome::NotRendered(
                        "Helm chart not rendered: only charts in a directory on disk can be \
                         given to `helm template`"
                            .to_string(),
                    ),
                    (Some(helm), Some(dir)) => match run_helm(helm, &dir) {
                        Ok(output) => Outcome::Rendered(split_rendered(&chart, &output)),
                        Err(why) => Outcome::NotRendered(format!("Helm chart not rendered: {why}")),
                    },
                };
                (chart, outcome)
            })
            .collect();
        (outcomes, orphans)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn inside(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn helm_binary() -> Option<PathBuf> {
    if let Some(explicit) = std::env::var_os("RAMPART_HELM") {
        return Some(PathBuf::from(explicit)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("helm"))
        .find(|candidate| candidate.is_file())
}

fn run_helm(helm: &Path, dir: &Path) -> Result<String, String> {
    let mut child = Command::new(helm)
        .arg("template")
        .arg("rampart-scan")
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `{}`: {e}", helm.display()))?;
    // Read both pipes on threads so a chatty helm cannot fill one and stall.
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(pipe) = stdout.as_mut() {
            let _ = pipe.take(256 << 20).read_to_string(&mut s);
        }
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(pipe) = stderr.as_mut() {
            let _ = pipe.take(1 << 20).read_to_string(&mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > RENDER_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`helm template` ran longer than {}s",
                    RENDER_LIMIT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("waiting for `helm template`: {e}")),
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !status.success() {
        let first = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(format!("`helm template` failed ({status}): {first}"));
    }
    Ok(stdout)
}

/// Split `helm template` output at its `# Source: CHART/templates/x.yaml` comments into one text
/// per template, named by the template's path in the scan.
pub fn split_rendered(chart_dir: &str, output: &str) -> Vec<Rendered> {
    let mut out: Vec<Rendered> = Vec::new();
    for line in output.split_inclusive('\n') {
        if let Some(source) = line.trim_end().strip_prefix("# Source: ") {
            // `CHART_NAME/templates/x.yaml`: the chart's name stands for its directory.
            let within = source.split_once('/').map_or(source, |(_, rest)| rest);
            let path = if chart_dir.is_empty() {
                within.to_string()
            } else {
                format!("{chart_dir}/{within}")
            };
            match out.last_mut() {
                Some(last) if last.path == path => {}
                _ => out.push(Rendered {
                    path,
                    text: String::new(),
                }),
            }
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.text.push_str(line);
        }
    }
    // Keep line numbers meaningful within each template's output: `---` separators stay.
    out.retain(|r| !r.text.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_output_is_attributed_to_templates() {
        let output = "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";
        let rendered = split_rendered("charts/shop", output);
        assert_eq!(rendered.len(), 2);
        assert_eq!(rendered[0].path, "charts/shop/templates/service.yaml");
        assert!(
            rendered[0]
                .text
                .starts_with("apiVersion: v1\nkind: Service")
        );
        assert_eq!(rendered[1].path, "charts/shop/templates/deployment.yaml");
        assert!(rendered[1].text.contains("kind: Deployment"));
    }

    #[test]
    fn templates_are_recognised_and_grouped_under_their_chart() {
        assert!(is_template(
            "shop/templates/deploy.yaml",
            "image: {{ .Values.image }}"
        ));
        assert!(!is_template(
            "k8s/deploy.yaml",
            "image: {{ .Values.image }}"
        ));
        assert!(!is_template(
            "shop/templates/plain.yaml",
            "kind: ConfigMap\n"
        ));
        assert!(is_chart_file("shop/Chart.yaml") && is_chart_file("Chart.yaml"));
        let charts = Charts::default();
        charts.add_chart("shop/Chart.yaml");
        charts.add_template("shop/templates/deploy.yaml");
        charts.add_template("loose/templates/x.yaml");
        let (outcomes, orphans) = charts.render(&|_| None);
        assert_eq!(orphans, ["loose/templates/x.yaml"]);
        assert_eq!(outcomes.len(), 1);
        assert!(matches!(&outcomes[0].1, Outcome::NotRendered(why) if why.contains("helm")));
    }
}
