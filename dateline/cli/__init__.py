"""The ``dateline`` command: a thin click group; each module adds its commands.

Errors a user can act on (``DatelineError``) are printed on one line with the
exit code 2, never as a traceback.
"""
from __future__ import annotations

import sys

import click

from ..errors import DatelineError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # noqa: D102 - click hook
        try:
            return super().invoke(ctx)
        except DatelineError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted: what was committed is kept", err=True)
            sys.exit(130)


@click.group(cls=_Group)
@click.version_option(package_name="dateline")
def main() -> None:
    """Dated, sourced political events from French news."""


@main.group("eval")
def eval_group() -> None:
    """Score dateline against gold annotations (TIMEX3, events)."""


def _register() -> None:
    # Imported for their side effect: each module attaches its commands to ``main``.
    import importlib

    for name in ("core", "eval_timex", "eval_events", "web", "spark"):
        importlib.import_module(f"{__name__}.{name}")


_register()
