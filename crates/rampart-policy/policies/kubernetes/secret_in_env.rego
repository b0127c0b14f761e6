# METADATA
# id: k8s-secret-in-env
# title: Secret written literally into an environment variable
# severity: high
# kinds: [kubernetes]
# resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
# description: >-
#   A container env entry whose name looks like a credential (PASSWORD, SECRET, TOKEN, API_KEY,
#   PRIVATE_KEY, ACCESS_KEY, ...) has a literal `value`. The secret is then stored in plain text
#   in the manifest, in version control and in the object as the API server returns it to anyone
#   who can read the workload. High: credentials leak to everyone with read access. Values taken
#   from a Secret with valueFrom.secretKeyRef are not flagged; nor are names ending in _FILE,
#   _PATH, _DIR, _URL, _NAME, _USER, _HOST or _PORT.
# remediation: >-
#   Store the value in a Secret (or an external secret manager) and reference it with
#   `valueFrom.secretKeyRef`, or mount the Secret as a file; rotate the exposed credential.
# references:
#   - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
#   - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# frameworks: [NSA-CISA-K8s, CIS-K8s-5.4.1]
package rampart.kubernetes.secret_in_env

import data.rampart.kubernetes.lib

deny contains r if {
	some c in lib.containers
	some e in lib.arr(c, "env")
	is_object(e)
	lib.secret_name(e.name)
	value := object.get(e, "value", "")
	is_string(value)
	value != ""
	not lib.switch_value(value)
	r := lib.result(e, sprintf("%s sets %s to a literal value; use valueFrom.secretKeyRef", [lib.describe(c), e.name]))
}
