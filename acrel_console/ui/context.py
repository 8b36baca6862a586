"""What every page gets: the services, the signed-in actor, the task runner, preferences, UI events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from acrel_console.domain.roles import Permission, Role
from acrel_console.services.base import Actor
from acrel_console.services.site_clock import SiteClock
from acrel_console.ui.prefs import Prefs
from acrel_console.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from acrel_console.app import Services


class UiEvents(QObject):
    """Application-wide UI signals, named as past events, so pages refresh without knowing each other."""

    site_changed = Signal()  # buildings, gateways, meters or site defaults changed
    operators_changed = Signal()
    palette_changed = Signal(str)
    language_chosen = Signal(str)  # "Apply now" in Settings: the window is rebuilt in that language


@dataclass
class UiContext:
    """Handed to every page and dialog. Services are called only through `tasks` (never on the GUI thread)."""

    services: Services
    actor: Actor
    tasks: TaskRunner
    prefs: Prefs
    events: UiEvents = field(default_factory=UiEvents)
    # The poller when this process polls (one-PC site or demo): pages subscribe to its sweep results
    # through a queued bridge. None on a workstation of a multi-workstation site.
    poller: Any = None
    # The site clock (services.clock): "now", "today" and every time shown, in the site's zone. Its zone is
    # loaded here, before any window shows; afterwards reading it does no I/O, so widgets may use it.
    clock: SiteClock = field(init=False)

    def __post_init__(self) -> None:
        from acrel_console.ui.site_time import use_site_clock

        self.clock = self.services.ctx.site_clock
        self.clock.zone  # noqa: B018 - load the site's zone now, not later on the GUI thread
        use_site_clock(self.clock)

    def can(self, permission: Permission) -> bool:
        """Whether the signed-in role holds a permission (to enable controls; services check again)."""
        return self.actor.allows(permission)

    @property
    def is_admin(self) -> bool:
        return self.actor.role == Role.ADMINISTRATOR
