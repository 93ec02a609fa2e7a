"""docs/benchmarks.rst is what benchmarks/render_docs.py makes of the committed results."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


def test_committed_page_is_rendered_from_the_committed_results() -> None:
    sys.path.insert(0, str(BENCHMARKS))  # render_docs imports mkbench from its directory
    try:
        spec = importlib.util.spec_from_file_location("render_docs", BENCHMARKS / "render_docs.py")
        assert spec is not None and spec.loader is not None
        render_docs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(render_docs)
        page = render_docs.render(
            render_docs.load(BENCHMARKS / "results"), ROOT / "docs" / render_docs.STATIC
        )
    finally:
        sys.path.remove(str(BENCHMARKS))
    committed = (ROOT / "docs" / "benchmarks.rst").read_text(encoding="utf-8")
    assert page == committed, "run: python benchmarks/render_docs.py"


def test_result_tables_carry_the_class_the_stylesheet_fits_to_the_page() -> None:
    page = (ROOT / "docs" / "benchmarks.rst").read_text(encoding="utf-8")
    css = (ROOT / "docs" / "_static" / "custom.css").read_text(encoding="utf-8")
    assert page.count(":class: bench\n") >= 1
    assert "table.bench" in css
