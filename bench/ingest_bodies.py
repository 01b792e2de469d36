"""Writes N varied, valid demo-survey submissions, one JSON document per line (for wrk)."""
import json
import random
import sys

from submissions import submission

rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
for _ in range(int(sys.argv[1])):
    print(json.dumps(submission(rng), ensure_ascii=False))
