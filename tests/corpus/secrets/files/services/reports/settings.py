DATABASE = {
    "host": "db-reports.helios.internal",
    "user": "reports",
    "password": "kOasw*U4i4v!+j+l6NPb",
    "name": "reports",
}
