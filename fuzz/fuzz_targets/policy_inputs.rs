//! Every misconfiguration parser on arbitrary text: Dockerfiles, YAML/Kubernetes,
//! CloudFormation (YAML and JSON), Compose, Terraform (HCL, evaluated as a module next to a
//! fixed variables file) and Terraform plans. Never panics; the alias, depth, instance and
//! evaluation bounds hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = rampart_policy::dockerfile::parse("Dockerfile", &text);
    let _ = rampart_policy::kubernetes::manifests("k8s.yaml", &text);
    let _ = rampart_policy::kubernetes::looks_like_manifest(&text);
    let _ = rampart_policy::cloudformation::parse("template.yaml", &text);
    let _ = rampart_policy::cloudformation::parse("template.json", &text);
    let _ = rampart_policy::compose::parse("compose.yaml", &text);
    let terraform = rampart_policy::terraform::TerraformFiles::default();
    let _ = terraform.add("main.tf", &text);
    let _ = terraform.add("mod/main.tf", &text);
    let _ = terraform.add("terraform.tfvars", "name = \"fuzz\"\ncount = 2\n");
    let _ = terraform.documents();
    let _ = rampart_policy::terraform::plan_document("plan.json", &text);
});
