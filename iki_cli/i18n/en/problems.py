"""Messages shared by every stage: suggestions (English)."""

MESSAGES: dict[str, str] = {
    "problems.did-you-mean": "; did you mean `{suggestion}`?",
    "problems.shortened": "{start}… ({count} characters)",
}
