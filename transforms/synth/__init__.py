"""Synthetic annual reports: random but arithmetically consistent truths, rendered in real-world shapes.

    from transforms.synth import generate, build_model, render, SHAPES
    for truth in generate(10, seed=1):
        text, suffix = render("crawler_glued", build_model(truth), random.Random(0))

`generate_panel` follows agencies over consecutive years instead (drifting figures, a few continuity breaks;
`scripts/demo.py` builds the demo warehouse from it). `gongkai synth` (transforms.synth.cli) writes report
files with their truth JSON side by side, at over 1,000 reports/s on two idle cores, the same bytes for the
same arguments.
"""

from transforms.synth.generate import generate, generate_panel
from transforms.synth.report import build_model
from transforms.synth.shapes import SHAPES, render

__all__ = ["generate", "generate_panel", "build_model", "render", "SHAPES"]
