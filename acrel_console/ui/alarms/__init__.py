"""The Alarms page's parts: severity registry, alarm list model, acknowledge dialog, notifier and status-bar flash."""
