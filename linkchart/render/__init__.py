"""Scene items and image export shared by the GUI and the headless CLI."""

from linkchart.render.card_item import CardItem
from linkchart.render.export import render_scene_to_image
from linkchart.render.link_item import LinkItem
from linkchart.render.scene import ChartScene
from linkchart.render.style import ChartStyle

__all__ = ["CardItem", "ChartScene", "ChartStyle", "LinkItem", "render_scene_to_image"]
