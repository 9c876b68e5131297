"""The main window and the parts it is composed of: menus, tabs, view registry, file flow."""
