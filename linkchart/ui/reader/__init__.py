"""Articles in, quotes out: import articles, read them with known names highlighted, drag quotes onto the chart.

``install(window)`` adds the article reader and suggestions docks, the import
actions (File menu, Ctrl+Shift+I, files dropped on the window) and the quote
drop on the chart, bound to whichever case the window has open. What it made
is kept on the window as ``window.reader`` for tests and other features.
"""

from linkchart.ui.reader.feature import ReaderFeature, install

__all__ = ["ReaderFeature", "install"]
