"""The decision record as files: PDF for people, JSON and CSV for other systems."""
