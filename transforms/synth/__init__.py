"""Synthetic annual reports: random but arithmetically consistent truths, rendered in real-world shapes.

    from transforms.synth import generate, build_model, render, SHAPES
    for truth in generate(10, seed=1):
        text, suffix = render("crawler_glued", build_model(truth), random.Random(0))

`gongkai synth` (transforms.synth.cli) writes report files with their truth JSON side by side.
"""

from transforms.synth.generate import generate
from transforms.synth.report import build_model
from transforms.synth.shapes import SHAPES, render

__all__ = ["generate", "build_model", "render", "SHAPES"]
