"""Django settings: twelve-factor, every value from ``openecf.config``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from openecf import config

ENV = config.read_environment()

BASE_DIR = ENV.data_dir
SECRET_KEY = ENV.secret_key
OPENECF_ENCRYPTION_KEYS = ENV.encryption_keys
DEBUG = ENV.debug
ALLOWED_HOSTS = ENV.allowed_hosts
OPENECF_PRODUCTION = ENV.production
OPENECF_DATA = ENV.data_dir
OPENECF_BASE_URL = ENV.base_url

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # /api/v1/docs serves Swagger UI from django-ninja's own static files (offline)
    "django_tasks",
    "django_tasks_db",
    "openecf.core",
    "openecf.courts",
    "openecf.accounts",
    "openecf.signon",
    "openecf.firms",
    "openecf.billing",
    "openecf.locator",
    "openecf.ecf",
    "openecf.registrations",
    "openecf.notices",
    "openecf.readiness",
    "openecf.payments",
    "openecf.docket",
    "openecf.cases",
    "openecf.documents",
    "openecf.reports",
    "openecf.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "openecf.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "openecf.web.middleware.InputRulesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "openecf.web.middleware.ProgramErrorShapeMiddleware",
    "openecf.signon.middleware.CentralSignOnMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "openecf.web.middleware.FriendlyNotFoundMiddleware",
]

ROOT_URLCONF = "openecf.urls"
WSGI_APPLICATION = "openecf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "openecf.web.context.site",
            ],
        },
    }
]

DATABASES = {"default": ENV.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.Account"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    # Verify-only, for passwords brought in by `openecf accounts import-legacy`; re-hashed with
    # Argon2id at the first good sign-on.
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "openecf.accounts.hashers.UnsaltedSHA1PasswordHasher",
    "openecf.accounts.hashers.UnsaltedMD5PasswordHasher",
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = ENV.data_dir / "static"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ENV.storage},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploads larger than FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) go to a temporary file, never whole
# into memory; the PDF intake copies them in chunks (docs/documents.md).
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.TemporaryFileUploadHandler"]
# PDF intake: the limited child that checks each upload, and the court stamp keys.
OPENECF_PDF_CHECK_CPU_SECONDS = config.integer("OPENECF_PDF_CHECK_CPU_SECONDS", 20)
OPENECF_PDF_CHECK_MEMORY_MB = config.integer("OPENECF_PDF_CHECK_MEMORY_MB", 768)
OPENECF_PDF_CHECK_WALL_SECONDS = config.integer("OPENECF_PDF_CHECK_WALL_SECONDS", 60)
# A checker process is replaced by a fresh fork after this many files (1: one per file).
OPENECF_PDF_CHECK_FILES_PER_PROCESS = config.integer("OPENECF_PDF_CHECK_FILES_PER_PROCESS", 50)
OPENECF_STAMP_KEY_DIR = config.stamp_key_dir(ENV.data_dir)
OPENECF_STAMP_KEYS = config.stamp_keys_from_environment()
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

for _key, _value in ENV.email.items():
    globals()[_key] = _value
DEFAULT_FROM_EMAIL = "OpenECF <noreply@openecf.localhost>"
# How long a worker holds the e-mails it is sending; a row held longer (the worker died) is
# taken up by the next delivery round (core.delivery).
OPENECF_OUTBOX_LEASE_SECONDS = config.integer("OPENECF_OUTBOX_LEASE_SECONDS", 300)

TASKS = {"default": {"BACKEND": ENV.tasks_backend, "QUEUES": ["default"]}}

# Security: CSRF everywhere, secure cookies and headers in production.
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = ENV.production
SESSION_COOKIE_SECURE = ENV.production
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if ENV.production:
    SECURE_SSL_REDIRECT = config.flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

# Central Sign-On.
CSO_COOKIE_NAME = "NextGenCSO"
CSO_COOKIE_SECURE = ENV.production
CSO_IDLE_TIMEOUT_MINUTES = config.integer("CSO_IDLE_TIMEOUT_MINUTES", 30)
CSO_ABSOLUTE_TIMEOUT_HOURS = config.integer("CSO_ABSOLUTE_TIMEOUT_HOURS", 12)
# Filers must enrol in MFA from this date (court-configurable in the real system; here one date).
MFA_REQUIRED_FOR_FILERS_FROM = config.day("MFA_REQUIRED_FOR_FILERS_FROM", date(2025, 12, 31))
# PACER's account upgrade cut-over: accounts created before it are Legacy accounts.
LEGACY_ACCOUNT_CUTOFF = datetime(2014, 8, 11, tzinfo=ZoneInfo("America/Chicago"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"openecf": {"level": "INFO"}},
}
CSRF_FAILURE_VIEW = "openecf.web.views.csrf_failure"

# Periodic work the worker enqueues: (task, every N seconds). See openecf.core.periodic.
OPENECF_PERIODIC_TASKS = [
    ("openecf.core.outbox.deliver_outbox", 60),  # retries, and rows a killed worker held
    ("openecf.notices.tasks.send_due_notices", 300),
    ("openecf.notices.tasks.send_daily_summaries", 3600),
    ("openecf.accounts.tasks.purge_throttle_counts", 86400),
    ("openecf.accounts.tasks.deactivate_unused_accounts", 86400),
    ("openecf.payments.tasks.settle_pending_payments", 60),
    ("openecf.ecf.tasks.record_annual_dues", 86400),
    ("openecf.documents.tasks.sweep_unreferenced_pdfs", 3600),
    ("openecf.docket.tasks.purge_expired_drafts", 3600),
    ("openecf.billing.tasks.queue_quarter_letters", 300),  # after a killed close or worker
]

# The payment gateway (docs/payments.md): OPENECF_PAYMENT_GATEWAY=sandbox (default) or paygov.
OPENECF_PAYMENT_GATEWAY = config.payment_gateway()
# A second request for the same fee waits this long for the first one to finish.
OPENECF_PAYMENT_WAIT_SECONDS = 10
# A payment still pending after this long lost its process: the worker settles it.
OPENECF_PAYMENT_STALE_AFTER = timedelta(minutes=2)
