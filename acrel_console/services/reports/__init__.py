"""The report center (报表中心): each report is a function of the database and a period, returning a
`Report` (translated on screen, exported through services.export)."""
