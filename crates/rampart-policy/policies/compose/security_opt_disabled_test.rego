package rampart.compose.security_opt_disabled

import data.rampart.compose.testlib as t

test_disabled_profiles_are_denied if {
	r := deny with input as t.compose({
		"builder": t.hardened(4, {"security_opt": ["seccomp:unconfined", "apparmor=unconfined"]}),
		"legacy": t.hardened(20, {"security_opt": ["label:disable", "no-new-privileges:true"]}),
	})
	count(r) == 3
	{x.line | some x in r} == {4, 20}
}

test_confined_services_are_allowed if {
	count(deny) == 0 with input as t.compose({
		"web": t.hardened(4, {"security_opt": ["no-new-privileges:true", "seccomp:./profiles/web.json", "apparmor:docker-default", "label:type:svirt_apache_t"]}),
		"api": t.hardened(20, {}),
	})
}
