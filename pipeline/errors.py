"""Exceptions for the fatal and the unexpected; caught once, in the CLI."""

from __future__ import annotations


class ThiduaError(Exception):
    """A problem that stops the run; its text is the Vietnamese message for the user."""

    exit_code = 2


class ConfigError(ThiduaError):
    """The configuration file is missing, malformed or has an unknown key."""


class UsageError(ThiduaError):
    """The command line asks for something that cannot be done."""


class TemplateError(ThiduaError):
    """The Word report template cannot be used as it is."""


class OutputError(ThiduaError):
    """The results cannot be written where asked: a full disk, no permission, a file in the
    way. The user can fix it; it is not a bug."""
