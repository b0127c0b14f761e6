import gitlab

gl = gitlab.Gitlab("https://gitlab.helios-labs.io", private_token="glpat-vD0DcTwNYC2ZxFDqSbJm")
for project in gl.projects.list(iterator=True):
    print(project.path_with_namespace)
