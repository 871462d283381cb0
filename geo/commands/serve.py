"""`python -m geo serve`: N app processes on loopback behind HAProxy, which keeps each browser on its
process with a cookie and checks /_stcore/health (the configuration is deploy/haproxy.cfg).

Sessions, uploads and download buttons live in the process a browser's websocket reached; the proxy's
cookie keeps the browser there. If a process dies, its visitors reconnect to another one with a new
session (their upload is gone) and new visitors go to the processes still alive.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[2]
HAPROXY_TEMPLATE = ROOT / "deploy" / "haproxy.cfg"
STATIC = ROOT / "static"
INSTALL_HINT = (
    "HAProxy is not installed. Install it from your system's packages, for example "
    "`sudo apt-get install haproxy` (Debian, Ubuntu) or `brew install haproxy` (macOS), "
    "or set JULIACA_HAPROXY to its path."
)


def find_haproxy() -> str | None:
    """The haproxy executable: $JULIACA_HAPROXY, else on PATH, else Debian's /usr/sbin/haproxy."""
    for candidate in (os.environ.get("JULIACA_HAPROXY"), shutil.which("haproxy"), "/usr/sbin/haproxy"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def server_name(k: int) -> str:
    """The proxy's name for the k-th process (from 1), also the value of its affinity cookie."""
    return f"app{k}"


def haproxy_config(bind: str, ports: list[int]) -> str:
    """deploy/haproxy.cfg with its listening address and one `server` line per app process.

    >>> config = haproxy_config("127.0.0.1:8080", [8501, 8502])
    >>> [line.strip() for line in config.splitlines() if line.strip().startswith(("bind", "server"))]
    ['bind 127.0.0.1:8080', 'server app1 127.0.0.1:8501 cookie app1', 'server app2 127.0.0.1:8502 cookie app2']
    """
    servers = "\n".join(
        f"    server {server_name(k)} 127.0.0.1:{port} cookie {server_name(k)}" for k, port in enumerate(ports, start=1)
    )
    return Template(HAPROXY_TEMPLATE.read_text(encoding="utf-8")).substitute(BIND=bind, SERVERS=servers)


def streamlit_command(script: Path, port: int) -> list[str]:
    """The command that serves `script` with Streamlit on loopback `port`, headless, sending no usage stats."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    """Poll `url`/_stcore/health until it answers 200; raise if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before {url} was healthy")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling interval while the server starts
    raise TimeoutError(f"no answer from {url}/_stcore/health within {timeout} s")


def prepare_static() -> None:
    """Publish the static files and the data bundle once, before the processes start, so that they
    find them in place and never write the same files at the same time."""
    from geo.data.load import default_data_dir, load_dataset
    from geo.map.assets import publish_static
    from geo.map.bundle import publish
    from geo.model.timeline import index_events

    publish_static(STATIC)
    data = load_dataset(default_data_dir(), strict=False)
    publish(index_events(data.events, data.places, data.record), data.places, STATIC)


@dataclass
class Deployment:
    """N `streamlit run app.py` processes on loopback ports and one HAProxy in front of them."""

    replicas: int
    bind_host: str = "127.0.0.1"
    port: int = 8080
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="juliaca-serve-")))
    ports: list[int] = field(default_factory=list)
    apps: list[subprocess.Popen | None] = field(default_factory=list)
    proxy: subprocess.Popen | None = None
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.bind_host in ("0.0.0.0", "::") else self.bind_host
        return f"http://{host}:{self.port}"

    def start(self) -> Deployment:
        """Start every process, wait until each is healthy, then start the proxy; on failure stop them all."""
        haproxy = find_haproxy()
        if haproxy is None:
            raise RuntimeError(INSTALL_HINT)
        try:
            return self._start(haproxy)
        except BaseException:
            self.stop()
            raise

    def _start(self, haproxy: str) -> Deployment:
        """Publish the static files, start the processes, wait for their health, then start the proxy."""
        prepare_static()
        self.ports = [free_port() for _ in range(self.replicas)]
        self.apps = [self._start_app(k) for k in range(self.replicas)]
        for k, app in enumerate(self.apps):
            wait_healthy(f"http://127.0.0.1:{self.ports[k]}", app)
        config = self.log_dir / "haproxy.cfg"
        config.write_text(haproxy_config(f"{self.bind_host}:{self.port}", self.ports), encoding="utf-8")
        check = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"HAProxy refused {config}:\n{check.stdout}{check.stderr}")
        self.proxy = subprocess.Popen(
            [haproxy, "-db", "-f", str(config)], stdout=self._log("haproxy"), stderr=subprocess.STDOUT
        )
        wait_healthy(self.url, self.proxy, timeout=30)
        return self

    def _log(self, name: str):
        return (self.log_dir / f"{name}.log").open("a")

    def _start_app(self, k: int) -> subprocess.Popen:
        """Process k (from 0) on its loopback port; all share the cookie secret, so XSRF tokens agree."""
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret}
        return subprocess.Popen(
            streamlit_command(ROOT / "app.py", self.ports[k]),
            cwd=ROOT,
            env=env,
            stdout=self._log(server_name(k + 1)),
            stderr=subprocess.STDOUT,
        )

    def stop_app(self, k: int) -> None:
        """Stop process k (from 0), as a crash or a rolling restart would; the proxy routes around it."""
        app = self.apps[k]
        if app is not None:
            _terminate(app)
            self.apps[k] = None

    def restart_dead(self) -> list[int]:
        """Start again every process that exited; returns their numbers (from 0)."""
        dead = [k for k, app in enumerate(self.apps) if app is None or app.poll() is not None]
        for k in dead:
            self.apps[k] = self._start_app(k)
        return dead

    def stop(self) -> None:
        """Stop the proxy, then every process."""
        if self.proxy is not None:
            _terminate(self.proxy)
        for k in range(len(self.apps)):
            self.stop_app(k)


def _terminate(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(replicas: int, host: str, port: int, out) -> int:
    """Run a deployment until interrupted, starting again any process that exits."""
    deployment = Deployment(replicas, bind_host=host, port=port)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` or a service manager stops the children too
    try:
        deployment.start()
        print(
            f"{replicas} app process(es) on ports {', '.join(map(str, deployment.ports))}, behind HAProxy at "
            f"http://{host}:{port}/ (logs in {deployment.log_dir}). Ctrl-C stops everything.",
            file=out,
            flush=True,
        )
        while deployment.proxy.poll() is None:
            time.sleep(2)
            for k in deployment.restart_dead():
                print(f"process {server_name(k + 1)} had exited; started it again", file=out, flush=True)
        print(f"HAProxy exited with {deployment.proxy.returncode}; see {deployment.log_dir}", file=out)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        deployment.stop()
