@echo off
chcp 65001 >nul
rem Lap bao cao thi dua (Windows): double-click to write the year-end report from input\.
rem With an argument it runs that command instead: check, init, khoi (and run.py's options).
rem This file only finds Python 3.11+ and calls pipeline\launch.py, which sets up .venv (offline
rem from wheels\ when present), runs run.py and opens the output folder.
rem Kept ASCII-only, with CRLF line ends, on purpose: cmd decodes each line of a .bat in the
rem console code page current when it reads the line, and finds labels reliably only with CRLF.
rem The Vietnamese text is printed by Python, which writes to the console in Unicode.
setlocal
rem pushd, not cd: a folder on a network share (\\server\share) gets a drive letter.
pushd "%~dp0"
if not exist "run.py" goto not_extracted
if not exist "pipeline\launch.py" goto not_extracted

set "PY="
set "PYARGS="
for %%v in (3.13 3.12 3.11) do call :try_py -%%v
for %%v in (313 312 311) do if not defined PY if exist "%LOCALAPPDATA%\Programs\Python\Python%%v\python.exe" set "PY=%LOCALAPPDATA%\Programs\Python\Python%%v\python.exe"
for %%v in (313 312 311) do if not defined PY if exist "%ProgramFiles%\Python%%v\python.exe" set "PY=%ProgramFiles%\Python%%v\python.exe"
call :try_py -3
call :try_python
if not defined PY goto no_python

"%PY%" %PYARGS% -m pipeline.launch %*
set "CODE=%ERRORLEVEL%"
goto end

:try_py
if defined PY exit /b 0
py %1 -c "import sys, ensurepip; sys.exit(sys.version_info < (3, 11))" >nul 2>&1 || exit /b 0
set "PY=py"
set "PYARGS=%1"
exit /b 0

:try_python
rem Without Python, "python" may be the Microsoft Store stub: it fails this check.
if defined PY exit /b 0
python -c "import sys, ensurepip; sys.exit(sys.version_info < (3, 11))" >nul 2>&1 || exit /b 0
set "PY=python"
exit /b 0

:not_extracted
echo Khong thay run.py va thu muc pipeline canh tep nay.
echo  - Neu dang mo tep nay ben trong tep .zip: bam chuot phai vao tep .zip, chon
echo    "Extract All..." (Giai nen tat ca), mo thu muc vua giai nen, bam dup lai vao tep nay.
echo  - Neu da chep rieng tep nay ra Desktop: xoa ban chep do; vao thu muc thidua, bam chuot
echo    phai vao tep nay, chon "Send to", "Desktop (create shortcut)" de tao loi tat.
set "CODE=2"
goto end

:no_python
echo Chua co Python tren may nay: can Python 3.11, 3.12 hoac 3.13, ban 64-bit.
echo Cai Python mot lan, khong can quyen quan tri:
echo   1. Mo trang https://www.python.org/downloads/windows/
echo   2. Tai ban Python 3.13 moi nhat co dong "Windows installer (64-bit)".
echo   3. Chay tep vua tai. O man hinh dau tien:
echo        BO CHON  "Use admin privileges when installing py.exe"
echo        CHON     "Add python.exe to PATH"
echo      roi bam "Install Now".
echo   4. Cai xong, bam dup lai vao tep nay.
echo Huong dan day du: tep README.md, muc "Dung tren may Windows cua co quan".
set "CODE=2"
goto end

:end
echo.
if not defined THIDUA_NONINTERACTIVE pause
popd
exit /b %CODE%
