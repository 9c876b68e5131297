"""HostLab desktop app: PySide6 + pyqtgraph windows and views over sim snapshots.

Where things are:

- ``controller.py`` — the one Qt adapter: owns the session, advances time, publishes a
  ``sim.snapshot.Snapshot`` per frame. Nothing else in gui/ calls the session.
- ``window/`` — the main window and its parts: the view registry (``view_registry.VIEWS``),
  tabs by name, the menu table (``menus.ENTRIES``), the file flow, the splitter grid.
- ``rewind.py`` — the run's history (``sim.history``) behind the time slider: earlier moments,
  replay from them, branches; ``window/side_by_side.py`` two hosts in one split view.
- ``panels/`` — controls the class uses: palette, host, transport, experiments, settings, moves.
- ``views/`` — widgets that only draw a snapshot (diagram, timeline, memory, density, log...).
- ``text/`` — what ids are called on screen and in Chinese: labels, log sentences, errors.
- ``theme.py`` colours and sizes, ``units.py`` numbers for people, ``i18n.py`` languages;
  ``app.py``/``headless.py`` the ``hostlab`` command, ``export.py``/``dialogs.py`` files,
  ``recording.py``/``ffmpeg_pipe.py`` a time range recorded as MP4, WebM or GIF.
"""
