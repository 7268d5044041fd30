@echo off
rem The retort command of the distribution archive on Windows: runs Retort with lib\ and drivers\ on the classpath.
rem A JDBC driver jar dropped into drivers\ (Oracle, SQL Server) is found.
setlocal
set "RETORT_HOME=%~dp0.."
if defined JAVA_HOME (set "RETORT_JAVA=%JAVA_HOME%\bin\java.exe") else (set "RETORT_JAVA=java")
rem C1 only and Serial GC: a migration run is short, so start-up beats peak throughput.
if not defined RETORT_JAVA_OPTS set "RETORT_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"%RETORT_JAVA%" %RETORT_JAVA_OPTS% -cp "%RETORT_HOME%\lib\*;%RETORT_HOME%\drivers\*" dev.retort.cli.RetortCli %*
exit /b %ERRORLEVEL%
