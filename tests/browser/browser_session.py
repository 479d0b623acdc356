"""What the browser tests share: skipping (exit 77) when Chromium,
ChromeDriver or Selenium is absent, the samples built into a fresh database,
and headless Chromium driven through ChromeDriver."""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def skip(why):
    print(f"SKIPPED: {why}")
    sys.exit(SKIP)


def find_browser():
    """The paths of chromium and chromedriver; skips when either, or
    Selenium, is not installed."""
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        skip("Chromium and ChromeDriver are not installed (Debian: chromium chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        skip("Selenium is not installed (Debian: python3-selenium)")
    return chromium, driver


def build_samples(guanxi, samples, prefix):
    """A new folder (prefix in its name) and the samples built into a
    database there: (folder, database)."""
    work = tempfile.mkdtemp(prefix=prefix)
    db = os.path.join(work, "guanxi.db")
    subprocess.run([guanxi, "build", samples, "--db", db], check=True, capture_output=True)
    return work, db


def start_chromium(chromium, driver):
    """Headless Chromium at 1400x900, driven by ChromeDriver."""
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(flag)
    service = (webdriver.ChromeService(executable_path=driver)
               if hasattr(webdriver, "ChromeService")
               else webdriver.chrome.service.Service(executable_path=driver))
    return webdriver.Chrome(service=service, options=options)


class Steps:
    """A browser test's checks, each printed ok or FAIL with failures kept,
    and its screenshots, written to `shots` as NAME.png."""

    def __init__(self, browser, shots):
        self.browser = browser
        self.shots = shots
        self.failures = []

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failures.append(what)

    def shot(self, name):
        self.browser.save_screenshot(os.path.join(self.shots, name + ".png"))
