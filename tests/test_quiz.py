from __future__ import annotations

import pytest

from heavylegs.quiz import Choice, Question, Quiz


def _quiz():
    return Quiz([Question("2 + 2?", [Choice("4", "Adding gives 4.", correct=True), Choice("5", "One too many.")])])


def test_quiz_html_gives_feedback_for_every_choice_without_scripts():
    html = _quiz()._repr_html_()
    assert "<script" not in html
    assert html.count("<details") == 2
    assert "Correct." in html and "Not quite." in html
    assert html == _quiz()._repr_html_()


def test_quiz_escapes_text():
    quiz = Quiz([Question("a < b?", [Choice("<b>x</b>", "f", correct=True), Choice("y", "g")])])
    assert "&lt;b&gt;x&lt;/b&gt;" in quiz._repr_html_()


@pytest.mark.parametrize(
    "choices, message",
    [
        ([Choice("a", "f"), Choice("b", "g")], "exactly one correct"),
        ([Choice("a", "f", correct=True), Choice("b", "g", correct=True)], "exactly one correct"),
        ([Choice("a", "f", correct=True)], "between 2 and 8 choices"),
        ([Choice("a", "f", correct=True)] + [Choice(str(i), "g") for i in range(8)], "between 2 and 8 choices"),
        ([Choice("a", "f", correct=True), Choice("b", " ")], "no feedback"),
    ],
)
def test_bad_questions_are_rejected(choices, message):
    with pytest.raises(ValueError, match=message):
        Question("q", choices)
