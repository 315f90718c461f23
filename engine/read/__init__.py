"""Reading exports: files into grids, the header row, columns by meaning, cell values, currency."""
