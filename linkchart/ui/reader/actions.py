"""The reader feature's actions, declared once (id = objectName), like ui/actions.py.

Shortcuts avoid those the window and the other features already use
(Ctrl+Shift+I/E/R belong to graph import, image export and the report).
"""

from __future__ import annotations

from linkchart.ui.actions import ActionSpec

IMPORT_ARTICLES = "reader.import_articles"
IMPORT_FOLDER = "reader.import_folder"
CREATE_ENTITY = "reader.create_entity"
CITE_SELECTED = "reader.cite_selected"
SET_SPAN = "reader.set_span"
QUOTE_SENTENCE = "reader.quote_sentence"
QUOTE_SELECTION = "reader.quote_selection"
SHOW_READER = "reader.show"
SHOW_SUGGESTIONS = "reader.show_suggestions"

READER_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(IMPORT_ARTICLES, "Import &Articles\u2026", "Ctrl+Shift+A", "", "Add news articles, reports or e-mails (.txt, .md, .html, .pdf, .docx, .eml) to the case"),
    ActionSpec(IMPORT_FOLDER, "Import &Folder\u2026", None, "", "Add every readable article in a folder and its subfolders"),
    ActionSpec(CREATE_ENTITY, "Create &Entity from Selection", "Ctrl+Shift+N", "", "Add a card named by the words selected in the reader, citing the quote"),
    ActionSpec(CITE_SELECTED, "&Cite on Selected Item", "Ctrl+Shift+C", "", "Cite the quote selected in the reader on the one selected card or link"),
    ActionSpec(SET_SPAN, "Set Citation &Span to Selection", None, "", "Make the citation chosen under Sources quote exactly the text selected in the reader"),
    ActionSpec(QUOTE_SENTENCE, "Quote the &Sentence Around the Selection", None, "", "A dragged or cited selection quotes its whole sentence", checkable=True),
    ActionSpec(QUOTE_SELECTION, "Quote &Exactly the Selection", None, "", "A dragged or cited selection quotes exactly the selected words", checkable=True),
    ActionSpec(SHOW_READER, "Article &Reader", "Ctrl+Alt+R", "", "Show the article reader"),
    ActionSpec(SHOW_SUGGESTIONS, "&Suggestions", "Ctrl+Alt+S", "", "Show suggested cards and links for the article being read"),
)
