#!/usr/bin/env python3
"""Measures built pages in headless Chromium, for the layout tests.

The site's Content-Security-Policy forbids inline scripts, so nothing is
added to the pages: the browser is driven from outside over the DevTools
protocol on a pipe (--remote-debugging-pipe: JSON messages ending in NUL on
file descriptors 3 and 4), with the Python standard library only.

Reads a job as JSON on stdin:
  {"pages": ["/tmp/site/index.html", ...], "widths": [360, 390], "media": "screen",
   "expression": "JavaScript returning a JSON-serialisable value",
   "fonts": ["css selector", ...], "fontDirs": ["/usr/share/fonts/truetype/liberation", ...]}
and prints one JSON object per page and width:
  {"page": ..., "width": ..., "value": <expression's value>, "fonts": {"selector": ["Font", ...]}}
"fonts" lists the platform fonts that rendered each selected element's text
(CSS.getPlatformFontsForNode), to see whether a line mixes fonts.
"""
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile


class Browser:
    def __init__(self, font_dirs=None):
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            raise SystemExit("chromium is not installed")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="congkhai-chromium-")

        def plumb():
            # The browser reads commands on fd 3 and writes answers on fd 4 (copied high first,
            # so that neither end is overwritten by the other's move).
            commands = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            answers = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        env = dict(os.environ)
        if font_dirs:
            # Only these fonts: a machine with exactly Debian's fonts-liberation (1.x) and nothing newer.
            conf = os.path.join(self.profile, "fonts.conf")
            with open(conf, "w") as f:
                f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                        + "".join(f"<dir>{d}</dir>" for d in font_dirs)
                        + f"<cachedir>{self.profile}/fontcache</cachedir>"
                        + '<include ignore_missing="yes">/etc/fonts/conf.d/30-metric-aliases.conf</include></fontconfig>')
            env["FONTCONFIG_FILE"] = conf
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--no-first-run", "--allow-file-access-from-files",
             "--hide-scrollbars", "about:blank"],
            close_fds=False, preexec_fn=plumb,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.out = os.fdopen(to_browser_w, "wb", buffering=0)
        self.inp = os.fdopen(from_browser_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def read_message(self):
        while b"\0" not in self.buffer:
            chunk = self.inp.read(65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self.read_message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise SystemExit(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method, session):
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                del self.events[i]
                return event
        while True:
            event = self.read_message()
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    job = json.load(sys.stdin)
    browser = Browser(job.get("fontDirs"))
    results = []
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Page.enable", session=session)
        browser.call("DOM.enable", session=session)
        browser.call("CSS.enable", session=session)
        browser.call("Emulation.setEmulatedMedia", {"media": job.get("media", "screen")}, session=session)
        for width in job.get("widths", [390]):
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True}, session=session)
            for page in job["pages"]:
                url = page if "://" in page else "file://" + os.path.abspath(page)
                browser.call("Page.navigate", {"url": url}, session=session)
                browser.wait_for("Page.loadEventFired", session)
                value = browser.call("Runtime.evaluate", {"expression": job.get("expression", "null"), "returnByValue": True},
                                     session=session).get("result", {}).get("value")
                fonts = {}
                if job.get("fonts"):
                    root = browser.call("DOM.getDocument", {"depth": 0}, session=session)["root"]["nodeId"]
                    for selector in job["fonts"]:
                        node = browser.call("DOM.querySelector", {"nodeId": root, "selector": selector}, session=session)["nodeId"]
                        used = set()
                        if node:
                            used.update(f["familyName"] for f in browser.call(
                                "CSS.getPlatformFontsForNode", {"nodeId": node}, session=session)["fonts"])
                        fonts[selector] = sorted(used)
                results.append({"page": page, "width": width, "value": value, "fonts": fonts})
    finally:
        browser.close()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
