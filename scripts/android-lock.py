#!/usr/bin/env python3
"""Writes android/libraries.lock: every library the Android app ships with
(and the Compose test rule), resolved the way Gradle resolves them.

Maven cannot read Google's Android poms (a dependency of an aar is declared
as a jar, versions as exact ranges), so this walks them itself: the highest
version asked for wins, and a pom's dependencyManagement aligns the versions
of its group (Gradle's constraints). Run it after changing a version in
app/build.gradle.kts or cradle/build.gradle.kts; scripts/android-libs.sh
fetches and checks what it wrote.
"""
import hashlib
import re
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

REPOS = ["https://maven.google.com", "https://repo.maven.apache.org/maven2"]
NS = {"m": "http://maven.apache.org/POM/4.0.0"}

# The app takes its Compose versions from this BOM, for every Compose module.
BOM = "androidx.compose:compose-bom:2024.12.01"
# What the Gradle build names, with the BOM's versions filled in.
MAIN = [
    "androidx.compose.material3:material3:1.3.1",
    "androidx.compose.material:material-icons-core:1.7.6",
    "androidx.compose.ui:ui:1.7.6",
    "androidx.activity:activity-compose:1.9.3",
    "androidx.lifecycle:lifecycle-runtime-compose:2.8.7",
    "androidx.core:core-ktx:1.15.0",
    "androidx.work:work-runtime-ktx:2.10.0",
    "androidx.annotation:annotation:1.9.1",
    "org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2",
    "org.jetbrains.kotlin:kotlin-stdlib:2.3.0",
    # The app ships JNA's aar (Android's natives); the same classes in the jar
    # carry the host's, which the tests load cradle_ffi with.
    "net.java.dev.jna:jna:5.18.1",
]
# Robolectric with the Compose test rule (JUnit 4).
TEST = [
    "androidx.compose.ui:ui-test-junit4:1.7.6",
    "androidx.compose.ui:ui-test-manifest:1.7.6",
    "org.robolectric:robolectric:4.14.1",
    # The API 35 framework, as Robolectric runs it.
    "org.robolectric:android-all-instrumented:15-robolectric-12650502-i7",
]
# The build's tools, resolved on their own: Kotlin with the Compose plugin,
# and the API 35 framework to compile against.
TOOLS = [
    "org.jetbrains.kotlin:kotlin-compiler-embeddable:2.3.0",
    "org.jetbrains.kotlin:kotlin-compose-compiler-plugin-embeddable:2.3.0",
    "org.robolectric:android-all:15-robolectric-12650502",
]
# Debian's aapt2 (Android 10) cannot read API 35's resource table; it links
# against API 34's. Public resource ids never change, so the app links the same.
RESOURCE_TABLE = ("org.robolectric", "android-all", "14-robolectric-10818077")
# The Kotlin stdlib is 2.3.0 (the compiler's); its old split modules are empty.
SKIP = {"org.jetbrains.kotlin:kotlin-stdlib-common", "org.jetbrains.kotlin:kotlin-stdlib-jdk7",
        "org.jetbrains.kotlin:kotlin-stdlib-jdk8", "org.jetbrains.kotlin:kotlin-bom"}


def fetch(path):
    for repo in REPOS:
        try:
            with urllib.request.urlopen(f"{repo}/{path}", timeout=60) as r:
                return repo, r.read()
        except urllib.error.HTTPError:  # the next repository may have it
            continue
    return None, None


def pom_path(g, a, v, ext="pom"):
    return f"{g.replace('.', '/')}/{a}/{v}/{a}-{v}.{ext}"


def version_key(v):
    """1.1.0-rc01 < 1.1.0 < 1.1.1: numbers first, then a release above its previews."""
    release, _, qualifier = v.partition("-")
    numbers = [int(p) for p in release.split(".") if p.isdigit()]
    return numbers + [0] * (4 - len(numbers)), qualifier == "", qualifier


def plain(v):
    return v.strip("[]()").split(",")[0].strip()


poms = {}


def pom(g, a, v):
    if (g, a, v) not in poms:
        repo, body = fetch(pom_path(g, a, v))
        poms[(g, a, v)] = (repo, None if body is None else ET.fromstring(body))
    return poms[(g, a, v)]


def text(node, tag, default=None):
    found = node.find(f"m:{tag}", NS)
    return found.text.strip() if found is not None and found.text else default


def deps(root, section):
    holder = root.find(f"m:{section}/m:dependencies", NS) if section else root.find("m:dependencies", NS)
    for d in [] if holder is None else holder.findall("m:dependency", NS):
        scope = text(d, "scope", "compile")
        version = text(d, "version")
        if scope in ("test", "provided", "system", "import") or text(d, "optional") == "true":
            continue
        if version is None or "$" in version:
            continue
        yield text(d, "groupId"), text(d, "artifactId"), plain(version)


def resolve(roots):
    chosen = {}
    _, bom = pom(*BOM.split(":"))
    constraints = {(g, a): v for g, a, v in deps(bom, "dependencyManagement")}
    pending = [tuple(r.split(":")) for r in roots]
    while pending:
        g, a, v = pending.pop()
        if f"{g}:{a}" in SKIP:
            continue
        v = max([v, constraints.get((g, a), v)], key=version_key)
        if (g, a) in chosen and version_key(chosen[(g, a)]) >= version_key(v):
            continue
        chosen[(g, a)] = v
        _, root = pom(g, a, v)
        if root is None:  # an old version the registry no longer serves; a newer one is asked for too
            continue
        for cg, ca, cv in deps(root, "dependencyManagement"):
            if version_key(cv) > version_key(constraints.get((cg, ca), "0")):
                constraints[(cg, ca)] = cv
                if (cg, ca) in chosen and version_key(chosen[(cg, ca)]) < version_key(cv):
                    pending.append((cg, ca, cv))
        pending.extend(deps(root, None))
    return chosen


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "android/libraries.lock"
    main_set = resolve(MAIN)
    everything = resolve(MAIN + TEST + [f"{g}:{a}:{v}" for (g, a), v in main_set.items()])
    # Robolectric's guava replaces the empty listenablefuture, as in Gradle's
    # test classpath; the androidx libraries must stay what the app ships.
    moved = {ga: (v, everything[ga]) for ga, v in main_set.items()
             if everything[ga] != v and ga[0].startswith("androidx")}
    if moved:
        raise SystemExit(f"the test libraries would change what the app ships: {moved}")
    tools = resolve(TOOLS)
    lines = ["# group:artifact:version:extension sha256 scope - written by scripts/android-lock.py"]
    for scope, (g, a), v in sorted([("main" if ga in main_set else "test", ga, v) for ga, v in everything.items()]
                                   + [("tool", ga, v) for ga, v in tools.items()], key=lambda e: (e[0], e[1])) \
            + [("tool", RESOURCE_TABLE[:2], RESOURCE_TABLE[2])]:
        repo, root = pom(g, a, v)
        if root is None:
            raise SystemExit(f"{g}:{a}:{v} is chosen, and no repository serves it")
        packaging = text(root, "packaging", "jar")
        if packaging == "pom":
            continue
        ext = "aar" if packaging == "aar" else "jar"
        _, body = fetch(pom_path(g, a, v, ext))
        if body is None:
            raise SystemExit(f"no {ext} for {g}:{a}:{v}")
        lines.append(f"{g}:{a}:{v}:{ext} {hashlib.sha256(body).hexdigest()} {scope}")
    out.write_text("\n".join(lines) + "\n")
    print(f"{out}: {len(lines) - 1} libraries", file=sys.stderr)


if __name__ == "__main__":
    main()
