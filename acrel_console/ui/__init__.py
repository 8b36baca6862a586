"""PySide6 user interface: the main window shell, its pages, dialogs, models and the status theme."""
