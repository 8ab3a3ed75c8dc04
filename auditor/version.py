"""The package version, in a module of its own so that any module may read it without importing the
package root (whose `audit` shortcut imports the API)."""

__version__ = "0.1.0"
