"""Pydantic models of every data file and of the report; schemas/ is generated from them.

`python -m factcheck.schemas --write` regenerates schemas/*.schema.json and a test fails
when the checked-in schemas and these models disagree.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Id = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="a stable, readable identifier")
# a source's id prefixes its extracted claims' ids ("wire.s01.kill"): no dot of its own
SOURCE_ID = r"^[a-z0-9][a-z0-9_-]{0,79}$"
# RFC 3339: a full date, or a date-time with its offset
PUBLISHED = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$"
Terms = list[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- lexicon files (rules/lexicon/) -------------------------------------------------------

class Person(Strict):
    id: str = Id
    name: str
    aliases: Terms = Field(min_length=1, description="name forms and spelling variants")
    office: str | None = Field(None, description="office id held at the time of the reference")
    side: str | None = Field(None, description="place or organisation id the person speaks for")


class PeopleFile(Strict):
    description: str
    people: list[Person]


class Office(Strict):
    id: str = Id
    aliases: Terms = Field(min_length=1)
    broader: list[str] = Field(default_factory=list, description="generic office ids consistent with this one")
    generic: bool = Field(False, description="a generic title (envoy, president) that names no single office")


class OfficesFile(Strict):
    description: str
    offices: list[Office]


class Place(Strict):
    id: str = Id
    kind: Literal["region", "country", "city", "site"]
    aliases: Terms = Field(min_length=1)
    within: list[str] = Field(default_factory=list, description="ids of places that directly contain this one")
    demonyms: Terms = Field(default_factory=list, description="adjectives naming the place's side")


class PlacesFile(Strict):
    description: str
    places: list[Place]


class Organisation(Strict):
    id: str = Id
    aliases: Terms = Field(min_length=1)
    side: str
    speaks_for: str | None = Field(None, description="person id whose side a statement by this body gives")
    location: str | None = Field(None, description="place id where the organisation or event sits (a conference)")


class OrganisationsFile(Strict):
    description: str
    organisations: list[Organisation]


class Concept(Strict):
    id: str = Id
    description: str
    terms: Terms = Field(min_length=1)


class ConceptsFile(Strict):
    description: str
    concepts: list[Concept]


class NegationFile(Strict):
    description: str
    negators: Terms
    negative_predicates: Terms
    neutral: Terms


class ModalityFile(Strict):
    description: str
    certain: Terms
    possible: Terms
    scheduled: Terms


class Scale(Strict):
    id: str = Id
    positive: Terms = Field(min_length=1)
    negative: Terms = Field(min_length=1)


class ScalesFile(Strict):
    description: str
    scales: list[Scale]


class Scope(Strict):
    whole: Terms
    part: Terms


class NumbersFile(Strict):
    description: str
    values: dict[str, float]
    multipliers: dict[str, float]
    ordinals: dict[str, int]
    units: dict[str, tuple[Literal["duration", "money"], float]]
    approximators: dict[str, tuple[Literal["about", "below", "above", "at_least", "at_most"], float]]
    count_nouns: Terms
    collectives: dict[str, tuple[float, float]]
    scope: Scope


class DatesFile(Strict):
    description: str
    months: dict[str, int]
    ambiguous_months: Terms
    weekdays: Terms
    relations: dict[str, Literal["before", "since", "after", "until"]]
    anchors: Terms
    relative: Terms = Field(default_factory=list, description="times without a calendar date: 'next month'")


class DiscourseFile(Strict):
    description: str
    say_verbs: Terms
    clause_breaks: Terms
    pronouns: Terms
    group_references: Terms
    determiners: Terms
    opinion: Terms
    ellipsis: Terms = Field(default_factory=list, description="openings that repeat the previous predicate: 'So are Waltz and Ratcliffe'")
    event_pronouns: Terms = Field(default_factory=list, description="sentence openings that refer back to the previous event: 'It lasted an hour'")
    contrast_openings: Terms = Field(default_factory=list, description="openings of a short negated clause that keeps the previous predicate: 'but not American ones'")


class EnglishFile(Strict):
    description: str
    function_words: Terms = Field(description="words that carry no content of their own")
    office_nouns: Terms = Field(description="titles and offices a text gives people ('foreign minister', 'coach')")
    org_heads: Terms = Field(description="head nouns that make a capitalised name an organisation or a site")
    person_titles: Terms = Field(description="honorifics and abbreviated titles before a name ('Dr', 'Sen')")
    opposites: list[list[str]] = Field(description="pairs of words of opposite meaning")
    paraphrases: list[list[str]] = Field(description="groups of words that say the same; the first stands for the group")
    vague_amounts: dict[str, list[float]] = Field(description="vague amounts as [low, high]: 'tens of thousands of'")
    quantifiers: dict[str, list[float]] = Field(default_factory=dict, description=(
        "words that give the share of a set, as [low, high] percent: 'most' [51, 99.9], 'all' [100, 100]"))
    directions: dict[str, Terms] = Field(default_factory=dict, description=(
        "verbs of a change in a figure by its direction, 'up' and 'down': 'rose' and 'cut' say opposite changes"))


class GivenNamesFile(Strict):
    description: str
    source: str = Field(description="where the names come from")
    given_names: Terms = Field(description="given names that are also English words, lower case ('grant', 'penny')")
    any_given_names: Terms = Field(default_factory=list, description="every given name of the lists, lower case ('donald', 'merrick')")
    noun_surnames: Terms = Field(default_factory=list, description=(
        "family names that are also English nouns, lower case ('baker', 'stone'): a name that ends in another noun "
        "('Tallis Coal') and begins with no given name is no one's"))
    female_given_names: Terms = Field(default_factory=list, description=(
        "given names only the female lists give, in every locale, lower case ('sarah'): who 'she' can be"))
    male_given_names: Terms = Field(default_factory=list, description=(
        "given names only the male lists give, in every locale, lower case ('marcus'): who 'he' can be"))


# --- claims (seeds/) ----------------------------------------------------------------------

class Evidence(Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self):
        if self.end <= self.start:
            raise ValueError("end must be greater than start")
        return self


class ClaimsSource(Strict):
    id: str = Id
    title: str
    article: str = Field(description="file name of the article, next to the claims file")
    outlet: str | None = None
    published: str | None = Field(None, description="RFC 3339 date or date-time (2025-02-13, 2025-02-13T09:30:00Z)")
    url: str | None = None


class Event(Strict):
    """Something that happened once: claims about it share its participants."""

    id: str = Id
    kind: list[str] = Field(min_length=1, description="concept ids that name this kind of event")
    keys: list[str] = Field(min_length=1, description="features (person:x, place:y, concept:z) that tell this event from others of its kind")
    implies: list[str] = Field(default_factory=list, description="person ids taking part, added when a sentence refers back to the event ('that call')")


Feature = Field(pattern=r"^(concept|person|place|org|side|event|related|office|has|scale):[a-z0-9_.-]+$")


class DateValue(Strict):
    year: int | None = None
    month: int | None = Field(None, ge=1, le=12)
    day: int | None = Field(None, ge=1, le=31)
    weekday: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] | None = None


class Interval(Strict):
    """A value in canonical units (minutes for durations) with an inclusive range."""

    value: float | None = None
    min: float | None = None
    max: float | None = None
    text: str = Field(description="how the reference states it, for messages")


class Roles(Strict):
    agent: list[str] = Field(default_factory=list, description="who did it")
    counterpart: list[str] = Field(default_factory=list, description="with or to whom")
    patient: list[str] = Field(default_factory=list, description="who it was done to")
    symmetric: bool = Field(False, description="agent and counterpart may be named in either order (meet, call)")


class Predicate(Strict):
    locus: list[str] = Field(min_length=1, description="concept ids whose mention carries the polarity/modality")
    value: str


class Slots(Strict):
    roles: Roles | None = None
    place: str | None = None
    date: DateValue | None = None
    date_unset: bool = Field(False, description="the reference says no date has been set")
    duration: Interval | None = None
    amount: Interval | None = Field(None, description="a sum of money, in units of the currency")
    count: Interval | None = None
    count_of: list[str] = Field(default_factory=list, description="concept ids of what is counted")
    ordinal: int | None = None
    scope: Literal["part", "whole"] | None = None
    scope_of: list[str] = Field(default_factory=list, description="feature of what the scope applies to")
    polarity: Predicate | None = None
    modality: Predicate | None = None
    assessment: Predicate | None = Field(None, description="locus = scale ids, value = positive|negative")
    title: dict[str, str] | None = Field(None, description="person id -> office id")


class Claim(Strict):
    id: str = Id
    statement: str
    evidence: Evidence
    kind: Literal["fact", "title", "analysis"] = "fact"
    event: str | None = None
    anchors: list[list[str]] = Field(default_factory=list, description="every group must be present (any member)")
    support: list[str] = Field(default_factory=list, description="features that raise the match score")
    speaker: str | None = Field(None, description="person whose view this is; another speaker makes a separate statement")
    requires: list[str] = Field(default_factory=list, description="slots the sentence must state for the claim to apply")
    slots: Slots = Field(default_factory=Slots)
    facts: list[str] = Field(default_factory=list, description="ids of facts in an external fact list this claim covers")


class ClaimsFile(Strict):
    description: str
    source: ClaimsSource
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim]


# --- rules (rules/<category>/<name>.json) ---------------------------------------------

Category = Literal["numeric", "date", "location", "person", "title", "negation", "antonym", "modality", "quantity", "quotation"]


class Example(Strict):
    text: str
    claim: str | None = Field(None, description="the claim the example must (or must not) be judged against")
    reference: str | None = Field(None, description="frame rules: the reference text the example is checked against")


class Examples(Strict):
    flag: list[Example] = Field(min_length=1, description="texts this rule must flag")
    pass_: list[Example] = Field(min_length=1, alias="pass", description="texts this rule must not flag")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z]+\.[a-z0-9_]+$")
    kind: str
    category: Category
    severity: Literal["error", "warning", "info"]
    message: str = Field(description="the contradiction's message, a sentence; {reference} and {found} are filled in")
    agreement: str | None = Field(None, description="the agreement's message when the two values are worded differently "
                                                      "(default: 'Matches the reference, which gives {reference}.')")
    description: str
    params: dict = Field(default_factory=dict)
    examples: Examples


# --- requests and reports -----------------------------------------------------------------

class CheckRequest(Strict):
    """The body of POST /v1/compare as JSON (a text/plain body is the text itself)."""

    text: str = Field(min_length=1, pattern=r"\S", description="the article or draft to check")
    title: str | None = Field(None, max_length=1000, description="echoed in the report")
    source: str | None = Field(None, max_length=200, description="check against this source only (default: the one the text is about)")
    sources: list[Annotated[str, Field(max_length=200)]] | None = Field(
        None, min_length=1, max_length=100, description="check against these sources (with `source`, against it too)")
    reference: str | None = Field(None, min_length=1, pattern=r"\S",
                                  description="a reference article's text: check against it alone, its claims extracted (source is then not used); "
                                              "bounded by the body limit")
    suppressions: list["Suppression"] | None = Field(None, max_length=1000,
                                                     description="findings an editor accepted, as in a suppressions file: they go under `suppressed`")


class Span(Strict):
    start: int
    end: int


class ClaimRef(Strict):
    id: str
    statement: str
    source: str
    evidence: Evidence


class ValueSpan(Strict):
    """A compared value as written, and where: offsets into the text it is in (the checked text,
    or the reference article for the reference's value); line and column only in the checked text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int | None = Field(None, ge=1)
    column: int | None = Field(None, ge=1)


class ClaimPage(Strict):
    """A page of GET /v1/claims: claims in id order, and the cursor of the next page (null: the last)."""

    claims: list[ClaimRef]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page (it is the last claim's id); null on the last page")


class RuleHit(Strict):
    id: str
    category: str
    message: str
    found: ValueSpan | None = Field(None, description="the value compared, as the checked text writes it (null: not a written value)")
    reference: ValueSpan | None = Field(None, description="the reference's value it was compared with, as the reference writes it")


class ConflictSide(Strict):
    """One source's verdict on a sentence the sources disagree about."""

    source: str
    published: str | None = Field(description="the source's published time (RFC 3339), if known")
    verdict: Literal["agreement", "contradiction"]
    claim: ClaimRef
    rules: list[RuleHit]


class Finding(Strict):
    kind: Literal["agreement", "contradiction", "new_claim", "conflict"] = Field(
        description="conflict: the sentence agrees with one source and contradicts another on the same thing (see `sides`)")
    span: Span
    text: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    claim: ClaimRef | None
    rules: list[RuleHit]
    score: float = Field(ge=0, le=1)
    also: list[ClaimRef] = Field(default_factory=list, description="claims of other sources that say the same, judged the same way")
    sides: list[ConflictSide] = Field(default_factory=list, description="conflict: each source's verdict, claim and date, newest first")


class Summary(Strict):
    sentences: int
    agreements: int
    contradictions: int
    new_claims: int
    omitted: int
    suppressed: int = 0
    conflicts: int = Field(0, description="sentences the sources checked against disagree about")


class Suppressed(Strict):
    """A finding silenced by an editor, still reported so that nothing disappears unseen."""

    kind: Literal["agreement", "contradiction", "new_claim", "conflict"]
    claim: str | None
    span: Span
    line: int
    column: int
    by: Literal["inline", "file", "request"] = Field(description="inline: a marker in the text; file: a suppressions file; "
                                                                 "request: the API request's suppressions (accepted on the page)")
    reason: str = ""


class PathFinding(Finding):
    path: str = Field(description="the file the finding is in, as given on the command line")


class FileReport(Strict):
    path: str
    report: "Report"


class RunSummary(Strict):
    files: int
    sentences: int
    agreements: int
    contradictions: int
    new_claims: int
    conflicts: int = 0
    suppressed: int


class CheckRun(Strict):
    """`factcheck check --format json`, for one file or many."""

    version: str
    files: list[FileReport]
    findings: list[PathFinding] = Field(description="every file's findings, each with its path, in file order")
    summary: RunSummary


class Report(Strict):
    version: str
    title: str | None = None
    reference: str | None = Field(None, description="the source the text was checked against (null: it matched none)")
    sources: list[str] = Field(description="every loaded source; of more than 50, the hand-claimed ones and those "
                                           "the text was checked against (GET /v1/sources lists them all)")
    findings: list[Finding]
    omitted: list[ClaimRef]
    suppressed: list[Suppressed] = Field(default_factory=list)
    summary: Summary


FileReport.model_rebuild()
CheckRun.model_rebuild()


class FrameEntity(Strict):
    text: str
    key: str = Field(description="who or what it is: a folded surname, a gazetteer place id, a folded name")
    kind: Literal["person", "place", "org", "demonym", "name"]
    title: str = ""


class FrameValue(Strict):
    text: str
    kind: str = Field(description="count, duration, money, percent, points, age, date, time, ordinal")
    value: str = Field(description="the value as read: an interval, a date, minutes since midnight, a rank")


class ExtractedClaim(Strict):
    """A claim the frame analysis read in a reference article: one clause, one checkable fact."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="stable and readable: sentence number, predicate, who")
    statement: str
    evidence: Evidence
    predicate: str = Field(description="the main verb's lemma (paraphrases share one)")
    agents: list[FrameEntity] = Field(description="who did it")
    participants: list[FrameEntity] = Field(description="to or with whom, what")
    places: list[FrameEntity]
    values: list[FrameValue] = Field(description="quantities, dates, clock times, ranks")
    polarity: Literal["positive", "negative"]
    modality: Literal["asserted", "certain", "possible", "planned", "ruled_out"]
    speaker: FrameEntity | None = Field(description="the person or body it is attributed to")
    titles: list[FrameEntity] = Field(description="people with the office the text gives them here")
    review: list[str] = Field(description="names, places and offices no general resource knows: check them")


class ExtractedClaimsFile(Strict):
    source: dict[str, str] = Field(description="the article: id, and its sha256")
    claims: list[ExtractedClaim]


class ClaimReviewFile(Strict):
    """An editor's review of the claims extracted from a seeds/ article (seeds/<article>.review.json)."""

    description: str = ""
    remove: list[str] = Field(default_factory=list, description="ids of extracted claims to drop")
    statements: dict[str, str] = Field(default_factory=dict, description="claim id -> the statement reworded")
    merge: list[list[str]] = Field(default_factory=list, description=(
        "groups of claim ids that state one fact: each group becomes one claim with the first id, the union of "
        "their slots and the evidence from the first claim's start to the last one's end"))
    add: dict[str, str] = Field(default_factory=dict, description=(
        "claim id -> a phrase giving slots the extraction missed (\"in Munich on Friday, 14 February\"), read by "
        "the same analysis and added to the claim"))


class Suppression(Strict):
    claim: str = Field(description="claim id of the finding to silence")
    sentence: str = Field(min_length=1, description="the sentence, as factcheck normalises it (case and spacing do not matter)")
    reason: str = Field("", description="why the finding is intended (who verified it, when)")


class SuppressionsFile(Strict):
    description: str | None = None
    suppressions: list[Suppression]


def _real_date(value: str | None) -> str | None:
    """A published time the pattern lets through must also be a real one (no 31 February)."""
    if value is not None:
        import datetime
        try:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is not a real date or time") from None
    return value


class SourceMeta(Strict):
    """What a source is besides its article: seeds/<id>/source.json, and what `factcheck sources
    add` and POST /v1/sources record."""

    id: str = Field(pattern=SOURCE_ID, description="lowercase letters, digits, - and _ (at most 80)")
    title: str = Field(min_length=1, max_length=500, pattern=r"\S")
    outlet: str | None = Field(None, min_length=1, max_length=200, description="who published it")
    published: str | None = Field(None, pattern=PUBLISHED, description="RFC 3339 date or date-time (2025-02-13, 2025-02-13T09:30:00Z)")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s]+$")

    @field_validator("published")
    @classmethod
    def _published_is_real(cls, value):
        return _real_date(value)


class SourceAdd(Strict):
    """POST /v1/sources: an article to add as a reference; its claims are extracted on the server."""

    id: str = Field(pattern=SOURCE_ID, description="lowercase letters, digits, - and _ (at most 80)")
    text: str = Field(min_length=1, pattern=r"\S", description="the article")
    title: str | None = Field(None, min_length=1, max_length=500, pattern=r"\S", description="default: the article's first line")
    outlet: str | None = Field(None, min_length=1, max_length=200)
    published: str | None = Field(None, pattern=PUBLISHED, description="RFC 3339 date or date-time")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[^\s]+$")
    review: ClaimReviewFile | None = Field(None, description="an editor's review refining the extracted claims")

    @field_validator("published")
    @classmethod
    def _published_is_real(cls, value):
        return _real_date(value)


class SourceSummary(Strict):
    id: str
    title: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    origin: Literal["bundled", "added"] = Field(description="bundled: in seeds/, read-only; added: in the source store")
    claims: int = Field(description="how many claims it has")


class Source(Strict):
    """A loaded reference: its article, its claims and what it is (GET /v1/sources/<id>)."""

    id: str
    title: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    origin: Literal["bundled", "added"]
    text: str = Field(description="the reference article; evidence spans are offsets into it")
    claims: list[ClaimRef]


class SourceConflict(Strict):
    """Two stored sources that contradict each other: a claim of each, the slot they disagree
    on and the value each gives (`factcheck sources conflicts`)."""

    sources: list[str] = Field(min_length=2, max_length=2)
    published: list[str | None] = Field(min_length=2, max_length=2, description="each source's published time")
    rule: str = Field(description="the rule that found the contradiction")
    slot: str = Field(description="what they disagree on: the rule's category (number, date, place, agent, ...)")
    message: str
    claims: list[ClaimRef] = Field(min_length=2, max_length=2)
    values: list[str | None] = Field(min_length=2, max_length=2, description="the value each source gives, as it writes it")


class ExampleInfo(Strict):
    flag: list[str]
    pass_: list[str] = Field(alias="pass")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleInfo(Strict):
    """A rule as GET /v1/rules lists it."""

    id: str
    kind: str
    category: str
    severity: str
    description: str
    message: str
    agreement: str | None = None
    engine: Literal["claims", "frames", "report"] = Field(description="claims: the hand-written claims' checker; frames: the extracted "
                                                                  "references'; report: the report's own (new claims, matches)")
    compares: str = Field(description="what the rule's kind compares, from its documentation")
    params: dict = Field(default_factory=dict)
    examples: ExampleInfo


class Health(Strict):
    status: Literal["ok"]
    version: str
    sources: list[str]
    claims: int
    rules: int
    data_hash: str = Field(description="sha256 of every loaded data file, to tell deployments apart")


class ProblemError(Strict):
    pointer: str = Field(description="JSON pointer (RFC 6901) into the request body ('' for the body itself or a query parameter)")
    detail: str
    parameter: str | None = Field(None, description="the query parameter concerned, if any")


class Problem(BaseModel):
    """RFC 9457 problem details; extension members are allowed."""

    model_config = ConfigDict(extra="allow", frozen=True)

    type: str
    title: str
    status: int = Field(ge=400, le=599)
    detail: str
    instance: str | None = None
    request_id: str | None = None
    errors: list[ProblemError] | None = None


CheckRequest.model_rebuild()      # its suppressions are defined further down
