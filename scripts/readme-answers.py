#!/usr/bin/env python3
"""Writes the README's answers to its three questions: runs each question's
command (the lines in the README, as written) with --format json and puts
the findings sentences between the README's `<!-- answer N -->` and
`<!-- end answer N -->` markers. With --check, changes nothing and exits 1
when the README differs (a test runs this, so the quoted answers are always
what the commands print).

    python3 scripts/readme-answers.py            # rewrite README.md
    python3 scripts/readme-answers.py --check    # exit 1 on drift

The simrun binary: $SIMRUN, else .build/release/simrun.
"""
import json, os, re, shlex, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIMRUN = os.environ.get("SIMRUN") or os.path.join(ROOT, ".build", "release", "simrun")
README = os.path.join(ROOT, "README.md")


def answer(command):
    """The findings of `command` (a README line starting with `simrun `), as Markdown quotes."""
    args = shlex.split(command)[1:] + ["--format", "json", "--quiet"]
    out = subprocess.run([SIMRUN] + args, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    findings = json.loads(out)["findings"]
    lines = [f"> - {s['text']}" for s in findings["sentences"]]
    return "\n".join(lines + [">", f"> _{findings['method']}_"])


def main():
    text = open(README, encoding="utf-8").read()
    pattern = re.compile(r"(```sh\n(simrun [^\n]*)\n```\n\n<!-- answer (\d) -->\n)(.*?)(<!-- end answer \3 -->)", re.S)
    found = 0

    def replace(m):
        nonlocal found
        found += 1
        return m.group(1) + answer(m.group(2)) + "\n" + m.group(5)

    new = pattern.sub(replace, text)
    if found != 3:
        sys.exit(f"readme-answers: expected 3 answer blocks in README.md, found {found}")
    if "--check" in sys.argv[1:]:
        if new != text:
            sys.exit("readme-answers: the README's answers differ from what the commands print; run python3 scripts/readme-answers.py")
        print("readme-answers: the README's three answers are what the commands print")
        return
    open(README, "w", encoding="utf-8").write(new)
    print("readme-answers: wrote the README's three answers")


if __name__ == "__main__":
    main()
