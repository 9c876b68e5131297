"""HostLab simulation model: discrete-event engine, resources and host model (Qt-free)."""
