#!/usr/bin/python3
"""The page written by `guanxi render --format html`, opened from file:// in
real headless Chromium (Selenium, ChromeDriver), with no server and no network.

Usage: html_test.py GUANXI SAMPLES_DIR SCREENSHOT_DIR

Builds the samples into a fresh database, writes the path between two sample
people and the neighbourhood of one as HTML files, and checks in the browser
that every entity is drawn, the path runs left to right in hop order with
each hop's sentence, clicking an edge opens its evidence and clicking a node
its relations, and that the page asked for nothing but its own file.
Screenshots go to SCREENSHOT_DIR (html-*.png). Exit 77 (skipped) when
Chromium, ChromeDriver or Selenium is absent, or Cytoscape.js was not vendored.
"""
import json
import os
import shutil
import subprocess
import sys
from browser_session import Steps, build_samples, find_browser, skip, start_chromium


def main():
    guanxi, samples, shots = sys.argv[1:4]
    chromium, driver = find_browser()
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    os.makedirs(shots, exist_ok=True)
    work, db = build_samples(guanxi, samples, "guanxi-html-")

    def write_page(name, *selection):
        out = os.path.join(work, name)
        done = subprocess.run([guanxi, "render", *selection, "--format", "html", "-o", out,
                               "--db", db], capture_output=True, text=True)
        if done.returncode != 0 and "cytoscape.min.js" in done.stderr:
            skip("Cytoscape.js was not vendored (npm missing at build time)")
        if done.returncode != 0:
            sys.exit(f"render --format html failed: {done.stderr}")
        return out

    path_page = write_page("path.html", "--path", "阿米尔·哈桑", "庞可欣")
    around_page = write_page("around.html", "--around", "钱若溪")
    path = json.loads(subprocess.run([guanxi, "path", "阿米尔·哈桑", "庞可欣", "--json", "--db", db],
                                     check=True, capture_output=True, text=True).stdout)
    around = json.loads(subprocess.run([guanxi, "neighbors", "钱若溪", "--json", "--db", db],
                                       check=True, capture_output=True, text=True).stdout)

    browser = start_chromium(chromium, driver)
    wait = WebDriverWait(browser, 15)
    steps = Steps(browser, shots)
    check, shot = steps.check, steps.shot

    def click_rendered(x, y):
        """Clicks the canvas where Cytoscape drew something (its rendered position)."""
        graph = browser.find_element(By.ID, "graph")
        size = graph.size
        ActionChains(browser).move_to_element_with_offset(
            graph, x - size["width"] / 2, y - size["height"] / 2).click().perform()

    try:
        # Offline: the page must not need the network.
        browser.set_network_conditions(offline=True, latency=0, download_throughput=0,
                                       upload_throughput=0)
        # 1. The path, from file://.
        browser.get("file://" + path_page)
        wait.until(lambda b: b.execute_script("return !!window.cy && cy.nodes().length > 0"))
        nodes = path["paths"][0]["nodes"]
        edges = path["paths"][0]["edges"]
        drawn = browser.execute_script("return cy.nodes().map(n => n.data('entity'))")
        check(sorted(drawn) == sorted(n["id"] for n in nodes),
              f"every entity of the path is drawn: {sorted(drawn)}")
        names = browser.execute_script("return cy.nodes().map(n => n.data('name'))")
        check(sorted(names) == sorted(n["name"] for n in nodes), f"names in Chinese: {names}")
        xs = browser.execute_script(
            "return arguments[0].map(id => cy.getElementById('n' + id).position().x)",
            [n["id"] for n in nodes])
        check(xs == sorted(xs) and len(set(xs)) == len(xs), f"path drawn left to right: {xs}")
        hops = browser.find_elements(By.CSS_SELECTOR, "#hops li")
        check(len(hops) == len(edges) and
              all(e["evidence"]["sentence"] in h.text for h, e in zip(hops, edges)),
              f"every hop's sentence, in hop order ({len(hops)} of {len(edges)})")
        legend = browser.find_element(By.ID, "legend").text
        check(all(word in legend for word in ("人物", "活动", "出席")), f"legend: {legend}")
        check(path["from"]["name"] in browser.find_element(By.ID, "page-title").text,
              "the title names the path")
        shot("html-1-path")
        # 2. Clicking an edge (on the canvas) opens its evidence.
        edge = edges[-1]
        x, y = browser.execute_script(
            "const p = cy.getElementById(arguments[0]).renderedMidpoint(); return [p.x, p.y]",
            "r" + str(edge["id"]))
        click_rendered(x, y)
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#edge-evidence li"))
        text = browser.find_element(By.ID, "edge-evidence").text
        check(edge["evidence"]["sentence"] in text and edge["article"]["title"] in text and
              edge["article"]["path"] in text,
              "clicking an edge shows its sentence, item title and file")
        shot("html-2-edge-evidence")
        # 3. A neighbourhood; clicking a node shows its relations.
        browser.get("file://" + around_page)
        wait.until(lambda b: b.execute_script("return !!window.cy && cy.nodes().length > 0"))
        drawn = browser.execute_script("return cy.nodes().map(n => n.data('entity'))")
        expected = {around["centre"]["id"]} | {n["id"] for n in around["neighbors"]}
        check(set(drawn) == expected, f"the neighbourhood is drawn: {sorted(drawn)}")
        check(browser.execute_script("return cy.edges().length") == len(around["relations"]),
              "with every relation")
        centre = around["centre"]["id"]
        x, y = browser.execute_script(
            "const p = cy.getElementById(arguments[0]).renderedPosition(); return [p.x, p.y]",
            "n" + str(centre))
        click_rendered(x, y)
        wait.until(lambda b: b.find_elements(By.ID, "card-title"))
        items = browser.find_elements(By.CSS_SELECTOR, "#card-relations li")
        touching = [r for r in around["relations"]
                    if centre in (r["source_id"], r["target_id"])]
        check(len(items) == len(touching) > 0 and
              all("「" in li.text for li in items),
              f"clicking the centre lists its {len(touching)} relations with sentences")
        shot("html-3-around-card")
        # Nothing was fetched but the file itself.
        fetched = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        check(fetched == [], f"no request made: {fetched}")
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        check(errors == [], f"no console error: {errors}")
    finally:
        browser.quit()
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {shots}")
    sys.exit(1 if steps.failures else 0)


if __name__ == "__main__":
    main()
