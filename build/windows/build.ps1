# Build NKI Desktop for Windows: venv, install, PyInstaller, frozen self-test, Inno Setup installer.
#
#   powershell -ExecutionPolicy Bypass -File build\windows\build.ps1
#   ... -Python "C:\Python311\python.exe"   use this interpreter for the venv (default: py -3.11)
#   ... -SkipInstaller                      stop after the self-test (no Inno Setup needed)
#
# Needs Python 3.11 (x64) and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
# Output: dist\nki-desktop\ (nki-desktop.exe windowed, nki-desktop-cli.exe console) and
#         dist\nki-desktop-<version>-setup.exe. Work files: dist\work\.
param(
    [string]$Python = "",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    Write-Host "== $What"
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What misslyckades (kod $LASTEXITCODE)" }
}

# The version has one source: nki_desktop\__init__.py
$Match = Select-String -Path "nki_desktop\__init__.py" -Pattern '^__version__ = "([^"]+)"'
if (-not $Match) { throw "Hittar inte __version__ i nki_desktop\__init__.py" }
$Version = $Match.Matches[0].Groups[1].Value
Write-Host "NKI Desktop $Version"

$Venv = Join-Path $Root ".venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        Invoke-Checked "Skapar .venv" { & $Python -m venv $Venv }
    } else {
        Invoke-Checked "Skapar .venv (py -3.11)" { py -3.11 -m venv $Venv }
    }
}
Invoke-Checked "Uppdaterar pip" { & $VenvPython -m pip install -q --upgrade pip }
Invoke-Checked "Installerar programmet med byggverktyg" {
    & $VenvPython -m pip install -q -e ".[build]"
}

Invoke-Checked "PyInstaller (build\nki_desktop.spec)" {
    & $VenvPython -m PyInstaller --noconfirm --clean --distpath dist `
        --workpath dist\work\pyinstaller build\nki_desktop.spec
}
$App = Join-Path $Root "dist\nki-desktop"
foreach ($Exe in @("nki-desktop.exe", "nki-desktop-cli.exe")) {
    if (-not (Test-Path (Join-Path $App $Exe))) { throw "Saknar dist\nki-desktop\$Exe" }
}
$Size = (Get-ChildItem $App -Recurse | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("Programmapp: dist\nki-desktop ({0:N0} MB)" -f $Size)

# The console twin prints the self-test; the windowed exe has no console on Windows.
$env:QT_QPA_PLATFORM = "offscreen"
$SelfTestArgs = @("--self-test")
Invoke-Checked "Självtest av det frysta programmet" {
    & (Join-Path $App "nki-desktop-cli.exe") @SelfTestArgs
}
Remove-Item Env:\QT_QPA_PLATFORM

if ($SkipInstaller) { Write-Host "Klart (utan installationsprogram)."; exit 0 }

$Iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Candidates = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    )
    $Iscc = $Candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Hittar inte ISCC.exe: installera Inno Setup 6" }
Invoke-Checked "Inno Setup (build\windows\nki_desktop.iss)" {
    & $Iscc "/DMyAppVersion=$Version" "build\windows\nki_desktop.iss"
}
$Setup = Join-Path $Root "dist\nki-desktop-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "Saknar $Setup" }
Write-Host ("Installationsprogram: {0} ({1:N0} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
