"""Commands layer: QUndoCommands over Case primitives (QtGui only)."""
