"""Independent peers for wire tests: a pymodbus server acting as Acrel meters, and a gateway relay."""
