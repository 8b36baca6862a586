"""Build the PyInstaller bundle with scripts/build_bundle.sh and run the bundled binary offscreen:
init, gateway add, meter add against simulators (one in this test, one run by the bundle itself),
`poll --once`, meter list, backup, audit verify, a translated error. Slow (~35 s build, ~260 MB):
only with ACREL_BUNDLE_TEST=1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from acrel_console.drivers.simulator import runner
from acrel_console.drivers.simulator.bus import make_bus
from acrel_console.drivers.simulator.meter import Model

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("ACREL_BUNDLE_TEST") == "1"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ENABLED, reason="bundle smoke test builds a ~260 MB PyInstaller bundle (~35 s): "
                                           "set ACREL_BUNDLE_TEST=1 to run it"),
]
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _prebuilt(folder: Path) -> Path:
    """The bundle scripts/test.sh builds beside the suite (ACREL_BUNDLE_PREBUILT): wait for it to finish."""
    rc = folder / "rc"
    deadline = time.monotonic() + 900
    while not rc.exists():
        assert time.monotonic() < deadline, "the bundle built beside the suite did not finish in 15 minutes"
        time.sleep(1)
    log = (folder / "build.log").read_text(errors="replace") if (folder / "build.log").exists() else ""
    assert rc.read_text().strip() == "0", log[-4000:]
    print(log.strip().splitlines()[-1] if log.strip() else "bundle built beside the suite")
    return folder / "dist" / "acrel-console"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("ACREL_BUNDLE_PREBUILT")
    if prebuilt:
        path = _prebuilt(Path(prebuilt))
        assert (path / "acrel-console").is_file()
        return path
    out = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, ACREL_DIST_DIR=str(out / "dist"), ACREL_WORK_DIR=str(out / "work"))
    proc = subprocess.run([str(ROOT / "scripts" / "build_bundle.sh")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    print(proc.stdout.strip().splitlines()[-1])  # "bundle: ... build: N s  size: M MB"
    path = out / "dist" / "acrel-console"
    assert (path / "acrel-console").is_file()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Bundled:
    def __init__(self, exe: Path, home: Path) -> None:
        self.exe = exe
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("ACREL_", "PYTHON", "VIRTUAL_ENV"))}
        self.env.update(QT_QPA_PLATFORM="offscreen", ACREL_DATA_DIR=str(home), ACREL_PASSWORD="admin-secret",
                        ACREL_LANG="en", ACREL_SITE_KEY="0123456789ABCDEFFEDCBA9876543210")
        self.db = f"sqlite:///{home / 'site.sqlite3'}"

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(self.exe), "--db", self.db, *args], env=self.env, capture_output=True,
                              text=True, timeout=120, cwd="/")
        if ok:
            assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return proc

    def json(self, *args: str) -> Any:
        return json.loads(self.run("--json", *args).stdout)


def test_bundle_contents(bundle: Path) -> None:
    internal = bundle / "_internal"
    source = ROOT / "acrel_console"

    def names(folder: Path, pattern: str) -> list[str]:
        return sorted(p.name for p in folder.glob(pattern))

    profiles = names(source / "drivers" / "profiles", "*.toml")
    assert "DDSY1352.toml" in profiles
    assert names(internal / "acrel_console" / "drivers" / "profiles", "*.toml") == profiles
    migrations = internal / "acrel_console" / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    versions = names(source / "storage" / "migrations" / "versions", "0*.py")
    assert names(migrations / "versions", "0*.py") == versions and versions[0].startswith("0001_")
    for folder in ("templates", "static"):  # the tenant portal's pages and files
        assert names(internal / "acrel_console" / "portal" / folder, "*") == names(source / "portal" / folder, "*")
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    assert (bundle / "acrel-console-gui").is_file()
    if CJK_FONT.is_file():
        assert (internal / "resources" / "fonts" / CJK_FONT.name).is_file()
    for qm in (ROOT / "resources" / "translations").glob("*.qm"):
        assert (internal / "resources" / "translations" / qm.name).is_file()


def test_bundled_binary_sets_up_a_site_and_polls_the_simulator(bundle: Path, tmp_path: Path) -> None:
    app = Bundled(bundle / "acrel-console", tmp_path / "home")
    sim_port = _free_port()
    bundled_sim = subprocess.Popen([str(app.exe), "simulate", "--listen", f"127.0.0.1:{sim_port}",
                                    "--mode", "rtu-over-tcp", "--units", "1-2", "--profile", "DTSY1352"],
                                   env=app.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        with runner.start_tcp(make_bus("1-3", Model.DDSY1352, reply_latency_s=0.0), mode="modbus-tcp") as sim:
            _wait_listening(sim_port, bundled_sim)
            init = app.json("init", "--admin", "admin")
            assert init["admin"] == "admin" and init["revision"]
            app.run("--user", "admin", "gateway", "add", "--name", "GW1", "--tcp", f"127.0.0.1:{sim.port}",
                    "--mode", "modbus-tcp", "--timeout-ms", "300")
            app.run("--user", "admin", "gateway", "add", "--name", "GW2", "--tcp", f"127.0.0.1:{sim_port}",
                    "--mode", "rtu-over-tcp", "--timeout-ms", "300")
            for addr in (1, 2):
                app.run("--user", "admin", "meter", "add", "--gateway", "GW1", "--address", str(addr),
                        "--model", "DDSY1352", "--room", f"A-10{addr}")
            app.run("--user", "admin", "meter", "add", "--gateway", "GW2", "--address", "1", "--model", "DTSY1352",
                    "--room", "B-201")
            rows = app.json("--user", "admin", "poll", "--once")
            by_gw = {r["gateway"]: r for r in rows}
            assert by_gw["GW1"]["ok"] == 2 and by_gw["GW1"]["connected"]
            assert by_gw["GW2"]["ok"] == 1 and by_gw["GW2"]["connected"]
            meters = app.json("--user", "admin", "meter", "list")
            assert all(m["remaining_fen"] is not None and m["status"] != "offline" for m in meters), meters
        portal_port = _free_port()
        portal = subprocess.Popen([str(app.exe), "--db", app.db, "portal", "--port", str(portal_port)], env=app.env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            _wait_listening(portal_port, portal)
            with urllib.request.urlopen(f"http://127.0.0.1:{portal_port}/login", timeout=30) as page:
                assert page.status == 200 and "<form" in page.read().decode("utf-8")
        finally:
            portal.terminate()
            portal.communicate(timeout=30)
        backup = app.json("--user", "admin", "backup")
        assert Path(backup["path"]).is_file() and backup["verified"]
        app.run("--user", "admin", "audit", "verify")
        bad = app.run("--user", "admin", "meter", "add", "--gateway", "NOPE", "--address", "9", "--model",
                      "DDSY1352", "--room", "X", ok=False)
        assert bad.returncode == 2 and bad.stderr.startswith("acrel-console: ") and "Traceback" not in bad.stderr
    finally:
        bundled_sim.terminate()
        out, _ = bundled_sim.communicate(timeout=30)
    assert "Traceback" not in out


def _wait_listening(port: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"bundled process exited {proc.returncode}: {proc.stdout.read() if proc.stdout else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("bundled process did not listen within 60 s")


if __name__ == "__main__":  # pragma: no cover - `python tests/integration/test_bundle_smoke.py`
    sys.exit(pytest.main([__file__, "-q", "-s"]))
