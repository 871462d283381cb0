"""Share this moment: the link, the embed code and the moment page, copied with a visible confirmation;
the alt text download; the handout button in classroom mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geo.model.params import ViewState, parse_params
from geo.model.timeline import lima_time
from ui.share import PARENT_SCRIPT, embed_code, site_url

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "journalists.md").read_text(encoding="utf-8")


def test_the_app_gives_the_readme_parent_script():
    after = GUIDE.split("<!-- embed-snippet", 1)[1]
    script = re.findall(r"```html\n(.*?)```", after, re.S)[1]
    assert script.strip() == PARENT_SCRIPT.strip()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://example.org/juliaca", "https://example.org/juliaca/"),
        ("https://example.org/juliaca/", "https://example.org/juliaca/"),
        ("", None),
        ("example.org", None),
        ('https://e.org/"><script>', None),
        ("javascript:alert(1)", None),
    ],
)
def test_the_site_address_comes_from_the_environment_and_is_checked(monkeypatch, value, expected):
    monkeypatch.setenv("JULIACA_SITE_URL", value)
    assert site_url() == expected


def test_the_embed_code_opens_the_same_moment_language_and_view():
    view = ViewState(t=lima_time("2023-01-09T17:00"), lang="es", view="airport")
    code = embed_code("https://example.org/juliaca/", view)
    src = re.search(r'src="([^"]+)"', code).group(1).replace("&amp;", "&")
    assert src == "https://example.org/juliaca/index.html?t=2023-01-09T17:00&lang=es&view=airport"
    query = dict(part.split("=") for part in src.split("?")[1].split("&"))
    state, refused = parse_params(query)
    assert refused == [] and (state.t, state.lang, state.view) == (view.t, "es", "airport")
    assert 'title="Juliaca, 9 de enero de 2023' in code and 'aria-label="Mapa interactivo' in code
    assert 'loading="lazy"' in code and PARENT_SCRIPT in code


# --- in the app, in a real browser -------------------------------------------------------------


@pytest.fixture(scope="module")
def site_server(tmp_path_factory):
    """The app, told where the exported site is published."""
    from harness.browser import AppServer

    server = AppServer(
        tmp_path_factory.mktemp("share-server") / "streamlit.log",
        env={"JULIACA_SITE_URL": "https://example.org/juliaca/"},
    )
    yield server
    server.stop()


def _open_share(browsing, label: str):
    page = browsing.page
    page.get_by_role("button", name=label).click()
    dialog = page.get_by_role("dialog")
    dialog.locator(".jm-copy textarea").first.wait_for()
    return dialog


@pytest.mark.browser
def test_share_copies_the_link_and_the_embed_code_and_says_so(site_server, browsing):
    page = browsing.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.url)
    page.goto(f"{site_server.url}/?t=2023-01-09T17:00&lang=es&view=airport&base=offline")
    browsing.wait_for_map()
    dialog = _open_share(browsing, "Compartir este momento")
    fields = dialog.locator(".jm-copy")
    link = fields.nth(0).locator("textarea").input_value()
    assert link.startswith(site_server.url) and "t=2023-01-09T17:00&lang=es&view=airport&base=offline" in link
    fields.nth(0).get_by_role("button", name="Copiar").click()
    status = fields.nth(0).get_by_role("status")
    expect(status).to_have_text("✓ Copiado al portapapeles")  # once the clipboard has answered
    assert status.is_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    embed = fields.nth(1).locator("textarea").input_value()
    assert 'src="https://example.org/juliaca/index.html?t=2023-01-09T17:00&amp;lang=es&amp;view=airport"' in embed
    fields.nth(1).get_by_role("button", name="Copiar").click()
    expect(fields.nth(1).get_by_role("status")).to_have_text("✓ Copiado al portapapeles")
    assert page.evaluate("() => navigator.clipboard.readText()") == embed
    assert dialog.get_by_role("button", name="Texto alternativo (TXT)").is_visible()
    browsing.assert_clean()


@pytest.mark.browser
def test_classroom_mode_links_the_moment_page_and_offers_the_handout(site_server, browsing):
    page = browsing.page
    page.goto(f"{site_server.url}/?mode=present&moment=4&lang=en&base=offline")
    browsing.wait_for_map()
    assert page.get_by_role("button", name="Handout for the class (PDF)").is_visible()
    dialog = _open_share(browsing, "Share this moment")
    values = [t.input_value() for t in dialog.locator(".jm-copy textarea").all()]
    assert "https://example.org/juliaca/moments/first_death/" in values
    browsing.assert_clean()


@pytest.mark.browser
def test_without_a_site_address_the_app_says_how_to_set_it(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T12:00&base=offline")
    browsing.wait_for_map()
    dialog = _open_share(browsing, "Share this moment")
    assert dialog.locator(".jm-copy").count() == 1
    assert "JULIACA_SITE_URL" in dialog.inner_text()
    browsing.assert_clean()


@pytest.mark.browser
def test_the_png_download_and_the_alt_text_download_carry_the_same_alt_text(app_server, browsing, tmp_path):
    from PIL import Image

    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T14:00&base=offline&lang=es&view=airport")
    browsing.wait_for_map()
    png = tmp_path / "view.png"
    browsing.download_image("Esta vista (PNG)").save_as(png)
    dialog = _open_share(browsing, "Compartir este momento")
    with page.expect_download() as txt_download:
        dialog.get_by_role("button", name="Texto alternativo (TXT)").click()
    alt = txt_download.value.path().read_text(encoding="utf-8").strip()
    assert alt.startswith("Mapa de los alrededores del Aeropuerto") and "civiles muertos 1;" in alt
    assert Image.open(png).text["Description"] == alt
    browsing.assert_clean()
