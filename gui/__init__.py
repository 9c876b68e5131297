"""HostLab desktop app: PySide6 + pyqtgraph windows and views over sim snapshots."""
