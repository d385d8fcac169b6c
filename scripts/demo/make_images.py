#!/usr/bin/env python3
"""Draw Broadsheet's bundled demo illustrations as small SVG files.

Deterministic and standard library only: running it twice writes byte-identical files.

    python3 scripts/demo/make_images.py [public/content/images]

Hero and figure images are 1200x675 abstract editorial illustrations (flat shapes and
gradients, no text); author avatars are 256x256 circles with initials, one per author in
public/content/authors.json.
"""

import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "public", "content", "images")
AUTHORS = os.path.join(os.path.dirname(OUT.rstrip("/")), "authors.json")

W, H = 1200, 675

NAVY = "#1d2a44"
INK = "#141c2e"
RED = "#b3262e"
CREAM = "#f4efe6"
GOLD = "#d9a441"
SLATE = "#5b6b82"
STEEL = "#8796ab"
GREEN = "#4f7a52"
SKY = "#9cc3e0"


def grad(gid, top, bottom, vertical=True):
    coords = 'x1="0" y1="0" x2="0" y2="1"' if vertical else 'x1="0" y1="0" x2="1" y2="0"'
    return (f'<linearGradient id="{gid}" {coords}><stop offset="0" stop-color="{top}"/>'
            f'<stop offset="1" stop-color="{bottom}"/></linearGradient>')


def svg(body, defs=""):
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
            f'viewBox="0 0 {W} {H}">')
    if defs:
        head += f"<defs>{defs}</defs>"
    return head + body + "</svg>\n"


def sky(gid="s"):
    return f'<rect width="{W}" height="{H}" fill="url(#{gid})"/>'


def capitol_dome():
    cols = "".join(f'<rect x="{x}" y="386" width="14" height="44" fill="{CREAM}"/>'
                   for x in range(458, 750, 32))
    wing_cols = "".join(f'<rect x="{x}" y="452" width="16" height="96" fill="{CREAM}"/>'
                        for x in list(range(280, 430, 36)) + list(range(786, 936, 36)))
    body = (sky() +
            f'<circle cx="930" cy="150" r="60" fill="{GOLD}" opacity=".55"/>'
            f'<rect y="560" width="{W}" height="115" fill="{INK}"/>'
            f'<rect x="250" y="430" width="700" height="130" fill="{NAVY}"/>'
            f'<polygon points="240,430 600,392 960,430" fill="{NAVY}"/>'
            f'{wing_cols}'
            f'<rect x="440" y="376" width="320" height="58" fill="{NAVY}"/>{cols}'
            f'<path d="M452 380Q452 228 600 214Q748 228 748 380Z" fill="{NAVY}"/>'
            f'<path d="M500 380Q500 262 600 246" stroke="{STEEL}" stroke-width="6" fill="none"/>'
            f'<rect x="584" y="168" width="32" height="50" fill="{NAVY}"/>'
            f'<path d="M576 172Q600 140 624 172Z" fill="{NAVY}"/>'
            f'<rect x="598" y="96" width="4" height="50" fill="{NAVY}"/>'
            f'<path d="M602 98h44l-10 12 10 12h-44z" fill="{RED}"/>'
            f'<rect x="220" y="548" width="760" height="12" fill="{SLATE}"/>')
    return svg(body, grad("s", "#27406b", "#e9a46a"))


def skyline_dusk():
    rnd = random.Random(2)
    parts, x = [], 0
    while x < W:
        w = rnd.randint(50, 120)
        h = rnd.randint(150, 420)
        shade = rnd.choice([NAVY, INK, "#26355a"])
        parts.append(f'<rect x="{x}" y="{600 - h}" width="{w}" height="{h}" fill="{shade}"/>')
        if rnd.random() < 0.45:
            wx = x + 14
            while wx + 12 < x + w - 10:
                parts.append(f'<rect x="{wx}" y="{640 - h}" width="10" height="14" fill="{GOLD}" opacity=".8"/>')
                wx += 24
        x += w + rnd.randint(2, 10)
    body = (sky() + f'<circle cx="300" cy="210" r="80" fill="#f7d08a" opacity=".7"/>' +
            "".join(parts) + f'<rect y="600" width="{W}" height="75" fill="{INK}"/>')
    return svg(body, grad("s", "#3a2b58", "#f0936b"))


def target_rings():
    rings = ""
    for i, (r, c) in enumerate([(250, CREAM), (205, INK), (160, CREAM), (115, RED), (70, CREAM), (28, RED)]):
        rings += f'<circle cx="600" cy="338" r="{r}" fill="{c}"/>'
    body = (sky() + rings +
            f'<path d="M600 40V300M600 376V636M260 338H562M638 338H940" stroke="{GOLD}" stroke-width="4"/>'
            f'<circle cx="600" cy="338" r="290" fill="none" stroke="{GOLD}" stroke-width="4" stroke-dasharray="18 12"/>'
            f'<circle cx="585" cy="322" r="7" fill="{INK}"/><circle cx="631" cy="349" r="7" fill="{INK}"/>'
            f'<circle cx="604" cy="371" r="7" fill="{INK}"/>')
    return svg(body, grad("s", "#3d4f3a", "#1e2a1f"))


def bar_chart():
    bars, pts = "", []
    heights = [140, 190, 165, 230, 270, 250, 320, 365, 410]
    for i, h in enumerate(heights):
        x = 170 + i * 100
        bars += f'<rect x="{x}" y="{560 - h}" width="64" height="{h}" rx="4" fill="{SLATE if i < 8 else RED}"/>'
        pts.append(f"{x + 32},{530 - h}")
    grid = "".join(f'<path d="M130 {y}H1080" stroke="#c9d1dc" stroke-width="2"/>' for y in range(160, 560, 100))
    body = (f'<rect width="{W}" height="{H}" fill="{CREAM}"/>' + grid + bars +
            f'<path d="M130 100V560H1080" stroke="{NAVY}" stroke-width="6" fill="none"/>'
            f'<polyline points="{" ".join(pts)}" fill="none" stroke="{NAVY}" stroke-width="6" '
            f'stroke-linejoin="round"/>'
            + "".join(f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="9" fill="{GOLD}"/>' for p in pts))
    return svg(body)


def blob(cx, cy, r, n, seed, jitter=0.28):
    import math
    rnd = random.Random(seed)
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        rr = r * (1 + rnd.uniform(-jitter, jitter))
        pts.append(f"{cx + rr * math.cos(a):.0f},{cy + rr * 0.62 * math.sin(a):.0f}")
    return " ".join(pts)


def map_region():
    body = (sky() +
            f'<path d="M0 120H1200M0 240H1200M0 360H1200M0 480H1200M0 600H1200M150 0V675M350 0V675'
            f'M550 0V675M750 0V675M950 0V675" stroke="#ffffff" stroke-opacity=".12" stroke-width="2"/>'
            f'<polygon points="{blob(560, 330, 390, 22, 7)}" fill="{CREAM}"/>'
            f'<polygon points="{blob(1020, 560, 150, 12, 9)}" fill="#e4dccb"/>'
            f'<path d="M300 520C420 470 470 380 560 360S760 300 880 190" fill="none" stroke="{RED}" '
            f'stroke-width="6" stroke-dasharray="20 12"/>'
            f'<path d="M260 250C360 300 420 260 520 300S650 420 760 430" fill="none" stroke="{SKY}" stroke-width="8"/>'
            f'<circle cx="470" cy="330" r="14" fill="{NAVY}"/><circle cx="700" cy="250" r="10" fill="{NAVY}"/>'
            f'<circle cx="640" cy="450" r="10" fill="{NAVY}"/><circle cx="380" cy="420" r="10" fill="{NAVY}"/>')
    return svg(body, grad("s", "#2f5d80", "#1b3550"))


def ballot_box():
    stars = "".join(f'<path d="M{x} {y}l9 27h29l-23 17 9 27-24-17-24 17 9-27-23-17h29z" fill="{CREAM}" opacity=".25"/>'
                    for x, y in [(120, 90), (1040, 120), (180, 480), (1000, 470), (1090, 300)])
    body = (sky() + stars +
            f'<polygon points="380,300 820,300 900,240 460,240" fill="#e9e4da"/>'
            f'<rect x="380" y="300" width="440" height="300" fill="{CREAM}"/>'
            f'<polygon points="820,300 900,240 900,540 820,600" fill="#cfc7b8"/>'
            f'<polygon points="540,262 740,262 760,250 560,250" fill="{INK}"/>'
            f'<rect x="590" y="80" width="150" height="190" fill="#ffffff" transform="rotate(-8 665 175)"/>'
            f'<path d="M620 170l28 30 56-70" stroke="{RED}" stroke-width="14" fill="none" '
            f'stroke-linecap="round" transform="rotate(-8 665 175)"/>'
            f'<rect x="380" y="400" width="440" height="44" fill="{RED}"/>'
            f'<rect x="380" y="444" width="440" height="16" fill="{NAVY}"/>')
    return svg(body, grad("s", NAVY, "#33507d"))


def courthouse_columns():
    cols = "".join(f'<rect x="{x}" y="250" width="44" height="280" fill="{CREAM}"/>'
                   f'<rect x="{x - 8}" y="236" width="60" height="16" fill="{CREAM}"/>'
                   f'<rect x="{x - 8}" y="526" width="60" height="14" fill="{CREAM}"/>'
                   for x in range(262, 940, 112))
    steps = "".join(f'<rect x="{200 - i * 30}" y="{540 + i * 22}" width="{800 + i * 60}" height="22" '
                    f'fill="{"#e2dccf" if i % 2 else "#d3ccbd"}"/>' for i in range(5))
    body = (sky() +
            f'<polygon points="190,230 600,90 1010,230" fill="{CREAM}"/>'
            f'<polygon points="250,214 600,112 950,214" fill="{STEEL}"/>'
            f'<circle cx="600" cy="174" r="26" fill="{GOLD}"/>' + cols + steps)
    return svg(body, grad("s", "#2c3a57", "#6c7f9c"))


def wheat_field():
    rows = "".join(f'<path d="M-20 {400 + i * 48}Q600 {350 + i * 56} 1220 {410 + i * 44}V675H-20Z" '
                   f'fill="{c}"/>' for i, c in enumerate(["#c98f3b", "#d9a441", "#b87d2e", "#e0b35a", "#a86f26", "#cf9a45"]))
    body = (sky() + f'<circle cx="840" cy="300" r="120" fill="#fbe3a1"/>' + rows +
            f'<path d="M120 400V250M160 410V270M200 420V240" stroke="#8a5a1c" stroke-width="5"/>'
            + "".join(f'<ellipse cx="{x}" cy="{y}" rx="9" ry="22" fill="#8a5a1c"/>'
                      for x, y in [(120, 240), (160, 260), (200, 230)]))
    return svg(body, grad("s", "#f6b26b", "#fde9c4"))


def mountains_forest():
    rnd = random.Random(5)
    trees = ""
    for i in range(26):
        x = i * 48 + rnd.randint(-10, 10)
        h = rnd.randint(90, 170)
        trees += f'<polygon points="{x},{640 - h} {x - 28},640 {x + 28},640" fill="{INK}"/>'
    body = (sky() + f'<circle cx="860" cy="190" r="56" fill="#fde7b0"/>'
            f'<polygon points="0,470 200,250 360,410 560,190 760,420 930,280 1200,470 1200,675 0,675" fill="#5d6f86"/>'
            f'<polygon points="540,228 560,190 585,232 570,226 555,240" fill="{CREAM}"/>'
            f'<polygon points="0,540 260,380 480,520 700,360 960,520 1200,420 1200,675 0,675" fill="#3e5b4a"/>'
            + trees + f'<rect y="636" width="{W}" height="39" fill="{INK}"/>')
    return svg(body, grad("s", "#e8b07a", "#8fb3cf"))


def globe_grid():
    lines = "".join(f'<ellipse cx="600" cy="338" rx="{rx}" ry="250" fill="none" stroke="{CREAM}" '
                    f'stroke-opacity=".45" stroke-width="3"/>' for rx in (60, 130, 200))
    lines += "".join(f'<path d="M{600 - w} {y}H{600 + w}" stroke="{CREAM}" stroke-opacity=".45" stroke-width="3"/>'
                     for y, w in [(168, 183), (253, 235), (338, 250), (423, 235), (508, 183)])
    body = (sky() +
            f'<ellipse cx="600" cy="338" rx="420" ry="90" fill="none" stroke="{GOLD}" stroke-width="5" '
            f'transform="rotate(-14 600 338)"/>'
            f'<circle cx="600" cy="338" r="250" fill="#2f6c8f"/>'
            f'<polygon points="{blob(520, 280, 120, 11, 3)}" fill="{GREEN}"/>'
            f'<polygon points="{blob(690, 430, 90, 10, 4)}" fill="{GREEN}"/>' + lines +
            f'<circle cx="600" cy="338" r="250" fill="none" stroke="{CREAM}" stroke-width="5"/>'
            f'<circle cx="985" cy="240" r="12" fill="{GOLD}"/>')
    return svg(body, grad("s", INK, NAVY))


def power_lines():
    def pylon(x, s):
        return (f'<path d="M{x - 40 * s} 600L{x} {600 - 330 * s}L{x + 40 * s} 600M{x - 70 * s} {600 - 260 * s}'
                f'H{x + 70 * s}M{x - 55 * s} {600 - 200 * s}H{x + 55 * s}M{x - 30 * s} 600L{x + 20 * s} {600 - 200 * s}'
                f'M{x + 30 * s} 600L{x - 20 * s} {600 - 200 * s}" stroke="{INK}" stroke-width="{6 * s:.1f}" fill="none"/>')

    def turbine(x, y, s):
        return (f'<path d="M{x} {y}V600" stroke="{CREAM}" stroke-width="{8 * s:.0f}"/>'
                f'<path d="M{x} {y}L{x - 6} {y - 120 * s:.0f}L{x + 6} {y}ZM{x} {y}L{x + 110 * s:.0f} {y + 56 * s:.0f}'
                f'L{x + 2} {y + 8}ZM{x} {y}L{x - 106 * s:.0f} {y + 64 * s:.0f}L{x - 4} {y - 6}Z" fill="{CREAM}"/>')

    body = (sky() + turbine(860, 260, 1) + turbine(1040, 330, .7) + turbine(720, 360, .55) +
            f'<path d="M0 600H1200V675H0Z" fill="#34495e"/>' + pylon(180, 1) + pylon(480, .8) +
            f'<path d="M110 340Q330 420 416 392M250 340Q380 400 544 392M124 400Q330 470 436 440" '
            f'stroke="{INK}" stroke-width="3" fill="none"/>')
    return svg(body, grad("s", "#5fa4c9", "#d7ecf5"))


def schoolhouse():
    body = (sky() + f'<rect y="560" width="{W}" height="115" fill="{GREEN}"/>'
            f'<rect x="360" y="320" width="480" height="250" fill="{RED}"/>'
            f'<polygon points="330,330 600,170 870,330" fill="{NAVY}"/>'
            f'<rect x="560" y="110" width="80" height="120" fill="{CREAM}"/>'
            f'<polygon points="548,116 600,60 652,116" fill="{NAVY}"/>'
            f'<circle cx="600" cy="160" r="20" fill="{GOLD}"/>'
            f'<rect x="560" y="440" width="80" height="130" fill="{CREAM}"/>'
            + "".join(f'<rect x="{x}" y="380" width="70" height="80" fill="{CREAM}"/>'
                      f'<path d="M{x + 35} 380V460M{x} 420H{x + 70}" stroke="{RED}" stroke-width="5"/>'
                      for x in (400, 490, 640, 730))
            + f'<rect x="0" y="540" width="{W}" height="20" fill="#ffffff" opacity=".3"/>'
            f'<rect x="900" y="380" width="10" height="190" fill="{INK}"/>'
            f'<rect x="910" y="384" width="90" height="54" fill="{NAVY}"/>')
    return svg(body, grad("s", "#8cc4e8", "#e6f3fb"))


def newsprint_abstract():
    rnd = random.Random(11)
    lines = ""
    for col in range(3):
        x0 = 110 + col * 340
        for row in range(11):
            w = rnd.choice([260, 280, 300, 240])
            lines += f'<rect x="{x0}" y="{250 + row * 34}" width="{w}" height="12" rx="6" fill="{STEEL}" opacity=".5"/>'
    body = (f'<rect width="{W}" height="{H}" fill="{CREAM}"/>'
            f'<rect x="110" y="80" width="980" height="26" fill="{INK}"/>'
            f'<rect x="110" y="128" width="700" height="60" fill="{NAVY}"/>'
            f'<rect x="110" y="212" width="980" height="4" fill="{INK}"/>' + lines +
            f'<circle cx="930" cy="430" r="150" fill="{RED}"/>'
            f'<path d="M850 470q0-70 60-100l8 14q-34 20-34 50 34 0 34 36t-34 36-34-36zm100 0q0-70 60-100l8 14'
            f'q-34 20-34 50 34 0 34 36t-34 36-34-36z" fill="{CREAM}"/>')
    return svg(body)


def video_screen():
    body = (sky() +
            f'<rect x="200" y="90" width="800" height="450" rx="22" fill="{INK}"/>'
            f'<rect x="226" y="116" width="748" height="398" rx="8" fill="url(#t)"/>'
            f'<circle cx="600" cy="315" r="92" fill="{RED}"/>'
            f'<polygon points="570,262 570,368 662,315" fill="{CREAM}"/>'
            f'<rect x="270" y="480" width="660" height="8" rx="4" fill="{STEEL}"/>'
            f'<rect x="270" y="480" width="250" height="8" rx="4" fill="{GOLD}"/>'
            f'<circle cx="520" cy="484" r="12" fill="{GOLD}"/>'
            f'<rect x="540" y="540" width="120" height="50" fill="{INK}"/>'
            f'<rect x="440" y="590" width="320" height="18" rx="9" fill="{INK}"/>')
    return svg(body, grad("s", "#3b4d6e", "#1a2338") + grad("t", "#5676a6", "#27395c"))


def bridge_river():
    def arch_y(x):  # the quadratic arch from (180,440) through control (600,120) to (1020,440)
        t = (x - 180) / 840
        return round(440 - 640 * t * (1 - t))

    cables = "".join(f'<path d="M{x} {arch_y(x)}V420" stroke="{CREAM}" stroke-width="3"/>'
                     for x in range(250, 960, 50))
    waves = "".join(f'<path d="M{x} {y}q30-14 60 0t60 0" stroke="{CREAM}" stroke-opacity=".5" stroke-width="4" fill="none"/>'
                    for x, y in [(140, 520), (420, 560), (760, 530), (980, 590), (300, 620), (640, 610)])
    body = (sky() + f'<rect y="440" width="{W}" height="235" fill="#2c5e7a"/>' + waves +
            f'<path d="M0 420H1200V440H0Z" fill="{NAVY}"/>'
            f'<path d="M180 440Q600 120 1020 440" stroke="{RED}" stroke-width="18" fill="none"/>'
            + cables +
            f'<rect x="160" y="330" width="40" height="240" fill="{NAVY}"/>'
            f'<rect x="1000" y="330" width="40" height="240" fill="{NAVY}"/>'
            f'<polygon points="0,440 0,380 120,420 120,440" fill="{GREEN}"/>'
            f'<polygon points="1200,440 1200,370 1080,420 1080,440" fill="{GREEN}"/>')
    return svg(body, grad("s", "#f2c48f", "#9fc7dc"))


def harbor_cranes():
    colors = [RED, "#2f6c8f", GOLD, GREEN, SLATE, "#c4572f"]
    boxes = ""
    for row in range(4):
        for col in range(8):
            if (row + col * 3) % 7 == 6 and row == 3:
                continue
            c = colors[(row * 5 + col * 2) % len(colors)]
            boxes += f'<rect x="{520 + col * 82}" y="{520 - row * 46}" width="78" height="42" fill="{c}"/>'

    def crane(x, s):
        return (f'<path d="M{x} 560V{560 - 330 * s:.0f}M{x + 60 * s:.0f} 560V{560 - 330 * s:.0f}'
                f'M{x - 140 * s:.0f} {560 - 300 * s:.0f}H{x + 240 * s:.0f}M{x} {560 - 200 * s:.0f}'
                f'L{x + 60 * s:.0f} {560 - 300 * s:.0f}M{x + 60 * s:.0f} {560 - 200 * s:.0f}L{x} {560 - 300 * s:.0f}'
                f'M{x + 200 * s:.0f} {560 - 300 * s:.0f}V{560 - 180 * s:.0f}" stroke="{INK}" stroke-width="{10 * s:.0f}" fill="none"/>')

    body = (sky() + f'<rect y="560" width="{W}" height="115" fill="#2c5e7a"/>'
            f'<rect x="480" y="562" width="720" height="20" fill="{INK}"/>' + boxes + crane(200, 1) + crane(420, .75)
            + f'<path d="M40 600H420L380 650H80Z" fill="{NAVY}"/>'
            f'<rect x="230" y="560" width="120" height="40" fill="{CREAM}"/>')
    return svg(body, grad("s", "#f4a96a", "#f9dcb4"))


IMAGES = {
    "capitol-dome": capitol_dome,
    "skyline-dusk": skyline_dusk,
    "target-rings": target_rings,
    "bar-chart": bar_chart,
    "map-region": map_region,
    "ballot-box": ballot_box,
    "courthouse-columns": courthouse_columns,
    "wheat-field": wheat_field,
    "mountains-forest": mountains_forest,
    "globe-grid": globe_grid,
    "power-lines": power_lines,
    "schoolhouse": schoolhouse,
    "newsprint-abstract": newsprint_abstract,
    "video-screen": video_screen,
    "bridge-river": bridge_river,
    "harbor-cranes": harbor_cranes,
}

AVATAR_COLORS = [NAVY, RED, GREEN, "#7a4f8a", "#2f6c8f", "#a8692a", SLATE, "#8a3b52"]


def avatar(name, index):
    initials = "".join(p[0] for p in name.replace("-", " ").split()[:2]).upper()
    color = AVATAR_COLORS[index % len(AVATAR_COLORS)]
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">'
            f'<circle cx="128" cy="128" r="128" fill="{color}"/>'
            f'<circle cx="128" cy="128" r="116" fill="none" stroke="{CREAM}" stroke-opacity=".35" stroke-width="4"/>'
            f'<text x="128" y="128" dy=".35em" text-anchor="middle" font-family="Georgia, \'Times New Roman\', serif" '
            f'font-size="96" font-weight="700" fill="{CREAM}">{initials}</text></svg>\n')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    for name, fn in IMAGES.items():
        text = fn()
        if len(text.encode()) > 4096:
            raise SystemExit(f"{name}.svg is {len(text.encode())} bytes, over the 4 KB budget")
        write(os.path.join(OUT, f"{name}.svg"), text)
    with open(AUTHORS, encoding="utf-8") as f:
        authors = json.load(f)["authors"]
    for i, a in enumerate(authors):
        write(os.path.join(OUT, "avatars", f"{a['slug']}.svg"), avatar(a["name"], i))
    print(f"wrote {len(IMAGES)} illustrations and {len(authors)} avatars to {OUT}")


if __name__ == "__main__":
    main()
