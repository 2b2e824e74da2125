"""A small driver of headless Chromium over the DevTools protocol, for tests that click in a page.

Starts Debian's ``chromium`` with a throw-away profile, the network cut (DNS resolves nothing and
the page is put offline), and talks to it over one WebSocket (websocket-client). Every request the
page makes is recorded, so a test can assert that nothing left the machine.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser() -> str | None:
    return next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)


class Page:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, width: int = 1500, height: int = 1000):
        self.size = (width, height)
        self.requests: list[str] = []
        self._ids = itertools.count(1)

    def __enter__(self) -> "Page":
        import websocket

        self._profile = tempfile.mkdtemp(prefix="vc-chromium-")
        self._proc = subprocess.Popen(
            [browser(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={self._profile}",
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={self.size[0]},{self.size[1]}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            target = next(t for t in json.load(reply) if t["type"] == "page")
        self._ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        for method, params in (("Page.enable", {}), ("Network.enable", {}),
                               ("Network.emulateNetworkConditions", {"offline": True, "latency": 0,
                                                                     "downloadThroughput": 0, "uploadThroughput": 0})):
            self.call(method, **params)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._ws.close()
        finally:
            self._proc.kill()
            self._proc.wait(timeout=10)
            shutil.rmtree(self._profile, ignore_errors=True)

    def _port(self) -> int:
        marker = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if marker.is_file() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            time.sleep(0.05)
        raise RuntimeError("Chromium did not open its DevTools port in 30 s")

    def call(self, method: str, **params) -> dict:
        """Send one command and return its result, recording the events that arrive meanwhile."""
        ident = next(self._ids)
        self._ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict) -> None:
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        if message.get("method") == "Page.loadEventFired":
            self._loaded = True

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self._loaded = False
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while not self._loaded and time.monotonic() < deadline:
            self._event(json.loads(self._ws.recv()))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        """A real mouse click (pressed and released) at viewport point (x, y)."""
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
