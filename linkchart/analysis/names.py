"""Name normalisation for matching: accents, apostrophes, Arabic articles and transliteration variants.

"Kata'ib Hizballah" and "Kataib Hezbollah", "Qassem" and "Qasem Soleimani",
"al-Muhandis" and "Muhandis" should compare equal. :func:`normalise` folds
the spellings analysts meet most; :func:`skeleton` (consonants only, doubled
letters once, q as k) catches the rest of the vowel-and-doubling variation.
"""

from __future__ import annotations

import re
import unicodedata

# Spellings of one name that transliteration produces; each maps to one canonical token.
VARIANTS: dict[str, tuple[str, ...]] = {
    "hezbollah": (
        "hizballah",
        "hizbollah",
        "hizbullah",
        "hisbollah",
        "hezbolla",
        "hizbolla",
        "hezballah",
        "hizb_allah",
        "hezb_allah",
    ),
    "qasem": ("qassem", "qasim", "qassim", "kassem", "kasem", "ghasem", "ghassem", "qaasim"),
    "kataib": ("kataeb", "katayib"),
    "soleimani": ("suleimani", "sulaimani", "solaimani", "sulaymani", "soleymani", "solaymani", "suleymani"),
    "muhammad": ("mohammed", "mohammad", "muhammed", "mohamed", "mohamad", "muhamad", "mohamud"),
    "husayn": ("hussein", "hussain", "husain", "hosein", "hossein", "husein"),
    "hasan": ("hassan",),
    "nasrallah": ("nasrullah", "nasr_allah"),
    "houthi": ("houthis", "huthi", "huthis", "hothi", "hothis"),
    "quds": ("qods", "kuds"),
    "abu": ("abou",),
    "abd": ("abdul", "abdel", "abdal"),
    "usama": ("osama",),
    "qaeda": ("qaida", "qaidah", "kaida"),
    "jihad": ("jehad",),
    "ansarallah": ("ansar_allah",),
    "khamenei": ("khameini", "khamenehi"),
}
_CANONICAL = {v: k for k, vs in VARIANTS.items() for v in vs}
# Two-word spellings written as one ("Nasr Allah", "Ansar Allah") are joined before lookup.
_JOINED = {v.replace("_", " "): k for k, vs in VARIANTS.items() for v in vs if "_" in v}
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4]")
# Arabic definite article glued by a hyphen: al-, el-, and its sun-letter forms (ash-, ad-, ...).
_ARTICLE = re.compile(r"\b(?:al|el|ul|ad|adh|ar|as|ash|at|ath|az|an)-(?=\w)")
_STOP = frozenset({"al", "el", "the"})
_MINOR = frozenset({"of", "and", "for", "the", "al", "el", "in", "de", "la", "le"})


def plain(text: str) -> str:
    """Lower case without accents or apostrophes ("Kata'ib" -> "kataib")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", stripped).casefold()


def tokens(text: str) -> list[str]:
    """Words of a name, folded to canonical spellings, without Arabic articles or "the"."""
    low = _ARTICLE.sub("", plain(text))
    words = re.sub(r"[^0-9a-z]+", " ", low).split()
    joined = " ".join(words)
    for two, canon in _JOINED.items():
        joined = re.sub(rf"\b{re.escape(two)}\b", canon, joined)
    return [_CANONICAL.get(w, w) for w in joined.split() if w not in _STOP]


def normalise(text: str) -> str:
    """The folded tokens joined by single spaces: equal for spellings of one name."""
    return " ".join(tokens(text))


def token_skeleton(token: str) -> str:
    """Consonant outline of a word: first letter kept, q as k, vowels dropped, doubles once."""
    if not token:
        return ""
    word = token.replace("q", "k").replace("ph", "f").replace("dh", "d")
    out = word[0]
    for ch in word[1:]:
        if ch in "aeiouyw" or ch == out[-1]:
            continue
        out += ch
    return out


def skeleton(text: str) -> str:
    return " ".join(token_skeleton(t) for t in tokens(text))


def initials(text: str) -> str:
    """First letters of a name's significant words ("Islamic Revolutionary Guard Corps" -> "irgc")."""
    words = re.sub(r"[^0-9a-z]+", " ", plain(text)).split()
    return "".join(w[0] for w in words if w not in _MINOR)


def acronym(text: str) -> str:
    """The name itself if it looks like an acronym (one word of 2-6 letters, written in capitals), else ""."""
    word = text.strip().replace(".", "")
    if 2 <= len(word) <= 6 and word.isalpha() and word.upper() == word:
        return word.casefold()
    return ""
