"""factcheck: check an article against canonical claims of a reference article."""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Checker", "Report", "__version__"]


def __getattr__(name: str):
    """The in-process API, imported on first use (the CLI's --version and the pytest plugin's
    start-up need none of it):

        from factcheck import Checker
        checker = Checker.load()                     # bundled references and rules, once per process
        report = checker.check(text)                 # against the reference the text is about
        report = checker.check(text, reference=article)   # against one article, nothing else
    """
    if name == "Checker":
        from .engine import Checker
        return Checker
    if name == "Report":
        from .models import Report
        return Report
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
