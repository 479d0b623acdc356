#!/usr/bin/python3
"""The page of `guanxi serve` in real headless Chromium (Selenium, ChromeDriver).

Usage: page_test.py GUANXI SAMPLES_DIR SCREENSHOT_DIR

Builds the samples into a fresh database, starts `guanxi serve --port 0` and
does what a user does: search, open a card, expand a node, draw a path between
two sample people with the evidence of every hop, apply a date filter. A
screenshot of each step is written to SCREENSHOT_DIR. Exit 77 (skipped) when
Chromium, ChromeDriver, Selenium or the vendored Cytoscape.js is absent.
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from browser_session import Steps, build_samples, find_browser, skip, start_chromium


def main():
    guanxi, samples, shots = sys.argv[1:4]
    chromium, driver = find_browser()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    os.makedirs(shots, exist_ok=True)
    work, db = build_samples(guanxi, samples, "guanxi-page-")
    server = subprocess.Popen([guanxi, "serve", "--port", "0", "--db", db],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        base = line.split(" on ")[1].split(" ")[0].rstrip("/")
        with urllib.request.urlopen(base + "/assets/cytoscape.min.js") as r:
            pass
    except urllib.error.HTTPError:
        server.terminate()
        skip("Cytoscape.js was not vendored (npm missing at build time)")
    browser = start_chromium(chromium, driver)
    wait = WebDriverWait(browser, 15)
    steps = Steps(browser, shots)
    check, shot = steps.check, steps.shot

    def fill(element_id, text):
        box = browser.find_element(By.ID, element_id)
        box.clear()
        box.send_keys(text)

    try:
        browser.get(base + "/")
        wait.until(lambda b: b.execute_script("return !!window.cy"))
        # 1. Search by pinyin.
        fill("search", "qianruoxi")
        browser.find_element(By.CSS_SELECTOR, "#search-form button").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#results li"))
        results = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#results li")]
        check(any("钱若溪" in r for r in results), f"search qianruoxi lists 钱若溪: {results}")
        shot("1-search")
        # 2. Open the card: its relations with evidence sentences.
        card = json.load(urllib.request.urlopen(base + "/api/entity/" +
                                                urllib.parse.quote("钱若溪")))
        next(li for li in browser.find_elements(By.CSS_SELECTOR, "#results li")
             if "钱若溪" in li.text).click()
        wait.until(lambda b: b.find_elements(By.ID, "card-title"))
        items = browser.find_elements(By.CSS_SELECTOR, "#card-relations li")
        check(len(items) == len(card["relations"]) and len(items) > 0,
              f"card shows every relation ({len(items)} of {len(card['relations'])})")
        check(all("「" in li.text for li in items), "each relation shows its sentence")
        # 3. Expanding the node drew its neighbours.
        neighbours = json.load(urllib.request.urlopen(
            base + "/api/neighbors?name=" + urllib.parse.quote("#" + str(card["id"]))))
        wait.until(lambda b: b.execute_script("return cy.nodes().length") > 1)
        drawn = browser.execute_script("return cy.nodes().map(n => n.data('entity'))")
        expected = {card["id"]} | {n["id"] for n in neighbours["neighbors"]}
        check(set(drawn) == expected, f"expanded node draws its neighbours: {sorted(drawn)}")
        timeline = json.load(urllib.request.urlopen(
            base + "/api/timeline?name=" + urllib.parse.quote("#" + str(card["id"]))))
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#timeline li"))
        shown = browser.find_elements(By.CSS_SELECTOR, "#timeline li")
        check(len(shown) == len(timeline["entries"]) and
              all(e["first_seen"] in li.text for li, e in zip(shown, timeline["entries"])),
              f"card shows the timeline in date order ({len(shown)} entries)")
        shot("2-card-and-expand")
        # Full-text search of the evidence; a hit's entity opens its card.
        grep = json.load(urllib.request.urlopen(base + "/api/grep?q=" + urllib.parse.quote("签约仪式")))
        fill("grep", "签约仪式")
        browser.find_element(By.CSS_SELECTOR, "#grep-form button").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#grep-hits li"))
        hits = browser.find_elements(By.CSS_SELECTOR, "#grep-hits li")
        check(len(hits) == len(grep["hits"]) > 0 and
              all(h["sentence"] in li.text for li, h in zip(hits, grep["hits"])),
              f"grep lists every hit with its sentence ({len(hits)})")
        first = grep["hits"][0]["entities"][0]
        hits[0].find_element(By.CSS_SELECTOR, "a.entity").click()
        wait.until(lambda b: f"#{first['id']}" in b.find_element(By.ID, "detail").text)
        check(first["name"] in browser.find_element(By.ID, "card-title").text,
              f"a hit's entity opens its card ({first['name']})")
        shot("2b-grep")
        # 4. A path between two sample people, in hop order, each hop's evidence.
        path = json.load(urllib.request.urlopen(
            base + "/api/path?from=" + urllib.parse.quote("阿米尔·哈桑") + "&to=" +
            urllib.parse.quote("庞可欣")))
        fill("from", "阿米尔·哈桑")
        fill("to", "庞可欣")
        browser.find_element(By.CSS_SELECTOR, "#path-form button").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#hops li"))
        hops = browser.find_elements(By.CSS_SELECTOR, "#hops li")
        edges = path["paths"][0]["edges"]
        check(len(hops) == len(edges), f"path lists {len(hops)} hops of {len(edges)}")
        check(all(e["evidence"]["sentence"] in h.text for h, e in zip(hops, edges)),
              "every hop shows its sentence, in hop order")
        xs = browser.execute_script(
            "return arguments[0].map(id => cy.getElementById('n' + id).position().x)",
            [n["id"] for n in path["paths"][0]["nodes"]])
        check(xs == sorted(xs) and len(set(xs)) == len(xs), f"path drawn left to right: {xs}")
        shot("3-path")
        # 5. A date filter: the sample items are of March (no year printed),
        # so from April 1st of any year there is no connection.
        api_path = json.load(urllib.request.urlopen(
            base + "/api/path?from=" + urllib.parse.quote("阿米尔·哈桑") + "&to=" +
            urllib.parse.quote("庞可欣") + "&since=4-1"))
        check(api_path["paths"] == [], "the API agrees: no path from 4-1")
        fill("since", "4-1")
        browser.find_element(By.CSS_SELECTOR, "#path-form button").click()
        wait.until(lambda b: b.find_elements(By.ID, "no-path"))
        check(browser.execute_script("return cy.nodes().length") == 0,
              "a date range without items leaves no path")
        shot("4-date-filter")
        # A bad date is named in the status line.
        fill("since", "not a date")
        browser.find_element(By.CSS_SELECTOR, "#path-form button").click()
        wait.until(lambda b: b.find_element(By.ID, "status").text)
        check("since" in browser.find_element(By.ID, "status").text, "a bad date is named")
    finally:
        browser.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {shots}")
    sys.exit(1 if steps.failures else 0)


if __name__ == "__main__":
    main()
