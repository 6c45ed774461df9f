"""The course's labs, one module per chapter; each function returns a live lab widget.

The lab mechanism itself (controls, static and live views) is :mod:`heavylegs.lab`.
"""
