; Inno Setup 6 script for NKI Desktop: per-user install, no administrator rights needed.
;
; Built by build\windows\build.ps1, which reads the version from nki_desktop\__init__.py:
;   ISCC.exe /DMyAppVersion=0.1.0 build\windows\nki_desktop.iss
; Input: the PyInstaller one-folder app in dist\nki-desktop (build\nki_desktop.spec).
; Output: dist\nki-desktop-<version>-setup.exe
;
; The user's database and settings live in %LOCALAPPDATA%\NKI Desktop (platformdirs
; user_data_dir("NKI Desktop", appauthor=False, roaming=False), see nki_desktop\paths.py).
; The uninstaller keeps them unless the user answers Yes to removing them.

#define MyAppName "NKI Desktop"
#define MyAppPublisher "NKI Desktop"
#define MyAppExeName "nki-desktop.exe"
#define MyAppCliName "nki-desktop-cli.exe"
#define MyDistDir "..\..\dist\nki-desktop"
#define MyDataDirName "NKI Desktop"
#ifndef MyAppVersion
  #error Ange versionen: ISCC.exe /DMyAppVersion=x.y.z (build.ps1 gör det)
#endif

[Setup]
AppId={{333F4AD4-F900-44BB-B6E8-759A278C9C17}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher={#MyAppPublisher}
VersionInfoVersion={#MyAppVersion}
; Per user, without administrator rights: {autopf} is %LOCALAPPDATA%\Programs here.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=nki-desktop-{#MyAppVersion}-setup
SetupIconFile=..\..\resources\icons\nki-desktop.ico
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={#MyAppName} {#MyAppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "Skapa en genväg på skrivbordet"; GroupDescription: "Genvägar:"; Flags: unchecked

[Files]
Source: "{#MyDistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; Comment: "Följ Insikt / NKI för din kommun"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "Starta {#MyAppName}"; Flags: nowait postinstall skipifsilent

[Code]
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#MyDataDirName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := UserDataDir();
  if not DirExists(DataDir) then
    exit;
  { A silent uninstall always keeps the data; otherwise ask, with "No" as the default. }
  if UninstallSilent() then
    exit;
  if MsgBox('Vill du också ta bort din databas, dina säkerhetskopior och inställningar?' + #13#10 + #13#10 +
            DataDir + #13#10 + #13#10 +
            'Välj Nej för att behålla dem (till exempel om du ska installera programmet igen).',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if not DelTree(DataDir, True, True, True) then
      MsgBox('Mappen kunde inte tas bort helt: ' + DataDir, mbError, MB_OK);
  end;
end;
