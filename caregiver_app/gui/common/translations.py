"""The window's language: our gettext catalog for our words, and Qt's own catalog for Qt's.

Two translators are installed on the application:

* :class:`CatalogTranslator` answers Qt's ``translate()`` calls (the generated forms call
  ``QCoreApplication.translate``) from our gettext catalog (:mod:`caregiver_app.i18n`), so the
  forms and the hand-written widgets share one catalog and one set of translations;
* ``qtbase_<code>.qm`` from Qt's translations folder translates Qt's own words: the buttons of
  standard dialogs, the context menus of text fields, the file dialog.

:func:`use_language` sets both, and the process language that ``_()`` reads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ... import i18n
from ...settings import Settings, effective_country, effective_language

_installed: list[QTranslator] = []


class CatalogTranslator(QTranslator):
    """Qt's translate() calls answered from our gettext catalog of the language in force."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # noqa: ARG002 - Qt's signature
        if not source_text:
            return None
        found = i18n.translations(i18n.process_language()).gettext(source_text)
        # None (a null string) tells Qt "not mine": it then asks the next translator or shows the
        # source text. An empty string would be taken as the translation and blank the label.
        return found if found != source_text else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        # Not empty, so installing it sends the LanguageChange event to every widget.
        return False


def qt_locale_for(code: str, country: str) -> QLocale:
    """The QLocale that writes dates and numbers for language ``code`` in ``country`` (ISO alpha-2
    or ``""``): the system's own when it already speaks ``code``."""
    system = QLocale.system()
    if i18n.normalise(system.name()) == code or (code == i18n.SOURCE_LANGUAGE and not i18n.normalise(system.name())):
        return system
    name = i18n.babel_locale(code, country)
    return QLocale(name)


def use_language(code: str, country: str = "") -> str:
    """Speak ``code`` in the window from now on: our catalog, Qt's catalog and the locale that
    writes dates and numbers. Returns the code in force (English when ``code`` is unknown).
    Widgets built after this call come in the new language; built ones get a LanguageChange event."""
    app = QCoreApplication.instance()
    code = i18n.set_language(code)
    QLocale.setDefault(qt_locale_for(code, country))
    if app is None:
        return code
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code != i18n.SOURCE_LANGUAGE:
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{code}", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        ours = CatalogTranslator(app)
        app.installTranslator(ours)
        _installed.append(ours)
    return code


def system_language() -> str:
    """The language the app speaks that this computer's user prefers (English when none)."""
    return i18n.system_language(*QLocale.system().uiLanguages())


def language_for(settings: Settings) -> str:
    """The language code ``settings`` put in effect in the window (``""`` means the system's)."""
    return effective_language(settings, *QLocale.system().uiLanguages())


def use_settings_language(settings: Settings) -> str:
    """:func:`use_language` for the language and country ``settings`` put in effect (the
    system's when not chosen). Call before building any window. Returns the code in force."""
    return use_language(language_for(settings), effective_country(settings, QLocale.system().name()))
