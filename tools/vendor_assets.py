"""Write the chart libraries into the book's _static folder, so pages need no CDN.

vega, vega-lite and vega-embed come from vl-convert-python (a PyPI package):
its JavaScript bundle assigns ``window.vegaEmbed``, ``window.vega`` and
``window.vegaLite``. Jupyter Book adds every ``.js`` under ``_static`` to every
page, as a classic script; the bundle's top-level ``const``/``function``
names would then be globals that can clash with other scripts, so it is
wrapped in a function scope.

    python tools/vendor_assets.py _static/vendor/vega-bundle.js
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(target: str) -> int:
    import altair as alt
    import vl_convert

    # Match the Vega-Lite version Altair writes specs for (e.g. "v6.4.1" -> "6.4").
    vl_version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=vl_version)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = f"/* vega, vega-lite {vl_version} and vega-embed, bundled by vl-convert-python {vl_convert.__version__} (BSD-3-Clause licences). */\n"
    path.write_text(header + "(function () {\n" + bundle + "\n})();\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "_static/vendor/vega-bundle.js"))
