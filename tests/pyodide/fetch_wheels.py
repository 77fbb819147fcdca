"""Download the wheels cardsdealt's core needs under Pyodide into tests/pyodide/.cache
(run by .ci/run; Pyodide in Node.js cannot reach PyPI or its own CDN from here, pip can).

    python tests/pyodide/fetch_wheels.py

The versions are the ones installed beside this Python (the ones the tests use), so the
browser run and the desktop run test the same libraries. PyYAML and fontTools come as this
machine's wheels: core_check.py leaves their compiled parts out, as a browser would have
to, and they run in pure Python.
"""

import subprocess
import sys
from importlib import metadata
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
NEEDED = ["PyYAML", "platformdirs", "fpdf2", "fonttools", "defusedxml", "filelock"]


def main() -> int:
    CACHE.mkdir(exist_ok=True)
    pins = [f"{name}=={metadata.version(name)}" for name in NEEDED]
    have = {p.name.split("-")[0].lower().replace("_", "-") + "==" + p.name.split("-")[1]
            for p in CACHE.glob("*.whl")}
    if all(pin.lower().replace("_", "-") in have for pin in pins):
        return 0
    return subprocess.call([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--only-binary", ":all:", "--dest", str(CACHE), *pins])


if __name__ == "__main__":
    sys.exit(main())
