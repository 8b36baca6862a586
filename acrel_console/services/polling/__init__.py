"""Polling (design §10): bus workers, back-off, the scheduled poller and what it publishes."""

from acrel_console.services.polling.poller import Poller, default_bus_factory, read_settings
from acrel_console.services.polling.results import PollSettings, SweepResult
from acrel_console.services.polling.worker import BusWorker, QueueFull

__all__ = ["Poller", "PollSettings", "SweepResult", "BusWorker", "QueueFull", "default_bus_factory", "read_settings"]
