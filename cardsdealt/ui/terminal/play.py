"""Play a deck in the terminal: plain lines in, plain lines out.

Works with a screen reader, over SSH, and with piped stdin (tests, scripted sessions): each
question is one line, the answer is one line, and the end of input stops the game politely.
`--autoplay` answers every question at random (seeded); `--json` prints every engine event
as one JSON line instead of words.
"""

from __future__ import annotations

import io
import json
import random
from typing import Callable, TextIO

from cardsdealt.deck.model import Deck
from cardsdealt.engine import Event, Game, GameError
from cardsdealt.session.text import typed
from cardsdealt.ui.terminal import render

HELP_KEYS = "u to undo, q to stop"


class _Stop(Exception):
    """The player typed q, or the input ended."""


class TerminalGame:
    def __init__(self, game: Game, stdin: TextIO, stdout: TextIO, autoplay: bool,
                 as_json: bool,
                 after_action: Callable[[Game, list[Event]], None] | None = None) -> None:
        self.game = game
        self.after_action = after_action
        self.stdin, self.stdout = stdin, stdout
        self.as_json = as_json
        self.auto = random.Random(game.seed) if autoplay else None

    # -- output --------------------------------------------------------------------------------
    def say(self, *lines: str) -> None:
        if not self.as_json:
            self.stdout.write("".join(line + "\n" for line in lines))
            self.stdout.flush()

    def show(self, events: list[Event]) -> None:
        for e in events:
            if self.as_json:
                self.stdout.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
            else:
                self.say(*render.event_lines(e, self.game))
        self.stdout.flush()

    def problem(self, message: str) -> None:
        if self.as_json:
            self.stdout.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
        else:
            self.say(message)

    def ask(self, question: str) -> str:
        """One line of input, without its newline. Raises _Stop on q or end of input."""
        self.say(question)
        line = self.stdin.readline()
        if line == "":
            raise _Stop("end of input")
        answer = typed(line.rstrip("\r\n"))  # a terminal in another encoding: still words
        if answer.strip().lower() in ("q", "quit"):
            raise _Stop("q")
        return answer

    # -- the game ---------------------------------------------------------------------------------
    def run(self) -> int:
        game = self.game
        self.say(*render.opening(game.deck, game))
        if game.mode == "journey" and not self.auto:
            self.say("To record a hands-up vote, type the choice, a colon and the votes for "
                     "each choice, e.g. 2: 3 5 1")
        resumed = bool(game.state.actions)
        if resumed:
            self.say("Carrying on a saved game.", *game.load_warnings)
        self.show(game.start_events)
        if resumed and not any(e.kind == "card_dealt" for e in game.start_events):
            self.show_table()
        stopped = False
        try:
            while not game.finished:
                self.step()
        except _Stop as why:
            stopped = True
            self.say("", "Stopped before the end." if str(why) == "q" else
                     "The input ended, so the game stops here.")
        self.say(*render.summary_lines(game.summary(), game.deck))
        self.say(*render.support_lines(game.deck))
        if stopped:
            self.say(f"To deal this game again, use --seed {game.seed}.")
        return 0

    def step(self) -> None:
        game = self.game
        if game.mode == "journey":
            if game.pending_reflection is not None:
                self.reflection()
            else:
                self.choice()
        elif game.discussing is not None:
            self.discussion()
        else:
            self.turn()

    def act(self, action) -> bool:
        try:
            events = action()
        except GameError as e:
            self.problem(e.message)
            return False
        self.show(events)
        if self.after_action is not None:
            self.after_action(self.game, events)
        return True

    def undo(self) -> None:
        if self.act(self.game.undo):
            self.show_table()

    def show_table(self) -> None:
        """Say where the game stands (after an undo, or when a saved game is resumed)."""
        game = self.game
        if game.mode == "journey" and game.pending_reflection is None and game.current_card:
            self.say(*render.card_lines(game.current_card, game.turn))
        elif game.pending_reflection is not None:
            self.say(f"Reflection: {game.pending_reflection.text}")
        elif game.discussing is not None:
            self.say(f"Still talking about: {game.discussing.title}")

    # -- journey --------------------------------------------------------------------------------
    def choice(self) -> None:
        n = len(self.game.choices)
        self.say(*render.choices_lines(self.game))
        if self.auto:
            pick = self.auto.randrange(n)
            self.act(lambda: self.game.choose(pick))
            return
        answer = self.ask(f"Type a number from 1 to {n} ({HELP_KEYS}).").strip()
        if answer.lower() == "u":
            return self.undo()
        parsed = _parse_choice(answer, n)
        if parsed is None:
            self.problem(f"Please type a number from 1 to {n}, u to undo or q to stop.")
            return
        i, votes = parsed
        self.act(lambda: self.game.choose(i, votes))

    def reflection(self) -> None:
        if self.auto:
            self.act(lambda: self.game.reflect(None))
            return
        answer = self.ask("Type your thoughts on one line and press Enter; an empty line "
                          f"skips ({HELP_KEYS}).")
        if answer.strip().lower() == "u":
            return self.undo()
        self.act(lambda: self.game.reflect(answer))

    # -- classic -----------------------------------------------------------------------------------
    def turn(self) -> None:
        game = self.game
        self.say(*render.hand_lines(game))
        hand = game.hands[game.player]
        playable = game.playable()
        if self.auto:
            if playable:
                card = self.auto.choice(playable)
                self.act(lambda: game.play(card.id))
            else:
                self.act(game.draw)
            return
        if playable:
            prompt = f"Type the number of a card that can be played ({HELP_KEYS})."
        else:
            prompt = f"No card matches. Press Enter to draw a card ({HELP_KEYS})."
        while True:  # ask again without reading the whole hand out again
            answer = self.ask(prompt).strip().lower()
            if answer == "u":
                return self.undo()
            if not playable and answer in ("", "d", "draw"):
                return self.act(game.draw)
            if answer.isdigit() and 1 <= int(answer) <= len(hand):
                card = hand[int(answer) - 1]
                return self.act(lambda c=card: game.play(c.id))
            self.problem(f"Please type a number from 1 to {len(hand)}, u to undo or q to stop.")

    def discussion(self) -> None:
        if self.auto:
            self.act(self.game.end_discussion)
            return
        answer = self.ask(f"Press Enter when the group has finished talking ({HELP_KEYS}).")
        if answer.strip().lower() == "u":
            return self.undo()
        self.act(self.game.end_discussion)


def _parse_choice(answer: str, n: int) -> tuple[int, list[int] | None] | None:
    """'2' -> (1, None); '2: 3 5 1' -> (1, [3, 5, 1]); anything else -> None."""
    head, _, tail = answer.partition(":")
    head = head.strip()
    if not head.isdigit() or not 1 <= int(head) <= n:
        return None
    votes = None
    if tail.strip():
        parts = tail.replace(",", " ").split()
        if len(parts) != n or not all(p.isdigit() for p in parts):
            return None
        votes = [int(p) for p in parts]
    return int(head) - 1, votes


def tolerant(stdin: TextIO) -> None:
    """Read bytes that are not UTF-8 as escapes (`typed` makes words of them), not a crash.
    Only possible before the first read of a real stream; a test's StringIO needs nothing."""
    reconfigure = getattr(stdin, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="surrogateescape")
        except (io.UnsupportedOperation, ValueError):
            pass


def run(deck: Deck, args, stdin: TextIO, stdout: TextIO, *, game: Game | None = None,
        after_action: Callable[[Game, list[Event]], None] | None = None) -> int:
    """Play `deck` in the terminal. `args` is the argparse Namespace of `cardsdealt play`.

    `game`: a resumed game to carry on (default: a new one from args.mode/players/seed).
    `after_action(game, events)`: called after every accepted action (e.g. an autosave).
    """
    if game is None:
        try:
            game = Game.new(deck, mode=getattr(args, "mode", None),
                            seed=getattr(args, "seed", None),
                            players=getattr(args, "players", None))
        except GameError as e:
            stdout.write(e.message + "\n")
            return 2
    tolerant(stdin)
    ui = TerminalGame(game, stdin, stdout, autoplay=bool(getattr(args, "autoplay", False)),
                      as_json=bool(getattr(args, "json", False)), after_action=after_action)
    return ui.run()
