"""What a name or an acronym must look like to be looked for in the text.

The linker and the glossary match a name wherever it stands as a whole word, case-sensitively. A
name that is an ordinary word ("to", "The") or all in lower case would match the paper's own
words everywhere (an alias "to" made 84 words mentions of IOM; a glossary term "the" wrapped 552
words in <abbr>), and a name of one letter matches initials and list markers.
"""

from __future__ import annotations

# English function words, which the paper uses in their ordinary sense. An acronym written in
# capitals ("WHO", "US") is a name even where its lower-case form is one of these.
COMMON_WORDS = frozenset("""
a about above across after against all also am among an and any are as at be been before being
below between both but by can could did do does down during each either for from had has have he
her hers him his how i if in into is it its itself may me might more most much must my neither no
nor not of off on once one only or other our ours out over own per same she should since so some
such than that the their theirs them then there these they this those though through thus to too
under until up upon us very was we were what when where whether which while who whom whose why
will with within without would yet you your
""".split())
MIN_LETTERS = 2


def name_problem(name: str, kind: str = "a name") -> str | None:
    """Why `name` cannot be looked for in the text, as a message; None if it can. `kind` says what
    was expected ("a name", "an acronym")."""
    letters = sum(character.isalpha() for character in name)
    if letters < MIN_LETTERS:
        return f"“{name}” has fewer than {MIN_LETTERS} letters, too short to be a name; expected {kind} in full, as the paper prints it"
    if name.lower() in COMMON_WORDS and not name.isupper():
        return (f"“{name}” is a common word, which would be taken for it wherever the paper uses the word; "
                f"expected {kind} as the paper prints it, with its capitals")
    if name == name.lower():
        return (f"“{name}” is all in lower case, so it would match the paper's ordinary words; "
                f"expected {kind} as the paper prints it, with its capitals")
    return None
