"""Check a text against a reference article read into frames: the report, as the claim checker gives it."""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace
from pathlib import Path

from .. import __version__
from ..located import Scope, line_starts, rule_hit
from ..models import Finding, Report, RuleHit, Span, Summary
from ..text.sentences import split_sentences
from . import verdict
from .analyse import analyse_sentence
from .english import English, load_english
from .extract import FrameReference, claim_ref, extract
from .kinds import Pair
from .model import Frame, date_key
from .names import Document
from .rules import FrameRule, load_frame_rules
from .verdict import Verdict, attribute_verdict, checkable, comparable, decide, similarity


@dataclass
class FrameChecker:
    english: English
    rules: list[FrameRule]

    @classmethod
    def load(cls, rules_dir: Path) -> FrameChecker:
        return cls(load_english(rules_dir), load_frame_rules(rules_dir))

    def extract(self, article: str, source_id: str = "reference") -> FrameReference:
        return extract(article, self.english, source_id)

    def judge(self, text: str, ref: FrameReference, sentences=None):
        """(sentence, [(frame, verdict | None)]) for every sentence of `text`, in order."""
        sentences = sentences if sentences is not None else split_sentences(text)
        doc = Document(self.english, known=ref.people, places=set(ref.places))
        titles = ref.titles
        for i, sentence in enumerate(sentences):          # one sentence at a time: a long text stays small
            frames = analyse_sentence(sentence, i, doc)
            yield sentence, [(f, self._judge_frame(f, ref, titles)) for f in frames]

    def _judge_frame(self, frame: Frame, ref: FrameReference, titles) -> Verdict | None:
        attribute = self._title(frame, ref, titles) or self._base(frame, ref, titles)
        if attribute or not comparable(frame):
            return attribute
        keys = frame.keys()
        # fsum: a sum that does not depend on the order of the set's keys, which changes with the
        # process's hash seed; a plain sum's last bits would then break ties between claims differently
        total = math.fsum(ref.weight(k) for k in keys)
        if not total:
            return None
        shares: dict[int, list[float]] = {}
        finders: set[int] = set()       # claims that share something besides a vague date
        when = self.english.calendar_words
        vague = {date_key(d) for d in frame.dates if not d.year and not d.day}
        for k in keys | frame.values():
            w = ref.weights.get(k)
            if w is None:
                continue
            for i in ref.index.get(k, ()):
                shares.setdefault(i, []).append(w)
                if k not in when and k not in vague:
                    finders.add(i)
        # a claim found only through a weekday or a month is not about the clause ("elected on Friday" is no Friday Mass)
        shares = {i: s for i, s in shares.items() if i in finders}
        ranked = sorted(((similarity(math.fsum(s), total, ref.totals[i]), i) for i, s in shares.items()), reverse=True)
        # the words a claim quotes, quoted again, are that statement whatever else the clause shares with another
        quoting = {i for q in frame.quoted for i in ref.index.get(f"#quote:{q}", ())}
        if quoting:
            ranked.sort(key=lambda si: si[1] not in quoting)

        sims = {i: sim for sim, i in ranked[:verdict.CANDIDATES]}
        compared: dict[int, list] = {}          # the policy may ask twice about one claim

        def outcomes(i: int):
            if i not in compared:
                pair = Pair(frame, ref.claims[i].frame, self.english, titles, sims.get(i, 0.0))
                compared[i] = [(rule, o) for rule in self.rules for o in rule.compare(pair, rule.params)]
            return compared[i]

        return decide(
            ranked, outcomes, ref.values, lambda i: verdict.another_time(frame, ref.claims[i].frame, ref.year),
            figures=bool(frame.amounts))

    def _title(self, frame: Frame, ref: FrameReference, titles) -> Verdict | None:
        """A person given an office the reference does not give them, whatever else the clause says."""
        for e in frame.titles:
            where = ref.title_claims.get(e.key)
            if where is None:
                continue
            pair = Pair(frame, ref.claims[where].frame, self.english, titles)
            verdict = attribute_verdict(where, [(r, o) for r in self.rules if r.rule.kind == "title" for o in r.compare(pair, r.params)])
            if verdict:
                return verdict
        return None

    def _base(self, frame: Frame, ref: FrameReference, titles) -> Verdict | None:
        """An organisation placed somewhere the reference does not base it, whatever else the clause says."""
        for key, place in frame.bases:
            where = ref.base_claims.get(key)
            if where is None:
                continue
            claim = ref.claims[where].frame
            based = [p for k, p in claim.bases if k == key]
            pair = Pair(replace(frame, places=[place]), replace(claim, places=based), self.english, titles)
            verdict = attribute_verdict(where, [(r, o) for r in self.rules if r.rule.kind == "place" for o in r.compare(pair, r.params)])
            if verdict:
                return verdict
        return None

    def check(self, text: str, ref: FrameReference, title: str | None = None) -> Report:
        sentences = split_sentences(text)
        findings: list[Finding] = []
        mentioned: set[str] = set()
        starts = line_starts(text)
        for sentence, judged in self.judge(text, ref, sentences):
            line = bisect.bisect_right(starts, sentence.start)
            base = dict(span=Span(start=sentence.start, end=sentence.end), text=text[sentence.start:sentence.end],
                        line=line, column=sentence.start - starts[line - 1] + 1)
            verdicts = [(f, v) for f, v in judged if v is not None]
            in_sentence = Scope(text, sentence.start, sentence.end, line_starts=starts)
            seen: set[tuple[str, str]] = set()
            for frame, v in sorted(verdicts, key=lambda fv: (fv[1].kind != "contradiction", -fv[1].score)):
                claim = ref.claims[v.claim]
                if (v.kind, claim.id) in seen:
                    continue
                seen.add((v.kind, claim.id))
                mentioned.add(claim.id)
                found_in = [Scope(text, frame.start, frame.end, line_starts=starts), in_sentence]
                reference_in = [Scope(ref.article, claim.frame.start, claim.frame.end), Scope(ref.article, claim.start, claim.end)]
                findings.append(Finding(kind=v.kind, claim=claim_ref(claim, ref.id), score=v.score,
                                        rules=[rule_hit(r, o, found_in, reference_in) for r, o in v.hits], **base))
            if not verdicts and any(checkable(f) for f, _ in judged):
                findings.append(Finding(kind="new_claim", claim=None, score=0.5, rules=[RuleHit(
                    id="new.uncovered", category="new", message="States a checkable fact that no reference claim covers.")], **base))
        omitted = [claim_ref(c, ref.id) for c in ref.claims if c.id not in mentioned]
        kinds = [f.kind for f in findings]
        summary = Summary(sentences=len(sentences), agreements=kinds.count("agreement"), contradictions=kinds.count("contradiction"),
                          new_claims=kinds.count("new_claim"), omitted=len(omitted))
        return Report(version=__version__, title=title, reference=ref.id, sources=[ref.id], findings=findings,
                      omitted=omitted, summary=summary)


