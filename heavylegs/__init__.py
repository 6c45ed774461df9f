"""Heavy Legs: small, documented models behind the course chapters.

Each submodule holds pure functions whose docstrings give the units of every
parameter and cite the source of each equation.
"""
