"""The hands-up tally and the tie rule, without a window (cardsdealt.engine.tally)."""

from cardsdealt.engine.tally import MAX_COUNT, RoomChoice, Tally, hands, room_choice


def test_the_most_hands_is_the_rooms_choice():
    assert room_choice([1, 4, 2]) == RoomChoice(1)


def test_a_tie_names_every_choice_sharing_the_most_hands_and_takes_none():
    assert room_choice([3, 1, 3]) == RoomChoice(None, (0, 2))


def test_nobody_counted_is_no_choice_and_no_tie():
    assert room_choice([0, 0]) == RoomChoice(None, ())


def test_counting_one_hand_at_a_time_and_taking_it_back():
    t = Tally.empty(3)
    assert t.add(1) and t.add(1) and t.add(2)
    assert t.counts == [0, 2, 1] and t.total == 3 and t.votes() == [0, 2, 1]
    assert t.undo() and t.counts == [0, 2, 0]
    assert not t.add(3)  # no fourth choice: nothing changes
    assert t.counts == [0, 2, 0]


def test_no_counts_send_no_votes():
    t = Tally.empty(2)
    assert t.votes() is None and not t.undo()


def test_typing_a_count_choice_first_then_the_number_then_enter():
    t = Tally.empty(2)
    t.start_entry()
    for d in (2, 1, 2):  # C 2 1 2 Enter: choice 2 has 12 hands
        t.entry_digit(d)
    assert t.entry_words().startswith("Hands for choice 2: 12")
    t.entry_enter()
    assert t.counts == [0, 12] and not t.entering
    assert t.decide() == RoomChoice(1)


def test_backspace_while_typing_steps_back_and_finally_stops():
    t = Tally.empty(2)
    t.start_entry()
    t.entry_digit(1)
    t.entry_digit(5)
    t.entry_back()
    assert t.entry_choice == 0 and t.entry_digits == ""
    t.entry_back()
    assert t.entering and t.entry_choice is None
    t.entry_back()
    assert not t.entering and t.counts == [0, 0]


def test_a_typed_count_has_at_most_three_digits_and_a_ceiling():
    t = Tally.empty(1)
    t.start_entry()
    for d in (1, 9, 9, 9, 9):
        t.entry_digit(d)
    t.entry_enter()
    assert t.counts == [999] and t.counts[0] <= MAX_COUNT
    t.add(0, 5)
    assert t.counts == [MAX_COUNT]


def test_a_choice_number_out_of_range_is_not_taken_while_typing():
    t = Tally.empty(2)
    t.start_entry()
    t.entry_digit(7)
    assert t.entry_choice is None


def test_words_for_the_hints():
    t = Tally.empty(2)
    assert t.summary_words() == "No hands counted yet."
    t.add(0)
    assert t.summary_words() == "1 hand counted: 1 has 1, 2 has 0"
    assert hands(2) == "2 hands"
