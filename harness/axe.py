"""axe-core in every frame of a page: a runner that checks only the top document silently skips the
map, which is an iframe. axe-core is pinned in tests/a11y/package-lock.json and installed offline-ready
by `make test` (`npm ci` in tests/a11y)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
FAILING_IMPACTS = frozenset({"serious", "critical"})
_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, iframes: false,
                                           resultTypes: ["violations", "incomplete"]});
  const brief = (r) => ({id: r.id, impact: r.impact, help: r.help,
                         nodes: r.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary || "",
                                                     html: n.html.slice(0, 160)}))});
  return {version: axe.version, violations: results.violations.map(brief), incomplete: results.incomplete.map(brief)};
}"""


@dataclass(frozen=True)
class FrameReport:
    """What axe found in one frame."""

    url: str
    version: str
    violations: list[dict]
    incomplete: list[dict]

    def failing(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in FAILING_IMPACTS]


def axe_source() -> str:
    """axe-core's script; a clear failure (in CI) or skip (on a developer's machine) when it is absent."""
    if AXE_JS.is_file():
        return AXE_JS.read_text(encoding="utf-8")
    how = "run `make test`, or `npm ci` in tests/a11y (it installs the pinned axe-core)"
    if os.environ.get("CI"):
        pytest.fail(f"axe-core is not installed: {how}")
    pytest.skip(f"axe-core is not installed: {how}")


def check_every_frame(page, source: str) -> list[FrameReport]:
    """Inject axe into each frame of `page` (the map's iframe included) and run the WCAG 2.2 A/AA rules there."""
    reports = []
    for frame in page.frames:
        if frame.is_detached() or frame.url in ("", "about:blank"):
            continue
        frame.evaluate(source + "\n;undefined")
        result = frame.evaluate(_RUN, list(TAGS))
        reports.append(FrameReport(frame.url, result["version"], result["violations"], result["incomplete"]))
    return reports


def describe(reports: list[FrameReport], kind: str) -> str:
    """A readable list of violations (`kind="failing"`) or of results axe could not decide (`"incomplete"`)."""
    lines = []
    for report in reports:
        found = report.failing() if kind == "failing" else report.incomplete
        for rule in found:
            lines.append(
                f"[{rule['impact']}] {rule['id']} ({rule['help']}) in {report.url}: {len(rule['nodes'])} node(s)"
            )
            lines += [
                f"    {n['target']}: {n['summary'].splitlines()[-1] if n['summary'] else n['html']}"
                for n in rule["nodes"][:5]
            ]
    return "\n".join(lines)


def save(reports: list[FrameReport], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.__dict__ for r in reports], indent=1, ensure_ascii=False), encoding="utf-8")
