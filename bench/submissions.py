"""Realistic, varied, valid answers to the demo survey, shared by the benchmark clients."""
import random

REGIONS = ["UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30",
           "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59",
           "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77"]
ARRANGEMENTS = ["sez", "dmz", "return", "recognition", "referendum_later", "unsure"]
GUARANTEES = ["us", "eu", "nato", "un", "army", "treaty"]
PRIORITIES = ["peace", "integrity", "return", "reconstruction", "justice"]
AGES = ["18_29", "30_44", "45_59", "60_plus"]


def answers(rng: random.Random) -> dict:
    """One plausible response: some questions skipped, partial rankings, an occasional comment."""
    a = {"arrangement": rng.choice(ARRANGEMENTS)}
    if rng.random() < 0.9:
        a["guarantees"] = rng.sample(GUARANTEES, rng.randint(1, 3))
    if rng.random() < 0.9:
        a["trust"] = rng.randint(1, 5)
    if rng.random() < 0.8:
        a["priorities"] = rng.sample(PRIORITIES, rng.randint(1, 5))
    if rng.random() < 0.8:
        a["referendum"] = rng.choice(["yes", "no", "unsure"])
    if rng.random() < 0.9:
        a["age_group"] = rng.choice(AGES)
    if rng.random() < 0.1:
        a["comment"] = "Коментар №%d: мир і безпека" % rng.randint(1, 10 ** 6)
    return a


def submission(rng: random.Random) -> dict:
    return {"region": rng.choice(REGIONS), "language": rng.choice(["uk", "ru", "en"]), "answers": answers(rng)}
