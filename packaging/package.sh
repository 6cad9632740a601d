#!/usr/bin/env bash
# Builds QunDesk's native package for the OS it runs on, with the JDK's jpackage.
#   packaging/package.sh              # app image (a folder with the launcher and its own Java runtime)
#   packaging/package.sh installer    # Linux .deb, macOS .dmg, Windows .msi (run under Git Bash / WSL-free bash)
# Output: target/dist/. Needs JDK 25 (JAVA_HOME) with jpackage; .deb needs dpkg-deb and fakeroot,
# .msi needs the WiX toolset, .dmg needs macOS.
set -euo pipefail
cd "$(dirname "$0")/.."
KIND="${1:-app-image}"
JAVA_HOME="${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
JPACKAGE="$JAVA_HOME/bin/jpackage"
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -n 1)

./mvnw -q -DskipTests package
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp target/qundesk.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib

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

COMMON=(--input target/jpackage-input --main-jar qundesk.jar --main-class com.qundesk.app.Launcher
  --name QunDesk --app-version "$VERSION" --vendor "QunDesk"
  --description "Console for WeChat and WeCom community managers"
  "${JVM_OPTIONS[@]}" --dest target/dist
  # the bundled runtime: the standard modules plus Chinese locale data and the GBK/GB18030 charsets
  --add-modules java.se,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.crypto.ec,jdk.zipfs
  # --generate-cds-archive: the default class-data archive a JDK has and a jlinked runtime lacks (without it the
  # app parsed every JDK class from the modules file: peak RSS at big 390-406 MiB, with it 348-354 MiB)
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive")

case "$OS" in
  linux)   ICON=(--icon packaging/linux/qundesk.png) ;;
  macos)   ICON=(--icon packaging/macos/qundesk.icns) ;;
  windows) ICON=(--icon packaging/windows/qundesk.ico) ;;
esac

if [ "$KIND" = "app-image" ]; then
  "$JPACKAGE" --type app-image "${COMMON[@]}" "${ICON[@]}"
else
  case "$OS" in
    linux)   "$JPACKAGE" --type deb "${COMMON[@]}" "${ICON[@]}" --linux-package-name qundesk \
               --linux-shortcut --linux-menu-group Office --linux-app-category office ;;
    macos)   "$JPACKAGE" --type dmg "${COMMON[@]}" "${ICON[@]}" --mac-package-identifier com.qundesk ;;
    windows) "$JPACKAGE" --type msi "${COMMON[@]}" "${ICON[@]}" --win-menu --win-shortcut --win-dir-chooser \
               --win-upgrade-uuid 6f1c2c1e-5b7e-4c1a-9b3e-2a9d0e7c4b11 ;;
  esac
fi
echo "Built into target/dist:"
ls -1 target/dist
