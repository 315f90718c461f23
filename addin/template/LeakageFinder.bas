Attribute VB_Name = "LeakageFinder"
Option Explicit

' Ribbon callbacks for the Leakage Finder tab.
' Each one calls the Python package through the xlwings add-in. The call is late-bound
' (Application.Run by name), so this workbook opens and compiles on a machine without
' xlwings; there the buttons explain how to set it up. No macro runs when the workbook opens.

Private Const SETUP_STEPS As String = _
    "Set-up (once per computer):" & vbCrLf & _
    "1. Install Python 3.11 or newer." & vbCrLf & _
    "2. In a terminal, in the Leakage Finder folder: python -m venv .venv, activate it," & vbCrLf & _
    "   then: python -m pip install ." & vbCrLf & _
    "3. Then: leakage-finder setup-excel --workbook ""this workbook's path""" & vbCrLf & _
    "   (installs the xlwings add-in, pins that Python here, prints the fix for any blocker)" & vbCrLf & _
    "4. Close and reopen this workbook." & vbCrLf & vbCrLf & _
    "See the Start sheet for details."

Private Sub RunPythonMacro(ByVal entryPoint As String)
    On Error GoTo MissingXlwings
    If InStr(entryPoint, "(") = 0 Then entryPoint = entryPoint & "()"
    Application.Run "'xlwings.xlam'!RunPython", "import addin.excel.live as m; m." & entryPoint
    Exit Sub
MissingXlwings:
    MsgBox "Leakage Finder could not reach Python through the xlwings add-in." & vbCrLf & _
        "(" & Err.Description & ")" & vbCrLf & vbCrLf & SETUP_STEPS, vbExclamation, "Leakage Finder"
End Sub

Private Function PythonString(ByVal text As String) As String
    ' A Python string literal for a file path (backslashes and quotes escaped).
    PythonString = "'" & Replace(Replace(text, "\", "\\"), "'", "\'") & "'"
End Function

Private Sub ImportFile(ByVal entryPoint As String, ByVal title As String)
    Dim chosen As Variant
#If Mac Then
    chosen = Application.GetOpenFilename(, , title)
#Else
    chosen = Application.GetOpenFilename("Exports (*.csv;*.txt;*.xlsx;*.xlsm),*.csv;*.txt;*.xlsx;*.xlsm,All files (*.*),*.*", , title)
#End If
    If VarType(chosen) = vbBoolean Then Exit Sub
    RunPythonMacro entryPoint & "(" & PythonString(CStr(chosen)) & ")"
End Sub

Public Sub ImportVendor(control As IRibbonControl)
    ImportFile "import_vendor", "Import Vendor File"
End Sub

Public Sub ImportPsa(control As IRibbonControl)
    ImportFile "import_psa", "Import PSA File"
End Sub

Public Sub Reconcile(control As IRibbonControl)
    RunPythonMacro "reconcile"
End Sub

Public Sub ClearResults(control As IRibbonControl)
    RunPythonMacro "clear_results"
End Sub

Public Sub ArchiveMonth(control As IRibbonControl)
    RunPythonMacro "archive_month"
End Sub

Public Sub ShowHelp(control As IRibbonControl)
    ThisWorkbook.Worksheets("Start").Activate
    MsgBox "1. Paste (or import) the vendor bill into the Vendor sheet." & vbCrLf & _
        "2. Paste (or import) the PSA export into the PSA sheet." & vbCrLf & _
        "3. Click Reconcile, then review the Discrepancies and KPIs sheets." & vbCrLf & vbCrLf & _
        "Where to find each export: docs/export-guides in the Leakage Finder folder" & vbCrLf & _
        "(README, Export guides)." & vbCrLf & vbCrLf & _
        SETUP_STEPS, vbInformation, "Leakage Finder"
End Sub

Public Sub LogStatusChange(ByVal Sh As Object, ByVal Target As Range)
    ' Time to reconcile: a Status typed on Discrepancies is logged with the time in the hidden
    ' Activity Log (Python reads it at the next run). Called by ThisWorkbook's SheetChange event.
    Dim header As Range, statusCell As Range, cell As Range, logSheet As Worksheet
    Dim idCol As Long, impactCol As Long, kindCol As Long, nextRow As Long
    On Error GoTo Done
    If Sh.Name <> "Discrepancies" Then Exit Sub
    Set statusCell = Sh.Range("A1:A10").EntireRow.Find(What:="Status", LookAt:=1)
    If statusCell Is Nothing Then Exit Sub
    Set header = statusCell.EntireRow
    idCol = header.Find(What:="Finding ID", LookAt:=1).Column
    impactCol = header.Find(What:="Monthly impact", LookAt:=1).Column
    kindCol = header.Find(What:="Leakage or exposure", LookAt:=1).Column
    Set logSheet = ThisWorkbook.Worksheets("Activity Log")
    For Each cell In Target.Cells
        If cell.Column = statusCell.Column And cell.Row > statusCell.Row Then
            If Len(CStr(Sh.Cells(cell.Row, idCol).Value)) > 0 Then
                nextRow = logSheet.Cells(logSheet.Rows.Count, 1).End(-4162).Row + 1
                logSheet.Range(logSheet.Cells(nextRow, 1), logSheet.Cells(nextRow, 8)).NumberFormat = "@"
                logSheet.Cells(nextRow, 1).Value = Format(Now, "yyyy-mm-dd hh:nn:ss")
                logSheet.Cells(nextRow, 2).Value = "status"
                logSheet.Cells(nextRow, 4).Value = CStr(Sh.Cells(cell.Row, idCol).Value)
                logSheet.Cells(nextRow, 5).Value = CStr(cell.Value)
                logSheet.Cells(nextRow, 6).Value = Trim(Str(Sh.Cells(cell.Row, impactCol).Value2))
                logSheet.Cells(nextRow, 7).Value = CStr(Sh.Cells(cell.Row, kindCol).Value)
                logSheet.Cells(nextRow, 8).Value = "typed in Excel"
            End If
        End If
    Next cell
Done:
End Sub
