"""Shared pieces for the pictures drawn with Pillow: colours, and fitting text into a box."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from PIL import ImageFont

from congress.images.fonts import REGULAR
from congress.images.glyphs import GlyphSet, glyph_set
from congress.images.indexed_canvas import RGB, IndexedCanvas
from congress.images.line_break import balanced_width, wrap, wrap_lines

BLACK = (0, 0, 0)
CONGRESS_RED = (166, 27, 27)  # #a61b1b
GOLD = (232, 196, 120)
INK = (34, 30, 28)
MUTED = (96, 88, 82)
PAPER = (251, 248, 242)
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Block:
    """Lines set in one font, ready to draw."""

    lines: tuple[str, ...]
    glyphs: GlyphSet
    line_height: int

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return self.glyphs.font

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    def widths(self) -> list[float]:
        return [self.glyphs.length(line) for line in self.lines]


# A site's name, a plaque's "scan this code" line and a section's label are set the same way on
# every picture a worker draws: set once.
@lru_cache(maxsize=512)
def fit_text(
    text: str,
    max_width: float,
    max_lines: int,
    sizes: tuple[int, ...],
    *,
    weight: int = REGULAR,
    leading: float = 1.35,
    fewest_lines: bool = False,
) -> Block:
    """The largest size in `sizes` at which `text` fits in `max_lines` lines, with lines of even
    length; failing that, the smallest size, cut with an ellipsis. With `fewest_lines`, a smaller
    size on fewer lines wins over a larger one on more (for a short name set large)."""
    limits = range(1, max_lines + 1) if fewest_lines else (max_lines,)
    # Balancing wraps the same text a dozen times: each prefix is measured once per size.
    measures = {size: cache(glyph_set(size, weight).length) for size in sizes}
    for limit in limits:
        for size in sizes:
            lines = wrap(text, measures[size], max_width)
            if len(lines) <= limit:
                width = balanced_width(text, measures[size], max_width)
                lines = wrap(text, measures[size], width)
                return Block(tuple(lines), glyph_set(size, weight), round(size * leading))
    lines = wrap_lines(text, measures[sizes[-1]], max_width, max_lines)
    return Block(tuple(lines), glyph_set(sizes[-1], weight), round(sizes[-1] * leading))


def draw_block(
    canvas: IndexedCanvas,
    block: Block,
    *,
    x: float,
    top: float,
    fill: RGB,
    ground: RGB,
    align: str = "left",
) -> None:
    """Draw each line over `ground`; `x` is the left edge, or the centre when `align` is "center".
    Lines are placed by their baseline box ("ls" anchor), so every size sits evenly in its line
    height."""
    ascent, descent = block.font.getmetrics()
    pad = (block.line_height - ascent - descent) / 2
    anchor = "ms" if align == "center" else "ls"
    for index, line in enumerate(block.lines):
        baseline = top + index * block.line_height + pad + ascent
        canvas.text((x, baseline), line, block.glyphs, fill=fill, ground=ground, anchor=anchor)
