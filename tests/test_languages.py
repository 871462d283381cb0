"""Adding a language is data, not code: a pseudo-language added as docs/development.md says runs through everything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PSEUDO_SCRIPT = Path(__file__).resolve().parent / "pseudo_language.py"


def test_a_third_language_needs_only_its_strings_its_locale_and_its_columns(tmp_path):
    done = subprocess.run(
        [sys.executable, str(PSEUDO_SCRIPT), str(tmp_path / "data")], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["clock"] == "⟦9 janvier 2023, 17:00 (Lima, UTC−5)⟧"  # its strings, and Babel's dates in its locale
    assert seen["bundle"] == ["people-xx.json", "sources-xx.json", "text-xx-0.json"]
    assert seen["bundle_title"].startswith("⟦")
    assert seen["moment"] == "⟦A region on strike⟧"
    assert seen["page_button"] and seen["link"] == "xx"
    app = seen["app"]
    assert app["exception"] == []
    assert app["header"].startswith("⟦Juliaca") and app["clock"] == "⟦9 janvier 2023, 06:00 (Lima, UTC−5)⟧"
    assert app["untranslated"] == [], "English shown on the pseudo-language page"
    assert app["switcher"] == [["English", "Español", "Pseudo"]]
