"""Schemathesis against a running OpenECF, as each persona of the demo: 0 server errors and
0 answers that break the OpenAPI document. Used by .ci/run; needs `openecf demo` loaded.

    python .ci/api_fuzz.py http://127.0.0.1:8765 [max examples per operation]
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pyotp

# (persona, username, password, TOTP secret of its authenticator app or "")
PERSONAS = [
    ("anonymous", "", "", ""),
    ("public user", "ppublic01", "Demo-Pacer-Sign-On-2025!", ""),
    ("filer", "aattorney1", "Demo-Pacer-Sign-On-2025!", "OPENECFDEMOAATTORNEYMFAKEY234567"),
    ("clerk", "mowdclerk1", "Docket-Desk-Kansas-City-2026!", ""),
]
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"
SEED = "20261130"


def token(base: str, username: str, password: str, secret: str) -> str:
    body = {"loginId": username, "password": password, "redactFlag": "1"}
    if secret:
        body["otpCode"] = pyotp.TOTP(secret).now()
    request = urllib.request.Request(  # noqa: S310 (the CI's own server on loopback)
        f"{base}/services/cso-auth",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        result = json.load(answer)
    if result.get("loginResult") != "0":
        raise SystemExit(f"{username} cannot sign in: {result.get('errorDescription')}")
    return result["nextGenCSO"]


def main() -> int:
    base = sys.argv[1].rstrip("/")
    examples = sys.argv[2] if len(sys.argv) > 2 else "5"
    st = str(Path(sys.executable).with_name("st"))
    failed = []
    for persona, username, password, secret in PERSONAS:
        command = [st, "run", f"{base}/api/v1/openapi.json", "--checks", CHECKS]
        command += ["--max-examples", examples, "--seed", SEED, "--phases", "examples,fuzzing"]
        # One worker: Hypothesis' shared caches are not safe across threads. The persona's own
        # session must survive the run, so the operations that end sessions are left out.
        command += ["--workers", "1", "--no-shrink", "--exclude-path-regex", "^/api/v1/sessions/"]
        if username:
            command += [
                "--header",
                f"Authorization: Bearer {token(base, username, password, secret)}",
            ]
        print(f"\n--- schemathesis as {persona} ---", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(persona)
    if failed:
        print(f"schemathesis found problems as: {', '.join(failed)}")
        return 1
    print("schemathesis: 0 server errors, 0 schema violations, as every persona")
    return 0


if __name__ == "__main__":
    sys.exit(main())
