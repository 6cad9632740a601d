#!/usr/bin/env bash
# Trains the JDK AOT cache (JEP 483/514/515) of a built app image and makes its launcher use it.
#   packaging/package.sh                  # first: the app image in target/dist/QunDesk
#   packaging/aot-train.sh [APP_IMAGE]    # then: train the cache into the image (default target/dist/QunDesk)
# The training run starts the packaged app on a demo workspace, waits until the start view is drawn with its data
# (the app's start-up probe, -Dqundesk.probe.*, docs/performance.md) and quits normally; the JVM then writes the classes it loaded and
# linked, and their profiles, into lib/app/qundesk.aot, and -XX:AOTCache=$APPDIR/qundesk.aot is added to the
# launcher's configuration. A cache that does not fit (another JDK, changed jars) is ignored with a warning, so a
# stale one slows nothing down. Linux needs a display: DISPLAY, or xvfb-run (apt-get install xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
IMG="${1:-target/dist/QunDesk}"
case "$(uname -s)" in
  Linux*)  LAUNCHER="$IMG/bin/QunDesk"; APP="$IMG/lib/app" ;;
  Darwin*) LAUNCHER="$IMG/Contents/MacOS/QunDesk"; APP="$IMG/Contents/app" ;;
  MINGW*|MSYS*|CYGWIN*) LAUNCHER="$IMG/QunDesk.exe"; APP="$IMG/app" ;;
  *) echo "Unsupported OS: $(uname -s)" >&2; exit 1 ;;
esac
CFG="$APP/QunDesk.cfg"
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "No app image at $IMG (run packaging/package.sh first)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RUN=()
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "No DISPLAY and no xvfb-run (apt-get install xvfb)" >&2; exit 1; }
  RUN=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
# the launcher's cfg already names the options every start gets; the JVM reads these from JAVA_TOOL_OPTIONS too
PROBE="-Dqundesk.home=$WORK/home -Dqundesk.probe.firstFrame=$WORK/probe.properties -Dqundesk.probe.exitAfter=true"
"$LAUNCHER" demo --workspace "$WORK/train.qundesk" >/dev/null
awk '!/AOTCache=/' "$CFG" > "$WORK/cfg" && cat "$WORK/cfg" > "$CFG"
rm -f "$APP/qundesk.aot"
# two steps (record, then create) rather than -XX:AOTCacheOutput: the one-step form starts bin/java for the second
# step, and a jpackage runtime has no bin/java
JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$WORK/qundesk.aotconf $PROBE" \
  ${RUN[@]+"${RUN[@]}"} "$LAUNCHER" --workspace "$WORK/train.qundesk" 2> >(tee "$WORK/record.log" >&2)
[ -f "$WORK/probe.properties" ] || { echo "The training run did not reach its start view" >&2; exit 1; }
# a stack trace in the training run is a failure even when the cache gets written: it would hide a real one
if grep -q '^Exception in thread\|^Caused by:' "$WORK/record.log"; then
  echo "The training run threw an exception (above)" >&2
  exit 1
fi
JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$WORK/qundesk.aotconf -XX:AOTCache=$APP/qundesk.aot" \
  ${RUN[@]+"${RUN[@]}"} "$LAUNCHER" --workspace "$WORK/train.qundesk"
[ -s "$APP/qundesk.aot" ] || { echo "The JVM wrote no AOT cache" >&2; exit 1; }
# shellcheck disable=SC2016 # $APPDIR is expanded by the jpackage launcher, not here
awk '{ print } /^\[JavaOptions\]/ { print "java-options=-XX:AOTCache=$APPDIR/qundesk.aot" }' "$CFG" > "$WORK/cfg"
cat "$WORK/cfg" > "$CFG"
echo "AOT cache: $APP/qundesk.aot ($(du -h "$APP/qundesk.aot" | cut -f1)); $CFG uses it"
