"""Summarises `jfr print --events jdk.ExecutionSample` from standard input: the share of
samples by top frame, and by the first frame of our own code or of each library on the stack."""
import collections
import re
import sys

samples, top, owner = 0, collections.Counter(), collections.Counter()
frame = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(")
stack = None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and line.strip() == "]":
        if stack:
            samples += 1
            top[stack[0]] += 1
            areas = []
            for cls in stack:
                parts = cls.split(".")
                area = ".".join(parts[:3]) if parts[0] in ("org", "io", "com", "jdk") else ".".join(parts[:2])
                if area not in areas:
                    areas.append(area)
            for area in areas:
                owner[area] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))

print(f"{samples} execution samples")
print("hottest classes (top frame):")
for cls, n in top.most_common(12):
    print(f"  {100 * n / samples:5.1f}%  {cls}")
print("packages on the stack (inclusive):")
for area, n in owner.most_common(18):
    print(f"  {100 * n / samples:5.1f}%  {area}")
