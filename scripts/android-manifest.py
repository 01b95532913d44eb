#!/usr/bin/env python3
"""Merges the app's manifest with its libraries', as the Android Gradle
plugin's manifest merger does for the parts the app relies on: the
namespace and SDK levels from app/build.gradle.kts, each library's
permissions and components, and one element per component name with the
children of all (androidx.startup's provider gathers every initializer).

Usage: android-manifest.py APP_MANIFEST OUT LIBRARY_MANIFEST...
"""
import sys
import xml.etree.ElementTree as ET

ANDROID = "http://schemas.android.com/apk/res/android"
TOOLS = "http://schemas.android.com/tools"
NAME = f"{{{ANDROID}}}name"
PACKAGE = "org.cradle.app"
ET.register_namespace("android", ANDROID)
ET.register_namespace("tools", TOOLS)


def full_name(name, package):
    return package + name if name.startswith(".") else name


def main(app_path, out_path, libraries):
    app = ET.parse(app_path).getroot()
    app.set("package", PACKAGE)
    app.set(f"{{{ANDROID}}}versionCode", "1")
    app.set(f"{{{ANDROID}}}versionName", "0.1.0")
    uses_sdk = ET.Element("uses-sdk", {f"{{{ANDROID}}}minSdkVersion": "26", f"{{{ANDROID}}}targetSdkVersion": "35"})
    app.insert(0, uses_sdk)
    application = app.find("application")
    permissions = {p.get(NAME) for p in app.findall("uses-permission")}
    components = {full_name(c.get(NAME), PACKAGE): c for c in application}
    for path in libraries:
        library = ET.parse(path).getroot()
        package = library.get("package", "")
        for p in library.findall("permission"):
            p.set(NAME, p.get(NAME).replace("${applicationId}", PACKAGE))
            app.insert(1, p)
        for p in library.findall("uses-permission"):
            name = p.get(NAME).replace("${applicationId}", PACKAGE)
            if name not in permissions:
                permissions.add(name)
                app.insert(1, ET.Element("uses-permission", {NAME: name}))
        for c in [] if library.find("application") is None else library.find("application"):
            for key, value in c.attrib.items():
                c.set(key, value.replace("${applicationId}", PACKAGE))
            name = full_name(c.get(NAME, ""), package)
            c.set(NAME, name)
            if name in components:
                components[name].extend(list(c))
            else:
                components[name] = c
                application.append(c)
    # tools: attributes are for the merger; the built manifest has none.
    for element in app.iter():
        for key in [k for k in element.attrib if k.startswith(f"{{{TOOLS}}}")]:
            del element.attrib[key]
    ET.ElementTree(app).write(out_path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
