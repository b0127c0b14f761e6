from .base import *  # noqa

SECRET_KEY = "p2@_il)fe9_5x64utw1xmmcx0)fb-9+!g2mhn93-kgpxm8ef9+"
DEBUG = False
CSRF_TRUSTED_ORIGINS = ["https://cms.helios-labs.io"]
