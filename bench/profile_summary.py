"""Summarises `jfr print --events jdk.ExecutionSample` from standard input: the share of
samples by thread, by top frame, by the first frame of our own code or of each library on the
stack, and by the innermost Viche method on the stack (what our code asked for, the libraries'
time included: a JDBC call made by TallyWriter counts as TallyWriter's)."""
import collections
import re
import sys

samples = 0
top, owner, ours, threads = (collections.Counter() for _ in range(4))
frame = re.compile(r"^\s+([\w$.]+)\.([\w$<>]+)\(")
thread = re.compile(r'^\s+sampledThread = "([^"]*)"')
stack, name = None, "?"
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack, name = [], "?"
    elif stack is not None and (m := thread.match(line)):
        name = re.sub(r"\d+", "N", m.group(1))
    elif stack is not None and line.strip() == "]":
        if stack:
            samples += 1
            threads[name] += 1
            top[stack[0][0]] += 1
            areas = []
            for cls, _ in stack:
                parts = cls.split(".")
                area = ".".join(parts[:3]) if parts[0] in ("org", "io", "com", "jdk") else ".".join(parts[:2])
                if area not in areas:
                    areas.append(area)
            for area in areas:
                owner[area] += 1
            mine = next((f"{cls.removeprefix('org.viche.')}.{method}" for cls, method in stack
                         if cls.startswith("org.viche.") and "$$" not in cls), "(no Viche frame: HTTP, security, framework)")
            ours[mine] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append((m.group(1), m.group(2)))


def show(title, counter, n):
    print(title)
    for key, count in counter.most_common(n):
        print(f"  {100 * count / samples:5.1f}%  {key}")


print(f"{samples} execution samples")
show("by thread:", threads, 8)
show("hottest classes (top frame):", top, 12)
show("packages on the stack (inclusive):", owner, 20)
show("innermost Viche method on the stack (inclusive of the libraries it calls):", ours, 20)
