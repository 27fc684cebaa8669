"""Messages shared by every stage: suggestions (Indonesian)."""

MESSAGES: dict[str, str] = {
    "problems.did-you-mean": "; mungkin maksudnya `{suggestion}`?",
    "problems.shortened": "{start}… ({count} karakter)",
}
