; Inno Setup script for SOP Desktop: a per-user install, no administrator rights needed.
; Build on Windows (see README, "Windows installer"):
;   py installers\build.py
;   iscc /DAppVersion=<version> installers\windows\sop-desktop.iss
; The uninstaller removes the program only: the office's data in %LOCALAPPDATA%\SOPDesktop stays.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{8C9C0C7E-5E0B-4D8E-9B1A-5D0B7F3C2A11}
AppName=SOP Desktop
AppVersion={#AppVersion}
AppVerName=SOP Desktop {#AppVersion}
AppPublisher=SOP Desktop
DefaultDirName={localappdata}\Programs\SOP Desktop
DefaultGroupName=SOP Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=SOP-Desktop-{#AppVersion}-setup
SetupIconFile=sop-desktop.ico
UninstallDisplayIcon={app}\sop-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\sop-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\SOP Desktop"; Filename: "{app}\sop-desktop.exe"
Name: "{group}\{cm:UninstallProgram,SOP Desktop}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\SOP Desktop"; Filename: "{app}\sop-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sop-desktop.exe"; Description: "{cm:LaunchProgram,SOP Desktop}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: uninstalling never deletes the office's database,
; backups or attachments.
