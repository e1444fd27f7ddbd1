"""Words for the model's values shared by the screens and the exports (pure data)."""

from __future__ import annotations

from rankplan.core.model import SoapOption, Tier

SOAP_WORDS: dict[SoapOption, str] = {
    SoapOption.PRELIM_MEDICINE: "Preliminary medicine",
    SoapOption.PRELIM_SURGERY: "Preliminary surgery",
    SoapOption.TRANSITIONAL: "Transitional year",
    SoapOption.CATEGORICAL_FM: "Family medicine (categorical)",
    SoapOption.CATEGORICAL_IM: "Internal medicine (categorical)",
    SoapOption.CATEGORICAL_PSYCH: "Psychiatry (categorical)",
    SoapOption.CATEGORICAL_PEDS: "Pediatrics (categorical)",
}

TIER_WORDS: dict[Tier, str] = {
    Tier.LESS: "less competitive",
    Tier.MODERATE: "moderately competitive",
    Tier.HIGH: "highly competitive",
}


def more_needed_figure(n: int | None) -> str:
    """One "what more it takes" figure, short: "0", "+3" or ">20"."""
    if n is None:
        return ">20"
    return f"+{n}" if n else "0"
