"""Compares what clients were told (ACKS: JSON lines from retrying_client.py) with what is
stored (psql output of response ids) and published (results JSON for an admin).

usage: check_stored.py ACKS STORED_IDS RESULTS_JSON
Exit code 1 on any difference: an acknowledged response missing, one stored twice, or a
region/option count in the results that differs from the clients' own tally.
"""
import collections
import json
import sys

acks = [json.loads(line) for line in open(sys.argv[1])]
stored = [line.strip() for line in open(sys.argv[2]) if line.strip()]
results = json.load(open(sys.argv[3]))
problems = []

acked_ids = collections.Counter(a["id"] for a in acks)
stored_ids = collections.Counter(stored)
missing = [i for i in acked_ids if i not in stored_ids]
duplicated_keys = [i for i, n in acked_ids.items() if n > 1]
extra = [i for i in stored_ids if i not in acked_ids]
if missing:
    problems.append(f"{len(missing)} acknowledged responses are not stored")
if duplicated_keys:
    problems.append(f"{len(duplicated_keys)} ids were acknowledged for two different keys")
if any(n > 1 for n in stored_ids.values()):
    problems.append("an id is stored twice")

expected = collections.Counter((a["region"], a["arrangement"]) for a in acks)
arrangement = next(q for q in results["questions"] if q["key"] == "arrangement")
published = collections.Counter()
for cell in arrangement["byRegion"]:
    for option in cell.get("options", []):
        if option["count"]:
            published[(cell["region"], option["key"])] = option["count"]
if results["responses"] != len(acks) + len(extra):
    problems.append(f"results count {results['responses']} responses, clients were acknowledged {len(acks)}"
                    f" (+{len(extra)} stored without an acknowledgement)")
if extra:
    # a request that was committed but whose answer was lost in a crash and never retried
    print(f"note: {len(extra)} stored responses were never acknowledged (answer lost in the crash)")
else:
    diff = {k: (expected[k], published[k]) for k in set(expected) | set(published) if expected[k] != published[k]}
    if diff:
        problems.append(f"published counts differ from the clients' tally: {sorted(diff.items())[:5]}")

print(f"acknowledged: {len(acks)}, stored: {len(stored)}, published: {results['responses']}")
for p in problems:
    print("PROBLEM: " + p)
sys.exit(1 if problems else 0)
