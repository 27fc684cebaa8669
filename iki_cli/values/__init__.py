"""Reading measured values: the ingest of rows, CSV files and workbooks."""
