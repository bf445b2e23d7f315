#!/usr/bin/env python3
"""Draws docs/images/deadline-sweep.svg from three sweeps of the shipped NATO-Russia scenario.

Run from the repository root, after building the CLI (README):

    for v in russian-drafts us-nato-reply ten-point; do
      negotiate sweep scenarios/nato-russia-2022.yaml --variant $v -p protocol.deadline=8:12:1 --runs 10000 --seed 1 \
        --json -q > /tmp/sweep-$v.json
    done
    python3 docs/images/deadline-sweep.py /tmp/sweep-russian-drafts.json /tmp/sweep-us-nato-reply.json \
        /tmp/sweep-ten-point.json > docs/images/deadline-sweep.svg
    chromium --headless --screenshot=docs/images/deadline-sweep.png --window-size=1000,560 docs/images/deadline-sweep.svg

The dashed "before" curves are the complete-information engine with a known deadline (the same sweeps on the engine as
it was before private information); that engine no longer exists, so its figures are kept here.
"""
import json
import sys

WIDTH, HEIGHT = 1000, 560
LEFT, RIGHT, TOP, BOTTOM = 80, 970, 70, 360
TOP_RATE = 0.20
DEADLINES = [8, 9, 10, 11, 12]

# Complete information, known deadline, 10,000 runs per point, seed 1: (estimate, 95% low, 95% high), read back from
# the chart drawn on 4 Dec 2026 from sweeps of the engine as it was before private information (to 0.01 point).
BEFORE = [
    ("Complete information, known deadline (before): Russia's drafts = US/NATO reply", "#d62728",
     [(0.1781, 0.1708, 0.1857), (0.0584, 0.0540, 0.0632), (0.0201, 0.0175, 0.0230),
      (0.1373, 0.1307, 0.1442), (0.0728, 0.0679, 0.0781)]),
    ("Complete information, known deadline (before): ten-point", "#ff7f0e",
     [(0.1366, 0.1300, 0.1434), (0.0186, 0.0161, 0.0214), (0.0117, 0.0098, 0.0140),
      (0.1038, 0.0980, 0.1099), (0.0335, 0.0301, 0.0372)]),
]

NAMES = {
    "russian-drafts": ("Private information (shipped): Russia's drafts", "#1f77b4"),
    "us-nato-reply": ("Private information (shipped): US/NATO reply", "#2ca02c"),
    "ten-point": ("Private information (shipped): ten-point", "#9467bd"),
}


def x_of(i):
    return LEFT + (RIGHT - LEFT) * i / (len(DEADLINES) - 1)


def y_of(rate):
    return BOTTOM - (BOTTOM - TOP) * rate / TOP_RATE


def series(path):
    with open(path, encoding="utf-8") as f:
        sweep = json.load(f)
    points = sorted(sweep["points"], key=lambda p: p["values"]["protocol.deadline"])
    got = [p["values"]["protocol.deadline"] for p in points]
    if got != DEADLINES:
        sys.exit(f"{path}: expected deadlines {DEADLINES}, got {got}")
    rates = []
    for p in points:
        figure = next(f for f in p["figures"] if f["id"] == "agreement_rate")
        rates.append((figure["estimate"], figure["ciLow"], figure["ciHigh"]))
    return sweep["variant"]["id"], sweep["runs"], rates


def draw(out, label, colour, rates, dashed, legend_y):
    dash = "6,4" if dashed else "none"
    upper = " ".join(f"{x_of(i):.1f},{y_of(hi):.1f}" for i, (_, _, hi) in enumerate(rates))
    lower = " ".join(f"{x_of(i):.1f},{y_of(lo):.1f}" for i, (_, lo, _) in reversed(list(enumerate(rates))))
    out.append(f'<polygon points="{upper} {lower}" fill="{colour}" opacity="0.15"/>')
    line = " ".join(f"{x_of(i):.1f},{y_of(r):.1f}" for i, (r, _, _) in enumerate(rates))
    out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>')
    for i, (r, _, _) in enumerate(rates):
        out.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(r):.1f}" r="3.5" fill="{colour}"/>')
    out.append(f'<line x1="80" x2="120" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" stroke-width="2.5" '
               f'stroke-dasharray="{dash}"/><text x="130" y="{legend_y + 4}">{label}</text>')


def main(paths):
    runs = None
    private = []
    for path in paths:
        variant, n, rates = series(path)
        runs = n if runs is None else runs
        if n != runs or variant not in NAMES:
            sys.exit(f"{path}: variant {variant!r} with {n} runs is not one of the three sweeps of the same size")
        private.append((variant, rates))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="13">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
           f'<text x="500.0" y="28" text-anchor="middle" font-size="18" font-weight="bold">NATO–Russia: agreement rate '
           f'by deadline (rounds), {runs:,} runs per point, seed 1</text>',
           '<text x="500.0" y="50" text-anchor="middle" fill="#444">Bands: 95% Wilson intervals. Before: whoever '
           'proposes in the known last round decides; now the end is uncertain.</text>']
    for step in range(11):
        rate = step * 0.02
        y = y_of(rate)
        out.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="72" y="{y + 4:.1f}" text-anchor="end">{round(rate * 100)}%</text>')
    for i, d in enumerate(DEADLINES):
        out.append(f'<line x1="{x_of(i):.1f}" x2="{x_of(i):.1f}" y1="{TOP}" y2="{BOTTOM}" stroke="#eee"/>'
                   f'<text x="{x_of(i):.1f}" y="380" text-anchor="middle">{d}</text>')
    out.append('<text x="525.0" y="402" text-anchor="middle">deadline (protocol.deadline; weeks from 17 Dec 2021)</text>')
    out.append('<text transform="translate(22,215.0) rotate(-90)" text-anchor="middle">agreement rate</text>')
    legend_y = 426
    for variant, rates in private:
        label, colour = NAMES[variant]
        draw(out, label, colour, rates, dashed=False, legend_y=legend_y)
        legend_y += 22
    for label, colour, rates in BEFORE:
        draw(out, label, colour, rates, dashed=True, legend_y=legend_y)
        legend_y += 22
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1:])
