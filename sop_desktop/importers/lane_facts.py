"""What the text of one step says about who acts: subject, passive agent, recipient, the one
instructed or submitted to, and the kind of work its main verb names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sop_desktop.importers.lane_names import (
    APPLY_VERBS,
    APPROVE_NOUNS,
    APPROVE_VERBS,
    AUTHORITY_PHRASES,
    DRAFT_WORDS,
    INSTRUCT_NOUNS,
    INSTRUCT_VERBS,
    PASSIVE_INSTRUCT,
    STAFF_HEADS,
    SUBMIT_VERBS,
    TRANSFER_WORDS,
    LaneIndex,
    Mention,
    Token,
    tokens,
)


@dataclass
class StepFacts:
    """What the text of one step says, read once."""

    subject: list[Mention] = field(default_factory=list)
    subject_words: list[str] = field(default_factory=list)
    authority: bool = False
    recipient: int | None = None  # lane the work is handed to ("kepada X")
    instructs: int | None = None  # lane being instructed ("Memerintahkan X")
    submits_to: int | None = None  # lane submitted to ("menyerahkan kepada X")
    instruct_verb: bool = False
    approve_verb: bool = False
    apply_verb: bool = False
    draft_verb: bool = False  # drafting/recording work ("Membuat surat", "Pencatatan")
    reports: bool = False  # "... melaporkan hasil ..." (to a superior)
    becomes: int | None = None  # "(setuju) menjadi X": X decides/acts
    receives: bool = False  # starts with "Menerima ..."
    returns_to: int | None = None  # "dikembalikan kepada X"
    agent: int | None = None  # passive agent: "... diterima oleh X"
    side: set[int] = field(default_factory=set)  # named after kepada/dengan/bersama/dari...
    named: set[int] = field(default_factory=set)  # every lane the text names
    transfer: bool = False  # the text hands something on (menyerahkan, mengirim, disposisi...)
    by_word: set[int] = field(default_factory=set)  # named only by a word unique to the lane


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if s.strip()]


def _subject_span(toks: list[Token]) -> int:
    """Tokens before the first verb; 0 when the clause has no verb (a noun phrase)."""
    for i, t in enumerate(toks):
        if t.verb:
            return i
    return 0


# words opening a clause about what happens next: its actor is the next one, not this step's
_SEQUENCE = {"lalu", "kemudian", "selanjutnya", "dan", "serta", "untuk", "sekaligus", "sambil",
             "setelah", "sesudah", "yang", "guna", "agar", "supaya"}
# words opening a subordinate clause before the main one ("Setelah ..., Kasi memeriksa ...")
_SUBORDINATE = {"setelah", "sesudah", "apabila", "jika", "bila", "bilamana", "kalau", "sebelum",
                "berdasarkan", "atas", "dalam", "sesuai", "selama", "ketika", "saat", "begitu",
                "untuk", "guna", "dengan"}
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+(?=(?:lalu|kemudian|selanjutnya|untuk\s+selanjutnya|"
                           r"setelah\s+itu|sekaligus|sambil)\b)", re.IGNORECASE)


def _lead_word(clause: str) -> str:
    match = re.match(r"\W*([a-z]+)", clause.lower())
    return match.group(1) if match else ""


def _main_clause_end(sentence: str) -> int:
    """Where the main clause of a sentence ends: leading subordinate clauses ("Setelah
    berkas lengkap, ...") are passed over; a later clause ("..., lalu diteruskan ke X",
    "... kemudian diparaf oleh Y") is not part of it."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if _lead_word(sentence[start:]) in _SUBORDINATE and start == 0:
            start = match.end()
            continue
        if match.start() > start:
            return match.start()
    return len(sentence)


_NOT_SUBJECT_BEFORE = {"kepada", "ke", "dengan", "dari", "oleh", "untuk", "bersama", "pada"}


def read_facts(text: str, index: LaneIndex) -> StepFacts:
    """What one step's text says about who acts, who receives and who is instructed."""
    text = text[:2000]  # the actors are named early; bound the work on pathological cells
    known = index.facts_cache.get(text)
    if known is None:
        if len(index.facts_cache) > 4096:
            index.facts_cache.clear()
        known = index.facts_cache[text] = _read_facts(text, index)
    return known


def _read_subject(facts: StepFacts, first: str, index: LaneIndex) -> None:
    """The subject of the first sentence's main clause (after a leading subordinate clause,
    never in a clause about what happens next)."""
    clauses = [c for c in re.split(r",\s+", first) if c.strip()]
    for n, clause in enumerate(clauses[:4]):
        toks = tokens(clause)
        span = _subject_span(toks)
        if n > 0 and (span == 0 or _lead_word(clause) in _SEQUENCE):
            break  # "..., lalu Kasi memaraf": the next actor, not this step's
        span = span or (1 if toks else 0)
        subject_toks = toks[:span]
        mentions = [m for m in index.mentions(toks) if m.start < span or m.start == 0]
        mentions = [m for m in mentions
                    if m.start == 0 or toks[m.start - 1].text not in _NOT_SUBJECT_BEFORE]
        words = [t.text for t in subject_toks]
        authority = any(_has_phrase(words, p) for p in AUTHORITY_PHRASES)
        if mentions or authority:
            facts.subject = mentions
            facts.subject_words = words
            facts.authority = authority
            break
        if words and words[0] in STAFF_HEADS and n == 0:
            facts.subject_words = words
            break
        if n == 0 and span == 0:
            break


def _read_facts(text: str, index: LaneIndex) -> StepFacts:
    facts = StepFacts()
    text = text[:2000]  # the actors are named early; bound the work on pathological cells
    sentences = _sentences(text) or [text]
    first = sentences[0]
    _read_subject(facts, first, index)
    all_toks = tokens(text)
    mentions = index.mentions(all_toks)
    words = [t.text for t in all_toks]
    facts.reports = any(w.startswith("melapor") for w in words)
    facts.named = {m.lane for m in mentions}
    facts.by_word = {m.lane for m in mentions if m.score < 1}
    facts.transfer = any(TRANSFER_WORDS.match(w) for w in words)
    main_end = len(tokens(text[:_main_clause_end(first)]))
    later_agent = None
    for m in mentions:
        before = words[max(0, m.start - 3):m.start]
        if before[-1:] and before[-1] in _NOT_SUBJECT_BEFORE - {"oleh"}:
            facts.side.add(m.lane)
        if "oleh" in before[-2:]:
            # passive: "... diterima oleh X"; not "surat yang telah ditandatangani oleh X",
            # which tells what happened earlier to the thing being handled
            at = m.start - 1 - before[::-1].index("oleh")
            if m.start >= main_end:
                # "..., lalu diparaf oleh Kasi": the agent of a later clause acts next
                later_agent = m.lane if later_agent is None else later_agent
            elif facts.agent is None and not _earlier_deed(words, at):
                facts.agent = m.lane
            continue
        if m.start > 0 and PASSIVE_INSTRUCT.match(words[max(0, m.start - 2)]) and \
                facts.instructs is None:
            facts.instructs = m.lane  # "didisposisikan kepada X"
        if before[-1:] == ["menjadi"] and facts.becomes is None:
            facts.becomes = m.lane
        if m.start > 0 and all_toks[m.start - 1].verb and \
                INSTRUCT_VERBS.match(all_toks[m.start - 1].text) and facts.instructs is None:
            facts.instructs = m.lane
        if "kepada" in before or "ke" in before[-1:]:
            verbs = [w for w in words[max(0, m.start - 8):m.start] if w.startswith(("dikembali",
                                                                                    "kembali"))]
            if verbs:
                if facts.returns_to is None:
                    facts.returns_to = m.lane
                continue
            near = words[max(0, m.start - 6):m.start]
            if any(w in INSTRUCT_NOUNS and _given(near, n) for n, w in enumerate(near)):
                facts.instructs = facts.instructs if facts.instructs is not None else m.lane
            window = words[max(0, m.start - 12):m.start]
            if any(SUBMIT_VERBS.match(w) for w in window) and facts.submits_to is None:
                facts.submits_to = m.lane
            if facts.recipient is None:
                facts.recipient = m.lane
    if facts.recipient is None:
        # "... arahan kepada pelaksana/staf": a generic staff word names the staff lane
        staff = [k for k in range(len(index.names)) if index.is_staff(k)]
        for i, w in enumerate(words[:-1]):
            if w == "kepada" and words[i + 1] in STAFF_HEADS and len(staff) == 1:
                facts.recipient = staff[0]
                if any(x in INSTRUCT_NOUNS for x in words[max(0, i - 3):i]):
                    facts.instructs = staff[0]
                break
    if facts.instructs is not None and facts.recipient is None:
        facts.recipient = facts.instructs
    if facts.recipient is None and later_agent is not None:
        facts.recipient = later_agent  # the work goes on to them: the next actor
        facts.transfer = True
    if not facts.subject and not facts.subject_words and facts.agent is None:
        # "... oleh petugas": a generic staff word as the passive agent
        for i, w in enumerate(words[:-1]):
            if w == "oleh" and words[i + 1] in STAFF_HEADS and not _earlier_deed(words, i):
                facts.subject_words = [words[i + 1]]
                break
    _read_main_verb(facts, tokens(first))
    return facts


def _read_main_verb(facts: StepFacts, first_toks: list[Token]) -> None:
    """What kind of work the first sentence's main verb names (instruct, approve, draft...)."""
    # the main verb: the first word, or the first verb after a named subject
    lead = next((i for i, t in enumerate(first_toks[:12]) if t.verb), None)
    if lead is not None and (lead == 0 or facts.subject or facts.subject_words or facts.authority
                             or facts.agent is not None):
        verb = first_toks[lead].text
        facts.instruct_verb = bool(INSTRUCT_VERBS.match(verb)) and (
            verb not in {"memberikan", "memberi", "meneruskan"} or
            any(w in INSTRUCT_NOUNS for w in [t.text for t in first_toks[lead + 1:lead + 4]]))
        # "Menerima dan mendisposisikan ...": a second verb joined to the first by "dan"
        for t in first_toks[lead + 1:lead + 6]:
            if t.verb and t.text in {"mendisposisikan", "mendisposisi", "memerintahkan",
                                     "menugaskan", "menginstruksikan"}:
                facts.instruct_verb = True
                break
        facts.approve_verb = bool(APPROVE_VERBS.match(verb))
        facts.apply_verb = bool(APPLY_VERBS.match(verb))
    elif first_toks and first_toks[0].text in APPROVE_NOUNS:
        facts.approve_verb = True  # "Verifikasi surat", "Pembubuhan tanda tangan"
    if first_toks:
        main = (first_toks[lead].text if lead is not None and (
            facts.subject or facts.subject_words or facts.agent is not None)
                else first_toks[0].text)
        facts.draft_verb = bool(DRAFT_WORDS.match(main))
        facts.receives = main in ("menerima", "diterima")


def _earlier_deed(words: list[str], at: int) -> bool:
    """True when "oleh" at words[at] belongs to a clause about what was done before
    ("surat yang telah ditandatangani oleh X"), not to the sentence's own passive verb."""
    ahead = words[max(0, at - 3):at - 1]
    return bool({"telah", "sudah"} & set(ahead)) or words[max(0, at - 2):at - 1] == ["yang"]


def _given(words: list[str], n: int) -> bool:
    """True when the instruction noun words[n] is given ("memberikan disposisi", "arahan"),
    not a form being handed over ("lembar disposisi")."""
    before = words[max(0, n - 2):n]
    if before[-1:] in (["lembar"], ["kartu"], ["buku"], ["formulir"]):
        return False
    return not before or any(w in {"memberikan", "memberi", "menyampaikan", "membuat",
                                   "mengeluarkan", "menuliskan", "dengan", "berupa"}
                             for w in before) or words[n] != "disposisi"


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))
