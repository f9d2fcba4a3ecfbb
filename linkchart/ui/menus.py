"""Finding a menu-bar menu that the window or another feature may already have made."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def menu_bar_menu(window: QMainWindow, title: str, object_name: str = "") -> QMenu:
    """The menu bar's menu with this objectName or title (ignoring the & mnemonic); made, before Help, when missing."""
    bar = window.menuBar()
    wanted = title.replace("&", "")
    for action in bar.actions():
        menu = action.menu()
        if menu is not None and ((object_name and menu.objectName() == object_name) or menu.title().replace("&", "") == wanted):
            return menu
    menu = QMenu(title, bar)
    menu.setObjectName(object_name)
    help_menu = next((a for a in bar.actions() if a.menu() is not None and a.text().replace("&", "") == "Help"), None)
    if help_menu is not None:
        bar.insertMenu(help_menu, menu)
    else:
        bar.addMenu(menu)
    return menu
