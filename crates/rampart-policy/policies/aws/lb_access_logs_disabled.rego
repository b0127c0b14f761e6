# METADATA
# id: aws-lb-access-logs-disabled
# title: Load balancer access logs are not enabled
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElasticLoadBalancingV2::LoadBalancer", aws_alb, aws_lb]
# description: >-
#   An Application or Network Load Balancer (aws_lb / aws_alb, AWS::ElasticLoadBalancingV2::LoadBalancer)
#   does not write access logs: it has no access_logs block with enabled = true (CloudFormation:
#   no LoadBalancerAttributes entry access_logs.s3.enabled = "true"). Access logs are off by
#   default and are the only record of each request the load balancer handled (client address,
#   path, TLS cipher, target, status), which an investigation of an attack on the application
#   needs. Gateway Load Balancers, which have no access logs, are not checked.
# remediation: >-
#   Send access logs to an S3 bucket whose policy lets Elastic Load Balancing write to it:
#   `access_logs { bucket = aws_s3_bucket.lb_logs.id prefix = "web" enabled = true }`; in
#   CloudFormation add `LoadBalancerAttributes: [{Key: access_logs.s3.enabled, Value: "true"},
#   {Key: access_logs.s3.bucket, Value: !Ref LbLogBucket}]`.
# references:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#access_logs
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancingv2-loadbalancer-loadbalancerattribute.html
package rampart.aws.lb_access_logs_disabled

import data.rampart.cloud.lib

attr_key := "access_logs.s3.enabled"

# A load balancer type that has access logs: application (the default) or network. An unknown
# type is not decided.
loggable_type(v, key) if not lib.has(v, key)

loggable_type(v, key) if {
	is_string(v[key])
	lower(v[key]) in {"application", "network"}
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb", "aws_alb"}
	some lb in lib.managed(t)
	v := lib.values(lb)
	loggable_type(v, "load_balancer_type")
	count(lib.blocks(v, "access_logs")) == 0
	not lib.is_unknown(object.get(v, "access_logs", null))
	r := lib.result(lb, sprintf("%s writes no access logs (no access_logs block)", [lib.describe(lb)]))
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb", "aws_alb"}
	some lb in lib.managed(t)
	v := lib.values(lb)
	loggable_type(v, "load_balancer_type")
	some b in lib.blocks(v, "access_logs")
	not lib.has(b, "enabled")
	r := lib.result(lb, sprintf("%s writes no access logs (access_logs.enabled is not set and defaults to false)", [lib.describe(lb)]))
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb", "aws_alb"}
	some lb in lib.managed(t)
	v := lib.values(lb)
	loggable_type(v, "load_balancer_type")
	some b in lib.blocks(v, "access_logs")
	lib.is_false(b.enabled)
	r := lib.attr_result(lb, b, "enabled", sprintf("%s writes no access logs (access_logs.enabled = false)", [lib.describe(lb)]))
}

# LoadBalancerAttributes that cannot be read completely: the attribute may be among them.
cfn_undecided(v) if lib.is_unknown(v.LoadBalancerAttributes)

cfn_undecided(v) if {
	some a in v.LoadBalancerAttributes
	lib.is_unknown(a)
}

cfn_undecided(v) if {
	some a in v.LoadBalancerAttributes
	lib.is_unknown(a.Key)
}

cfn_attributes(v) := [a | some a in v.LoadBalancerAttributes; is_object(a); a.Key == attr_key] if {
	is_array(v.LoadBalancerAttributes)
} else := []

deny contains r if {
	lib.is_cloudformation
	some lb in lib.managed("AWS::ElasticLoadBalancingV2::LoadBalancer")
	v := lib.values(lb)
	loggable_type(v, "Type")
	not cfn_undecided(v)
	count(cfn_attributes(v)) == 0
	r := lib.result(lb, sprintf("%s writes no access logs (%s is not set)", [lib.describe(lb), attr_key]))
}

deny contains r if {
	lib.is_cloudformation
	some lb in lib.managed("AWS::ElasticLoadBalancingV2::LoadBalancer")
	v := lib.values(lb)
	loggable_type(v, "Type")
	some a in cfn_attributes(v)
	lib.is_false(a.Value)
	r := lib.attr_result(lb, a, "Value", sprintf("%s writes no access logs (%s is false)", [lib.describe(lb), attr_key]))
}
