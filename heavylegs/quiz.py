"""Self-check quizzes that give feedback with no kernel and no JavaScript.

Each choice is an HTML ``<details>`` element: opening it reveals whether it is
right and why. That works the same in the static book, in JupyterLab (trusted
or not), on Colab and on a phone, and the output is identical on every run, so
stored notebook outputs can be compared exactly.

Right and wrong feedback differ in three ways, so that no one depends on colour
alone: a word ("Correct." or "Not quite.", which carries the meaning), an icon
(✓ or ✗, hidden from screen readers, which read the word) and, in the book, a
green- or orange-tinted panel (``_static/heavylegs-quiz.css``, light and dark).
The quiz writes the verdict itself, so a choice's feedback must not start with
one ("Right. ..." would read "Correct. Right. ...").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


#: Choice labels; a question has at most this many choices.
LETTERS = "ABCDEFGH"

#: (class suffix, icon, verdict word) shown before the feedback of a right and of a wrong choice.
RIGHT = ("right", "✓", "Correct.")
WRONG = ("wrong", "✗", "Not quite.")

#: Feedback may not open with a verdict of its own: the quiz already shows one.
_VERDICT_AT_START = re.compile(r"\s*(right|correct|not quite|wrong|incorrect)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """One answer to a question, with the feedback a learner sees on choosing it."""

    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    prompt: str
    choices: tuple[Choice, ...] | list[Choice]

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", tuple(self.choices))
        if not 2 <= len(self.choices) <= len(LETTERS):
            raise ValueError(f"question {self.prompt!r}: needs between 2 and {len(LETTERS)} choices, has {len(self.choices)}")
        right = sum(c.correct for c in self.choices)
        if right != 1:
            raise ValueError(f"question {self.prompt!r}: needs exactly one correct choice, has {right}")
        for c in self.choices:
            if not c.feedback.strip():
                raise ValueError(f"question {self.prompt!r}: choice {c.text!r} has no feedback")
            verdict = _VERDICT_AT_START.match(c.feedback)
            if verdict:
                raise ValueError(
                    f"question {self.prompt!r}: the feedback of choice {c.text!r} starts with the verdict "
                    f"{verdict.group(1)!r}; the quiz already shows {RIGHT[2]!r} or {WRONG[2]!r} before it, "
                    "so start with the reason instead"
                )

    @property
    def correct_letter(self) -> str:
        """The letter (A, B, …) of the correct choice."""
        return next(letter for letter, c in zip(LETTERS, self.choices) if c.correct)


@dataclass(frozen=True)
class Quiz:
    """A list of multiple-choice questions, shown as HTML."""

    questions: tuple[Question, ...] | list[Question]

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        if not self.questions:
            raise ValueError("a quiz needs at least one question")

    def correct_positions(self) -> tuple[str, ...]:
        """The letter of each question's correct choice, in order, e.g. ``("B", "D", "A")``."""
        return tuple(question.correct_letter for question in self.questions)

    def _repr_html_(self) -> str:
        parts = ['<div class="hl-quiz">']
        for number, question in enumerate(self.questions, start=1):
            parts.append('<section class="hl-quiz-question">')
            parts.append(f"<p><strong>Question {number}.</strong> {html.escape(question.prompt)}</p>")
            for letter, choice in zip(LETTERS, question.choices):
                kind, icon, verdict = RIGHT if choice.correct else WRONG
                parts.append(
                    f'<details class="hl-quiz-choice"><summary>{letter}. {html.escape(choice.text)}</summary>'
                    f'<p class="hl-quiz-feedback hl-quiz-feedback-{kind}">'
                    f'<span class="hl-quiz-icon" aria-hidden="true">{icon}</span> '
                    f'<strong class="hl-quiz-verdict">{verdict}</strong> {html.escape(choice.feedback)}</p></details>'
                )
            parts.append("</section>")
        parts.append("</div>")
        return "\n".join(parts)

    def __repr__(self) -> str:
        lines = []
        for number, question in enumerate(self.questions, start=1):
            lines.append(f"Question {number}. {question.prompt}")
            lines.extend(f"  {letter}. {c.text}" for letter, c in zip(LETTERS, question.choices))
        return "\n".join(lines)
