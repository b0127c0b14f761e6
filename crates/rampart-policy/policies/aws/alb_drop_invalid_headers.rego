# METADATA
# id: aws-alb-invalid-headers-not-dropped
# title: Application Load Balancer forwards invalid HTTP header fields
# severity: low
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::ElasticLoadBalancingV2::LoadBalancer", aws_alb, aws_lb]
# description: >-
#   An Application Load Balancer (aws_lb or aws_alb whose load_balancer_type is application, the
#   default, or an AWS::ElasticLoadBalancingV2::LoadBalancer of Type application) does not set
#   drop_invalid_header_fields = true (CloudFormation attribute
#   routing.http.drop_invalid_header_fields.enabled). Header fields whose names are not valid
#   HTTP tokens are then passed to the targets, where a back end that parses them differently
#   from the load balancer can be open to request smuggling and header injection.
# remediation: >-
#   Drop invalid header fields at the load balancer: `drop_invalid_header_fields = true` on the
#   aws_lb; in CloudFormation add `LoadBalancerAttributes: [{Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}]`.
# references:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#drop_invalid_header_fields
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancingv2-loadbalancer-loadbalancerattribute.html
package rampart.aws.alb_drop_invalid_headers

import data.rampart.cloud.lib

attr_key := "routing.http.drop_invalid_header_fields.enabled"

# An application load balancer: the type is "application" or absent (the default).
tf_application(v) if not lib.has(v, "load_balancer_type")

tf_application(v) if {
	is_string(v.load_balancer_type)
	lower(v.load_balancer_type) == "application"
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb", "aws_alb"}
	some lb in lib.managed(t)
	v := lib.values(lb)
	tf_application(v)
	not lib.has(v, "drop_invalid_header_fields")
	r := lib.result(lb, sprintf("%s forwards invalid HTTP header fields to its targets (drop_invalid_header_fields is not set)", [lib.describe(lb)]))
}

deny contains r if {
	lib.is_terraform
	some t in {"aws_lb", "aws_alb"}
	some lb in lib.managed(t)
	v := lib.values(lb)
	tf_application(v)
	lib.is_false(v.drop_invalid_header_fields)
	r := lib.attr_result(lb, v, "drop_invalid_header_fields", sprintf("%s forwards invalid HTTP header fields to its targets (drop_invalid_header_fields = false)", [lib.describe(lb)]))
}

cfn_application(v) if not lib.has(v, "Type")

cfn_application(v) if {
	is_string(v.Type)
	lower(v.Type) == "application"
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
	cfn_application(v)
	not cfn_undecided(v)
	count(cfn_attributes(v)) == 0
	r := lib.result(lb, sprintf("%s forwards invalid HTTP header fields to its targets (%s is not set)", [lib.describe(lb), attr_key]))
}

deny contains r if {
	lib.is_cloudformation
	some lb in lib.managed("AWS::ElasticLoadBalancingV2::LoadBalancer")
	v := lib.values(lb)
	cfn_application(v)
	some a in cfn_attributes(v)
	lib.is_false(a.Value)
	r := lib.attr_result(lb, a, "Value", sprintf("%s forwards invalid HTTP header fields to its targets (%s is false)", [lib.describe(lb), attr_key]))
}
