"""The benchmark's machinery: scenarios, timing, memory, imports, reporting, charts.

Entry points are ``benchmarks/run.py`` and ``benchmarks/render_docs.py``; ``benchmarks/targets.py``
holds the targets.
"""
