"""Offline suggestions: candidate entities and links from an article's text (rules + gazetteers)."""

from linkchart.ingest.suggest.accept import accept
from linkchart.ingest.suggest.core import Suggestions, guess_type, suggest
from linkchart.ingest.suggest.entities import KnownEntities, SuggestedEntity
from linkchart.ingest.suggest.links import SuggestedLink

__all__ = ["KnownEntities", "SuggestedEntity", "SuggestedLink", "Suggestions", "accept", "guess_type", "suggest"]
