; Caregiver Companion: the Windows installer (NSIS 3, Unicode).
;
; Per-user: installs into %LOCALAPPDATA%\Programs\Caregiver Companion with no administrator rights,
; adds a Start-menu shortcut and (optionally) a desktop shortcut, and registers an uninstaller
; under "Installed apps". The uninstaller removes the program only: the vault, in
; %LOCALAPPDATA%\CaregiverCompanion, is never touched, and the last page says where it is.
;
; Build (on Windows, or anywhere with makensis):
;   makensis /DBUNDLE=dist\bundle\caregiver-companion /DVERSION=0.1.0 ^
;            /DICON=dist\bundle\icons\caregiver-companion.ico /DOUTFILE=dist\caregiver-companion-0.1.0-setup.exe ^
;            installers\windows\caregiver-companion.nsi
; installers/windows/check.sh compiles it around a placeholder payload (CI).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef BUNDLE
  !error "Give the bundle folder with /DBUNDLE=..."
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "caregiver-companion-${VERSION}-setup.exe"
!endif

!define APP_NAME "Caregiver Companion"
!define APP_EXE "caregiver-app.exe"
; The console program from the same bundle: --self-test and the command line print in cmd.exe and
; PowerShell only from a console program (caregiver-app.exe is a window program). No shortcut:
; the finish page says where it is.
!define CLI_EXE "caregiver-cli.exe"
!define VAULT_DIR "$LOCALAPPDATA\CaregiverCompanion"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CaregiverCompanion"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "The Caregiver Companion team"

!include "MUI2.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
; The language chosen at install is remembered, so the uninstaller speaks it without asking again.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
; The path to caregiver-cli.exe needs more room than the default text area above the checkbox.
!define MUI_FINISHPAGE_TEXT_LARGE
!define MUI_UNFINISHPAGE_NOAUTOCLOSE

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "$(VaultKeptTitle)"
!define MUI_FINISHPAGE_TEXT "$(VaultKeptText)"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"

LangString SecApp ${LANG_ENGLISH} "${APP_NAME} (required)"
LangString SecApp ${LANG_SPANISH} "${APP_NAME} (necesario)"
LangString SecDesktop ${LANG_ENGLISH} "Shortcut on the desktop"
LangString SecDesktop ${LANG_SPANISH} "Acceso directo en el escritorio"
LangString DescApp ${LANG_ENGLISH} "The app and a Start-menu shortcut."
LangString DescApp ${LANG_SPANISH} "La aplicación y un acceso directo en el menú Inicio."
LangString DescDesktop ${LANG_ENGLISH} "An icon on the desktop that opens ${APP_NAME}."
LangString DescDesktop ${LANG_SPANISH} "Un icono en el escritorio que abre ${APP_NAME}."
LangString RunNow ${LANG_ENGLISH} "Open ${APP_NAME} now"
LangString RunNow ${LANG_SPANISH} "Abrir ${APP_NAME} ahora"
LangString FinishText ${LANG_ENGLISH} "${APP_NAME} is installed. Open it from the Start menu.$\r$\n$\r$\nTo check that everything works, or to use it from the command line, open Command Prompt and run:$\r$\n$\r$\n$\"$INSTDIR\${CLI_EXE}$\" --self-test"
LangString FinishText ${LANG_SPANISH} "${APP_NAME} está instalado. Ábralo desde el menú Inicio.$\r$\n$\r$\nPara comprobar que todo funciona, o para usarlo desde la línea de comandos, abra el Símbolo del sistema y ejecute:$\r$\n$\r$\n$\"$INSTDIR\${CLI_EXE}$\" --self-test"
LangString StillRunning ${LANG_ENGLISH} "${APP_NAME} is still open. Please close it, then choose Retry."
LangString StillRunning ${LANG_SPANISH} "${APP_NAME} sigue abierto. Ciérrelo y luego elija Reintentar."
LangString VaultKeptTitle ${LANG_ENGLISH} "The app was removed. Your journal was kept."
LangString VaultKeptTitle ${LANG_SPANISH} "Se quitó la aplicación. Su diario se conservó."
LangString VaultKeptText ${LANG_ENGLISH} "Your encrypted journal (the vault) and its backups are still on this computer, in:$\r$\n$\r$\n${VAULT_DIR}$\r$\n$\r$\nInstall ${APP_NAME} again and it opens them with your passphrase. To move them to another computer, use File > Save a vault file for another computer before uninstalling. Delete that folder only if you are sure you no longer need the journal."
LangString VaultKeptText ${LANG_SPANISH} "Su diario cifrado y sus copias de seguridad siguen en esta computadora, en:$\r$\n$\r$\n${VAULT_DIR}$\r$\n$\r$\nSi vuelve a instalar ${APP_NAME}, los abrirá con su frase de contraseña. Para llevarlos a otra computadora, antes de desinstalar guarde un archivo del diario para otra computadora desde el menú Archivo de la aplicación. Borre esa carpeta solo si tiene la certeza de que ya no necesita el diario."

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "$(SecApp)" SecAppId
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update while the app is open would delete half of _internal and then fail on the open
  ; program: the app would then say "this installation is incomplete". Ask to close it first
  ; (a running program cannot be deleted on Windows).
  ; Both programs: either may be running (the window, or a self-test in a Command Prompt).
  install_retry:
  ClearErrors
  IfFileExists "$INSTDIR\${APP_EXE}" 0 +2
    Delete "$INSTDIR\${APP_EXE}"
  IfFileExists "$INSTDIR\${CLI_EXE}" 0 +2
    Delete "$INSTDIR\${CLI_EXE}"
  IfErrors 0 install_free
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY install_retry
    Abort
  install_free:
  ; An update replaces the program folder whole, so no file of an older version is left behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Caregiver Companion team"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktopId
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAppId} "$(DescApp)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktopId} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  ; Only the program's own files: never the vault folder, never a folder the user chose that
  ; holds anything else.
  retry:
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  IfFileExists "$INSTDIR\${CLI_EXE}" 0 +2
    Delete "$INSTDIR\${CLI_EXE}"
  IfErrors 0 removed
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry
    Abort
  removed:
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(VaultKeptTitle) ${VAULT_DIR}"
SectionEnd
