#!/usr/bin/env bash
# Builds QunDesk's native package for the OS it runs on, with the JDK's jpackage.
#   packaging/package.sh              # app image (a folder with the launcher and its own Java runtime)
#   packaging/package.sh installer    # Linux .deb, macOS .dmg, Windows .msi (run under Git Bash / WSL-free bash)
#   packaging/package.sh installer target/dist/QunDesk
#                                     # the installer of an app image already built (e.g. trained by aot-train.sh),
#                                     # with the same name, version, description and dependencies
# Output: target/dist/. Needs JDK 25 (JAVA_HOME) with jpackage; .deb needs dpkg-deb and fakeroot,
# .msi needs the WiX toolset, .dmg needs macOS.
set -euo pipefail
cd "$(dirname "$0")/.."
KIND="${1:-app-image}"
FROM_IMAGE="${2:-}"
JAVA_HOME="${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
JPACKAGE="$JAVA_HOME/bin/jpackage"
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -n 1)

if [ -n "$FROM_IMAGE" ]; then
  [ "$KIND" = installer ] || { echo "An app image is packaged only as an installer: package.sh installer IMAGE" >&2; exit 1; }
  [ -d "$FROM_IMAGE" ] || { echo "No app image at $FROM_IMAGE (run packaging/package.sh first)" >&2; exit 1; }
  # jpackage writes the installer beside the image; the image itself stays
  find target/dist -maxdepth 1 -type f -delete 2>/dev/null || true
else
  ./mvnw -q -DskipTests package
  rm -rf target/jpackage-input target/dist
  mkdir -p target/jpackage-input target/dist
  cp target/qundesk.jar target/jpackage-input/
  cp -r target/lib target/jpackage-input/lib
fi

case "$(uname -s)" in
  Linux*)  OS=linux ;;
  Darwin*) OS=macos ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows ;;
  *) echo "Unsupported OS: $(uname -s)" >&2; exit 1 ;;
esac

# the JVM options the app runs with, one a line (comments start with #): the same file the bench uses
JVM_OPTIONS=(--java-options "--enable-native-access=ALL-UNNAMED")
while IFS= read -r opt; do
  case "$opt" in ''|'#'*) ;; *) JVM_OPTIONS+=(--java-options "$opt") ;; esac
done < src/main/resources/com/qundesk/app/jvm.options

# what every package says about itself (the menu entry shows the description)
META=(--name QunDesk --app-version "$VERSION" --vendor "QunDesk"
  --description "Console for WeChat and WeCom community managers" --dest target/dist)
if [ -n "$FROM_IMAGE" ]; then
  COMMON=(--app-image "$FROM_IMAGE" "${META[@]}")
else
  COMMON=(--input target/jpackage-input --main-jar qundesk.jar --main-class com.qundesk.app.Launcher
    "${META[@]}" "${JVM_OPTIONS[@]}"
    # the bundled runtime: the standard modules plus Chinese locale data and the GBK/GB18030 charsets
    --add-modules java.se,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.crypto.ec,jdk.zipfs
    # --generate-cds-archive: the default class-data archive a JDK has and a jlinked runtime lacks (without it the
    # app parsed every JDK class from the modules file: peak RSS at big 390-406 MiB, with it 348-354 MiB)
    --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive")
fi
# What the .deb needs beyond what jpackage finds by itself: GTK 3, which JavaFX's window toolkit loads at run time
# (so jpackage's library scan does not see it; Debian 13 / Ubuntu 24.04 name it libgtk-3-0t64), and a font with
# Chinese glyphs (a minimal system has none, and every group name would show as boxes).
LINUX_DEPS="libgtk-3-0t64 | libgtk-3-0, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

case "$OS" in
  linux)   ICON=(--icon packaging/linux/qundesk.png) ;;
  macos)   ICON=(--icon packaging/macos/qundesk.icns) ;;
  windows) ICON=(--icon packaging/windows/qundesk.ico) ;;
esac

if [ "$KIND" = "app-image" ] && [ -z "$FROM_IMAGE" ]; then
  "$JPACKAGE" --type app-image "${COMMON[@]}" "${ICON[@]}"
else
  case "$OS" in
    linux)   "$JPACKAGE" --type deb "${COMMON[@]}" "${ICON[@]}" --linux-package-name qundesk \
               --linux-shortcut --linux-menu-group Office --linux-app-category office \
               --linux-package-deps "$LINUX_DEPS" ;;
    macos)   "$JPACKAGE" --type dmg "${COMMON[@]}" "${ICON[@]}" --mac-package-identifier com.qundesk ;;
    windows) "$JPACKAGE" --type msi "${COMMON[@]}" "${ICON[@]}" --win-menu --win-shortcut --win-dir-chooser \
               --win-upgrade-uuid 6f1c2c1e-5b7e-4c1a-9b3e-2a9d0e7c4b11 ;;
  esac
fi
echo "Built into target/dist:"
ls -1 target/dist
