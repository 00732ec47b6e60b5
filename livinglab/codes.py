"""Join codes: made from letters nobody mistakes, typed any way, shown as ABC-DEFG."""

import secrets

#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: 31**7 ≈ 2.75e10 possible codes: guessing one is hopeless at a throttled pace.
CODE_LENGTH = 7


def new_code() -> str:
    """A random join code, CODE_LENGTH characters from CODE_ALPHABET."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(typed: str) -> str:
    """The code as stored, from what someone typed: any case, spaces or dashes."""
    return "".join(ch for ch in str(typed).upper() if ch not in " -.\t")[:32]


def format_code(code: str) -> str:
    """The code as shown and read aloud: ABC-DEFG."""
    return f"{code[:3]}-{code[3:]}"
