"""Writes N varied, valid demo-survey submissions, one per line (for wrk).

usage: ingest_bodies.py N [SEED] [--form]

By default each line is the JSON body of an API submission. With --form each line is
`LANG<TAB>FIELDS`: the language (sent as ?lang=) and the same kind of answers as the
citizens' HTML form posts them (application/x-www-form-urlencoded, the names of FormFields:
one field per choice, one position per ranked option), without the CSRF token, which the
load generator adds from the page it fetched first.
"""
import json
import random
import sys
from urllib.parse import urlencode

from submissions import submission


def form_fields(s: dict) -> list:
    fields = [("region", s["region"])]
    for key, value in s["answers"].items():
        if isinstance(value, list) and key == "priorities":
            fields += [("answers.priorities." + option, str(rank)) for rank, option in enumerate(value, 1)]
        elif isinstance(value, list):
            fields += [("answers." + key, choice) for choice in value]
        else:
            fields.append(("answers." + key, str(value)))
    return fields


args = [a for a in sys.argv[1:] if not a.startswith("--")]
form = "--form" in sys.argv
rng = random.Random(int(args[1]) if len(args) > 1 else 7)
for _ in range(int(args[0])):
    s = submission(rng)
    if form:
        print(s["language"] + "\t" + urlencode(form_fields(s)))
    else:
        print(json.dumps(s, ensure_ascii=False))
