"""Django settings for admin."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = '#s1r=+(!ji4_-(2q62c$*9pw^^%#5^m3orumrko3!u=5l!&i57'

DEBUG = False
ALLOWED_HOSTS = ['admin.helios-labs.io']
