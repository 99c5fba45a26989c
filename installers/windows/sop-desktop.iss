; Inno Setup 6 script for SOP Desktop: a per-user install, no administrator rights needed.
; Build on Windows after the bundle (see the README, "Membangun paket"):
;   python installers\build.py
;   "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" installers\windows\sop-desktop.iss
; (or "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" when Inno Setup was installed for all users)
; Result: dist\SOP-Desktop-<version>-setup.exe
;
; The version is not written here: it is read from the built program, whose version resource
; installers/sop-desktop.spec makes from sop_desktop/__init__.py (__version__), the one place
; it lives.
;
; The uninstaller removes the program only. The office's data (database, backups, attachments,
; letter templates, settings) lives in the user's data folder, %LOCALAPPDATA%\SOPDesktop
; (platformdirs), outside {app}; nothing below deletes it.

#define AppName "SOP Desktop"
#define AppExeName "sop-desktop.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\sop-desktop"
#define AppExe BundleDir + "\" + AppExeName

#if !FileExists(AppExe)
  #error Bundel belum dibangun: jalankan dulu "python installers\build.py" (dist\sop-desktop\sop-desktop.exe tidak ada)
#endif

; GetStringFileInfo is built into every Inno Setup 6 preprocessor (the helper macro around it
; was renamed between releases)
#define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#if AppVersion == ""
  #error dist\sop-desktop\sop-desktop.exe tidak memuat versi (ProductVersion): bangun ulang dengan installers\sop-desktop.spec
#endif

[Setup]
AppId={{8C9C0C7E-5E0B-4D8E-9B1A-5D0B7F3C2A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#GetVersionNumbersString(AppExe)}
; per user: %LOCALAPPDATA%\Programs\SOP Desktop, no UAC prompt; {auto...} follow the mode if
; IT chooses an install for all users in the dialog
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir={#AddBackslash(SourcePath)}..\..\dist
OutputBaseFilename=SOP-Desktop-{#AppVersion}-setup
SetupIconFile=sop-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
; Indonesian is an unofficial Inno Setup translation: used when Indonesian.isl has been put in
; Inno Setup's Languages folder (see the README), English otherwise.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Indonesian.isl")
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the program's libraries whole: no stale module of an older version stays
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] that removes files: uninstalling never deletes the office's
; database, backups or attachments in the user's data folder.
