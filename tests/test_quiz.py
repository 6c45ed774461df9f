"""Quizzes: feedback for every choice with no kernel, right and wrong told apart three ways, and answer
positions balanced in every notebook's quiz."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from heavylegs.quiz import LETTERS, Choice, Question, Quiz

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def assert_balanced_positions(positions, where: str = "the quiz") -> None:
    """Fail unless the correct answers are spread over the letters.

    ``positions`` holds the letter of each question's correct choice (``Quiz.correct_positions()``). No
    letter may hold the correct answer in more than ceil(n/2) of n questions, and from three questions on
    they may not all be the same letter: a learner should not be able to score by always picking "B".
    """
    positions = list(positions)
    n = len(positions)
    if not n:
        return
    letter, count = Counter(positions).most_common(1)[0]
    limit = math.ceil(n / 2)
    assert count <= limit, (
        f"{where}: {letter} is the correct answer in {count} of {n} questions (at most {limit}); positions {positions}"
    )
    if n >= 3:
        assert len(set(positions)) > 1, f"{where}: every correct answer is {positions[0]}; positions {positions}"


def stored_quiz_positions(quiz_html: str) -> tuple[str, ...]:
    """The letters of the correct choices in a quiz's HTML output (as a notebook stores it)."""
    positions = []
    for question in re.findall(r'<section class="hl-quiz-question">(.*?)</section>', quiz_html, flags=re.DOTALL):
        kinds = re.findall(r'class="hl-quiz-feedback hl-quiz-feedback-(right|wrong)"', question)
        if kinds.count("right") != 1:
            raise ValueError("quiz output without one right-answer panel per question: stale output? re-execute the notebook")
        positions.append(LETTERS[kinds.index("right")])
    return tuple(positions)


def _stored_quizzes(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = []
    for cell in cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if 'class="hl-quiz"' in html:
                found.append(html)
    return found


def _quiz():
    return Quiz([Question("2 + 2?", [Choice("4", "Adding gives 4.", correct=True), Choice("5", "One too many.")])])


def test_quiz_html_gives_feedback_for_every_choice_without_scripts():
    html = _quiz()._repr_html_()
    assert "<script" not in html
    assert html.count("<details") == 2
    assert "Correct." in html and "Not quite." in html
    assert html == _quiz()._repr_html_()


def test_right_and_wrong_feedback_differ_in_word_icon_and_panel():
    html = _quiz()._repr_html_()
    right, wrong = re.findall(r'<p class="hl-quiz-feedback (hl-quiz-feedback-\w+)"><span class="hl-quiz-icon" aria-hidden="true">(.)</span> <strong class="hl-quiz-verdict">([^<]+)</strong>', html)
    assert right == ("hl-quiz-feedback-right", "✓", "Correct.")
    assert wrong == ("hl-quiz-feedback-wrong", "✗", "Not quite.")
    # The word, not the icon, is what a screen reader says.
    assert html.count('aria-hidden="true"') == 2


def test_correct_positions_are_the_letters_of_the_right_choices():
    quiz = Quiz([
        Question("q1", [Choice("a", "f"), Choice("b", "f", correct=True)]),
        Question("q2", [Choice("a", "f", correct=True), Choice("b", "f"), Choice("c", "f")]),
        Question("q3", [Choice("a", "f"), Choice("b", "f"), Choice("c", "f", correct=True)]),
    ])
    assert quiz.correct_positions() == ("B", "A", "C")
    assert stored_quiz_positions(quiz._repr_html_()) == ("B", "A", "C")


@pytest.mark.parametrize(
    "positions, ok",
    [
        (["A"], True),
        (["B", "B"], False),  # 2 of 2 > ceil(2/2) = 1
        (["A", "B"], True),
        (["B", "A", "C"], True),
        (["B", "B", "A"], True),  # ceil(3/2) = 2
        (["B", "B", "B"], False),
        (["B", "A", "B", "B"], False),  # 3 of 4 > 2
        (["B", "A", "B", "C"], True),
        (["C", "C", "C", "A", "B"], True),  # ceil(5/2) = 3
        (["C", "C", "C", "C", "B"], False),
    ],
)
def test_position_balance_check(positions, ok):
    if ok:
        assert_balanced_positions(positions)
    else:
        with pytest.raises(AssertionError):
            assert_balanced_positions(positions)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_every_notebook_quiz_has_balanced_answer_positions(notebook):
    for number, quiz_html in enumerate(_stored_quizzes(notebook), start=1):
        assert_balanced_positions(stored_quiz_positions(quiz_html), where=f"{notebook.name}, quiz {number}")


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
        ([Choice("a", "Right. Because.", correct=True), Choice("b", "g")], "starts with the verdict 'Right'"),
        ([Choice("a", "Correct: because.", correct=True), Choice("b", "g")], "starts with the verdict 'Correct'"),
        ([Choice("a", "f", correct=True), Choice("b", " not quite: too big.")], "starts with the verdict 'not quite'"),
        ([Choice("a", "f", correct=True), Choice("b", "Wrong way round.")], "starts with the verdict 'Wrong'"),
        ([Choice("a", "f", correct=True), Choice("b", "Incorrect, since g.")], "starts with the verdict 'Incorrect'"),
    ],
)
def test_bad_questions_are_rejected(choices, message):
    with pytest.raises(ValueError, match=message):
        Question("q", choices)


@pytest.mark.parametrize("feedback", ["Correctly loaded stores last longer.", "Rightly so: the model says 4.", "Wrongly blamed for soreness."])
def test_feedback_may_start_with_words_that_only_begin_like_a_verdict(feedback):
    Question("q", [Choice("a", feedback, correct=True), Choice("b", "g")])


# --- in the built book: the feedback panels in Chromium, light and dark ---

#: Contrast (WCAG 2.1) of each feedback panel's word and text against the panel, and the panel colours.
_FEEDBACK_COLOURS = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (c) => {
    const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  return [...document.querySelectorAll('.hl-quiz-feedback')].map((panel) => {
    const bg = getComputedStyle(panel).backgroundColor;
    return {
      kind: panel.classList.contains('hl-quiz-feedback-right') ? 'right' : 'wrong',
      background: rgb(bg),
      opaque: bg.startsWith('rgb('),
      backgroundLuminance: luminance(bg),
      textContrast: contrast(getComputedStyle(panel).color, bg),
      wordContrast: contrast(getComputedStyle(panel.querySelector('.hl-quiz-verdict')).color, bg),
      iconContrast: contrast(getComputedStyle(panel.querySelector('.hl-quiz-icon')).color, bg),
      visible: panel.getBoundingClientRect().height > 0,
      wrapperBackground: getComputedStyle(panel.closest('.hl-quiz').parentElement).backgroundColor,
    };
  });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_feedback_panels_in_the_book_are_tinted_readable_and_follow_the_theme(built_book, browser, book_server, mode):
    from conftest import PageVisit, book_pages

    page_with_quiz = next((p for p in book_pages(built_book) if 'class="hl-quiz"' in (built_book / p).read_text(encoding="utf-8")), None)
    assert page_with_quiz, "no page of the book shows a quiz"
    visit = PageVisit(browser, book_server, color_scheme=mode)
    try:
        page = visit.open(f"{book_server}/{page_with_quiz}")
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        # Today's markup (a stored notebook output may lag behind until the notebook is re-executed).
        page.evaluate("(html) => { document.querySelector('.hl-quiz').outerHTML = html; }", _quiz()._repr_html_())
        page.evaluate("document.querySelectorAll('.hl-quiz details').forEach((d) => { d.open = true; })")
        panels = page.evaluate(_FEEDBACK_COLOURS)
        assert {p["kind"] for p in panels} == {"right", "wrong"}
        for p in panels:
            assert p["visible"]
            assert p["opaque"], f"{mode}: a {p['kind']} panel has no background tint of its own"
            for part in ("textContrast", "wordContrast", "iconContrast"):
                assert p[part] >= 4.5, f"{mode}: {part} of a {p['kind']} panel is {p[part]:.2f}:1, below 4.5:1"
            red, green, _ = p["background"]
            if p["kind"] == "right":
                assert green > red, f"{mode}: the right-answer panel should be green-tinted, is rgb{tuple(p['background'])}"
            else:
                assert red > green, f"{mode}: the wrong-answer panel should be orange/red-tinted, is rgb{tuple(p['background'])}"
            if mode == "dark":
                assert p["backgroundLuminance"] < 0.1, f"a {p['kind']} panel is a light box in dark mode: rgb{tuple(p['background'])}"
                assert p["wrapperBackground"] in ("rgba(0, 0, 0, 0)", "transparent"), f"the quiz sits on a box in dark mode: {p['wrapperBackground']}"
        assert visit.errors == [], visit.errors
    finally:
        visit.close()
