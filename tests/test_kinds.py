"""Each rule kind on its own: the outcome it gives for one claim slot in one sentence."""
import pytest

from factcheck import kinds

from .conftest import judgements, outcome

CASES = [
    # kind slot, claim, text, expected status, text the finding shows
    ("duration", "zelensky-call.duration", "Trump held a 60-minute call with Zelensky.", "conflict", "60 minute"),
    ("duration", "zelensky-call.duration", "Trump spoke to Zelenskyy for an hour and a half.", "agree", "an hour and a half"),
    ("duration", "zelensky-call.duration", "Trump's office said the call with Zelensky lasted nearly ninety minutes.", "agree", "nearly ninety minutes"),
    ("duration", "putin-call.lengthy", "Trump's call with Putin lasted more than an hour.", "agree", "more than an hour"),
    ("duration", "putin-call.lengthy", "Trump's call with Putin lasted ten minutes.", "conflict", "ten minutes"),
    ("count", "delegation.appointed", "The US appointed a two-person delegation to lead the peace talks.", "conflict", "two person delegation"),
    ("ordinal", "putin-call.first-contact", "It was the third direct contact between Trump and Putin since the invasion.", "conflict", "third"),
    ("scope", "zelensky.kursk-areas", "Zelensky offered to give up the whole of the Kursk region.", "conflict", "the whole of"),
    ("scope", "zelensky.kursk-areas", "Zelensky offered to give up parts of Russia's Kursk region.", "agree", "parts of"),
    ("date", "war.start-date", "The invasion began in March 2022.", "conflict", "March 2022"),
    ("date", "war.start-date", "The full-scale invasion of 2022 began in February.", "agree", "2022"),
    ("date", "hegseth.pre-2014-borders", "Hegseth said restoring Ukraine's pre-2022 borders was unrealistic.", "conflict", "pre 2022"),
    ("date_unset", "moscow-visit.no-date", "Putin invited Trump to Moscow, and the trip is scheduled for May.", "conflict", "May"),
    ("date_unset", "moscow-visit.no-date", "Putin invited Trump to Moscow, but no date has been set for the trip.", "agree", "date"),
    ("place", "vance-meeting.germany", "Vance will meet Zelensky in Munich.", "agree", "Munich"),
    ("place", "vance-meeting.germany", "Vance will meet Zelensky in Rome on Friday.", None, None),
    ("place", "vance-meeting.germany", "Vance will meet Zelensky in Warsaw.", "conflict", "Warsaw"),
    ("place", "bessent-trip.ukraine", "Bessent travelled to Kyiv to discuss rare-earth minerals.", "agree", "Kyiv"),
    ("roles", "bessent-trip.ukraine", "Rubio will fly to Ukraine to discuss the rare-earth minerals deal.", "conflict", "Marco Rubio"),
    ("roles", "moscow-visit.invitation", "Trump invited Putin to visit Moscow.", "conflict", "the roles reversed"),
    ("roles", "moscow-visit.invitation", "Trump was invited by Putin to visit Moscow.", "agree", "Vladimir Putin"),
    ("roles", "vance-meeting.germany", "Vance is due to meet Putin in Germany.", "conflict", "Vladimir Putin"),
    ("roles", "zelensky.contracts", "Trump has proposed lucrative contracts for American companies to rebuild Ukraine.", "conflict", "Donald Trump"),
    ("title", "title.rubio", "Defense Secretary Marco Rubio will lead the team.", "conflict", "Defense Secretary"),
    ("title", "title.witkoff", "The team includes Steve Witkoff, the special envoy for Ukraine, and Rubio.", "conflict", "special envoy for Ukraine"),
    ("polarity", "hegseth.no-us-forces", "Hegseth said American troops would not be sent to Ukraine.", "agree", "negated"),
    ("polarity", "hegseth.no-us-forces", "Hegseth did not rule out sending US forces to Ukraine.", "conflict", "affirmed"),
    ("polarity", "talks.agreed", "Trump and Putin have not agreed to start negotiations immediately.", "conflict", "negated"),
    ("polarity", "zelensky.territory-swap", "Zelensky has ruled out any territorial exchange with Russia.", "conflict", "negated"),
    ("polarity", "moscow-visit.invitation", "Putin did not invite Trump to visit Moscow.", "conflict", "negated"),
    ("polarity", "moscow-visit.invitation", "Putin has invited Trump to Moscow.", "agree", "affirmed"),
    ("assessment", "hegseth.pre-2014-borders", "Hegseth said a return to the pre-2014 borders was not realistic.", "agree", "not realistic"),
    ("assessment", "hegseth.pre-2014-borders", "Hegseth called a return to the pre-2014 borders achievable.", "conflict", "achievable"),
    ("assessment", "trump.confidence", "Trump voiced doubt that a peaceful settlement was possible.", "conflict", "doubt"),
    ("modality", "hegseth.territorial-concessions", "Hegseth said Ukraine must give up territory.", "conflict", "must"),
    ("modality", "hegseth.territorial-concessions", "Hegseth said Ukraine might have to cede some land.", "agree", "might have to"),
    ("modality", "hegseth.european-troops", "Hegseth said European and non-European troops will be deployed.", "conflict", "will"),
    ("modality", "vance-meeting.germany", "Vance may meet Zelensky in Germany.", "conflict", "may"),
    ("modality", "hegseth.european-troops", "Hegseth ruled out European and non-European troops in Ukraine.", "conflict", "ruled_out"),
    ("ordinal", "putin-call.first-contact", "Trump and Putin spoke for the second time since the invasion.", "conflict", "second"),
    ("date_unset", "moscow-visit.no-date", "Putin invited Trump to visit Moscow next month.", "conflict", "next month"),
    ("assessment", "zelensky.position-of-power", "Zelensky wants Ukraine to negotiate from a position of weakness.", "conflict", "position of weakness"),
]


@pytest.mark.parametrize("slot, claim, text, status, found", CASES, ids=[f"{c[0]}:{c[2][:40]}" for c in CASES])
def test_kind_outcome(checker, slot, claim, text, status, found):
    got = outcome(checker, text, claim, slot)
    if status is None:
        assert got is None or got.status == "agree", got
        return
    assert got is not None, f"{claim} not judged on its {slot} in: {text}"
    assert got.status == status
    assert found in got.found


def test_a_contradiction_message_names_both_values(checker):
    report = checker.check("Trump held a 60-minute call with Zelensky.")
    hits = [h for f in report.findings if f.kind == "contradiction" for h in f.rules]
    assert [h.message for h in hits] == ["The reference gives 90 minutes; this says 60."]
    # the two values compared, as written and where: in the draft and in the reference article
    assert (hits[0].found.text, hits[0].found.start, hits[0].found.line, hits[0].found.column) == ("60-minute", 13, 1, 14)
    article = checker.reference.sources["seed-article"].article
    assert article[hits[0].reference.start:hits[0].reference.end] == hits[0].reference.text == "90-minute"


def test_a_date_before_the_event_is_not_its_schedule(checker):
    assert outcome(checker, "On Feb. 12, Putin invited Trump to Moscow.", "moscow-visit.no-date", "date_unset") is None


def test_two_wrong_identifying_slots_mean_another_event(checker):
    # wrong person and wrong place: not Vance's meeting at all, so no verdict on it
    assert not [j for j in judgements(checker, "Hegseth met NATO ministers in Brussels.") if j.claim.id == "vance-meeting.germany"]


def test_a_duration_belongs_to_its_own_call(checker):
    text = "After a 45-minute call with Putin, Trump phoned Zelensky."
    assert outcome(checker, text, "zelensky-call.duration", "duration") is None
    assert outcome(checker, text, "putin-call.lengthy", "duration").status == "agree"


def test_every_kind_module_has_the_registry_interface():
    for name, module in kinds.KINDS.items():
        assert module.__doc__ and module.__doc__.strip().split("\n")[0].startswith("Flags"), name
        assert isinstance(module.SLOT, str) and callable(module.compare) and module.Params is not None


@pytest.mark.parametrize("word, person", [("Zelenskky", "zelensky"), ("Hegsteth", "hegseth"), ("Ratclife", "ratcliffe"), ("Brussels", None), ("Russian", None), ("Vince", None)])
def test_misspelt_names_are_recognised_with_rapidfuzz(checker, word, person):
    assert checker.lexicon.misspelt_person(word) == person


def test_a_misspelt_name_still_finds_its_claim(checker):
    assert outcome(checker, "Trump then held a 60-minute call with Zelenskky.", "zelensky-call.duration", "duration").status == "conflict"
