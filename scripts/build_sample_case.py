"""Build ``sample_cases/iran-proxies.lcase`` from the five news articles in ``sample_cases/sources/``.

Usage: ``.venv/bin/python scripts/build_sample_case.py [OUT]``.

Every entity and link cites exact quotes, located in the article text by search:
a quote that is missing, or occurs more than once without saying which occurrence
is meant, stops the build. Ids come from a seeded generator in a fixed order, so
the output is byte-identical on every run and the test suite can compare the
committed file with a fresh build.
"""

from __future__ import annotations

import random
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from linkchart.io import save_case  # noqa: E402
from linkchart.model import Case, Citation  # noqa: E402

SOURCES = ROOT / "sample_cases" / "sources"
DEFAULT_OUT = ROOT / "sample_cases" / "iran-proxies.lcase"
SEED = "iran-proxies"

# Grid spacing of the chart: cards are about 160x56, so neighbours never touch.
COL_WIDTH = 240
ROW_HEIGHT = 130

TITLE = "Iran and its proxies: threats, plots and attacks, 2011-2023"
DESCRIPTION = (
    "Worked example built from five open-source news articles (May 2019 to October 2023). "
    "It maps the Iranian state bodies (IRGC, Quds Force, MOIS, Foreign Ministry), the armed groups "
    "the articles describe as Iran-backed (Houthis, Kataib Hezbollah, Hezbollah, Iraqi militias), "
    "the plots and attacks attributed to them, and the Western officials, dissidents and journalists "
    "they targeted. Every card and link quotes the article it comes from; dashed and dotted links "
    "are claims the articles hedge."
)

# --------------------------------------------------------------------- data
# Quotes are (article key, exact text) or (article key, exact text, occurrence index).
Quote = tuple[Any, ...]


@dataclass(frozen=True)
class Source:
    key: str
    file_name: str
    title: str
    publisher: str = ""
    author: str = ""
    date: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Card:
    key: str
    label: str
    type: str
    cell: tuple[int, int]  # (column, row) on the chart grid
    quotes: list[Quote]
    subtitle: str = ""
    aliases: list[str] = field(default_factory=list)
    date: str = ""
    notes: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rel:
    source: str
    target: str
    type: str
    quotes: list[Quote]
    grade: str = ""  # Admiralty code: source reliability A-F + information credibility 1-6
    strength: str = "confirmed"
    date: str = ""
    notes: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)


ARTICLES = [
    Source(
        "hunt", "000_d051493bba3230b2.txt",
        "Britain Shares with U.S. Assessment of “Heightened Threat” from Iran as Tehran Threatens Proxy War",
        date="2019-05",
        notes="Publisher not named in the text (photo credit: Wall Street Journal / YouTube). Relays Jeremy Hunt's and "
        "Mike Pompeo's on-record remarks and a Sky News report resting on two senior intelligence sources. "
        "The text gives no year; the events it reports date it to May 2019.",
    ),
    Source(
        "plots", "001_84b2f991367e7357.txt", "Iranian assassination plots are escalating",
        publisher="MSN", date="2022-11",
        notes="Opinion piece syndicated on MSN (“Source: Msn”); cites earlier Washington Examiner and Justice Department "
        "reporting and argues for military deterrence. Dated by the Iran International threats it calls the latest incident.",
    ),
    Source(
        "cnn", "002_b73381bf445c8cc9.txt", "CNN: Iran-backed factions may step up attacks on US forces (web summary)",
        date="2023-10",
        notes="Untitled web page, publisher not named, summarising a CNN report; quotes John Kirby and an unnamed State "
        "Department spokesperson. Written during the Israel-Hamas war; the intermediary's reliability is unknown.",
    ),
    Source(
        "mi5", "003_a5593a4fc4ba461d.txt", "MI5 warns of growing Iranian threat as the Assadi terror trial nears",
        date="2020-10",
        notes="No headline or publisher in the text; its sub-heading reads “NCRI Condemns Tehran’s Terrorism, Calling EU "
        "to Act”. Written from a standpoint sympathetic to the NCRI/PMOI: weigh its speculation accordingly.",
    ),
    Source(
        "esper", "004_afea424f09279a13.txt",
        "U.S. sees signs Iran or proxies may be planning more attacks: Pentagon chief",
        publisher="Reuters", author="Idrees Ali", date="2020-01-02",
        notes="Reuters wire copy as republished by The Jewish Link (page furniture included). On-record remarks by "
        "Mark Esper and Mark Milley at a press briefing on Thursday 2 January 2020.",
    ),
]

CARDS = [
    # Iran and its state bodies (top)
    Card("iran", "Iran", "country", (6, 0), [("hunt", "the heightened threat posed by Iran")],
         aliases=["Tehran", "Islamic Republic", "Iranian regime"]),
    Card("khamenei", "Ali Khamenei", "person", (4, 0), [("esper", "Supreme Leader Ayatollah Ali Khamenei")],
         subtitle="Supreme Leader of Iran", aliases=["Ayatollah Ali Khamenei", "Khamenei"]),
    Card("irgc", "IRGC", "government_body", (3, 1),
         [("esper", "Iran’s Islamic Revolutionary Guard Corps leadership"), ("cnn", "the Iranian Revolutionary Guard Corps")],
         subtitle="Revolutionary Guard Corps",
         aliases=["Islamic Revolutionary Guard Corps", "Iranian Revolutionary Guard Corps", "Revolutionary Guards",
                  "Iranian Revolutionary Guard"]),
    Card("quds", "Quds Force", "government_body", (2, 1),
         [("plots", "the Islamic Revolutionary Guard Corps’s Quds Force"), ("cnn", "the Quds Force of the Iranian Revolutionary Guard")],
         subtitle="IRGC Quds Force", aliases=["IRGC Quds Force", "Quds Force of the Iranian Revolutionary Guard"]),
    Card("mois", "MOIS", "government_body", (8, 2), [("plots", "Iran’s MOIS intelligence service")],
         subtitle="Iranian intelligence service", aliases=["MOIS intelligence service"]),
    Card("fm", "Foreign Ministry", "government_body", (9, 0),
         [("esper", "Iranian Foreign Ministry spokesman"), ("mi5", "the Iranian Foreign Ministry spokesman")],
         subtitle="Iranian Foreign Ministry", aliases=["Iranian Foreign Ministry"]),
    Card("vienna", "Embassy in Vienna", "government_body", (9, 1), [("mi5", "the Iranian embassy in Vienna")],
         subtitle="Iranian embassy", aliases=["Iranian embassy in Vienna"]),
    Card("salami", "Hossein Salami", "person", (3, 0), [("esper", "Revolutionary Guards Commander Brigadier General Hossein Salami")],
         subtitle="IRGC commander", aliases=["Brigadier General Hossein Salami"]),
    Card("soleimani", "Qassem Soleimani", "person", (1, 2), [("hunt", "Qassem Soleimani, the powerful leader of the Quds Force")],
         subtitle="Quds Force leader (2019)", aliases=["Soleimani"]),
    Card("qaani", "Esmail Qaani", "person", (2, 0), [("plots", "Quds Force commanding officer Esmail Qaani")],
         subtitle="Quds Force commander (2022)", aliases=["Qaani"]),
    Card("mousavi", "Abbas Mousavi", "person", (10, 1), [("esper", "Iranian Foreign Ministry spokesman Abbas Mousavi")],
         subtitle="Foreign Ministry spokesman", aliases=["Mousavi"]),
    Card("khatibzadeh", "Saeed Khatibzadeh", "person", (10, 0), [("mi5", "Foreign Ministry spokesman Saeed\u00a0Khatibzadeh")],
         subtitle="Foreign Ministry spokesman", aliases=["Khatibzadeh"]),
    Card("assadi", "Assadollah Assadi", "person", (10, 2), [("mi5", "a high-ranking Iranian diplomat,\u00a0Assadollah\u00a0Assadi")],
         subtitle="Iranian diplomat, Vienna", aliases=["Assadi"],
         attributes={"position": "third counselor", "trial": "Belgium, scheduled from 2020-11-27"}),
    Card("agent", "Unnamed Iranian agent", "person", (9, 5), [("mi5", "an agent of Iranian intelligence")],
         subtitle="Arrested in Albania (2020)",
         notes="Accused only of cybercrimes and “misuse of equipment”; the article speculates he was preparing an attack."),
    # Armed groups the articles call Iran-backed (middle)
    Card("houthis", "Houthis", "armed_group", (1, 4),
         [("hunt", "Iranian-sponsored Houthi rebels"), ("mi5", "Yemen’s Iran-backed Houthi militants")],
         subtitle="Rebels in Yemen", aliases=["Houthi rebels", "Houthi militants", "Houthi"]),
    Card("shiite", "Shiite groups", "armed_group", (0, 3), [("hunt", "Shiite groups under Tehran’s influence")],
         subtitle="Under Tehran’s influence", aliases=["Shiite groups under Tehran’s influence"]),
    Card("kh", "Kataib Hezbollah", "armed_group", (3, 3), [("esper", "the Tehran-backed Kataib Hezbollah group")],
         subtitle="Tehran-backed militia", aliases=["Kata'ib Hezbollah", "Kata’ib Hezbollah"]),
    Card("militias", "Militias in Iraq", "armed_group", (3, 4),
         [("esper", "Iranian-backed Shi’ite militia"), ("mi5", "Iran-backed militias in Iraq")],
         subtitle="Iran-backed, Shi’ite",
         aliases=["Iran-backed militias in Iraq", "Iranian-backed Shi’ite militia", "Iranian-allied militias"]),
    Card("factions", "Iranian-backed factions", "armed_group", (5, 4), [("cnn", "Iranian-backed factions")],
         subtitle="Iraq and Syria (2023)", aliases=["Iran backed factions", "Iranian-affiliated groups"]),
    Card("hezbollah", "Hezbollah", "armed_group", (6, 3), [("plots", "The Lebanese Hezbollah")],
         subtitle="Lebanon", aliases=["Lebanese Hezbollah"]),
    Card("almanar", "Al Manar", "media", (6, 4), [("plots", "Al Manar media arm")], subtitle="Hezbollah media arm"),
    # Gulf (left)
    Card("yemen", "Yemen", "country", (0, 4), [("hunt", "Houthi rebels in Yemen")]),
    Card("saudi", "Saudi Arabia", "country", (1, 6), [("hunt", "vital oil infrastructure in Saudi Arabia")]),
    Card("falih", "Khalid al-Falih", "person", (0, 5), [("hunt", "the country’s energy minister, Khalid al-Falih")],
         subtitle="Saudi energy minister (2019)", aliases=["al-Falih"]),
    Card("qatar", "Qatar", "country", (3, 6), [("cnn", "Qatar’s role as a key mediator")]),
    Card("gulf_oman", "Gulf of Oman", "location", (0, 2), [("hunt", "in the Gulf of Oman")]),
    Card("iraq", "Iraq", "country", (2, 5), [("esper", "The Iraqi government has attempted to integrate paramilitary organizations")],
         aliases=["Iraqi government"]),
    # United States (bottom centre)
    Card("us", "United States", "country", (4, 5), [("hunt", "Britain and the United States are on the same page")],
         aliases=["U.S.", "US", "USA", "Washington"]),
    Card("esper", "Mark Esper", "person", (3, 5), [("esper", "U.S. Defense Secretary Mark Esper said on Thursday")],
         subtitle="U.S. Defense Secretary", aliases=["Esper"]),
    Card("pentagon", "Pentagon", "government_body", (2, 6), [("esper", "Pentagon chief")], subtitle="U.S. defense department"),
    Card("milley", "Mark Milley", "person", (2, 7), [("esper", "Chairman of the Joint Chiefs of Staff Mark Milley")],
         subtitle="Chairman, Joint Chiefs of Staff", aliases=["Milley"]),
    Card("trump", "Donald Trump", "person", (5, 8), [("esper", "U.S. President Donald Trump")], subtitle="U.S. President",
         aliases=["Trump"]),
    Card("state", "State Department", "government_body", (6, 6),
         [("hunt", "The U.S. Department of State"), ("cnn", "a State Department spokesperson")],
         subtitle="U.S. Department of State", aliases=["U.S. Department of State", "Department of State"]),
    Card("pompeo", "Mike Pompeo", "person", (8, 5), [("hunt", "U.S. Secretary of State Mike Pompeo")],
         subtitle="U.S. Secretary of State (2019)", aliases=["Pompeo"]),
    Card("leaf", "Barbara Leaf", "person", (6, 5), [("plots", "Assistant Secretary of State Barbara Leaf")],
         subtitle="Assistant Secretary of State"),
    Card("bolton", "John Bolton", "person", (5, 5), [("plots", "former national security adviser John Bolton")],
         subtitle="Ex-national security adviser", aliases=["Bolton"]),
    Card("nsc", "NSC", "government_body", (4, 7), [("cnn", "spokesman for the National Security Council")],
         subtitle="National Security Council", aliases=["National Security Council"]),
    Card("kirby", "John Kirby", "person", (4, 8), [("cnn", "John Kirby, spokesman for the National Security Council")],
         subtitle="NSC spokesman", aliases=["Kirby"]),
    Card("alinejad", "Masih Alinejad", "person", (9, 6), [("plots", "Iranian dissident journalist Masih Alinejad")],
         subtitle="Dissident journalist, New York", aliases=["Alinejad"]),
    # Europe and the dissident opposition (right)
    Card("ncri", "NCRI", "organization", (10, 3), [("mi5", "the National Council of Resistance of Iran")],
         subtitle="PMOI’s parent coalition", aliases=["National Council of Resistance of Iran"]),
    Card("pmoi", "PMOI / MEK", "organization", (10, 4), [("mi5", "the People’s Mojahedin Organization of Iran (PMOI/MEK)")],
         subtitle="Iranian dissident group",
         aliases=["PMOI", "MEK", "PMOI/MEK", "People’s Mojahedin Organization of Iran"]),
    Card("germany", "Germany", "country", (11, 2), [("mi5", "arrested while in Germany")]),
    Card("belgium", "Belgium", "country", (9, 2), [("mi5", "facing prosecution in Belgium")], aliases=["Belgian authorities"]),
    Card("albania", "Albania", "country", (10, 5), [("mi5", "Albanian authorities had arrested")], aliases=["Albanian authorities"]),
    Card("paris", "Paris", "location", (9, 4), [("plots", "dissident conference in Paris")]),
    Card("uk", "United Kingdom", "country", (7, 8), [("plots", "independent Iranian journalists living in Britain")],
         aliases=["Britain", "UK"]),
    Card("hunt", "Jeremy Hunt", "person", (8, 6), [("hunt", "the country’s Foreign Minister, Jeremy Hunt")],
         subtitle="British Foreign Minister (2019)", aliases=["Hunt"]),
    Card("mi5", "MI5", "government_body", (8, 8), [("mi5", "the British intelligence agency MI5")],
         subtitle="British intelligence agency"),
    Card("mccallum", "Ken McCallum", "person", (9, 8), [("mi5", "Ken McCallum")], subtitle="Head of MI5", aliases=["McCallum"]),
    Card("iranintl", "Iran International", "media", (9, 7), [("plots", "Iran International reports that two of its British-Iranian employees")],
         subtitle="Iranian journalists in Britain"),
    # Events, beside the actors involved
    Card("drone", "Saudi oil drone attack", "event", (1, 5),
         [("hunt", "an “armed drones” attack on vital oil infrastructure in Saudi Arabia")], date="2019-05",
         subtitle="Saudi Arabia, May 2019"),
    Card("tankers", "Tanker sabotage", "event", (0, 1),
         [("hunt", "a sabotage attack on two Saudi oil tankers and two other vessels in the Gulf of Oman")], date="2019-05",
         subtitle="Gulf of Oman, May 2019",
         attributes={"vessels": 4}),
    Card("rockets", "Rocket attacks in Iraq", "event", (2, 4),
         [("esper", "the series of rocket attacks on bases hosting U.S. forces in Iraq"),
          ("esper", "missile attacks that killed a U.S. contractor in northern Iraq last week")],
         date="2019-10/2019-12", subtitle="On U.S. bases, Oct-Dec 2019", attributes={"rockets in the fatal attack": 31},
         notes="Milley dates the campaign to “at least October”; the attack that killed a U.S. contractor came in late December."),
    Card("protests", "Embassy protests", "event", (1, 3),
         [("esper", "Iranian-backed demonstrators hurled rocks at the U.S. embassy in Baghdad during two days of protests")],
         date="2019-12-31/2020-01-01", subtitle="U.S. embassy, Baghdad",
         notes="Two days of protests ending on Wednesday 1 January 2020, the day before Esper spoke."),
    Card("paris_plot", "2018 Paris bomb plot", "event", (9, 3),
         [("plots", "an explosives attack on a 2018 dissident conference in Paris"), ("mi5", "The June 2018 terror plot")],
         date="2018-06", subtitle="NCRI gathering, June 2018", attributes={"explosive": "500 g TATP"},
         notes="Two operatives were arrested crossing from Belgium into France with 500 grams of TATP; a third had gained "
         "access to the NCRI gathering."),
    Card("milano", "2011 Cafe Milano plot", "event", (7, 4),
         [("plots", "its 2011 attempt to assassinate the then-Saudi ambassador and dozens of diners at Cafe Milano in Washington")],
         subtitle="Plot to kill Saudi ambassador", date="2011"),
]

RELS = [
    # Iranian state structure
    Rel("khamenei", "iran", "commands", [("esper", "Supreme Leader Ayatollah Ali Khamenei"),
                                         ("plots", "Ayatollah Ali Khamenei’s geriatric theocracy")], "B2"),
    Rel("irgc", "iran", "part_of", [("esper", "Iran’s Islamic Revolutionary Guard Corps leadership")], "B2"),
    Rel("quds", "irgc", "part_of", [("plots", "the Islamic Revolutionary Guard Corps’s Quds Force"),
                                    ("cnn", "the Quds Force of the Iranian Revolutionary Guard")], "B2"),
    Rel("salami", "irgc", "commands", [("esper", "Revolutionary Guards Commander Brigadier General Hossein Salami")], "B2",
        date="2020-01-02"),
    Rel("soleimani", "quds", "commands", [("hunt", "Qassem Soleimani, the powerful leader of the Quds Force")], "C2", date="2019-05"),
    Rel("qaani", "quds", "commands", [("plots", "Quds Force commanding officer Esmail Qaani")], "C2", date="2022-11"),
    Rel("mois", "iran", "part_of", [("plots", "Iran’s MOIS intelligence service")], "C2"),
    Rel("fm", "iran", "part_of", [("esper", "Iranian Foreign Ministry spokesman")], "B2"),
    Rel("mousavi", "fm", "spokesperson_for", [("esper", "Iranian Foreign Ministry spokesman Abbas Mousavi")], "B2", date="2020-01-02"),
    Rel("khatibzadeh", "fm", "spokesperson_for", [("mi5", "Foreign Ministry spokesman Saeed\u00a0Khatibzadeh"),
                                                  ("mi5", "the Iranian Foreign Ministry spokesman said")], "C2", date="2020-10"),
    Rel("vienna", "iran", "part_of", [("mi5", "the Iranian embassy in Vienna")], "C2"),
    Rel("assadi", "vienna", "employed_by", [("mi5", "The erstwhile third counselor of the Iranian embassy in Vienna")], "C2",
        date="2018", notes="Third counselor; “erstwhile” as of October 2020."),
    # Backing: who the articles call Iran's proxies
    Rel("houthis", "iran", "backed_by", [("hunt", "Iranian-sponsored Houthi rebels in Yemen"),
                                         ("mi5", "Yemen’s Iran-backed Houthi militants")], "C2",
        notes="Two articles, 2019 and 2020, describe the Houthis as Iranian-sponsored / Iran-backed."),
    Rel("kh", "iran", "backed_by", [("esper", "the Tehran-backed Kataib Hezbollah group")], "B2"),
    Rel("militias", "iran", "backed_by", [("esper", "Iranian-backed Shi’ite militia"), ("esper", "Iranian-allied militias in Iraq"),
                                          ("mi5", "Iran-backed militias in Iraq")], "B2"),
    Rel("factions", "iran", "backed_by", [("cnn", "the intention of Iranian-backed factions"),
                                          ("cnn", "Iran backed factions have already carried out attacks")], "C2",
        date="2023-10"),
    Rel("factions", "quds", "backed_by", [("cnn", "Iran is providing support to a number of factions in different regions of the "
                                                  "Middle East through the Quds Force of the Iranian Revolutionary Guard.")],
        "C2", date="2023-10"),
    Rel("factions", "irgc", "associated_with", [("cnn", "confirmed the existence of a direct link between these factions and the "
                                                        "Iranian Revolutionary Guard Corps")],
        "C2", date="2023-10", notes="A “direct link”, as confirmed by John Kirby; the article adds that Iran cannot always "
        "exercise absolute control over these groups."),
    Rel("hezbollah", "iran", "backed_by", [("plots", "The threat rhetoric extends to its proxies. The Lebanese Hezbollah’s Al Manar")],
        "C3", strength="probable", notes="The opinion piece names Hezbollah as an example of Iran's proxies."),
    Rel("shiite", "iran", "backed_by", [("hunt", "Shiite groups under Tehran’s influence")], "C3", strength="probable",
        date="2019-05"),
    Rel("soleimani", "shiite", "commands",
        [("hunt", "summoned Shiite groups under Tehran’s influence three weeks ago to mobilize them for a possible "
                  "confrontation with the U.S.")],
        "C3", strength="possible", date="about 2019-04",
        notes="Summoned and mobilised them, per two senior intelligence sources: “It wasn’t quite a call to arms, but it "
        "wasn’t far off.”"),
    Rel("kh", "militias", "part_of",
        [("esper", "American strikes on Sunday against bases of the Tehran-backed Kataib Hezbollah group"),
         ("esper", "condemned U.S. attacks on Iranian-allied militias in Iraq")],
        "B3", strength="probable",
        notes="Inferred: Khamenei's condemnation of U.S. attacks on Iranian-allied militias refers to the strikes on Kataib Hezbollah."),
    Rel("almanar", "hezbollah", "part_of", [("plots", "The Lebanese Hezbollah’s Al Manar media arm")], "C2"),
    Rel("houthis", "yemen", "located_in", [("hunt", "Houthi rebels in Yemen")], "C2"),
    Rel("militias", "iraq", "located_in", [("mi5", "Iran-backed militias in Iraq")], "C2"),
    # Iraq, 2019-2020
    Rel("us", "kh", "attacked", [("esper", "American strikes on Sunday against bases of the Tehran-backed Kataib Hezbollah group"),
                                 ("esper", "Washington said the air strikes, which killed 25 people, were in retaliation")],
        "B2", date="2019-12-29", attributes={"killed": 25}),
    Rel("kh", "us", "attacked", [("esper", "a sustained campaign by Kataib Hezbollah against U.S. personnel since at least October")],
        "B2", date="since 2019-10", notes="Per Mark Milley."),
    Rel("kh", "rockets", "participated_in",
        [("esper", "were in retaliation for missile attacks that killed a U.S. contractor in northern Iraq last week")],
        "B2", strength="probable", date="2019-12",
        notes="Washington struck Kataib Hezbollah in retaliation for the attack, so attributes it to the group."),
    Rel("irgc", "rockets", "participated_in",
        [("esper", "were being directed by the “Iranian regime” and specifically Iran’s Islamic Revolutionary Guard Corps leadership")],
        "B3", strength="probable", date="2019-12", notes="Esper's claim that the IRGC leadership directed the rocket attacks."),
    Rel("rockets", "iraq", "located_in", [("esper", "a U.S. contractor in northern Iraq")], "B2"),
    Rel("militias", "protests", "participated_in",
        [("esper", "the demonstrations outside the U.S. embassy in Baghdad were carried out by Iranian-backed Shi’ite militia")],
        "B2", strength="probable", date="2019-12-31/2020-01-01",
        notes="Esper: leaders were seen in the crowd and some members wore uniforms."),
    Rel("iran", "protests", "participated_in", [("esper", "accused Iran of orchestrating the violence"),
                                                ("esper", "Iran has rejected the accusation.")],
        "B3", strength="possible", date="2019-12-31/2020-01-01",
        notes="Trump's accusation that Iran orchestrated the violence; Iran rejected it (Abbas Mousavi)."),
    Rel("protests", "iraq", "located_in", [("esper", "the U.S. embassy in Baghdad during two days of protests")], "B2"),
    Rel("militias", "us", "associated_with",
        [("mi5", "they informed the Iraqi government that they were willing to accept a ceasefire with U.S. forces in the country")],
        "C2", date="2020-10", notes="Offered a ceasefire with U.S. forces, via the Iraqi government."),
    Rel("factions", "us", "attacked", [("cnn", "Iran backed factions have already carried out attacks using drones against US "
                                               "forces in Iraq and Syria")], "C2", date="2023-10"),
    Rel("factions", "us", "plotted_against",
        [("cnn", "intelligence information indicating the intention of Iranian-backed factions to increase their attacks on US forces")],
        "C3", strength="probable", date="2023-10", notes="U.S. intelligence that the factions intend to step up attacks."),
    # Gulf
    Rel("houthis", "drone", "participated_in",
        [("hunt", "Iranian-sponsored Houthi rebels in Yemen claimed an “armed drones” attack on vital oil infrastructure")],
        "C2", date="2019-05", notes="The Houthis claimed the attack."),
    Rel("drone", "saudi", "located_in", [("hunt", "vital oil infrastructure in Saudi Arabia")], "C2"),
    Rel("falih", "saudi", "employed_by", [("hunt", "the country’s energy minister, Khalid al-Falih")], "C2", date="2019-05"),
    Rel("falih", "drone", "associated_with", [("hunt", "described as “an act of terrorism.”")], "C2", date="2019-05",
        notes="Called the attack “an act of terrorism”."),
    Rel("iran", "tankers", "participated_in",
        [("hunt", "Iran or Iranian-sponsored proxies were likely behind a sabotage attack on two Saudi oil tankers")],
        "C3", strength="probable", date="2019-05",
        notes="Findings of a team of U.S. military experts: Iran or Iranian-sponsored proxies were likely behind it."),
    Rel("tankers", "gulf_oman", "located_in", [("hunt", "two other vessels in the Gulf of Oman")], "C2"),
    Rel("qatar", "us", "mediates_between", [("cnn", "Qatar’s role as a key mediator between the United States, its allies, and Iran")],
        "C3", strength="probable", date="2023-10"),
    Rel("qatar", "iran", "mediates_between", [("cnn", "Qatar’s role as a key mediator between the United States, its allies, and Iran")],
        "C3", strength="probable", date="2023-10"),
    Rel("houthis", "us", "associated_with",
        [("mi5", "two Americans and the remains of a third were on their way back to the United States after having been released")],
        "C2", date="2020-10", notes="Released two American hostages and the remains of a third; reportedly in exchange for 200 "
        "Houthi fighters held in Oman."),
    # Threats and plots abroad
    Rel("quds", "bolton", "plotted_against",
        [("plots", "the Islamic Revolutionary Guard Corps’s Quds Force recently plotted to assassinate former national security "
                   "adviser John Bolton")],
        "C2", date="before 2022-08", notes="Plot to assassinate Bolton, outlined by the Justice Department in August."),
    Rel("iran", "pompeo", "threatened",
        [("plots", "Iranian threats were behind little-noticed congressional legislation to extend Mike Pompeo’s security detail"),
         ("plots", "Iran has also threatened Pompeo’s family members.")],
        "C2", date="before 2020-12"),
    Rel("iran", "alinejad", "plotted_against",
        [("plots", "Other Iranian officials were previously indicted on charges related to their attempt to kidnap Alinejad.")],
        "C2", strength="probable", date="before 2022-07",
        notes="Attempted kidnapping (indictment). In July 2022 an AK-47-armed man was indicted for lurking outside her home."),
    Rel("iran", "iranintl", "threatened",
        [("plots", "Iran’s escalating assassination threats. The latest incident disclosed on Monday involves independent "
                   "Iranian journalists living in Britain"),
         ("plots", "an imminent, credible and significant risk to their lives and those of their families")],
        "C2", strength="probable", date="2022-11",
        notes="British police warned two employees of an imminent risk to their lives; the article attributes the threat to Iran."),
    Rel("iranintl", "uk", "located_in", [("plots", "independent Iranian journalists living in Britain")], "C2"),
    Rel("almanar", "leaf", "threatened",
        [("plots", "Al Manar media arm referred to Assistant Secretary of State Barbara Leaf as a “doomsday crow”")],
        "C3", strength="possible", date="2022-11",
        notes="The article counts this as threat rhetoric; the words quoted are an insult rather than an explicit threat."),
    Rel("iran", "milano", "participated_in",
        [("plots", "Testified by Tehran’s recent plots and encapsulated by its 2011 attempt to assassinate the then-Saudi "
                   "ambassador")],
        "C2", date="2011"),
    Rel("milano", "us", "located_in", [("plots", "Cafe Milano in Washington")], "C2"),
    Rel("mois", "paris_plot", "participated_in",
        [("plots", "Iran’s MOIS intelligence service plotted an explosives attack on a 2018 dissident conference in Paris")],
        "C2", date="2018-06"),
    Rel("mois", "ncri", "plotted_against",
        [("plots", "plotted an explosives attack on a 2018 dissident conference in Paris"),
         ("mi5", "the intended target venue, the annual gathering of Iranian expatriates under the banner of the PMOI’s parent "
                 "coalition, the National Council of Resistance of Iran")],
        "C2", date="2018-06", notes="Two articles: one names MOIS as the plotter, the other the NCRI gathering as the target."),
    Rel("assadi", "paris_plot", "participated_in",
        [("mi5", "The June 2018 terror plot was reportedly overseen by a high-ranking Iranian diplomat,\u00a0Assadollah\u00a0Assadi.")],
        "C3", strength="probable", date="2018-06", notes="Reportedly oversaw the plot."),
    Rel("paris_plot", "paris", "located_in", [("plots", "a 2018 dissident conference in Paris")], "C2"),
    Rel("germany", "assadi", "arrested", [("mi5", "was arrested while in Germany, beyond the protection of his diplomatic immunity")],
        "C2", notes="The article says he was arrested in Germany; it does not name the arresting authority."),
    Rel("belgium", "assadi", "associated_with",
        [("mi5", "He is now facing prosecution in Belgium, with his trial scheduled to start on November 27.")],
        "C2", date="2020-10", notes="Prosecuting him; trial scheduled to start on 27 November 2020."),
    Rel("assadi", "belgium", "threatened",
        [("mi5", "warning that numerous Iran-backed groups were watching his case from throughout the Middle East, and were "
                 "prepared to launch new attacks if Belgian authorities proved unwilling to “support them.”")],
        "C3", strength="probable", date="2020-10",
        notes="Reported from transcripts of his interrogations; Tehran denied the reports."),
    Rel("iran", "belgium", "threatened",
        [("mi5", "Tehran reserved the right to a “proportionate response” against any and all of the European countries "
                 "involved in the case")],
        "C2", date="2020-10", notes="Said by Saeed Khatibzadeh; Belgium, which is prosecuting Assadi, is among the countries involved."),
    Rel("pmoi", "ncri", "member_of", [("mi5", "the PMOI’s parent coalition, the National Council of Resistance of Iran")], "C2"),
    Rel("pmoi", "albania", "located_in",
        [("mi5", "Albanian authorities had arrested an agent of Iranian intelligence after it was determined that he had been "
                 "spying on residents of a local compound belonging to the primary Iranian dissident group")],
        "C2", notes="A PMOI residential compound in Albania."),
    Rel("albania", "agent", "arrested", [("mi5", "Albanian authorities had arrested an agent of Iranian intelligence")], "C2",
        date="2020-10"),
    Rel("agent", "iran", "employed_by", [("mi5", "an agent of Iranian intelligence")], "C2",
        notes="“Iranian intelligence”: the article does not name the service."),
    Rel("agent", "pmoi", "plotted_against",
        [("mi5", "he had been spying on residents of a local compound belonging to the primary Iranian dissident group"),
         ("mi5", "it is entirely possible that the spying in question was aimed at setting the groundwork for an attack")],
        "C3", strength="probable", date="2020-10", notes="Spied on PMOI residents; an attack is the article's speculation."),
    Rel("agent", "pmoi", "member_of", [("mi5", "a former member of the PMOI who had been expelled from the organization")], "C2",
        date="before 2020-10", notes="Former member, expelled."),
    # Britain
    Rel("iran", "uk", "threatened",
        [("hunt", "an increased risk of Iran or one of its proxies “taking action against UK, US or other allied interests"),
         ("mi5", "MI5 acknowledged the perception of an increasing overall threat from Iran")],
        "C3", strength="probable", date="2019-05/2020-10",
        notes="British intelligence assessments reported in 2019 (via Sky News) and stated by MI5 in 2020."),
    Rel("mi5", "uk", "part_of", [("mi5", "the British intelligence agency MI5")], "C2"),
    Rel("mccallum", "mi5", "commands", [("mi5", "since being appointed head of the agency, Ken McCallum")], "C2", date="2020-10"),
    Rel("hunt", "uk", "employed_by", [("hunt", "the country’s Foreign Minister, Jeremy Hunt")], "C2", date="2019-05",
        notes="Foreign Minister."),
    Rel("uk", "us", "allied_with",
        [("hunt", "“We share the same assessment of the heightened threat posed by Iran,” the minister said on Twitter. "
                  "“As always we work closely with the USA.”")],
        "C2", date="2019-05"),
    Rel("hunt", "pompeo", "associated_with",
        [("hunt", "he had discussed Iran with U.S. Secretary of State Mike Pompeo last week in London and again in Brussels")],
        "C2", date="2019-05", notes="Discussed Iran in London and Brussels."),
    # United States
    Rel("trump", "us", "commands", [("esper", "U.S. President Donald Trump")], "B2", date="2020-01-02", notes="President."),
    Rel("trump", "iran", "threatened", [("esper", "He threatened on Tuesday to retaliate against Iran but said later he did not want war.")],
        "B2", date="2019-12-31"),
    Rel("esper", "pentagon", "commands", [("esper", "Pentagon chief"), ("esper", "U.S. Defense Secretary Mark Esper said on Thursday")],
        "B2", date="2020-01-02"),
    Rel("esper", "iran", "threatened",
        [("esper", "if we get word of attacks or some type indication, we will take preemptive action as well")],
        "B2", date="2020-01-02", notes="Warned of preemptive action: “The game has changed”."),
    Rel("iran", "us", "plotted_against",
        [("esper", "there were indications Iran or forces it backs may be planning additional attacks")],
        "B3", strength="possible", date="2020-01-02", notes="Esper, without providing evidence or details."),
    Rel("milley", "pentagon", "employed_by", [("esper", "Chairman of the Joint Chiefs of Staff Mark Milley")], "B2", date="2020-01-02",
        notes="Chairman of the Joint Chiefs of Staff; spoke at the same press briefing as Esper."),
    Rel("pentagon", "us", "part_of", [("esper", "U.S. sees signs Iran or proxies may be planning more attacks: Pentagon chief")], "B2"),
    Rel("state", "us", "part_of", [("hunt", "The U.S. Department of State")], "C2"),
    Rel("pompeo", "state", "employed_by", [("hunt", "U.S. Secretary of State Mike Pompeo")], "C2", date="2019-05",
        notes="Secretary of State."),
    Rel("pompeo", "iran", "threatened",
        [("hunt", "“We have also made clear to the Iranians that if American interests are attacked, we will most certainly "
                  "respond in an appropriate fashion.”")],
        "C2", date="2019-05", notes="A warning, while saying the U.S. did not seek a conflict with Iran."),
    Rel("leaf", "state", "employed_by", [("plots", "Assistant Secretary of State Barbara Leaf")], "C2"),
    Rel("kirby", "nsc", "spokesperson_for", [("cnn", "John Kirby, spokesman for the National Security Council")], "C2", date="2023-10"),
    Rel("nsc", "us", "part_of", [("cnn", "spokesman for the National Security Council, confirmed the existence of a direct link "
                                         "between these factions and the Iranian Revolutionary Guard Corps, and expressed the "
                                         "United States’ deep concern")], "C2"),
]

# Link types drawn without an arrow; the rest read from source to target.
UNDIRECTED = {"allied_with", "associated_with"}


# -------------------------------------------------------------------- build
class QuoteError(ValueError):
    """A quote is not in its article, or occurs more than once and no occurrence was named."""


def locate(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """The [start, end) of *quote* in *text*; the one occurrence, or the given one when it repeats."""
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        raise QuoteError(f"quote not found: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise QuoteError(f"quote occurs {len(starts)} times, name the occurrence: {quote!r}")
        occurrence = 0
    if not 0 <= occurrence < len(starts):
        raise QuoteError(f"quote has no occurrence {occurrence}: {quote!r}")
    return starts[occurrence], starts[occurrence] + len(quote)


def build_case(sources: Path = SOURCES) -> Case:
    """The sample case, built through the public Case API with seeded ids."""
    rng = random.Random(SEED)

    def next_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    case = Case()
    case.update_metadata(title=TITLE, description=DESCRIPTION)
    articles = {}
    for src in ARTICLES:
        raw = (sources / src.file_name).read_bytes()
        articles[src.key] = case.add_article(
            raw.decode("utf-8"), title=src.title, publisher=src.publisher, author=src.author, date=src.date,
            origin=f"seeds/{src.file_name}", original=raw, original_name=src.file_name, notes=src.notes, id=next_id(),
        )

    def cite(quotes: list[Quote]) -> list[Citation]:
        out = []
        for key, quote, *which in quotes:
            article = articles[key]
            try:
                start, end = locate(article.text, quote, *which)
            except QuoteError as exc:
                raise QuoteError(f"{key} ({article.original_name}): {exc}") from None
            out.append(Citation(article.id, start, end, quote, id=next_id()))
        return out

    ids: dict[str, str] = {}
    for card in CARDS:
        if card.key in ids:
            raise ValueError(f"two cards share the key {card.key!r}")
        ids[card.key] = next_id()
        col, row = card.cell
        case.add_entity(
            label=card.label, type=card.type, id=ids[card.key], subtitle=card.subtitle, aliases=list(card.aliases),
            date=card.date, notes=card.notes, attributes=dict(card.attributes), citations=cite(card.quotes),
            x=float(col * COL_WIDTH), y=float(row * ROW_HEIGHT),
        )
    for rel in RELS:
        reliability, credibility = (rel.grade[0], rel.grade[1]) if rel.grade else ("", "")
        link_id = next_id()
        case.add_link(
            ids[rel.source], ids[rel.target], type=rel.type, id=link_id, strength=rel.strength, date=rel.date,
            direction="none" if rel.type in UNDIRECTED else "forward", reliability=reliability, credibility=credibility,
            notes=rel.notes, attributes=dict(rel.attributes), citations=cite(rel.quotes),
        )
    return case


def write_sample(out: Path = DEFAULT_OUT, sources: Path = SOURCES) -> Case:
    """Build the case and save it to *out*; returns the case."""
    case = build_case(sources)
    save_case(case, out)
    return case


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out = Path(args[0]) if args else DEFAULT_OUT
    case = write_sample(out)
    print(f"wrote {out}: {len(case.articles)} articles, {len(case.entities)} entities, {len(case.links)} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
