#!/usr/bin/env python3
"""The size rules of COMMON.md and issue 8, measured: Swift files under Sources/ over 400 lines
and functions over 60 lines, longest first.

    scripts/code-size.py [--max-file N] [--max-function N] [DIR...]   (default: Sources)

A function is a `func`, `init`, `deinit` or `subscript` declaration, from its first line to the
line of the brace that closes its body (closures and computed properties are not counted on
their own); braces are counted outside comments and string literals (single-line, multi-line
and raw), so no swift-syntax is needed. Protocol requirements (no body) are not functions.
Nested functions are listed on their own and inside their parent. Exits 1 when anything is over.
"""
import argparse
import os
import re
import sys

DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|open|static|"
                         r"class|final|override|mutating|nonmutating|nonisolated|convenience|required|"
                         r"@inlinable|@discardableResult)\s+)*(func\s+[^\s(<]+|init[?!]?|deinit|subscript)\b")


def code_only(lines):
    """Each line with comments and string-literal contents blanked out (quotes kept)."""
    out = []
    in_block = 0
    in_multiline = None  # the closing delimiter of an open multi-line string, e.g. '"""' or '"""#'
    for line in lines:
        result = []
        i = 0
        n = len(line)
        while i < n:
            if in_multiline:
                end = line.find(in_multiline, i)
                if end < 0:
                    i = n
                    break
                i = end + len(in_multiline)
                in_multiline = None
                result.append('""')
                continue
            if in_block:
                if line.startswith("*/", i):
                    in_block -= 1
                    i += 2
                elif line.startswith("/*", i):
                    in_block += 1
                    i += 2
                else:
                    i += 1
                continue
            if line.startswith("//", i):
                break
            if line.startswith("/*", i):
                in_block += 1
                i += 2
                continue
            raw = re.match(r'(#*)("""|")', line[i:])
            if raw and (raw.group(1) == "" or line[i] == "#"):
                hashes, quote = raw.group(1), raw.group(2)
                start = i + len(hashes) + len(quote)
                if quote == '"""':
                    closing = '"""' + hashes
                    end = line.find(closing, start)
                    if end < 0:
                        in_multiline = closing
                        i = n
                        break
                    i = end + len(closing)
                else:
                    j = start
                    closing = '"' + hashes
                    while j < n and not line.startswith(closing, j):
                        j += 2 if line[j] == "\\" and not hashes else 1
                    i = j + len(closing)
                result.append('""')
                continue
            result.append(line[i])
            i += 1
        out.append("".join(result))
    return out


def functions(path):
    """(first line, last line, name) of every function body in the file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    code = code_only(lines)
    found = []
    for index, line in enumerate(code):
        match = DECLARATION.match(line)
        if not match:
            continue
        depth = 0
        opened = False
        for end in range(index, len(code)):
            text = code[end] if end > index else code[end][match.end():]
            for char in text:
                if char == "{":
                    depth += 1
                    opened = True
                elif char == "}":
                    depth -= 1
            if opened and depth <= 0:
                found.append((index + 1, end + 1, match.group(1)))
                break
            # A requirement without a body: the declaration ends before any brace opens.
            if not opened and end > index and DECLARATION.match(code[end]):
                break
    return found, len(lines) - (1 if lines and lines[-1] == "" else 0)


def main():
    parser = argparse.ArgumentParser(description="Swift files and functions over the size rules.")
    parser.add_argument("--max-file", type=int, default=400)
    parser.add_argument("--max-function", type=int, default=60)
    parser.add_argument("dirs", nargs="*", default=["Sources"])
    args = parser.parse_args()
    long_files, long_functions = [], []
    for top in args.dirs:
        for root, _, names in os.walk(top):
            for name in names:
                if not name.endswith(".swift"):
                    continue
                path = os.path.join(root, name)
                found, count = functions(path)
                if count > args.max_file:
                    long_files.append((count, path))
                for first, last, what in found:
                    if last - first + 1 > args.max_function:
                        long_functions.append((last - first + 1, f"{path}:{first}-{last}", what))
    for count, path in sorted(long_files, reverse=True):
        print(f"file {count} lines: {path}")
    for count, where, what in sorted(long_functions, reverse=True):
        print(f"function {count} lines: {where} {what}")
    if not long_files and not long_functions:
        print(f"no file over {args.max_file} lines, no function over {args.max_function}")
    return 1 if long_files or long_functions else 0


if __name__ == "__main__":
    sys.exit(main())
