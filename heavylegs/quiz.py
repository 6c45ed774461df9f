"""Self-check quizzes that give feedback with no kernel and no JavaScript.

Each choice is an HTML ``<details>`` element: opening it reveals whether it is
right and why. That works the same in the static book, in JupyterLab (trusted
or not), on Colab and on a phone, and the output is identical on every run, so
stored notebook outputs can be compared exactly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


#: Choice labels; a question has at most this many choices.
LETTERS = "ABCDEFGH"


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


@dataclass(frozen=True)
class Quiz:
    """A list of multiple-choice questions, shown as HTML."""

    questions: tuple[Question, ...] | list[Question]

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        if not self.questions:
            raise ValueError("a quiz needs at least one question")

    def _repr_html_(self) -> str:
        parts = ['<div class="hl-quiz">']
        for number, question in enumerate(self.questions, start=1):
            parts.append('<section class="hl-quiz-question">')
            parts.append(f"<p><strong>Question {number}.</strong> {html.escape(question.prompt)}</p>")
            for letter, choice in zip(LETTERS, question.choices):
                verdict = "Correct." if choice.correct else "Not quite."
                parts.append(
                    f'<details class="hl-quiz-choice"><summary>{letter}. {html.escape(choice.text)}</summary>'
                    f'<p><strong>{verdict}</strong> {html.escape(choice.feedback)}</p></details>'
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
