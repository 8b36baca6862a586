"""Bytes and buses: transports, Modbus/vendor frames, meter profiles, simulator, SMS modem."""
