"""Replay the keys-only newcomer walk of the studio in a real window, and time it.

    python tools/studio_walk.py [--size 1920x1080] [--shots DIR] [--keep]

What a youth worker who never used the program does, with the keyboard only: the start
screen → "Make or change a deck" → "Make a new journey" → name it → "Add a card" → a name,
words and two choices, each with what happens next → a drawing made with the keyboard pen →
"Play it now" → play the card → back to the studio → "Share this deck".

It starts its own X server (Xvfb, and openbox when there is one) at `--size`, a fresh empty
home (HOME and the XDG folders in a temporary folder: the person's real files are never
touched), runs `cardsdealt` from this Python, and types with xdotool (`--delay 60`). Each
stage is checked on disk, not assumed: the card's words in cards/cards.yaml, the drawing in
images/, the shared zip in Documents/cardsdealt. It prints the wall clock of each stage, the
steps (keys, not letters), the letters typed, and an estimate for a person at 2 s a step and
1.5 letters a second (xdotool types far faster than a person). Exit status 1 if a stage's
check fails.

Needs Xvfb and xdotool (apt: xvfb xdotool; openbox and imagemagick's `import` for
`--shots`). Not part of the test suite: it takes about a minute and a real X server.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DECK = "Our first week"
STEP_S, LETTERS_PER_S = 2.0, 1.5  # a person: one key press, and typing speed

# Each stage: (name, actions). An action is ("key", "Tab"), ("type", "words"), ("wait", s).
# The start screen lists every shipped deck once per way it is played, then "Make or change
# a deck": `downs` presses reach it (worked out from the shipped decks, as a person would see).


def stages(downs: int) -> list[tuple[str, list[tuple[str, str]]]]:
    k = lambda *names: [("key", n) for n in names]  # noqa: E731
    t = lambda words: [("type", words)]  # noqa: E731
    first_card = (
        k(*["Down"] * downs, "Return") + [("wait", "1")] + k("Return")
        + t(DECK) + k("Return") + [("wait", "1")]  # Enter after the name makes the deck
        + k("Return") + t("First night") + k("Tab", "Tab")
        + t("I got here late and nobody knew my name.")
        + k("Tab", "Tab", "Return") + t("Sit with me and listen") + k("Tab")
        + t("I still could not sleep but I felt safer.") + k("Escape", "Tab", "Return")
        + t("Tell me the house rules") + k("Tab") + t("I nodded but I did not hear any of it.")
        + k("Escape"))
    pen = ["shift+Right"] * 3 + ["shift+Down"] * 3 + ["shift+Left"] * 3 + ["shift+Up"] * 3
    picture = (k("shift+Tab", "shift+Tab", "Return") + [("wait", "1")]
               + k("space", *pen, "space", "Tab", "Return") + [("wait", "1")])
    play = (k("Escape", *["shift+Tab"] * 5, "Return") + [("wait", "2")]
            + k("space") + [("wait", "1")] + k("1") + [("wait", "1")] + k("F5")
            + [("wait", "1")])
    # the end of "Play it now": its second button goes back to the deck's page, where the
    # marker is on Play it now; Share this deck is the next
    share = (k("Tab", "Return") + [("wait", "1")] + k("Tab", "Return") + [("wait", "2")])
    return [("first card", first_card), ("picture", picture), ("play", play),
            ("back to the studio and share", share)]


@dataclass
class Tally:
    keys: int = 0
    fields: int = 0
    letters: int = 0
    seconds: float = 0.0
    log: list[str] = field(default_factory=list)

    @property
    def estimate(self) -> float:
        return self.keys * STEP_S + self.letters / LETTERS_PER_S


def start_screen_downs() -> int:
    """Down presses from the first row of the start screen to "Make or change a deck" in an
    empty home: one row per shipped deck and way of playing it."""
    from cardsdealt.deck import DeckError, load_deck
    from cardsdealt.paths import shipped_decks

    rows = 0
    for path in shipped_decks():
        try:
            rows += len(load_deck(path).modes)
        except DeckError:
            rows += 1
    return rows


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise SystemExit("no free X display number")


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def wait_for(check, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return check()


def run(stage: list[tuple[str, str]], tally: Tally) -> None:
    t0 = time.monotonic()
    for kind, arg in stage:
        if kind == "key":
            xdo("key", "--delay", "60", arg)
            tally.keys += 1
            time.sleep(0.2)
        elif kind == "type":
            xdo("type", "--delay", "60", arg)
            tally.fields += 1
            tally.letters += len(arg)
            time.sleep(0.3)
        else:
            time.sleep(float(arg))
    tally.seconds += time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:  # noqa: C901 - one walk, start to end
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1920x1080", help="the X screen, e.g. 1280x720")
    ap.add_argument("--shots", default=None, help="folder for a screenshot after each stage")
    ap.add_argument("--keep", action="store_true", help="keep the temporary home")
    args = ap.parse_args(argv)
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            print(f"{tool} is not installed (apt install xvfb xdotool).", file=sys.stderr)
            return 2
    home = Path(tempfile.mkdtemp(prefix="studio-walk-"))
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_STATE_HOME=str(home / ".local/state"), SDL_AUDIODRIVER="dummy")
    for k in ("CARDSDEALT_DATA_DIR", "SDL_VIDEODRIVER"):
        env.pop(k, None)
    n = free_display()
    env["DISPLAY"] = os.environ["DISPLAY"] = f":{n}"
    procs: list[subprocess.Popen] = []
    failed: list[str] = []
    try:
        procs.append(subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{args.size}x24",
                                       "-nolisten", "tcp"], stderr=subprocess.DEVNULL))
        if not wait_for(lambda: Path(f"/tmp/.X11-unix/X{n}").exists(), 10):
            print("Xvfb did not start.", file=sys.stderr)
            return 2
        if shutil.which("openbox"):
            procs.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
            time.sleep(1)
        log = open(home / "cardsdealt.log", "w")  # noqa: SIM115 - closed with the home
        game = subprocess.Popen([sys.executable, "-m", "cardsdealt"], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        procs.append(game)
        window = ""
        if wait_for(lambda: game.poll() is not None or _window(game.pid), 60):
            window = _window(game.pid)
        if not window:
            print("The window did not open:\n" + _read(home / "cardsdealt.log"),
                  file=sys.stderr)
            return 2
        xdo("windowactivate", "--sync", window)
        time.sleep(1.5)  # the start screen lists the decks after its first frame
        geometry = subprocess.run(["xdotool", "getwindowgeometry", window],
                                  capture_output=True, text=True).stdout.split()[-1]

        deck = home / ".local/share/cardsdealt/decks" / DECK
        checks = {
            "first card": lambda: all(w in _read(deck / "cards" / "cards.yaml") for w in (
                "First night", "nobody knew my name", "Sit with me and listen",
                "felt safer", "Tell me the house rules", "did not hear any of it")),
            "picture": lambda: any((deck / "images").glob("*.png")),
            "play": lambda: True,  # seen on screen only (the shot), nothing to read on disk
            "back to the studio and share": lambda: (
                home / "Documents" / "cardsdealt" / f"{DECK}.zip").exists(),
        }
        tallies: list[tuple[str, Tally]] = []
        for i, (name, stage) in enumerate(stages(start_screen_downs())):
            tally = Tally()
            run(stage, tally)
            t0 = time.monotonic()
            ok = wait_for(checks[name], 5)  # a save lands within 2 s
            tally.seconds += time.monotonic() - t0 if ok else 0.0
            tallies.append((name, tally))
            if args.shots:
                Path(args.shots).mkdir(parents=True, exist_ok=True)
                subprocess.run(["import", "-window", "root",
                                str(Path(args.shots) / f"walk-{i + 1}.png")], check=False)
            if not ok:
                failed.append(name)
                break
        print(f"Keys-only studio walk, X screen {args.size}, window {geometry}")
        print(f"{'stage':32} {'keys':>5} {'fields':>6} {'letters':>7} {'xdotool s':>9} "
              f"{'person s':>8}")
        total = Tally()
        for name, t in tallies:
            print(f"{name:32} {t.keys:5} {t.fields:6} {t.letters:7} {t.seconds:9.1f} "
                  f"{t.estimate:8.0f}" + ("   FAILED" if name in failed else ""))
            total.keys += t.keys
            total.fields += t.fields
            total.letters += t.letters
            total.seconds += t.seconds
        print(f"{'whole walk':32} {total.keys:5} {total.fields:6} {total.letters:7} "
              f"{total.seconds:9.1f} {total.estimate:8.0f}")
        print(f"(person: {STEP_S:g} s a key press, {LETTERS_PER_S:g} letters a second; "
              "reading time not counted)")
        if failed:
            print(f"FAILED at: {failed[0]} (its check on disk did not hold)", file=sys.stderr)
        return 1 if failed else 0
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
        if args.keep:
            print(f"home kept: {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


def _window(pid: int) -> str:
    """The game's window id, once it is shown ("" before). By its process: without a window
    manager, `xdotool search --name` does not find SDL's window."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True)
    return found.stdout.split()[0] if found.stdout.split() else ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
