"""End to end in real headless Chromium: review a claim by clicking, see the status change."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import Server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
F16 = "P7ef40e2250"  # Turkey supplied F-16 to Azerbaijan: only the hostile document says it

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromedriver in /usr/bin (apt-get install chromium "
    "chromium-driver)",
)

if CHROMIUM.exists() and CHROMEDRIVER.exists():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser
    profile = tempfile.mkdtemp(prefix="corroborate-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1280,1600"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_hostile_document_stays_inert(browser: webdriver.Chrome, server: Server) -> None:
    for path in ("/documents/4", f"/propositions/{F16}", "/search?q=pwned"):
        browser.get(server.url + path)
        assert browser.execute_script("return window.__pwned === undefined")
        assert browser.execute_script("return document.querySelectorAll('script').length") == 0
    text = browser.find_element(By.CSS_SELECTOR, "body").text
    assert "<script>window.__pwned = 1</script>" in text  # shown, as text


BAYRAKTAR = "Pdf3693ac30"  # Turkey supplied Bayraktar TB2 to Azerbaijan: affirmed and denied


def _shot(browser: webdriver.Chrome, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000


def test_proposition_page_explains_with_a_legend_and_whole_sentences(
    browser: webdriver.Chrome, server: Server
) -> None:
    browser.get(f"{server.url}/propositions/{BAYRAKTAR}")
    explanation = browser.find_element(By.CSS_SELECTOR, "[data-test=explanation]").text
    assert explanation.split(":")[0] in {"Corroborated", "Contested", "Single-source"}
    assert "[" not in explanation.split(":")[0] and explanation.endswith(".")
    legend = browser.find_element(By.CSS_SELECTOR, "[data-test=legend]")
    assert legend.is_displayed()
    terms = [dt.text for dt in legend.find_elements(By.TAG_NAME, "dt")]
    assert {"third party", "weight 1", "weight 0.5", "weight 0.3"} <= set(terms)
    header = browser.find_element(By.CSS_SELECTOR, "[data-test=voices] tr").text
    assert "how it counts" in header
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "[data-test=quote]")]
    # the whole sentence, not only the claim's words; a denial shows the denial's own words
    assert any(
        q.startswith("Turkey supplied Bayraktar drones to Azerbaijan, Armenian officials said")
        and q.endswith("on Friday.")
        for q in quotes
    ), quotes
    marked = browser.find_elements(By.CSS_SELECTOR, "[data-test=quote] mark")
    assert marked and all(m.text and len(m.text) < 80 for m in marked)  # the claim's words only
    _shot(browser, "proposition-page.png")


def test_role_report_and_review_queue_screenshots(
    browser: webdriver.Chrome, server: Server
) -> None:
    browser.get(f"{server.url}/actors/Turkey")
    camps = browser.find_element(By.CSS_SELECTOR, "[data-test=camps]").text
    assert camps.startswith("Camps are unset") and "corroborate.toml" in camps
    assert browser.find_element(By.CSS_SELECTOR, "[data-test=legend]").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "[data-test=quote] mark")
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "[data-test=quote]")]
    # a denial's quote is the denial's own sentence
    assert any(
        q.startswith("Turkey denied that it had sent mercenaries to Azerbaijan.") for q in quotes
    ), quotes
    _shot(browser, "role-report.png")
    browser.get(f"{server.url}/queue")
    assert browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "review-queue.png")


def test_review_a_claim_and_see_the_status_change(
    browser: webdriver.Chrome, server: Server
) -> None:
    browser.get(f"{server.url}/propositions/{F16}")
    status = browser.find_element(By.CSS_SELECTOR, "h1 + p .status")
    assert status.text == "single-source"
    browser.find_element(By.CSS_SELECTOR, ".mention details summary").click()
    form = browser.find_element(By.CSS_SELECTOR, ".mention details form")
    Select(form.find_element(By.NAME, "polarity")).select_by_visible_text("deny")
    form.find_element(By.NAME, "author").send_keys("e2e analyst")
    form.find_element(By.NAME, "note").send_keys("the text reports a denial")
    form.find_element(By.TAG_NAME, "button").click()
    # click() returns before the POST's redirect lands: reading now could see the old page
    WebDriverWait(browser, 30).until(expected_conditions.staleness_of(status))

    assert browser.current_url.startswith(f"{server.url}/propositions/{F16}"), browser.page_source
    status = browser.find_element(By.CSS_SELECTOR, "h1 + p .status")
    assert status.text == "denied-only"
    badge = browser.find_element(By.CSS_SELECTOR, "[data-test=state]")
    assert badge.text == "corrected"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "proposition-after-review.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000

    browser.get(f"{server.url}/reviews")
    row = browser.find_element(By.CSS_SELECTOR, "table tr:nth-child(2)").text
    assert "e2e analyst" in row and "correct" in row and "polarity: deny" in row
