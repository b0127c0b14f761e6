package rampart.compose.lib

test_path_and_parents_lists_every_directory_above_a_path if {
	path_and_parents("/var/lib/docker") == {"/var", "/var/lib", "/var/lib/docker"}
	path_and_parents("/etc") == {"/etc"}
	path_and_parents("/") == {"/"}
	not "/var/lib/dock" in path_and_parents("/var/lib/docker")
}
