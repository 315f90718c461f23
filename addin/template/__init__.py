"""The workbook template: ribbon.xml and LeakageFinder.bas as text sources, and the build."""
