"""Play a deck in the terminal: plain lines in, plain lines out.

Works with a screen reader, over SSH, and with piped stdin (tests, scripted sessions): each
question is one line, the answer is one line, and the end of input stops the game politely.
`--autoplay` answers every question at random (seeded); `--json` prints every engine event
as one JSON line instead of words.

Under a preset that counts hands (`--preset supervision`), a line of counts starting with a
colon (": 3 5 1") is the room's vote: the engine's tie rule (`engine/tally.py`) takes the
choice with the most hands, and a tie asks which of the tied choices the room takes.
"""

from __future__ import annotations

import io
import json
import random
from typing import Callable, TextIO

from cardsdealt.deck.model import Deck
from cardsdealt.deck.safetext import json_safe, printable
from cardsdealt.engine import Event, Game, GameError, presets
from cardsdealt.engine.tally import hands, room_choice
from cardsdealt.options import PlayOptions
from cardsdealt.session.text import typed
from cardsdealt.ui.terminal import render
from cardsdealt.ui.terminal.wrap import lines_for

HELP_KEYS = "u to undo, q to stop"


class _Stop(Exception):
    """The player typed q, or the input ended."""


class TerminalGame:
    def __init__(self, game: Game, stdin: TextIO, stdout: TextIO, autoplay: bool,
                 as_json: bool,
                 after_action: Callable[[Game, list[Event]], None] | None = None,
                 preset: str | None = None, resumed: bool | None = None) -> None:
        self.game = game
        # a saved game carried on (None: a game with moves in it was saved before)
        self.resumed = bool(game.state.actions) if resumed is None else resumed
        p = presets.get(preset)
        self.tallying = bool(p and p.tally) and game.mode == "journey"
        self.after_action = after_action
        self.stdin, self.stdout = stdin, stdout
        self.as_json = as_json
        self.auto = random.Random(game.seed) if autoplay else None
        self.kept: dict[str, str] = {}  # reflection answers an undo took back, by prompt id

    # -- output --------------------------------------------------------------------------------
    # Everything written goes through `printable`/`json_safe`: deck text, typed reflections
    # and saved answers never reach the terminal with escape codes in them.
    def say(self, *lines: str) -> None:
        if not self.as_json:
            self.stdout.write(lines_for(self.stdout, [printable(line) for line in lines]))
            self.stdout.flush()

    def show(self, events: list[Event]) -> None:
        for e in events:
            if self.as_json:
                self.stdout.write(json_safe(json.dumps(e.to_json(), ensure_ascii=False)) + "\n")
            else:
                self.say(*render.event_lines(e, self.game))
        self.stdout.flush()

    def problem(self, message: str) -> None:
        if self.as_json:
            self.stdout.write(json_safe(json.dumps({"error": message}, ensure_ascii=False))
                              + "\n")
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
        resumed = self.resumed
        if resumed:  # the introduction was read when the game began: not again
            self.say(*render.reopening(game.deck, game))
            self.say("Carrying on a saved game.", *game.load_warnings)
        else:
            self.say(*render.opening(game.deck, game))
        if self.tallying and not self.auto:  # only where the room votes (not on your own)
            self.say("Count the room's raised hands: type a colon and the hands for each "
                     "choice, e.g. : 3 5 1. The choice with the most hands is taken; a tie "
                     "asks which.")
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
        """u: a journey goes back to the card of the last choice (its reflections with it, the
        words kept for when the question comes back); the table game takes one step back."""
        if self.game.mode != "journey":
            if self.act(self.game.undo):
                self.show_table()
            return
        kept: dict[str, str] = {}

        def back() -> list[Event]:
            events, answers = self.game.undo_choice()
            kept.update(answers)
            return events

        if self.act(back):
            self.kept.update(kept)
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
        if self.tallying and answer.startswith(":"):
            return self.rooms_choice(answer, n)
        parsed = _parse_choice(answer, n)
        if parsed is None:
            self.problem(f"Please type a number from 1 to {n}, u to undo or q to stop.")
            return
        i, votes = parsed
        self.act(lambda: self.game.choose(i, votes))

    def rooms_choice(self, answer: str, n: int) -> None:
        """": 3 5 1": the hands for each choice; the tie rule decides, or asks on a tie."""
        parts = answer[1:].replace(",", " ").split()
        if len(parts) != n or not all(p.isdigit() for p in parts):
            self.problem(f"Please type a colon and {n} counts, one for each choice, "
                         f"e.g. : {' '.join(['2'] * n)}")
            return
        votes = [int(p) for p in parts]
        room = room_choice(votes)
        taken = room.taken
        if taken is not None:
            self.act(lambda: self.game.choose(taken, votes))
            return
        if not room.tied:
            self.problem("Nobody was counted. Type the hands for each choice, or a "
                         "choice's number.")
            return
        tied = [str(i + 1) for i in room.tied]
        self.say(f"A tie: {' and '.join(tied)} have {hands(votes[room.tied[0]])} each.")
        while True:
            pick = self.ask(f"Which does the room take? Type {' or '.join(tied)}.").strip()
            if pick in tied:
                chosen = int(pick) - 1
                self.act(lambda c=chosen: self.game.choose(c, votes))
                return
            self.problem(f"Please type {' or '.join(tied)}.")

    def reflection(self) -> None:
        if self.auto:
            self.act(lambda: self.game.reflect(None))
            return
        prompt = self.game.pending_reflection
        before = self.kept.pop(prompt.id, "") if prompt is not None else ""
        if before:
            self.say(f"Before, you wrote: {before}")
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
                self.act(game.draw)
                return
            if answer.isdigit() and 1 <= int(answer) <= len(hand):
                card = hand[int(answer) - 1]
                self.act(lambda c=card: game.play(c.id))
                return
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


def run(deck: Deck, args: PlayOptions | object, stdin: TextIO, stdout: TextIO, *,
        game: Game | None = None,
        after_action: Callable[[Game, list[Event]], None] | None = None,
        resumed: bool | None = None) -> int:
    """Play `deck` in the terminal, as `args` (PlayOptions, or a Namespace read as one) asks.

    `game`: a resumed game to carry on (default: a new one from args.mode/players/seed).
    `after_action(game, events)`: called after every accepted action (e.g. an autosave).
    `resumed`: `game` is a saved game carried on (the introduction is not read again).
    """
    opts = PlayOptions.of(args)
    if game is None:
        try:
            game = Game.new(deck, mode=presets.play_mode(opts.preset, deck, opts.mode),
                            seed=opts.seed, players=opts.players)
        except GameError as e:
            stdout.write(printable(e.message) + "\n")
            return 2
    tolerant(stdin)
    ui = TerminalGame(game, stdin, stdout, autoplay=opts.autoplay, as_json=opts.json,
                      after_action=after_action, preset=opts.preset, resumed=resumed)
    return ui.run()
