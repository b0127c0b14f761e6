# METADATA
# id: aws-sg-ingress-public-admin-port
# title: Security group exposes a database or administration port to the internet
# severity: high
# kinds: [terraform, cloudformation]
# resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", aws_default_security_group, aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
# description: >-
#   A security group ingress rule opens a database, cache, search or remote-administration port
#   to 0.0.0.0/0 or ::/0: Telnet 23, SMB 445, MSSQL 1433, Oracle 1521, Docker 2375/2376, MySQL
#   3306, PostgreSQL 5432, Kibana 5601, CouchDB 5984, Redis 6379, Cassandra 9042,
#   Elasticsearch 9200/9300, kubelet 10250, Memcached 11211 or MongoDB 27017. These services are
#   not meant to face the internet; many ship without authentication and are found by scanners
#   within minutes. SSH and RDP have their own rules, and rules that open every port are reported
#   by aws-sg-ingress-public-all-ports.
# remediation: >-
#   Allow the port only from the application tier's security group
#   (`referenced_security_group_id = aws_security_group.app.id`) or private CIDR ranges, and keep
#   data stores in private subnets.
# references:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-best-practices.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule
package rampart.aws.sg_ingress_public_admin_port

import data.rampart.aws.lib_iam

admin_ports := {
	23: "Telnet", 445: "SMB", 1433: "MSSQL", 1521: "Oracle", 2375: "Docker", 2376: "Docker (TLS)",
	3306: "MySQL", 5432: "PostgreSQL", 5601: "Kibana", 5984: "CouchDB", 6379: "Redis",
	9042: "Cassandra", 9200: "Elasticsearch", 9300: "Elasticsearch transport", 10250: "kubelet",
	11211: "Memcached", 27017: "MongoDB",
}

deny contains r if {
	some x in lib_iam.ingress_rules
	cidrs := lib_iam.public_cidrs(x)
	count(cidrs) > 0
	range := lib_iam.tcp_range(x)
	opened := sort([sprintf("%s %d", [name, port]) | some port, name in admin_ports; range[0] <= port; port <= range[1]])
	count(opened) > 0
	r := lib_iam.rule_result(x, sprintf("%s opens %s to %s", [lib_iam.describe_rule(x), concat(", ", opened), concat(", ", cidrs)]))
}
