# METADATA
# id: aws-lb-listener-outdated-tls
# title: Load balancer listener allows TLS 1.0 or 1.1
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElasticLoadBalancingV2::Listener", aws_alb_listener, aws_lb_listener]
# description: >-
#   An HTTPS or TLS listener uses a predefined ELB security policy that still accepts TLS 1.0 or
#   TLS 1.1 (`ELBSecurityPolicy-2016-08`, `ELBSecurityPolicy-TLS-1-1-2017-01`,
#   `ELBSecurityPolicy-FS-2018-06`, `ELBSecurityPolicy-TLS13-1-0-2021-06`, ...). Those protocol
#   versions are deprecated (RFC 8996), rely on weak constructions and let an attacker in the
#   path downgrade clients. Policies whose name says TLS 1.2 or 1.3 is the minimum
#   (`TLS-1-2`, `FS-1-2`, `TLS13-1-2`, `TLS13-1-3`) are fine.
# remediation: >-
#   Use `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (CloudFormation `SslPolicy`), or a
#   stricter `TLS13-1-2-Res` / `TLS13-1-3` policy if every client supports it.
# references:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener#ssl_policy
package rampart.aws.lb_listener_outdated_tls

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

# A predefined policy that accepts TLS versions below 1.2.
outdated(p) if {
	is_string(p)
	startswith(p, "ELBSecurityPolicy-")
	not modern(p)
}

modern(p) if {
	some marker in ["-TLS-1-2-", "-FS-1-2-", "-TLS13-1-2-", "-TLS13-1-3-"]
	contains(p, marker)
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb_listener", "aws_alb_listener"}
	some l in lib.managed(t)
	v := lib.values(l)
	lib_iam.lower_in(v.protocol, {"https", "tls"})
	outdated(v.ssl_policy)
	r := lib.attr_result(l, v, "ssl_policy", sprintf("%s uses %s, which still accepts TLS 1.0/1.1", [lib.describe(l), v.ssl_policy]))
}

deny contains r if {
	lib.is_cloudformation
	some l in lib.managed("AWS::ElasticLoadBalancingV2::Listener")
	v := lib.values(l)
	lib_iam.lower_in(v.Protocol, {"https", "tls"})
	outdated(v.SslPolicy)
	r := lib.result(l, sprintf("%s uses %s, which still accepts TLS 1.0/1.1", [lib.describe(l), v.SslPolicy]))
}
