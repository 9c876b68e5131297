; HostLab installer for Windows (Inno Setup 6 or 7), in English and Simplified Chinese.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\hostlab.iss     (after the PyInstaller build)
;
; packaging/windows/build_windows.sh does the whole build. Installs per user without admin
; rights by default (%LOCALAPPDATA%\Programs\HostLab); the first page offers "all users"
; instead, which asks for admin rights (PrivilegesRequiredOverridesAllowed=dialog). Adds a
; Start-menu shortcut, a desktop shortcut if ticked, and an uninstaller (Settings → Apps).
; Paths are relative to this file.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\hostlab"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

; Windows' version resource takes only up to four numbers: a release candidate (0.2.0rc1) or a
; development version (0.2.0.dev3) gets its leading numbers here (0.2.0), while AppVersion and
; the file name keep the full version. ISCC stops on a VersionInfoVersion like "0.2.0rc1".
; NumericPrefix(S, 1): the leading digits and dots of S (recursive: ISPP has no loops that can
; change a variable outside a #sub).
#define NumericPrefix(str S, int I) (I > Len(S)) ? S : ((Pos(Copy(S, I, 1), "0123456789.") > 0) ? NumericPrefix(S, I + 1) : Copy(S, 1, I - 1))
#define NumericVersion NumericPrefix(AppVersion, 1)
#if Copy(NumericVersion, Len(NumericVersion), 1) == "."
  #define NumericVersion Copy(NumericVersion, 1, Len(NumericVersion) - 1)
#endif
#if NumericVersion == ""
  #error AppVersion must start with a number (e.g. 0.2.0 or 0.2.0rc1)
#endif

; Simplified Chinese is an official language from Inno Setup 7.0.2 on; Inno Setup 6 has none,
; and uses HostLab's own translation beside this script (see README.md here).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#else
  #define ChineseMessages "HostLabChineseSimplified.isl"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{5B0F3C8E-2D47-4C1A-9E63-7A1F0D2B8C45}
AppName=HostLab
AppVersion={#AppVersion}
AppVerName=HostLab {#AppVersion}
AppPublisher=HostLab
VersionInfoVersion={#NumericVersion}
DefaultDirName={autopf}\HostLab
DefaultGroupName=HostLab
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=HostLab-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\hostlab.ico
UninstallDisplayIcon={app}\hostlab.exe
UninstallDisplayName=HostLab
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
en.ShortcutName=HostLab
zh_CN.ShortcutName=HostLab 主机实验室
en.ShortcutComment=Watch containers and virtual machines start and fill a host
zh_CN.ShortcutComment=观看容器和虚拟机如何启动、如何占满主机

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle: files a newer build dropped must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\hostlab.exe"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\hostlab.exe"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\hostlab.exe"; Description: "{cm:LaunchProgram,HostLab}"; Flags: nowait postinstall skipifsilent
