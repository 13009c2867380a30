@echo off
rem Tong hop khoi thi dua: the khoi's report from input_khoi\.
rem Calls the main launcher beside it with one argument; see that file.
if exist "%~dp0Lap bao cao thi dua.bat" goto run
echo Khong thay tep "Lap bao cao thi dua" canh tep nay: hay giai nen ca tep .zip
echo ("Extract All...") roi chay tep nay trong thu muc vua giai nen.
if not defined THIDUA_NONINTERACTIVE pause
exit /b 2
:run
call "%~dp0Lap bao cao thi dua.bat" khoi %*
exit /b %ERRORLEVEL%
