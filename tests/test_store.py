"""The store of extracted references: the index finds the reference a text is about among many,
the cache on disk keeps extraction out of start-up, and nothing it holds can change a verdict."""
import json
import os
import shutil
from pathlib import Path

import pytest

from factcheck.frames.store import CANDIDATES

from factcheck.engine import Checker, local_id
from factcheck.frames import store as store_module
from factcheck.frames.checker import FrameChecker
from factcheck.paths import data_dir

ROOT = Path(__file__).resolve().parents[1]
REFS = ROOT / "tests" / "refs"
NAMES = ["fed-cut", "bridge", "euro-final", "notre-dame", "wimbledon", "outage"]


def _findings(report):
    return {(f.span.start, f.kind, local_id(f.claim.id) if f.claim else "") for f in report.findings}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The bundled references and six of tests/refs' articles, without claims files."""
    seeds = tmp_path_factory.mktemp("store") / "seeds"
    shutil.copytree(data_dir("seeds"), seeds)
    for name in NAMES:
        shutil.copy(REFS / name / "reference.txt", seeds / f"{name}.txt")
    return seeds


@pytest.fixture(scope="module")
def store_checker(seeds, tmp_path_factory):
    return Checker.load(seeds, cache_dir=tmp_path_factory.mktemp("cache"))


def _cases(name):
    return [json.loads(p.read_text())["text"] for p in sorted((REFS / name / "cases").glob("*.json"))]


@pytest.mark.parametrize("name", NAMES)
def test_a_text_is_checked_against_the_reference_it_is_about(store_checker, name):
    article = (REFS / name / "reference.txt").read_text(encoding="utf-8")
    for text in _cases(name):
        report = store_checker.check(text)
        assert report.reference == name
        assert _findings(report) == _findings(store_checker.check_against(text, article))


def test_texts_about_the_hand_claimed_references_keep_their_verdicts(store_checker, checker):
    """Adding extracted references changes nothing for a text about the bundled ones."""
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        text = json.loads(path.read_text())["text"]
        assert _findings(store_checker.check(text)) == _findings(checker.check(text)), path.name


def test_a_warm_cache_keeps_extraction_out_of_start_up(seeds, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = Checker.load(seeds, cache_dir=cache)
    assert len(list(cache.glob("*.terms.pickle"))) == len(NAMES)

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again although the cache has it")
    monkeypatch.setattr(FrameChecker, "extract", no_extraction)
    second = Checker.load(seeds, cache_dir=cache)
    assert not second.store._loaded                      # claims are read when a text is about them
    text = _cases("fed-cut")[0]
    assert _findings(second.check(text)) == _findings(first.check(text))
    assert list(second.store._loaded) == ["fed-cut"]


def test_an_edited_article_or_review_is_extracted_again(seeds, tmp_path):
    own = tmp_path / "seeds"
    shutil.copytree(seeds, own)
    cache = tmp_path / "cache"
    ids = [c for c in Checker.load(own, cache_dir=cache).claim_refs if c.startswith("fed-cut.")]
    (own / "fed-cut.review.json").write_text(json.dumps({"remove": [ids[0]]}))
    assert ids[0] not in Checker.load(own, cache_dir=cache).claim_refs
    (own / "fed-cut.txt").write_text("The Federal Reserve held rates steady on Wednesday, its chair said.\n")
    (own / "fed-cut.review.json").unlink()
    assert sorted(c for c in Checker.load(own, cache_dir=cache).claim_refs if c.startswith("fed-cut.")) == ["fed-cut.s01.hold-federal-reserve"]


def test_a_damaged_cache_file_is_extracted_again(seeds, tmp_path):
    cache = tmp_path / "cache"
    Checker.load(seeds, cache_dir=cache)
    for path in cache.glob("*.pickle"):
        path.write_bytes(path.read_bytes()[:20])          # truncated, as by a crash mid-write
    checker = Checker.load(seeds, cache_dir=cache)
    text = _cases("wimbledon")[0]
    article = (REFS / "wimbledon" / "reference.txt").read_text(encoding="utf-8")
    assert _findings(checker.check(text)) == _findings(checker.check_against(text, article)) != set()


def test_an_unwritable_cache_keeps_every_reference_in_memory(seeds, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    checker = Checker.load(seeds, cache_dir=blocked / "cache")
    assert not checker.store.cache.enabled and len(checker.store._held) == len(NAMES)
    assert checker.check(_cases("outage")[0]).reference == "outage"


def test_the_cache_directory_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "here"))
    assert store_module.default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert store_module.default_cache_dir() == tmp_path / "xdg" / "factcheck"


def test_ranking_counts_rare_terms_and_skips_common_ones(store_checker, monkeypatch):
    store = store_checker.store
    ranked = store.ranked("The Francis Scott Key Bridge collapsed after the Dali struck a pier in Baltimore.")
    assert ranked[0][1] == "bridge" and ranked[0][0] > 2 * ranked[1][0]
    monkeypatch.setattr(store_module, "COMMON", 0)        # every term "common": nothing found, at no cost
    store._index_built = None
    assert store.ranked("The Francis Scott Key Bridge collapsed in Baltimore.") == []


def test_the_synthetic_store_is_the_same_for_a_seed(tmp_path):
    from factcheck.bench.synthetic import Pool, articles
    pool = Pool(("Marco Rubio", "Sergei Lavrov"), ("Riyadh",))
    first = list(articles(20, 7, pool))
    assert first == list(articles(20, 7, pool)) and first != list(articles(20, 8, pool))
    assert any("Rubio" in text or "Lavrov" in text for _, text in first)      # near-misses of real references
    assert len({sid for sid, _ in first}) == 20 and os.path.commonprefix([s for s, _ in first]).startswith("syn-")


def test_the_in_process_api():
    import factcheck
    checker = factcheck.Checker.load()
    report = checker.check("Vance will hold talks with Putin in Germany.")
    assert isinstance(report, factcheck.Report) and report.reference == "seed-article" and report.summary.contradictions == 1
    article = (REFS / "fed-cut" / "reference.txt").read_text(encoding="utf-8")
    draft = "The Federal Reserve cut interest rates by a quarter of a percentage point on Wednesday."
    against = checker.check(draft, reference=article)
    assert against.reference == "reference" and against.summary.contradictions == 1
    assert _findings(against) == _findings(checker.check_against(draft, article))
    with pytest.raises(factcheck.engine.InputError, match="not both"):
        checker.check(draft, reference=article, source="seed-article")


def test_a_large_store_lists_only_what_a_text_was_checked_against(seeds, tmp_path):
    from factcheck.bench.synthetic import articles
    own = tmp_path / "seeds"
    shutil.copytree(seeds, own)
    for sid, text in articles(50, 3):
        (own / f"{sid}.txt").write_text(text, encoding="utf-8")
    checker = Checker.load(own, cache_dir=tmp_path / "cache")
    assert len(checker.source_ids) == 2 + len(NAMES) + 50
    report = checker.check(_cases("wimbledon")[0])
    assert report.reference == "wimbledon" and report.sources == sorted(["riyadh-talks", "seed-article", "wimbledon"])
    listed = set(checker.check("Vance will hold talks with Putin in Germany.").sources)
    assert {"riyadh-talks", "seed-article"} <= listed and len(listed) <= 2 + CANDIDATES      # and the few ranked close


def test_loading_the_bundled_references_leaves_the_frame_analysis_unloaded():
    """No extracted reference: the frame checker (English, the gazetteer; half a second) is not
    loaded at start-up, so a CLI check of the bundled references starts in half the time."""
    checker = Checker.load()
    assert "frames" not in checker.__dict__
    checker.check("Vance will hold talks with Putin in Germany.")
    assert "frames" not in checker.__dict__



def test_a_text_the_hand_claimed_checker_does_not_take_goes_to_the_best_ranked_extracted_one(store_checker):
    """The names rank a bundled reference first, but none of its claims is matched: the text is
    checked against the extracted references it ranks best, not the first by name."""
    names = "Trump, Putin, Zelensky, Rubio and Lavrov were not mentioned in Riyadh or Kyiv. "
    tried = 0
    for name in ("fed-cut", "euro-final", "wimbledon", "outage"):
        for claim in store_checker.store.get(name).claims[:6]:
            text = names + claim.statement
            found = store_checker.store.candidates(text)
            ranked = found.checked
            if not found.hand_first:
                continue
            tried += 1
            report = store_checker.check(text)
            assert report.reference in ranked and report.summary.agreements + report.summary.contradictions, (name, text)
    assert tried >= 5


def test_an_article_edited_after_start_up_is_not_cached_as_the_old_one(seeds, tmp_path):
    own, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(seeds, own)
    original = (own / "fed-cut.txt").read_text(encoding="utf-8")
    checker = Checker.load(own, cache_dir=cache)
    count = len([c for c in checker.claim_refs if c.startswith("fed-cut.")])
    for path in cache.glob("*.pickle"):
        if not path.name.endswith(".terms.pickle"):
            path.unlink()                                  # the cache is safe to delete
    fresh = Checker.load(own, cache_dir=cache)             # terms cached, claims not
    (own / "fed-cut.txt").write_text("The Federal Reserve held rates steady, its chair said.\n", encoding="utf-8")
    assert len(fresh.store.get("fed-cut").claims) == 1     # read as it is now...
    (own / "fed-cut.txt").write_text(original, encoding="utf-8")
    again = Checker.load(own, cache_dir=cache)             # ...but never cached as the old article
    assert len([c for c in again.claim_refs if c.startswith("fed-cut.")]) == count


def test_no_home_directory_means_no_cache_not_a_crash(seeds, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert store_module.default_cache_dir() is None
    checker = Checker.load(seeds)
    assert not checker.store.cache.enabled and checker.check(_cases("outage")[0]).reference == "outage"


def test_a_report_does_not_share_the_checkers_list_of_sources(store_checker):
    report = store_checker.check(_cases("bridge")[0])
    report.sources.clear()
    assert store_checker.check(_cases("bridge")[0]).sources and store_checker.source_ids


def test_the_hand_claimed_checker_reads_no_extracted_reference(seeds, tmp_path):
    checker = Checker.load(seeds, cache_dir=tmp_path / "cache")
    checker.store._loaded.clear()
    checker.check("Vance will hold talks with Putin in Germany.")
    # at most the few extracted references it ranks close are read, never all of them
    assert len(checker.store._loaded) <= CANDIDATES and checker._claim_refs is None
