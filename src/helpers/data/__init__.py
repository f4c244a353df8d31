"""The data package: its schema, loading, validation, provinces and Vietnamese numbers.

``loading`` reads the CSVs into typed frames after ``validation`` has checked them;
``provinces`` resolves any spelling of a province; ``numbers`` reads and writes Vietnamese
number formats; ``dictionary`` writes ``data/README.md`` from the schema.
"""
