; Inno Setup 6 script: installs the PyInstaller bundle (dist\acrel-console\, built on Windows with
; scripts\build_bundle.sh under Git Bash, or `.venv\Scripts\pyinstaller --noconfirm installer\acrel-console.spec`).
;
;   iscc /DAppVersion=0.1.0 installer\windows\acrel-console.iss      -> dist\acrel-console-setup-0.1.0.exe
;
; Components:
;   main     the console (Start-menu entry "Acrel Console", optional desktop icon)
;   service  the site service `acrel-console serve` (poller + command dispatcher) registered as the Windows
;            service "AcrelConsole" through NSSM (the Non-Sucking Service Manager, nssm.cc, public domain).
;            Why NSSM and not sc.exe: `sc.exe create` only registers programs that speak the Service Control
;            Manager protocol; a plain console program started that way is killed after 30 s (error 1053).
;            NSSM wraps it, restarts it on failure and stops it with Ctrl-C (serve shuts down cleanly).
;            Put nssm.exe (64-bit, 2.24) at installer\windows\nssm.exe before compiling; it is not committed.
;
; Data: the console keeps its SQLite file and backups in %LOCALAPPDATA%\acrel-console (per user); the service
; uses %ProgramData%\acrel-console (ACREL_DATA_DIR). The uninstaller removes the program and the service and
; KEEPS both data folders (nothing of them is listed under [UninstallDelete]; the ProgramData folder carries
; uninsneveruninstall).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Acrel Console"
#define ServiceName "AcrelConsole"
#define BundleDir "..\..\dist\acrel-console"

[Setup]
AppId={{6E0C7A4B-3F2D-4C8E-9A51-5C0A1E7D3B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Acrel Console contributors
DefaultDirName={autopf}\Acrel Console
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=acrel-console-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
UninstallDisplayIcon={app}\acrel-console-gui.exe
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Types]
Name: "workstation"; Description: "Workstation (console only)"
Name: "server"; Description: "Site server (console + background service)"
Name: "custom"; Description: "Custom"; Flags: iscustom

[Components]
Name: "main"; Description: "Acrel Console"; Types: workstation server custom; Flags: fixed
Name: "service"; Description: "Site service (acrel-console serve, Windows service {#ServiceName})"; Types: server

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Dirs]
Name: "{commonappdata}\acrel-console"; Components: service; Flags: uninsneveruninstall
Name: "{commonappdata}\acrel-console\logs"; Components: service; Flags: uninsneveruninstall

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Components: main
Source: "nssm.exe"; DestDir: "{app}\service"; Flags: ignoreversion; Components: service
Source: "..\..\docs\deployment.md"; DestDir: "{app}\docs"; Flags: ignoreversion skipifsourcedoesntexist; Components: main

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\acrel-console-gui.exe"; Parameters: "gui"; WorkingDir: "{app}"
Name: "{group}\{#AppName} command prompt"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && acrel-console --help"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\acrel-console-gui.exe"; Parameters: "gui"; Tasks: desktopicon

[Run]
; the service: stop/remove an old registration, then install and configure it with NSSM
Filename: "{app}\service\nssm.exe"; Parameters: "stop {#ServiceName}"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "remove {#ServiceName} confirm"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "install {#ServiceName} ""{app}\acrel-console.exe"" serve"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} DisplayName ""Acrel Console site service"""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} Description ""Polls the meters and executes the commands the workstations queue."""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppDirectory ""{app}"""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppEnvironmentExtra ""ACREL_DATA_DIR={commonappdata}\acrel-console"" ""QT_QPA_PLATFORM=offscreen"" ""ACREL_DB={code:DbUrl}"" ""ACREL_USER=acrel-service"" ""ACREL_PASSWORD_FILE={commonappdata}\acrel-console\service.password"""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} Start SERVICE_AUTO_START"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppExit Default Restart"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppRestartDelay 5000"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppStopMethodConsole 30000"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppStdout ""{commonappdata}\acrel-console\logs\serve.log"""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppStderr ""{commonappdata}\acrel-console\logs\serve.log"""; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppRotateFiles 1"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "set {#ServiceName} AppRotateBytes 10485760"; Flags: runhidden; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "start {#ServiceName}"; Flags: runhidden; Components: service; Check: HasDbUrl
Filename: "{app}\acrel-console-gui.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent; Components: main

[UninstallRun]
Filename: "{app}\service\nssm.exe"; Parameters: "stop {#ServiceName}"; Flags: runhidden; RunOnceId: "StopService"; Components: service
Filename: "{app}\service\nssm.exe"; Parameters: "remove {#ServiceName} confirm"; Flags: runhidden; RunOnceId: "RemoveService"; Components: service

; No [UninstallDelete]: the databases, backups, site.key and logs under %LOCALAPPDATA%\acrel-console and
; %ProgramData%\acrel-console stay after uninstalling (reinstalling finds them again).

[Code]
var
  DbPage: TInputQueryWizardPage;

procedure InitializeWizard;
begin
  DbPage := CreateInputQueryPage(wpSelectComponents,
    'Site database', 'Which database does the site service use?',
    'Enter the PostgreSQL URL every workstation uses, e.g.' + #13#10 +
    'postgresql+psycopg://acrel:PASSWORD@dbhost:5432/acrel' + #13#10 +
    'Leave it empty to configure later (nssm edit {#ServiceName}); the service is then not started.');
  DbPage.Add('Database URL:', False);
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = DbPage.ID) and not WizardIsComponentSelected('service');
end;

function DbUrl(Param: String): String;
begin
  Result := Trim(DbPage.Values[0]);
end;

function HasDbUrl: Boolean;
begin
  Result := DbUrl('') <> '';
end;
