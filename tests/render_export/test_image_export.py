"""PNG, SVG and PDF export of the chart sheet: sizes, content, text, groups, pages, scopes."""

from __future__ import annotations

import io

import defusedxml.ElementTree as ET
import pypdf
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from linkchart.render.image_export import ImageOptions, export_chart, render_png, render_svg
from linkchart.render.sheet import ChartSheet, Decorations, Scope
from linkchart.render.svg_writer import SvgPainter

SVG = "{http://www.w3.org/2000/svg}"


def ink_pixels(image: QImage, background: int = 0xFFFFFFFF, step: int = 3) -> int:
    """Pixels (sampled every *step*) that differ from the background: a blank export has none."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step) if image.pixel(x, y) != background)


def svg_texts(data: bytes) -> tuple[ET.Element, list[str]]:
    root = ET.fromstring(data)
    return root, ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_png_at_2x_is_twice_the_1x_size_and_not_blank(scene):
    plain = Decorations(legend=False)
    one, _ = render_png(scene, ImageOptions(decorations=plain, scale=1.0))
    two, result = render_png(scene, ImageOptions(decorations=plain))  # default 2x
    assert abs(two.width() - 2 * one.width()) <= 2 and abs(two.height() - 2 * one.height()) <= 2
    assert result.scale == 2.0 and not result.reduced
    # Four cards and three links cover a good share of the picture.
    assert ink_pixels(two) > 0.04 * (two.width() // 3) * (two.height() // 3)


def test_png_width_and_dpi_options(scene, tmp_path):
    out = tmp_path / "chart.png"
    export_chart(scene, out, ImageOptions(width=900))
    assert QImage(str(out)).width() == 900
    image, result = render_png(scene, ImageOptions(dpi=288, decorations=Decorations(legend=False)))
    assert abs(result.scale - 3.0) < 1e-9 and round(image.dotsPerMeterX() * 0.0254) == 288


def test_transparent_background_leaves_the_corners_clear(scene):
    image, _ = render_png(scene, ImageOptions(decorations=Decorations(background="transparent", legend=False)))
    assert image.pixelColor(1, 1).alpha() == 0 and image.pixelColor(image.width() - 2, image.height() - 2).alpha() == 0
    white, _ = render_png(scene, ImageOptions(decorations=Decorations(background="white", legend=False)))
    assert white.pixelColor(1, 1).name() == "#ffffff" and white.pixelColor(1, 1).alpha() == 255


def test_legend_sits_below_the_chart_without_overlap(scene):
    sheet = ChartSheet(scene, None, Decorations(title="T", date="2024-05-01", footer="F", legend=True))
    sheet.layout_grow(2.0, 2.0)
    blocks = dict(sheet._blocks)
    assert blocks["title"].bottom() <= sheet.chart_rect.top()
    assert sheet.chart_rect.bottom() <= blocks["legend"].top() < blocks["legend"].bottom() <= blocks["footer"].top()
    assert blocks["footer"].bottom() <= sheet.size.bottom()
    assert {e.text for e in sheet.legend} == {"Armed group", "Country", "Person", "backed by", "member of",
                                              "Confirmed", "Probable", "Possible"}


def test_svg_has_every_card_label_as_text_and_one_group_per_item(scene, case):
    data = render_svg(scene, ImageOptions(decorations=Decorations(title="Proxies & partners", legend=True)))
    root, texts = svg_texts(data)
    for entity in case.entities.values():
        assert entity.label in texts  # "Houthis <Ansar Allah>" too: escaped in the file, text once parsed
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    assert {f"card-{eid}" for eid in case.entities} | {f"link-{lid}" for lid in case.links} <= set(groups)
    card = groups[f"card-{next(iter(case.entities))}"]
    assert card.get("class") == "card" and card.find(f"{SVG}title").text == "Iran"
    assert "Proxies & partners" in texts and "Probable" in texts and "Entity types" in texts
    assert b"<script" not in data and b"<b>" not in data  # markup in case text never becomes markup


def test_svg_through_qsvggenerator_groups_items_too(scene, case):
    root, texts = svg_texts(render_svg(scene, ImageOptions(), engine="qt"))
    for entity in case.entities.values():
        assert entity.label in texts
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {f"card-{eid}" for eid in case.entities} <= ids and {f"link-{lid}" for lid in case.links} <= ids


def test_selection_scope_exports_only_the_chosen_cards_and_links_between_them(scene, case):
    ids = [e.id for e in case.entities.values() if e.label in ("Iran", "Hezbollah")]
    root, texts = svg_texts(render_svg(scene, ImageOptions(decorations=Decorations(legend=False)), Scope.selection(ids)))
    assert "Iran" in texts and "Hezbollah" in texts and "Qassem Soleimani" not in texts
    groups = [g.get("id") for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(("card-", "link-"))]
    assert len([g for g in groups if g.startswith("card-")]) == 2 and len([g for g in groups if g.startswith("link-")]) == 1


def test_view_scope_crops_to_the_visible_rect(scene, case):
    iran = scene.cards[next(e.id for e in case.entities.values() if e.label == "Iran")]
    view = iran.sceneBoundingRect().adjusted(-10, -10, 10, 10)
    sheet = ChartSheet(scene, Scope(rect=view), Decorations(legend=False))
    assert sheet.source == view and iran in sheet.cards
    assert all(c.sceneBoundingRect().intersects(view) for c in sheet.cards)
    image, _ = render_png(scene, ImageOptions(decorations=Decorations(legend=False), scale=1.0), Scope(rect=QRectF(view)))
    assert abs(image.width() - view.width() - 36) <= 2  # the view plus the sheet's padding


def test_pdf_single_page_and_tiled_pages(scene, tmp_path):
    single = tmp_path / "one.pdf"
    result = export_chart(scene, single, ImageOptions(decorations=Decorations(title="Proxies", footer="UNCLASSIFIED")))
    data = single.read_bytes()
    assert data.startswith(b"%PDF") and result.pages == 1
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Hezbollah" in text and "Proxies" in text and "UNCLASSIFIED" in text
    tiled = tmp_path / "tiled.pdf"
    result = export_chart(scene, tiled, ImageOptions(tiled=True, tile_scale=3.0, page_size="A4"))
    pages = pypdf.PdfReader(tiled).pages
    assert result.pages == len(pages) > 1
    words = [" ".join(page.extract_text().split()) for page in pages]
    assert f"Page 2 of {len(pages)} · row 1, column 2" in words[1]
    assert sum(w.count("Hezbollah") for w in words) <= 2  # each tile holds only the items on it


def test_unknown_suffix_is_refused(scene, tmp_path):
    try:
        export_chart(scene, tmp_path / "chart.bmp")
    except ValueError as exc:
        assert ".bmp" in str(exc)
    else:
        raise AssertionError("a .bmp export should be refused")


def test_the_fast_svg_writer_covers_every_painter_call_the_items_make(scene):
    # An UnsupportedPaint here means exports silently fall back to QSvgGenerator, ten times slower.
    for scale in (1.0, 0.2, 0.35):  # full detail, and the zoomed-out levels of detail
        sheet = ChartSheet(scene, None, Decorations(title="T", date="D", footer="F", legend=True))
        sheet.layout_grow(scale, 1.0)
        svg = SvgPainter()
        sheet.paint(svg, svg.begin_group)
        body = "".join(svg.body)
        assert body.count('<g id="card-') == len(scene.cards) and body.count('<g id="link-') == len(scene.links)
        assert "<text" in body
