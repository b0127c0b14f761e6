import os

DB_PASSWORD = os.environ["DB_PASSWORD"]
API_KEY = os.getenv("API_KEY", "")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
password = "changeme"
token = "xxxxxxxx"
PASSWORD_MIN_LENGTH = 12
PASSWORD_RESET_URL = "/accounts/password/reset/"
