# METADATA
# id: aws-vpc-flow-logs-disabled
# title: VPC has no flow log
# severity: medium
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::FlowLog", "AWS::EC2::VPC", aws_flow_log, aws_vpc]
# description: >-
#   No flow log captures the VPC's traffic: no `aws_flow_log` has `vpc_id` pointing at the
#   `aws_vpc` (CloudFormation: no `AWS::EC2::FlowLog` whose `ResourceId` refers to the
#   `AWS::EC2::VPC`). Without flow logs there is no record of which addresses talked to which,
#   which is needed to detect scanning, data exfiltration or a compromised instance and to
#   reconstruct an incident. The check stays silent when some flow log points at a VPC the
#   document cannot identify.
# remediation: >-
#   Add a flow log for the VPC, e.g. `resource "aws_flow_log" "main" { vpc_id = aws_vpc.main.id
#   traffic_type = "ALL" log_destination_type = "s3" log_destination = var.flow_log_bucket_arn }`
#   (CloudFormation `AWS::EC2::FlowLog` with `ResourceId: !Ref VPC` and `ResourceType: VPC`).
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log
#   - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-flowlog.html
# frameworks: [CIS-AWS-3.9]
package rampart.aws.vpc_flow_logs_disabled

import data.rampart.cloud.lib

deny contains r if {
	lib.is_terraform
	some vpc in lib.managed("aws_vpc")
	not logged(vpc, "aws_flow_log", "vpc_id")
	not unclear("aws_vpc", "aws_flow_log", "vpc_id")
	r := lib.result(vpc, sprintf("%s has no flow log (no aws_flow_log with vpc_id pointing at it)", [lib.describe(vpc)]))
}

deny contains r if {
	lib.is_cloudformation
	some vpc in lib.managed("AWS::EC2::VPC")
	not logged(vpc, "AWS::EC2::FlowLog", "ResourceId")
	not unclear("AWS::EC2::VPC", "AWS::EC2::FlowLog", "ResourceId")
	r := lib.result(vpc, sprintf("%s has no flow log (no AWS::EC2::FlowLog with ResourceId referring to it)", [lib.describe(vpc)]))
}

logged(vpc, t, key) if {
	some f in lib.managed(t)
	lib.refers_to(object.get(lib.values(f), key, null), vpc)
}

# Some flow log's target is unknown and names no resource of this document (a variable, a data
# source, a module output): it may be one of these VPCs.
unclear(_, t, key) if {
	some f in lib.managed(t)
	v := object.get(lib.values(f), key, null)
	v != null
	not names_known(v)
}

names_known(v) if {
	lib.is_unknown(v)
	some x in object.get(v, "__refs__", [])
	some o in input.resources
	lib.ref(o) == x
}

# A literal id ("vpc-0abc...") names a VPC that is not managed here.
names_known(v) if is_string(v)
