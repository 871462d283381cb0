"""The deployment files in deploy/: the Kubernetes manifest against the Kubernetes schemas (offline,
kubernetes-validate), and the HAProxy configuration that `python -m geo serve` writes."""

from __future__ import annotations

import io
import subprocess
import tomllib

import pytest
import yaml
from kubernetes_validate import ValidationError, validate

from geo.commands.cli import main
from geo.commands.serve import ROOT, find_haproxy, haproxy_config

MANIFEST = ROOT / "deploy" / "kubernetes.yaml"
K8S_VERSION = "1.33.0"  # a version current clusters run; its schemas ship inside kubernetes-validate


@pytest.fixture(scope="module")
def resources() -> dict[str, dict]:
    """The manifest's resources by kind."""
    return {doc["kind"]: doc for doc in yaml.safe_load_all(MANIFEST.read_text(encoding="utf-8")) if doc}


def test_every_resource_is_valid_against_the_kubernetes_schema(resources):
    assert set(resources) >= {"Deployment", "Service", "Ingress"}
    for doc in resources.values():
        validate(doc, K8S_VERSION, strict=True)  # raises on a wrong field, type or missing requirement


def test_the_validator_catches_a_mistake(resources):
    broken = yaml.safe_load(yaml.safe_dump(resources["Deployment"]))
    broken["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "8501"
    with pytest.raises(ValidationError):
        validate(broken, K8S_VERSION, strict=True)


def test_probes_check_streamlit_health_on_the_port_the_service_targets(resources):
    container = resources["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}
    assert container["ports"][0]["name"] == resources["Service"]["spec"]["ports"][0]["targetPort"]
    pod_labels = resources["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert resources["Service"]["spec"]["selector"].items() <= pod_labels.items()


def test_the_ingress_keeps_a_browser_on_its_pod_with_a_cookie_and_long_websocket_timeouts(resources):
    annotations = resources["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    backend = resources["Ingress"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == resources["Service"]["metadata"]["name"]


def test_the_proxy_configuration_is_accepted_by_haproxy(tmp_path):
    haproxy = find_haproxy()
    if haproxy is None:
        pytest.fail("HAProxy is missing: .ci/run installs it (apt-get install haproxy)")
    config = tmp_path / "haproxy.cfg"
    config.write_text(haproxy_config("127.0.0.1:18080", [8501, 8502, 8503]), encoding="utf-8")
    check = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = config.read_text()
    assert "cookie JULIACA_SERVER insert" in text and "option httpchk GET /_stcore/health" in text
    assert text.count("\n    server app") == 3


def test_serve_without_haproxy_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("geo.commands.serve.find_haproxy", lambda: None)
    out, err = io.StringIO(), io.StringIO()
    assert main(["serve", "--replicas", "2"], out, err) == 3
    assert "apt-get install haproxy" in err.getvalue()


def test_the_image_copies_and_installs_every_package_the_project_declares():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = [p.rstrip("*") for p in declared["tool"]["setuptools"]["packages"]["find"]["include"]]
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert set(packages) <= copied, f"the image leaves out {set(packages) - copied}"
    # Streamlit finds the time control only among installed packages, not among copied folders.
    assert any(
        line.startswith("RUN pip install") and line.rstrip().endswith((" .", ' ".[png]"'))
        for line in dockerfile.splitlines()
    ), "the image does not install the project"


TEST_TOOLS = {"pytest", "hypothesis", "pypdf", "kubernetes-validate", "pyyaml", "iniconfig", "pluggy"}


def _closure(name: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """Every distribution `name` (with `extras`) pulls in, read from the installed metadata."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen, todo = set(), [(name, extras)]
    while todo:
        current, wanted = todo.pop()
        key = canonicalize_name(current)
        if (key, wanted) in seen:
            continue
        seen.add((key, wanted))
        try:
            declared = requires(current) or []
        except PackageNotFoundError:
            continue
        for line in declared:
            requirement = Requirement(line)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in wanted or {""}):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return {key for key, _ in seen} - {canonicalize_name(name)}


def test_the_production_image_installs_no_test_dependency():
    """Issue 21: the image installed requirements.lock as a list, test tools and all."""
    import re

    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    installs = [line for line in dockerfile.splitlines() if line.startswith("RUN pip install")]
    assert installs and not any(re.search(r"\s-r\s", line) for line in installs), installs
    assert re.findall(r"\"\.\[([^\]]*)\]\"", " ".join(installs)) == ["png"]
    image = _closure("juliaca-map", frozenset({"png"}))
    assert "playwright" in image and "streamlit" in image
    assert not image & (TEST_TOOLS | {"imageio-ffmpeg", "imageio"}), image & (TEST_TOOLS | {"imageio-ffmpeg"})


def test_the_app_needs_no_optional_package():
    core = _closure("juliaca-map")
    assert not core & {"playwright", "imageio", "imageio-ffmpeg"} and not core & TEST_TOOLS
    assert {"playwright"} <= _closure("juliaca-map", frozenset({"png"}))
    assert {"imageio", "imageio-ffmpeg"} <= _closure("juliaca-map", frozenset({"video"}))


def test_make_installs_every_feature():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-e '.[png,video,test]'" in makefile


def test_the_pod_runs_chromium_without_privilege_and_says_why_its_sandbox_is_off(resources):
    container = resources["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    security = container["securityContext"]
    assert security["runAsNonRoot"] and not security["allowPrivilegeEscalation"]
    assert security["capabilities"]["drop"] == ["ALL"] and security["seccompProfile"]["type"] == "RuntimeDefault"
    sandbox = {e["name"]: e.get("value") for e in container["env"]}["JULIACA_CHROMIUM_SANDBOX"]
    operations = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert sandbox == "off" and "JULIACA_CHROMIUM_SANDBOX" in operations and "user namespaces" in operations
