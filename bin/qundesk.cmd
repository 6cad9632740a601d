@echo off
rem The command line of QunDesk on Windows: the same as bin/qundesk (see there). For a command (any argument that is
rem not an option or an option's value) the quick compiler only, and the AOT cache target\qundesk-cli.aot when
rem bin/qundesk-aot-train made it; without a command the jar opens the window with the app's options.
setlocal EnableDelayedExpansion
set "JAR=%QUNDESK_JAR%"
if "%JAR%"=="" set "JAR=%~dp0..\target\qundesk.jar"
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
if not exist "%JAR%" (
  echo qundesk: no %JAR% ^(build it with mvnw -q -DskipTests package^) 1>&2
  exit /b 1
)
for %%F in ("%JAR%") do set "AOT=%%~dpFqundesk-cli.aot"
set "CMD="
set "SKIP="
for %%A in (%*) do (
  if defined SKIP (
    set "SKIP="
  ) else if "%%~A"=="--workspace" (
    set "SKIP=1"
  ) else if "%%~A"=="--operator" (
    set "SKIP=1"
  ) else if "%%~A"=="--import" (
    set "SKIP=1"
  ) else (
    set "ARG=%%~A"
    if not "!ARG:~0,1!"=="-" if not defined CMD set "CMD=%%~A"
  )
)
rem the window: the memory options of jvm.options (docs/performance.md, "4. Memory"); a command keeps its own
set "EXTRA=-XX:TieredStopAtLevel=1 -XX:MaxNewSize=16m"
if defined CMD (
  set "EXTRA=-XX:TieredStopAtLevel=1 -Xms160m -Xmn96m"
  if exist "!AOT!" set "EXTRA=-XX:AOTCache=!AOT! -XX:TieredStopAtLevel=1 -Xms160m -Xmn96m"
)
"%JAVA%" -XX:+UseSerialGC -Xms32m -Xmx2g %EXTRA% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
