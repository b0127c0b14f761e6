# METADATA
# id: aws-lb-listener-plain-http
# title: Load balancer serves traffic over plain HTTP
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener", aws_alb_listener, aws_elb, aws_lb_listener]
# description: >-
#   A load balancer listener accepts plain HTTP and forwards it to targets instead of redirecting
#   to HTTPS. Requests, cookies and credentials then cross the internet unencrypted and can be
#   read or altered on the way. Checked on `aws_lb_listener` / `aws_alb_listener` (protocol `HTTP`
#   with a `forward` default action), classic `aws_elb` listeners with `lb_protocol = "http"`,
#   and the CloudFormation equivalents. HTTP listeners that redirect or answer with a fixed
#   response are fine.
# remediation: >-
#   Make the HTTP listener redirect: `default_action { type = "redirect" redirect { protocol =
#   "HTTPS" port = "443" status_code = "HTTP_301" } }`, and serve the application on an HTTPS
#   listener with an ACM certificate.
# references:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html
package rampart.aws.lb_listener_plain_http

import data.rampart.aws.lib_iam
import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb_listener", "aws_alb_listener"}
	some l in lib.managed(t)
	v := lib.values(l)
	lib_iam.lower_in(v.protocol, {"http"})
	some a in lib.blocks(v, "default_action")
	lib_iam.lower_in(a.type, {"forward"})
	r := lib.attr_result(l, v, "protocol", sprintf("%s forwards plain HTTP (port %v) to its targets instead of redirecting to HTTPS", [lib.describe(l), object.get(v, "port", "?")]))
}

deny contains r if {
	lib.is_terraform
	some e in lib.managed("aws_elb")
	some l in lib.blocks(lib.values(e), "listener")
	lib_iam.lower_in(l.lb_protocol, {"http"})
	r := lib_iam.block_result(e, l, sprintf("%s has a plain HTTP listener on port %v", [lib.describe(e), object.get(l, "lb_port", "?")]))
}

deny contains r if {
	lib.is_cloudformation
	some l in lib.managed("AWS::ElasticLoadBalancingV2::Listener")
	v := lib.values(l)
	lib_iam.lower_in(v.Protocol, {"http"})
	actions := v.DefaultActions
	is_array(actions)
	some a in actions
	lib_iam.lower_in(a.Type, {"forward"})
	r := lib.result(l, sprintf("%s forwards plain HTTP (port %v) to its targets instead of redirecting to HTTPS", [lib.describe(l), object.get(v, "Port", "?")]))
}

deny contains r if {
	lib.is_cloudformation
	some e in lib.managed("AWS::ElasticLoadBalancing::LoadBalancer")
	ls := lib.values(e).Listeners
	is_array(ls)
	some l in ls
	lib_iam.lower_in(l.Protocol, {"http"})
	r := lib_iam.block_result(e, l, sprintf("%s has a plain HTTP listener on port %v", [lib.describe(e), object.get(l, "LoadBalancerPort", "?")]))
}
