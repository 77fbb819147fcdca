"""Build everything a release ships, from a clean clone, with one command:

    python tools/release.py            # wheel, sdist, and a one-folder bundle for this machine
    python tools/release.py --no-bundle   # only the wheel and sdist
    python tools/release.py --measure     # launch to first screen: bundle vs installed

Needs the `release` extra (`pip install -e '.[release]'`: build, PyInstaller). Writes into
`dist/` (and works in `build/`):

- `cardsdealt-V-py3-none-any.whl` and `cardsdealt-V.tar.gz` (`pip install` / `pipx install`;
  the wheel is built from the sdist, so the sdist is known to be complete);
- `cardsdealt-V-PLATFORM.zip`: a PyInstaller ONE-FOLDER bundle (Python, pygame-ce with SDL,
  the libraries, fonts and decks) that runs with no Python installed. One folder, not one
  file: a one-file build unpacks itself into a temporary folder at every start (2-3 s here
  instead of under 1 s) and is what AppLocker rules and antivirus block most often. The
  folder carries NOTICES.txt: the licence of everything in it;
- `SHA256SUMS.txt`: the SHA-256 of each file above, in `sha256sum` format.

Then it runs the built program once (`--version`) and says what it made, with sizes.
The smoke tests of the built program are in tests/release/ (run by .ci/run).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
LICENCES = ROOT / "tools" / "licences"
APP_NAME = "Cards You're Dealt"  # the windowed program on Windows and macOS


def version() -> str:
    """The one version, from cardsdealt/__init__.py (pyproject.toml reads it from there)."""
    text = (ROOT / "cardsdealt" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def platform_tag() -> str:
    """linux-x86_64, windows-x64, macos-arm64, macos-x86_64, ..."""
    machine = platform.machine().lower()
    machine = {"amd64": "x64", "x86_64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    if system == "windows" and machine == "x86_64":
        machine = "x64"
    return f"{system}-{machine}"


def run(cmd: list[str], **kw) -> None:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


# -- wheel and sdist ------------------------------------------------------------------------
def build_dists() -> list[Path]:
    """sdist, then the wheel built from that sdist (python -m build's default)."""
    for old in DIST.glob("cardsdealt-*"):
        if old.suffix in (".whl", ".gz"):
            old.unlink()
    # no isolation: the release extra already installed setuptools, and CI need not fetch it
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(DIST), "."],
        stdout=subprocess.DEVNULL)
    v = version()
    made = [DIST / f"cardsdealt-{v}-py3-none-any.whl", DIST / f"cardsdealt-{v}.tar.gz"]
    for p in made:
        if not p.is_file():
            raise SystemExit(f"build did not make {p.name}")
    with zipfile.ZipFile(made[0]) as z:  # the fonts and decks travel in the wheel
        names = set(z.namelist())
    for must in ("cardsdealt/assets/fonts/OFL.txt", "cardsdealt/decks/kais-journey/deck.yaml"):
        if must not in names:
            raise SystemExit(f"the wheel lacks {must}")
    return made


# -- the one-folder bundle ------------------------------------------------------------------
SPEC = '''\
# Written by tools/release.py: do not edit, edit the template there.
import sys
from PyInstaller.utils.hooks import collect_submodules

ROOT = {root!r}
a = Analysis(
    [ROOT + "/cardsdealt/__main__.py"],
    pathex=[ROOT],
    datas=[(ROOT + "/assets", "cardsdealt/assets"), (ROOT + "/decks", "cardsdealt/decks")],
    # every subcommand imports its module when it runs (cli.py): collect them all
    hiddenimports=collect_submodules("cardsdealt"),
    # no tests, no toolkits it does not use. (ssl stays: fpdf2 imports urllib's HTTPS
    # handler when it loads, though cardsdealt never fetches anything.)
    excludes=["tkinter", "pygame.tests", "pygame.examples", "pygame.docs", "IPython",
              "pytest", "hypothesis", "numpy", "PyInstaller", "readline"],
    noarchive=False,
)
pyz = PYZ(a.pure)
exes = []
if sys.platform != "darwin":
    # the command (--version, check, play --text ...): a console program
    exes.append(EXE(pyz, a.scripts, [], exclude_binaries=True, name="cardsdealt",
                    console=True, upx=False))
if sys.platform in ("win32", "darwin"):
    # the one to double-click: no console window behind the card table
    exes.append(EXE(pyz, a.scripts, [], exclude_binaries=True,
                    name="cardsdealt" if sys.platform == "darwin" else {app!r},
                    console=False, upx=False))
coll = COLLECT(*exes, a.binaries, a.datas, name={folder!r}, upx=False)
if sys.platform == "darwin":
    app = BUNDLE(coll, name={app!r} + ".app", bundle_identifier="org.cardsdealt.app",
                 version={version!r})
'''


def build_bundle() -> Path:
    """PyInstaller one-folder build; returns the folder (or the .app on macOS)."""
    v = version()
    folder = f"cardsdealt-{v}"
    spec = BUILD / "cardsdealt.spec"
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(SPEC.format(root=str(ROOT).replace("\\", "/"), folder=folder, app=APP_NAME,
                                version=v),
                    encoding="utf-8")
    out = DIST / "bundle"
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(out), "--workpath", str(BUILD / "pyinstaller"), str(spec)])
    bundle = out / f"{APP_NAME}.app" if sys.platform == "darwin" else out / folder
    top = bundle / "Contents" / "Resources" if bundle.suffix == ".app" else bundle
    write_notices(top / "NOTICES.txt", bundle)
    return bundle


def program(bundle: Path) -> Path:
    """The console program inside a bundle folder."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "cardsdealt"
    return bundle / ("cardsdealt.exe" if sys.platform == "win32" else "cardsdealt")


def zip_bundle(bundle: Path) -> Path:
    """The folder as one zip (the folder itself at the top, so unzipping makes one folder)."""
    target = DIST / f"cardsdealt-{version()}-{platform_tag()}.zip"
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(bundle.rglob("*")):
            arc = Path(bundle.name) / path.relative_to(bundle)
            if path.is_symlink() and sys.platform == "darwin":
                info = zipfile.ZipInfo(str(arc))  # macOS .app frameworks keep their links
                info.external_attr = 0o120777 << 16
                z.writestr(info, os.readlink(path))
            elif path.is_file():
                z.write(path, arc)
    return target


# -- notices --------------------------------------------------------------------------------
def _runtime_dists() -> list[metadata.Distribution]:
    """cardsdealt's run-time dependencies and theirs (no extras), as installed here."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in metadata.requires("cardsdealt") or []]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _licence_name(dist: metadata.Distribution) -> str:
    md = dist.metadata
    name = md.get("License-Expression") or ""
    if not name and md.get("License") and len(md["License"]) < 80:
        name = md["License"]
    if not name:
        classifiers = [c.split(" :: ")[-1] for c in md.get_all("Classifier") or []
                       if c.startswith("License ::")]
        name = ", ".join(classifiers)
    return name or "see the licence text below"


def _licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    out = []
    for f in dist.files or []:
        low = f.name.lower()
        if any(k in low for k in ("licen", "copying", "notice", "copyright", "authors")) \
                and not low.endswith((".py", ".pyc", ".icc")):
            text = Path(dist.locate_file(f)).read_text(encoding="utf-8", errors="replace")
            out.append((str(f), text.strip()))
    return out


def _python_licence() -> str:
    base = Path(sys.base_prefix)
    ver = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for p in (base / "LICENSE.txt", base / "lib" / ver / "LICENSE.txt",
              base / "Lib" / "LICENSE.txt", Path("/usr/lib") / ver / "LICENSE.txt"):
        if p.is_file():
            return p.read_text(encoding="utf-8", errors="replace").strip()
    raise SystemExit("could not find Python's LICENSE.txt to put in the notices")


def _rule(title: str) -> str:
    return f"\n\n{'=' * 78}\n{title}\n{'=' * 78}\n\n"


# native libraries PyInstaller copies from the build machine's Python and C/C++ runtime
# (a library a wheel vendors has a hash in its name, and is covered above)
SYSTEM_LIBS = {
    "libpython": "PSF License (the Python section above)",
    "python3": "PSF License (the Python section above)",
    "libffi": "MIT (copyright Anthony Green, Red Hat, Inc. and others)",
    "libbz2": "bzip2 licence (BSD-style; copyright Julian R Seward)",
    "liblzma": "0BSD / public domain (XZ Utils)",
    "libz.": "zlib licence (Jean-loup Gailly and Mark Adler; text A in the SDL section)",
    "zlib": "zlib licence (Jean-loup Gailly and Mark Adler; text A in the SDL section)",
    "libuuid": "BSD-3-Clause (util-linux)",
    "libstdc++": "GPL-3.0 with the GCC Runtime Library Exception",
    "libgcc_s": "GPL-3.0 with the GCC Runtime Library Exception",
    "libtinfo": "MIT-style (ncurses)",
    "libexpat": "MIT (Expat)",
    "libsqlite": "public domain (SQLite)",
    "libmpdec": "BSD-2-Clause (libmpdec)",
    "vcruntime": "Microsoft Visual C++ runtime, redistributable with programs built with it",
    "msvcp": "Microsoft Visual C++ runtime, redistributable with programs built with it",
    "ucrtbase": "Microsoft Universal C runtime, redistributable",
    "api-ms-win": "Microsoft Universal C runtime, redistributable",
    "libcrypto": "Apache-2.0 (OpenSSL)",
    "libssl": "Apache-2.0 (OpenSSL)",
    "tcl": "Tcl/Tk licence (BSD-style)",
    "tk": "Tcl/Tk licence (BSD-style)",
}


def _system_libs(bundle: Path) -> str:
    lines = []
    for p in sorted(bundle.rglob("*")):
        name = p.name
        if not (p.is_file() and re.search(r"\.(so(\.\d+)*|dll|dylib)$", name)):
            continue
        if re.search(r"-[0-9a-f]{8}[.-]", name) or "pygame" in str(p) or ".libs" in str(p) \
                or "dylibs" in str(p):
            continue  # vendored by a wheel (pygame-ce, Pillow): covered above
        if p.parent.name in ("lib-dynload",) or name.endswith((".pyd",)) or \
                re.search(r"\.cpython-|\.abi3\.", name):
            continue  # Python's own modules: the PSF licence
        what = next((v for k, v in SYSTEM_LIBS.items() if name.lower().startswith(k)),
                    "part of the operating system's runtime or the Python build")
        lines.append(f"{name:<40} {what}")
    return "\n".join(lines) or "(none)"


def write_notices(target: Path, bundle: Path | None = None) -> Path:
    """One file with the licence of everything the bundle carries."""
    v = version()
    dists = _runtime_dists()
    parts = [textwrap.dedent(f"""\
        cardsdealt {v}: notices and licences
        ====================================

        This folder holds cardsdealt (The Cards You're Dealt) and everything it needs to run:
        the Python interpreter, the libraries below, pygame-ce with SDL and the libraries it
        carries, and the fonts and decks. Each is listed here with its licence. The program
        sends nothing over a network, has no accounts and keeps its files on this computer
        (see docs/installing.md in the source).

        Contents
        --------
        - cardsdealt {v}: GPL-3.0-or-later (the program); decks CC BY-NC-SA 4.0
        - Fonts: Atkinson Hyperlegible (SIL Open Font License 1.1); OpenDyslexic (see below)
        - Python {platform.python_version()}: PSF License (with the licences of the parts
          it includes)
        """)]
    for d in dists:
        parts.append(f"- {d.metadata['Name']} {d.version}: {_licence_name(d)}\n")
    parts.append("- SDL 2 and the libraries in pygame-ce's wheel: listed in their section\n"
                 "- PyInstaller's bootloader, which starts the program: GPL-2.0 with the "
                 "PyInstaller exception (it may be shipped with programs under any licence)\n")

    parts.append(_rule(f"cardsdealt {v}"))
    parts.append("Copyright the cardsdealt contributors. The program is free software under "
                 "the GNU General Public License, version 3 or (at your option) any later "
                 "version; its source is the sdist cardsdealt-" + v + ".tar.gz published with "
                 "this build. The shipped decks are CC BY-NC-SA 4.0; each deck's deck.yaml "
                 "names its authors.\n\n")
    parts.append((ROOT / "LICENSE").read_text(encoding="utf-8").strip())

    fonts = ROOT / "assets" / "fonts"
    parts.append(_rule("Fonts: Atkinson Hyperlegible (assets/fonts/OFL.txt)"))
    parts.append((fonts / "OFL.txt").read_text(encoding="utf-8", errors="replace").strip())
    parts.append(_rule("Fonts: OpenDyslexic (assets/fonts/OpenDyslexic-COPYRIGHT.txt)"))
    parts.append((fonts / "OpenDyslexic-COPYRIGHT.txt").read_text(
        encoding="utf-8", errors="replace").strip())

    parts.append(_rule(f"Python {platform.python_version()}"))
    parts.append(_python_licence())

    for d in dists:
        parts.append(_rule(f"{d.metadata['Name']} {d.version}: {_licence_name(d)}"))
        texts = _licence_texts(d)
        if d.metadata["Name"].lower() == "pygame-ce":
            # its wheel carries no licence files: ours are in tools/licences/
            texts = [("LGPL-2.1 (tools/licences/LGPL-2.1.txt)",
                      (LICENCES / "LGPL-2.1.txt").read_text(encoding="utf-8").strip())]
        for name, text in texts:
            parts.append(f"--- {name} ---\n\n{text}\n\n")
        if not texts:
            raise SystemExit(f"no licence text found for {d.metadata['Name']}")

    parts.append(_rule("SDL 2 and the libraries inside pygame-ce's wheel"))
    parts.append((LICENCES / "pygame-ce-libraries.txt").read_text(encoding="utf-8").strip())
    if bundle is not None:
        parts.append(_rule("Other native libraries in this folder (from the build machine)"))
        parts.append(_system_libs(bundle))
    pyi = metadata.distribution("pyinstaller")
    parts.append(_rule(f"PyInstaller {pyi.version} bootloader and run-time hooks"))
    parts += [text + "\n" for _, text in _licence_texts(pyi)]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(parts) + "\n", encoding="utf-8")
    return target


# -- checksums and report -------------------------------------------------------------------
def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_sums(files: list[Path]) -> Path:
    target = DIST / "SHA256SUMS.txt"
    target.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in files), encoding="utf-8")
    return target


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def first_frame_seconds(cmd: list[str], runs: int = 5) -> list[float]:
    """Seconds from starting `cmd` (the card table) to its first frame saved and the window
    closed (CARDSDEALT_FIRST_FRAME), under SDL's dummy driver, in an empty home each time."""
    import tempfile

    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "HOME": home, "XDG_DATA_HOME": f"{home}/d",
                   "XDG_CACHE_HOME": f"{home}/c", "XDG_CONFIG_HOME": f"{home}/f",
                   "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                   "CARDSDEALT_FIRST_FRAME": f"{home}/first.png"}
            t = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=home)
            times.append(time.perf_counter() - t)
            if not Path(home, "first.png").is_file():
                raise SystemExit(f"{cmd[0]} drew no first frame")
    return times


def measure() -> int:
    """Launch to the first screen: the built bundle against the installed program."""
    import shutil
    import statistics

    bundle = DIST / "bundle" / (f"{APP_NAME}.app" if sys.platform == "darwin"
                                else f"cardsdealt-{version()}")
    installed = shutil.which("cardsdealt", path=str(Path(sys.executable).parent))
    for name, cmd in (("bundle", [str(program(bundle))]), ("installed", [installed])):
        times = first_frame_seconds(cmd)
        print(f"{name:<10} first screen, median of 5: {statistics.median(times):.2f} s  "
              f"({', '.join(f'{t:.2f}' for t in times)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-bundle", action="store_true", help="only the wheel and the sdist")
    ap.add_argument("--measure", action="store_true",
                    help="only time the launch of the built bundle and the installed program")
    args = ap.parse_args(argv)
    if args.measure:
        return measure()
    t0 = time.perf_counter()
    DIST.mkdir(exist_ok=True)
    made = build_dists()
    print(f"wheel and sdist: {time.perf_counter() - t0:.0f} s", flush=True)
    if not args.no_bundle:
        t1 = time.perf_counter()
        bundle = build_bundle()
        out = subprocess.run([str(program(bundle)), "--version"], capture_output=True,
                             text=True, check=True).stdout.strip()
        if out != f"cardsdealt {version()}":
            raise SystemExit(f"the built program says {out!r}, not cardsdealt {version()}")
        archive = zip_bundle(bundle)
        made.append(archive)
        print(f"bundle: {time.perf_counter() - t1:.0f} s; {bundle.name}: "
              f"{folder_size(bundle) / 1e6:.0f} MB, zipped {archive.stat().st_size / 1e6:.0f} MB;"
              f" the program says {out!r}", flush=True)
    sums = write_sums(made)
    for p in [*made, sums]:
        print(f"  {p.relative_to(ROOT)}  ({p.stat().st_size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
