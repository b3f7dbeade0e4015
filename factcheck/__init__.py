"""factcheck: check an article against canonical claims of a reference article."""
from __future__ import annotations

__version__ = "0.1.0"
