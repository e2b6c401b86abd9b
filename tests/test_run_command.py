"""`openecf run` (what `make run` starts): migrates, loads the demo, serves web and worker,
prints the URL and the demo logins, and stops both cleanly on Ctrl-C."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.status, response.read().decode()


def wait_for(url: str, process: subprocess.Popen, seconds: float = 90) -> None:

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"openecf run exited early with {process.returncode}")
        try:
            fetch(url)
            return
        except OSError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.25)  # wait for the server, not a fixed sleep
    raise AssertionError(f"{url} did not answer in {seconds}s")


def start_openecf_run(data: Path, port: int) -> subprocess.Popen:
    """`openecf run` in its own process group, on a fresh data folder, as `make run` starts it."""
    env = {**os.environ, "OPENECF_DATA": str(data), "PORT": str(port), "OPENECF_TASKS": "database"}
    for name in ("DATABASE_URL", "SECRET_KEY"):
        env.pop(name, None)
    return subprocess.Popen(
        [sys.executable, "-m", "openecf", "run", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stopped_output(process: subprocess.Popen) -> str:
    """Everything the run printed; fails (and cleans up) if anything it started lives on."""
    try:
        return process.communicate(timeout=60)[0]
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        output = process.communicate()[0]
        raise AssertionError(f"openecf run (or a child) did not stop:\n{output[-3000:]}") from None


def test_openecf_run_serves_the_site_and_stops_on_ctrl_c(tmp_path: Path):
    port = free_port()
    process = start_openecf_run(tmp_path, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        status, home = fetch(f"http://127.0.0.1:{port}/")
        assert status == 200 and "201 courts" in home
        status, court = fetch(f"http://127.0.0.1:{port}/mowd/")
        assert status == 200 and "Western District of Missouri" in court
        status, api = fetch(f"http://127.0.0.1:{port}/api/v1/courts/mowd")
        assert status == 200 and '"cmecf_status":"nextgen"' in api.replace(" ", "")
        status, spec = fetch(f"http://127.0.0.1:{port}/api/v1/openapi.json")
        assert status == 200 and '"openapi"' in spec
        status, css = fetch(f"http://127.0.0.1:{port}/static/uswds/css/uswds.min.css")
        assert status == 200
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends to the group
        output = stopped_output(process)
    assert f"OpenECF is running: open http://localhost:{port}/" in output
    assert "Demo logins" in output
    assert "OpenECF stopped." in output
    assert process.returncode == 0, output
    assert (tmp_path / "openecf.sqlite3").exists()
    assert (tmp_path / "secret_key").exists()


def test_openecf_run_stops_both_children_on_sigterm(tmp_path: Path):
    port = free_port()
    process = start_openecf_run(tmp_path, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
    finally:
        process.terminate()  # SIGTERM to the parent only, as a process manager sends it
        output = stopped_output(process)
    assert "OpenECF stopped." in output
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, 0)
        raise AssertionError("a child of openecf run outlived it")
