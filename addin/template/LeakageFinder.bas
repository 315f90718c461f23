Attribute VB_Name = "LeakageFinder"
Option Explicit

' Ribbon callbacks for the Leakage Finder tab.
' Each one calls the Python package through the xlwings add-in. The call is late-bound
' (Application.Run by name), so this workbook opens and compiles on a machine without
' xlwings; there the buttons explain how to set it up. No macro runs when the workbook opens.

Private Const SETUP_STEPS As String = _
    "Set-up (once per computer):" & vbCrLf & _
    "1. Install Python 3.11 or newer." & vbCrLf & _
    "2. In a terminal, in the Leakage Finder folder: python -m pip install ." & vbCrLf & _
    "3. Then: xlwings addin install" & vbCrLf & _
    "4. Close and reopen this workbook." & vbCrLf & vbCrLf & _
    "See the Start sheet for details."

Private Sub RunPythonMacro(ByVal entryPoint As String)
    On Error GoTo MissingXlwings
    If InStr(entryPoint, "(") = 0 Then entryPoint = entryPoint & "()"
    Application.Run "'xlwings.xlam'!RunPython", "import addin.macros as m; m." & entryPoint
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
        SETUP_STEPS, vbInformation, "Leakage Finder"
End Sub
