"""A headless Chromium driven over the DevTools protocol on a pipe, for the browser tests.

No network port and no extra package: Chromium reads commands from file descriptor 3 and
writes replies to descriptor 4 (``--remote-debugging-pipe``), one JSON message per NUL byte.
The tests load a page, wait for its load event, ask the page which headings are visible after
layout (computed style and size, not the source), and take a screenshot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 60.0


def pad() -> str | None:
    """The Chromium to use: Debian's package, else one on PATH, else None."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, executable: str) -> None:
        self.profiel = tempfile.mkdtemp(prefix="avgctl-chromium-")
        lees_kind, schrijf_ouder = os.pipe()  # parent -> chromium (its fd 3)
        lees_ouder, schrijf_kind = os.pipe()  # chromium -> parent (its fd 4)
        # Out of the way of 3 and 4 first, so that placing one end cannot close the other.
        for naam in ("lees_kind", "schrijf_kind"):
            oud = locals()[naam]
            nieuw = fcntl.fcntl(oud, fcntl.F_DUPFD, 100)
            os.close(oud)
            if naam == "lees_kind":
                lees_kind = nieuw
            else:
                schrijf_kind = nieuw
        args = [executable, "--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                f"--user-data-dir={self.profiel}", "--remote-debugging-pipe",
                "--window-size=1280,900", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")

        def fds() -> None:
            os.dup2(lees_kind, 3)
            os.dup2(schrijf_kind, 4)

        self.proces = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=fds,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(lees_kind)
        os.close(schrijf_kind)
        self.schrijf = schrijf_ouder
        self.lees = lees_ouder
        self.buffer = b""
        self.volgnummer = 0
        self.events: list[dict[str, Any]] = []

    def _send(self, method: str, params: dict[str, Any] | None = None,
              session: str | None = None) -> int:
        self.volgnummer += 1
        bericht: dict[str, Any] = {"id": self.volgnummer, "method": method,
                                   "params": params or {}}
        if session:
            bericht["sessionId"] = session
        os.write(self.schrijf, json.dumps(bericht).encode() + b"\0")
        return self.volgnummer

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium antwoordt niet")
            chunk = os.read(self.lees, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium is gestopt")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(raw)
        return result

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        nummer = self._send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            bericht = self._next(deadline)
            if bericht.get("id") == nummer:
                if "error" in bericht:
                    raise RuntimeError(f"{method}: {bericht['error']}")
                result: dict[str, Any] = bericht.get("result", {})
                return result
            self.events.append(bericht)

    def wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                del self.events[index]
                return
        while True:
            event = self._next(deadline)
            if event.get("method") == method and event.get("sessionId") == session:
                return
            self.events.append(event)

    def open(self, url: str) -> str:
        """A new tab with ``url`` loaded; returns the session to talk to it."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.call("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(self, session: str, target: Path) -> None:
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        target.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._send("Browser.close")
            self.proces.wait(timeout=10)
        except Exception:
            self.proces.kill()
            self.proces.wait()
        finally:
            os.close(self.schrijf)
            os.close(self.lees)
            shutil.rmtree(self.profiel, ignore_errors=True)


# Headings that a reader can see: rendered with a size, not hidden by CSS, inside the viewport's
# document flow (scrolled to, so lazy layout cannot hide them).
ZICHTBARE_KOPPEN = """
(() => Array.from(document.querySelectorAll('h1, h2, h3')).map(h => {
  h.scrollIntoView();
  const style = getComputedStyle(h);
  const box = h.getBoundingClientRect();
  const visible = style.display !== 'none' && style.visibility === 'visible'
    && parseFloat(style.opacity) > 0 && box.width > 0 && box.height > 0
    && h.closest('[hidden]') === null;
  return {level: h.tagName, text: h.textContent.trim(), visible: visible};
}))()
"""
