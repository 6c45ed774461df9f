"""The course's data package: this folder is installed as ``heavylegs.datasets`` (see pyproject.toml).

Load its files with :func:`heavylegs.data.load`; this module holds no code.
"""
